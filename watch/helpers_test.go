package watch

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
)

// clock is a fake clock: Sleep moves it on at once.
type clock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
	// stop, when set, is called after each sleep with the number of
	// sleeps so far; Run tests cancel their context from it.
	stop func(n int)
}

func newClock() *clock { return &clock{now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	n := len(c.slept)
	c.mu.Unlock()
	if c.stop != nil {
		c.stop(n)
	}
	return ctx.Err()
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// item is a feed item of a test feed.
type item struct{ guid, link, title, desc string }

// rss writes an RSS 2.0 feed of items.
func rss(title string, items ...item) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title>`, title)
	for _, it := range items {
		b.WriteString("<item>")
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.guid)
		}
		if it.link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", html.EscapeString(it.link))
		}
		fmt.Fprintf(&b, "<title>%s</title><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>", it.title)
		if it.desc != "" {
			fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.desc))
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// pageHTML is the page of an article whose text is text.
func pageHTML(title, text string) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>%s</title><meta property="og:site_name" content="Page Outlet"></head>
<body><nav><a href="/">Home</a></nav><article><h1>%s</h1><p>%s</p></article><footer>Copyright</footer></body></html>`, title, title, text)
}

// site is a test server of feeds and pages; it records requests.
type site struct {
	t   *testing.T
	srv *httptest.Server
	mu  sync.Mutex
	// feeds maps a path to its body and ETag.
	feeds map[string][2]string
	// pages maps a path to its HTML.
	pages map[string]string
	// hits counts requests per path; headers keeps the last request's.
	hits    map[string]int
	headers map[string]http.Header
}

// newSite starts a server with the handlers of extra (for failing feeds)
// besides the feeds and pages set later.
func newSite(t *testing.T, extra map[string]http.HandlerFunc) *site {
	s := &site{t: t, feeds: map[string][2]string{}, pages: map[string]string{}, hits: map[string]int{}, headers: map[string]http.Header{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.headers[r.URL.Path] = r.Header.Clone()
		feed, isFeed := s.feeds[r.URL.Path]
		page, isPage := s.pages[r.URL.Path]
		s.mu.Unlock()
		switch {
		case extra[r.URL.Path] != nil:
			extra[r.URL.Path](w, r)
		case isFeed:
			body, etag := feed[0], feed[1]
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", "Tue, 10 Mar 2026 08:00:00 GMT")
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, body)
		case isPage:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) setFeed(path, body, etag string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feeds[path] = [2]string{body, etag}
}

func (s *site) setPage(path, html string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = html
}

func (s *site) hit(path string) (int, http.Header) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path], s.headers[path]
}

// sink is a Handler that keeps what it is given; fail makes it fail.
type sink struct {
	got  map[string][]doc.Article
	fail error
}

func (k *sink) handle(_ context.Context, feed string, arts []doc.Article) error {
	if k.fail != nil {
		return k.fail
	}
	if k.got == nil {
		k.got = map[string][]doc.Article{}
	}
	k.got[feed] = append(k.got[feed], arts...)
	return nil
}

// ids returns the ids of the articles handled for feed.
func (k *sink) ids(feed string) []string {
	var ids []string
	for _, a := range k.got[feed] {
		ids = append(ids, a.ID)
	}
	return ids
}

// newWatcher returns a watcher of feeds on the fake clock c.
func newWatcher(t *testing.T, c *clock, opts Options, feeds ...string) *Watcher {
	t.Helper()
	opts.Now, opts.Sleep = c.Now, c.Sleep
	var fs []Feed
	for _, u := range feeds {
		fs = append(fs, Feed{URL: u})
	}
	w, err := New(fs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}
