package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
)

// Accept headers of feed and page requests.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
	acceptPage = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5"
)

// pollFeed polls f once and hands its new items' articles to h. ok is
// false when ctx ended during the poll, which then counts for nothing.
func (w *Watcher) pollFeed(ctx context.Context, f *feedState, h Handler) (r Result, ok bool) {
	r = Result{Feed: f.URL}
	resp, err := w.get(ctx, f.URL, acceptFeed, f.etag, f.modified, w.opts.MaxFeedBytes)
	if ctx.Err() != nil {
		return r, false
	}
	if resp != nil {
		r.Status = resp.status
	}
	if err != nil {
		return w.fail(f, r, err, resp), true
	}
	if resp.code == http.StatusNotModified {
		return w.succeed(f, r), true
	}
	feed, err := input.ParseFeed(f.URL, resp.body, w.opts.Now)
	if err != nil {
		return w.fail(f, r, err, nil), true
	}
	r.Items = len(feed.Items)
	var fresh []input.FeedItem
	inFeed := map[string]bool{}
	for _, it := range feed.Items {
		if inFeed[it.ID] {
			continue
		}
		inFeed[it.ID] = true
		if !f.seen[it.ID] {
			fresh = append(fresh, it)
		}
	}
	all := true
	if w.opts.MaxItems > 0 && len(fresh) > w.opts.MaxItems {
		fresh, all = fresh[:w.opts.MaxItems], false
	}
	r.New = len(fresh)
	var arts []doc.Article
	for i, it := range fresh {
		if i > 0 && it.Link != "" && w.opts.PageGap > 0 {
			if w.opts.Sleep(ctx, w.opts.PageGap) != nil {
				return r, false
			}
		}
		a, perr := w.article(ctx, f.URL, feed.Title, it)
		if ctx.Err() != nil {
			return r, false
		}
		if perr != nil {
			r.Problems = append(r.Problems, perr)
		}
		if a.Text != "" {
			arts = append(arts, a)
		}
	}
	r.Articles = len(arts)
	if len(arts) > 0 {
		if err := h(ctx, f.URL, arts); err != nil {
			if ctx.Err() != nil {
				return r, false
			}
			return w.fail(f, r, fmt.Errorf("store: %w", err), nil), true
		}
	}
	// Only now are the items seen: the ids of the feed that were seen
	// before or taken now; the others are forgotten.
	seen := map[string]bool{}
	for id := range inFeed {
		if f.seen[id] {
			seen[id] = true
		}
	}
	for _, it := range fresh {
		seen[it.ID] = true
	}
	f.seen = seen
	if all { // with items left for later, the next poll must not get a 304
		f.etag, f.modified = resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	}
	return w.succeed(f, r), true
}

// succeed records a successful poll of f.
func (w *Watcher) succeed(f *feedState, r Result) Result {
	f.failures = 0
	f.due = w.opts.Now().Add(f.Every)
	r.Wait = f.Every
	return r
}

// fail records a failed poll of f: the wait doubles with each consecutive
// failure from the feed's interval up to MaxBackoff, and is at least what a
// 429 or 503 response asked for with Retry-After (up to MaxRetryAfter).
func (w *Watcher) fail(f *feedState, r Result, err error, resp *response) Result {
	f.failures++
	limit := max(f.Every, w.opts.MaxBackoff)
	wait := f.Every
	for i := 1; i < f.failures && wait < limit; i++ {
		wait *= 2
	}
	wait = min(wait, limit)
	if resp != nil && (resp.code == http.StatusTooManyRequests || resp.code == http.StatusServiceUnavailable) {
		if d, ok := RetryAfter(resp.header.Get("Retry-After"), w.opts.Now()); ok {
			wait = max(wait, min(d, MaxRetryAfter))
		}
	}
	f.due = w.opts.Now().Add(wait)
	r.Err, r.Failures, r.Wait = &Error{Feed: f.URL, Err: err}, f.failures, wait
	return r
}

// article makes the article of a new item: its page's text, or the item's
// own text when the page cannot be read. The error reports a page that
// could not be read, or an item that gives no article at all.
func (w *Watcher) article(ctx context.Context, feedURL, outlet string, it input.FeedItem) (doc.Article, error) {
	if it.Link == "" {
		if it.Err != nil {
			return doc.Article{}, &Error{Feed: feedURL, Item: it.ID, Err: fmt.Errorf("no link, and %w", it.Err)}
		}
		return it.Article, nil
	}
	a, err := w.page(ctx, it.Link)
	if err != nil {
		if it.Err != nil {
			return doc.Article{}, &Error{Feed: feedURL, Item: it.ID, Err: fmt.Errorf("page %s: %w; and %w", it.Link, err, it.Err)}
		}
		return it.Article, &Error{Feed: feedURL, Item: it.ID, Err: fmt.Errorf("page %s: %w; the item's own text stands in", it.Link, err)}
	}
	a.ID = it.ID
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Outlet == "" {
		a.Outlet = outlet
	}
	if a.Published.IsZero() {
		a.Published = it.Published
	}
	return a, nil
}

// page fetches the page at link and extracts its article.
func (w *Watcher) page(ctx context.Context, link string) (doc.Article, error) {
	resp, err := w.get(ctx, link, acceptPage, "", "", w.opts.MaxPageBytes)
	if err != nil {
		return doc.Article{}, err
	}
	return input.Page(resp.final, resp.body, resp.header.Get("Content-Type"), w.opts.Now)
}

// response is what a request got.
type response struct {
	code   int
	status string
	header http.Header
	body   []byte
	final  string // the URL after redirects
}

// get requests u with the validators etag and modified (when not "") and
// reads the body up to max bytes. A status other than 2xx or 304 is an
// error that comes with the response.
func (w *Watcher) get(ctx context.Context, u, accept, etag, modified string, max int64) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, w.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	req.Header.Set("Accept", accept)
	if w.opts.From != "" {
		req.Header.Set("From", w.opts.From)
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if modified != "" {
		req.Header.Set("If-Modified-Since", modified)
	}
	resp, err := w.opts.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", timedOut(err, w.opts.Timeout))
	}
	defer resp.Body.Close()
	r := &response{code: resp.StatusCode, status: resp.Status, header: resp.Header, final: u}
	if resp.Request != nil && resp.Request.URL != nil {
		r.final = resp.Request.URL.String()
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return r, fmt.Errorf("HTTP status %s", resp.Status)
	case resp.ContentLength > max:
		return r, fmt.Errorf("body of %d bytes is over the limit of %d bytes", resp.ContentLength, max)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return r, fmt.Errorf("read body: %w", timedOut(err, w.opts.Timeout))
	}
	if int64(len(r.body)) > max {
		return r, fmt.Errorf("body is over the limit of %d bytes", max)
	}
	return r, nil
}

// timedOut says so plainly when err is the request's timeout.
func timedOut(err error, d time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %v", d)
	}
	return err
}

// RetryAfter parses the value of a Retry-After header, a number of seconds
// or an HTTP date, into the wait it asks for from now (0 for a date in the
// past). ok is false when v is neither.
func RetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if strings.Trim(v, "0123456789") == "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n > int64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, err == nil || errors.Is(err, strconv.ErrRange)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
