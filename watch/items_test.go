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
)

// TestItems: a page that cannot be read gives way to the item's own text
// (reported); an item with neither is reported and skipped; an item
// without a link is taken as it is; a repeated id counts once.
func TestItems(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/p/feed": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Not a page"))
	}})
	s.setPage("/p/ok", pageHTML("Fine", "Syria condemned the strike on Tuesday, state media said."))
	s.setFeed("/rss", rss("Wire",
		item{"ok", s.url("/p/ok"), "Fine", ""},
		item{"gone", s.url("/p/gone"), "Gone", "<p>Egypt offered to mediate.</p>"},
		item{"empty", s.url("/p/gone2"), "Empty", ""},
		item{"nolink", "", "No link", "Jordan closed its border."},
		item{"feedpage", s.url("/p/feed"), "Feed page", "Qatar hosted the talks."},
		item{"ok", s.url("/p/ok"), "Fine again", ""},
	), `"x"`)
	c, k := newClock(), &sink{}
	w := newWatcher(t, c, Options{}, s.url("/rss"))
	r := w.PollAll(context.Background(), k.handle)[0]
	if r.Err != nil || r.Items != 6 || r.New != 5 || r.Articles != 4 {
		t.Fatalf("result %+v", r)
	}
	feed := s.url("/rss")
	if got := k.ids(feed); !slices.Equal(got, []string{"ok", "gone", "nolink", "feedpage"}) {
		t.Errorf("handled %v", got)
	}
	texts := map[string]string{}
	for _, a := range k.got[feed] {
		texts[a.ID] = a.Text
	}
	if texts["gone"] != "Egypt offered to mediate." || texts["nolink"] != "Jordan closed its border." ||
		texts["feedpage"] != "Qatar hosted the talks." {
		t.Errorf("texts %q", texts)
	}
	wantProblems := []string{
		`item "gone": page ` + s.url("/p/gone") + `: HTTP status 404 Not Found; the item's own text stands in`,
		`item "empty": page ` + s.url("/p/gone2") + `: HTTP status 404 Not Found; and no text`,
		`item "feedpage": page ` + s.url("/p/feed") + `: a feed, not an article page; the item's own text stands in`,
	}
	if len(r.Problems) != len(wantProblems) {
		t.Fatalf("problems %v", r.Problems)
	}
	for i, p := range r.Problems {
		var e *Error
		if !errors.As(p, &e) || e.Feed != feed || !strings.Contains(p.Error(), wantProblems[i]) {
			t.Errorf("problem %d: %v, want %q", i, p, wantProblems[i])
		}
	}
	// Nothing is new at the next poll, even without the validators.
	s.setFeed("/rss", rss("Wire", item{"ok", s.url("/p/ok"), "Fine", ""}), `"y"`)
	c.advance(DefaultEvery)
	if r := w.PollDue(context.Background(), k.handle); len(r) != 1 || r[0].New != 0 || r[0].Status != "200 OK" {
		t.Errorf("second poll %+v", r)
	}
}

// TestMaxItemsAndHandlerFailure: items beyond --max-items come at the next
// poll (no 304 in between), and items the handler failed on come again.
func TestMaxItemsAndHandlerFailure(t *testing.T) {
	s := newSite(t, nil)
	var items []item
	for _, id := range []string{"a", "b", "c"} {
		items = append(items, item{id, "", id, "Israel and Lebanon held talks in round " + id + "."})
	}
	s.setFeed("/rss", rss("Wire", items...), `"v"`)
	c, k := newClock(), &sink{}
	w := newWatcher(t, c, Options{MaxItems: 2}, s.url("/rss"))
	feed := s.url("/rss")
	steps := []struct {
		fail     error
		status   string
		newItems int
		failures int
		ids      []string
	}{
		{errors.New("disk full"), "200 OK", 2, 1, nil},
		{nil, "200 OK", 2, 0, []string{"a", "b"}},
		{nil, "200 OK", 1, 0, []string{"a", "b", "c"}},
		{nil, "304 Not Modified", 0, 0, []string{"a", "b", "c"}},
	}
	for i, st := range steps {
		k.fail = st.fail
		r := w.PollAll(context.Background(), k.handle)[0]
		if r.Status != st.status || r.New != st.newItems || r.Failures != st.failures || (st.fail != nil) != (r.Err != nil) {
			t.Errorf("step %d: %+v", i, r)
		}
		if st.fail != nil && !strings.Contains(r.Err.Error(), feed+": store: disk full") {
			t.Errorf("step %d: err %v", i, r.Err)
		}
		if got := k.ids(feed); !slices.Equal(got, st.ids) {
			t.Errorf("step %d: handled %v, want %v", i, got, st.ids)
		}
		c.advance(time.Hour)
	}
}

func TestParseFeed(t *testing.T) {
	tests := []struct {
		arg   string
		url   string
		every time.Duration
		err   string
	}{
		{"https://news.example.org/rss", "https://news.example.org/rss", 10 * time.Minute, ""},
		{"https://news.example.org/rss=15m", "https://news.example.org/rss", 15 * time.Minute, ""},
		{"http://x.example/feed?topic=world", "http://x.example/feed?topic=world", 10 * time.Minute, ""},
		{"http://x.example/feed?every=1h30m=2h", "http://x.example/feed?every=1h30m", 2 * time.Hour, ""},
		{"https://news.example.org/rss=10s", "", 0, "shorter than 1m0s"},
		{"news.example.org/rss", "", 0, "not an http(s) URL"},
		{"ftp://news.example.org/rss", "", 0, "not an http(s) URL"},
		{"http://", "", 0, "not an http(s) URL"},
		{"http://bad host/%zz", "", 0, "bad URL"},
	}
	for _, tt := range tests {
		f, err := ParseFeed(tt.arg, 10*time.Minute)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), tt.arg) {
				t.Errorf("%s: err %v, want %q", tt.arg, err, tt.err)
			}
			continue
		}
		if err != nil || f.URL != tt.url || f.Every != tt.every {
			t.Errorf("%s: %+v, %v", tt.arg, f, err)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v  string
		d  time.Duration
		ok bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Tue, 10 Mar 2026 13:30:00 GMT", 90 * time.Minute, true},
		{"Tuesday, 10-Mar-26 12:01:00 GMT", time.Minute, true},
		{"Tue, 10 Mar 2026 11:00:00 GMT", 0, true},
		{"99999999999999999999999", MaxRetryAfter, true},
		{"", 0, false},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		d, ok := RetryAfter(tt.v, now)
		if d != tt.d || ok != tt.ok {
			t.Errorf("%q: %v %v, want %v %v", tt.v, d, ok, tt.d, tt.ok)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Tue, 10 Mar 2026 13:30:00 GMT", "Tuesday, 10-Mar-26 12:01:00 GMT", "Tue Mar 10 13:30:00 2026", "-1", "9999999999999999999"} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := RetryAfter(v, now)
		if d < 0 || (!ok && d != 0) {
			t.Fatalf("%q: %v %v", v, d, ok)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{"https://a.example/rss", "http://a.example/x=15m", "http://a.example/?q=1h=2h", "x=", "=1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		fd, err := ParseFeed(arg, time.Hour)
		if err != nil {
			return
		}
		if fd.Every < MinEvery || !strings.HasPrefix(arg, fd.URL) || fd.check() != nil {
			t.Fatalf("%q: %+v", arg, fd)
		}
	})
}
