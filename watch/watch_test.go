package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/input"
)

// TestConditionalGET: the second poll sends the validators and a 304 gives
// nothing new; a new item is fetched and handled once.
func TestConditionalGET(t *testing.T) {
	s := newSite(t, nil)
	s.setPage("/p/1", pageHTML("Talks proposed", "Iran proposed talks with Israel on Sunday, officials said."))
	s.setPage("/p/2", pageHTML("Offer rejected", "Israel rejected the offer on Monday, a spokesman said."))
	s.setFeed("/rss", rss("Wire", item{"g1", s.url("/p/1"), "Talks", "Short one."}), `"v1"`)
	c, k := newClock(), &sink{}
	w := newWatcher(t, c, Options{From: "desk@example.org"}, s.url("/rss"))
	feed := s.url("/rss")

	polls := []struct {
		name      string
		change    func()
		status    string
		newItems  int
		validator string // If-None-Match sent
		ids       []string
	}{
		{"first", nil, "200 OK", 1, "", []string{"g1"}},
		{"unchanged", nil, "304 Not Modified", 0, `"v1"`, []string{"g1"}},
		{"new item", func() {
			s.setFeed("/rss", rss("Wire", item{"g2", s.url("/p/2"), "Offer", ""}, item{"g1", s.url("/p/1"), "Talks", "Short one."}), `"v2"`)
		}, "200 OK", 1, `"v1"`, []string{"g1", "g2"}},
		{"unchanged again", nil, "304 Not Modified", 0, `"v2"`, []string{"g1", "g2"}},
	}
	for _, p := range polls {
		if p.change != nil {
			p.change()
		}
		res := w.PollAll(context.Background(), k.handle)
		if len(res) != 1 {
			t.Fatalf("%s: %d results", p.name, len(res))
		}
		r := res[0]
		if r.Err != nil || r.Status != p.status || r.New != p.newItems || r.Wait != DefaultEvery || len(r.Problems) != 0 {
			t.Errorf("%s: result %+v", p.name, r)
		}
		_, h := s.hit("/rss")
		if h.Get("If-None-Match") != p.validator {
			t.Errorf("%s: If-None-Match %q, want %q", p.name, h.Get("If-None-Match"), p.validator)
		}
		if p.validator != "" && h.Get("If-Modified-Since") != "Tue, 10 Mar 2026 08:00:00 GMT" {
			t.Errorf("%s: If-Modified-Since %q", p.name, h.Get("If-Modified-Since"))
		}
		if h.Get("User-Agent") != input.UserAgent || h.Get("From") != "desk@example.org" {
			t.Errorf("%s: User-Agent %q, From %q", p.name, h.Get("User-Agent"), h.Get("From"))
		}
		if got := k.ids(feed); !slices.Equal(got, p.ids) {
			t.Errorf("%s: handled %v, want %v", p.name, got, p.ids)
		}
		c.advance(DefaultEvery)
	}
	for _, path := range []string{"/p/1", "/p/2"} {
		if n, _ := s.hit(path); n != 1 {
			t.Errorf("%s fetched %d times, want 1", path, n)
		}
	}
	a := k.got[feed][0]
	if a.Text != "Iran proposed talks with Israel on Sunday, officials said." || a.Title != "Talks proposed" ||
		a.Outlet != "Page Outlet" || a.URL != s.url("/p/1") || a.Published.IsZero() {
		t.Errorf("article from the page: %+v", a)
	}
}

// TestFailingFeeds: a feed that times out, one that returns 500, one with
// malformed XML and one with an enormous body run in one watcher with a
// good feed: each error is reported, the good feed is handled, and the
// failing feeds back off more at each failure.
func TestFailingFeeds(t *testing.T) {
	release := make(chan struct{})
	s := newSite(t, map[string]http.HandlerFunc{
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select { // answers only after the client gave up
			case <-r.Context().Done():
			case <-release:
			}
		},
		"/500": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		},
		"/bad": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</item></chan`)
		},
		"/huge": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>big</title><item><description>`)
			chunk := strings.Repeat("news ", 1<<14)
			for i := 0; i < 1<<12; i++ { // up to 320 MB: stops when the client hangs up
				if _, err := fmt.Fprint(w, chunk); err != nil {
					return
				}
			}
		},
	})
	defer close(release)
	s.setPage("/p/1", pageHTML("Strike", "Israeli forces struck a depot near Beirut on Monday."))
	s.setFeed("/good", rss("Wire", item{"g1", s.url("/p/1"), "Strike", ""}), `"g"`)
	c, k := newClock(), &sink{}
	var reports []Result
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.stop = func(n int) {
		if n == 4 {
			cancel()
		}
	}
	every := 5 * time.Minute
	w := newWatcher(t, c, Options{Every: every, Timeout: 300 * time.Millisecond, MaxFeedBytes: 64 << 10,
		Report: func(r Result) { reports = append(reports, r) }},
		s.url("/slow"), s.url("/500"), s.url("/good"), s.url("/bad"), s.url("/huge"))
	if err := w.Run(ctx, k.handle); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	want := map[string]string{
		"/slow": "timed out after 300ms",
		"/500":  "HTTP status 500 Internal Server Error",
		"/bad":  "parse feed",
		"/huge": "over the limit of 65536 bytes",
	}
	polls := map[string][]Result{}
	for _, r := range reports {
		path := strings.TrimPrefix(r.Feed, s.srv.URL)
		polls[path] = append(polls[path], r)
	}
	for path, cause := range want {
		rs := polls[path]
		if len(rs) < 3 {
			t.Errorf("%s: polled %d times, want at least 3", path, len(rs))
			continue
		}
		for i, r := range rs {
			var e *Error
			if !errors.As(r.Err, &e) || e.Feed != s.url(path) || !strings.Contains(r.Err.Error(), cause) {
				t.Errorf("%s poll %d: err %v, want %q", path, i+1, r.Err, cause)
			}
			if r.Failures != i+1 || r.Wait != every<<i {
				t.Errorf("%s poll %d: %d failures, wait %v, want %d, %v", path, i+1, r.Failures, r.Wait, i+1, every<<i)
			}
		}
	}
	if rs := polls["/good"]; len(rs) < 3 || rs[0].Err != nil || rs[0].New != 1 {
		t.Errorf("good feed: %+v", rs)
	}
	if got := k.ids(s.url("/good")); !slices.Equal(got, []string{"g1"}) {
		t.Errorf("good feed handled %v", got)
	}
}

// TestRetryAfterHonoured: a 429 or 503 with Retry-After waits at least so
// long; without one, the backoff alone.
func TestRetryAfterHonoured(t *testing.T) {
	c := newClock()
	date := c.Now().Add(3 * time.Hour).Format(http.TimeFormat)
	tests := []struct {
		code  int
		after string
		wait  time.Duration
	}{
		{http.StatusServiceUnavailable, "7200", 2 * time.Hour},
		{http.StatusTooManyRequests, date, 3 * time.Hour},
		{http.StatusTooManyRequests, "60", DefaultEvery}, // the backoff is longer
		{http.StatusServiceUnavailable, "", DefaultEvery},
		{http.StatusTooManyRequests, "999999999", MaxRetryAfter},
		{http.StatusInternalServerError, "7200", DefaultEvery}, // only 429 and 503 ask to wait
	}
	for _, tt := range tests {
		s := newSite(t, map[string]http.HandlerFunc{"/f": func(w http.ResponseWriter, r *http.Request) {
			if tt.after != "" {
				w.Header().Set("Retry-After", tt.after)
			}
			w.WriteHeader(tt.code)
		}})
		w := newWatcher(t, c, Options{}, s.url("/f"))
		r := w.PollAll(context.Background(), (&sink{}).handle)[0]
		if r.Err == nil || r.Wait != tt.wait || !w.Next().Equal(c.Now().Add(tt.wait)) {
			t.Errorf("%d Retry-After %q: err %v, wait %v, want %v", tt.code, tt.after, r.Err, r.Wait, tt.wait)
		}
	}
}

// TestBackoffCap: the wait doubles up to MaxBackoff, and a success resets it.
func TestBackoffCap(t *testing.T) {
	fail := true
	s := newSite(t, map[string]http.HandlerFunc{"/f": func(w http.ResponseWriter, r *http.Request) {
		if fail {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, rss("Wire"))
	}})
	c := newClock()
	w := newWatcher(t, c, Options{Every: time.Hour, MaxBackoff: 5 * time.Hour}, s.url("/f"))
	var waits []time.Duration
	for i := range 6 {
		fail = i < 5
		r := w.PollDue(context.Background(), (&sink{}).handle)
		if len(r) != 1 {
			t.Fatalf("poll %d: %d results", i, len(r))
		}
		waits = append(waits, r[0].Wait)
		c.advance(r[0].Wait)
	}
	want := []time.Duration{time.Hour, 2 * time.Hour, 4 * time.Hour, 5 * time.Hour, 5 * time.Hour, time.Hour}
	if !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
}
