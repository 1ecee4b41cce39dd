package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/sitrep/sitrep/doc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaCharsetRE finds a charset declared in a <meta> element. It is never
// modified and safe for concurrent use.
var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// htmlArticle extracts the main text and metadata of an HTML page. ctype is
// its Content-Type and pageURL where it was fetched from, when known.
func htmlArticle(src string, data []byte, ctype, pageURL string, now func() time.Time) (doc.Article, error) {
	data, err := decodeHTML(data, ctype)
	if err != nil {
		return doc.Article{}, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return doc.Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	meta := pageMeta(root)
	base, _ := url.Parse(pageURL) // an unparsable URL just leaves links unresolved
	if pageURL == "" {
		base = nil
	}

	var text string
	var ra readability.Article
	if err := safely("extract HTML text", func() error {
		var rerr error
		p := readability.NewParser()
		ra, rerr = p.ParseDocument(root, base)
		return rerr
	}); err != nil {
		return doc.Article{}, err
	}
	if ra.Node != nil {
		text = normText(render.InnerText(ra.Node))
	}
	if text == "" { // readability found no article: take the whole body
		if body := findElement(root, atom.Body); body != nil {
			text = normText(render.InnerText(body))
		}
	}
	if text == "" {
		return doc.Article{}, errors.New("no text found in HTML")
	}

	a := doc.Article{ID: sourceID(src), Source: src, Text: text}
	a.Title = strings.TrimSpace(ra.Title())
	if a.Title == "" {
		a.Title = meta.title
	}
	a.Outlet = meta.siteName
	if a.Outlet == "" {
		a.Outlet = strings.TrimSpace(ra.SiteName())
	}
	a.URL = resolve(base, meta.canonical)
	if a.URL == "" {
		a.URL = resolve(base, meta.ogURL)
	}
	if a.URL == "" {
		a.URL = pageURL
	}
	if t, err := ra.PublishedTime(); err == nil {
		a.Published = t
	} else {
		a.Published = meta.published
	}
	a.Title = strings.ToValidUTF8(a.Title, "\uFFFD")
	a.Outlet = strings.ToValidUTF8(a.Outlet, "\uFFFD")
	setDateline(&a, now)
	return a, nil
}

// safely runs f, turning a panic in a third-party parser into an error so
// that one bad input cannot stop the batch.
func safely(what string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: internal parser failure: %v", what, p)
		}
	}()
	if err := f(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// decodeHTML converts an HTML page to UTF-8, honouring a charset declared in
// the Content-Type or a <meta> element; without one the page must be UTF-8.
func decodeHTML(data []byte, ctype string) ([]byte, error) {
	label := charsetParam(ctype)
	if label == "" {
		if m := metaCharsetRE.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
			label = string(m[1])
		}
	}
	if label != "" {
		dec, err := decodeCharset(data, label)
		if err == nil {
			data = dec
		} else if i := invalidUTF8(data); i >= 0 {
			return nil, fmt.Errorf("%w, and invalid UTF-8 at byte offset %d", err, i)
		}
	}
	if i := invalidUTF8(data); i >= 0 {
		return nil, fmt.Errorf("invalid UTF-8 at byte offset %d (declared charset: %q)", i, label)
	}
	return data, nil
}

// htmlMeta is what the page's head says about it.
type htmlMeta struct {
	title, siteName, canonical, ogURL string
	published                         time.Time
}

// pageMeta reads the title, site name, canonical URL and publication date
// from meta tags, JSON-LD and <time> elements.
func pageMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	var dates []string // in order of preference
	var timeDate string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = strings.TrimSpace(textOf(n))
				}
			case atom.Meta:
				key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:site_name":
					m.siteName = val
				case "og:url":
					m.ogURL = val
				case "og:title":
					if m.title == "" {
						m.title = val
					}
				case "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
					"date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "parsely-pub-date":
					dates = append(dates, val)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					var v any
					if json.Unmarshal([]byte(textOf(n)), &v) == nil {
						if d := jsonLDDate(v, 0); d != "" {
							dates = append(dates, d)
						}
					}
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = strings.TrimSpace(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, d := range append(dates, timeDate) {
		if t, ok := parseMetaDate(d); ok {
			m.published = t
			break
		}
	}
	return m
}

// jsonLDDate finds a datePublished member in decoded JSON-LD.
func jsonLDDate(v any, depth int) string {
	if depth > 20 {
		return ""
	}
	switch v := v.(type) {
	case map[string]any:
		if s, ok := v["datePublished"].(string); ok && s != "" {
			return s
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if d := jsonLDDate(v[k], depth+1); d != "" {
				return d
			}
		}
	case []any:
		for _, e := range v {
			if d := jsonLDDate(e, depth+1); d != "" {
				return d
			}
		}
	}
	return ""
}

// parseMetaDate reads the date forms found in meta tags.
func parseMetaDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
		"2006-01-02T15:04", "2006-01-02 15:04:05", time.DateOnly, time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

// textOf concatenates the text nodes under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// resolve makes ref absolute against base when it can.
func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// normText tidies text rendered from HTML: Unix line ends, no trailing
// spaces, paragraphs separated by one blank line, no leading or trailing
// space, valid UTF-8.
func normText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	var b strings.Builder
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0\r")
		if strings.TrimSpace(l) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return strings.TrimSpace(b.String())
}
