package input

import (
	"fmt"
	"net/http"
)

// accept lists the formats the reader understands, for the Accept header.
const accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, application/x-ndjson;q=0.9, text/plain;q=0.8, */*;q=0.5"

// fetch reads an http(s) URL and parses the response by its Content-Type
// and content.
func (r *reader) fetch(u string) error {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u, nil)
	if err != nil {
		return r.fail(&Error{Source: u, Err: fmt.Errorf("bad URL: %w", err)})
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		return r.fail(&Error{Source: u, Err: fmt.Errorf("fetch: %w", err)})
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r.fail(&Error{Source: u, Err: fmt.Errorf("fetch: HTTP status %s", resp.Status)})
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return r.fail(&Error{Source: u, Err: overLimit(resp.ContentLength, r.opts.MaxBytes)})
	}
	data, err := readLimited(resp.Body, r.opts.MaxBytes)
	if err != nil {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		return r.fail(&Error{Source: u, Err: err})
	}
	ctype := resp.Header.Get("Content-Type")
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String() // after redirects
	}
	return r.content(u, data, kindFromContentType(ctype), ctype, final)
}
