package input

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

// fixedNow is the reference date used by the tests.
func fixedNow() time.Time { return time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC) }

// event is one call of Read's callback.
type event struct {
	a   doc.Article
	err *Error
}

func read(t *testing.T, paths []string, opts Options) []event {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	var evs []event
	err := Read(context.Background(), paths, opts, func(a doc.Article, err error) error {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("callback error %v (%T) is not an *Error", err, err)
			}
			evs = append(evs, event{err: e})
			return nil
		}
		checkArticle(t, a)
		evs = append(evs, event{a: a})
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return evs
}

// checkArticle asserts the invariants every article must hold.
func checkArticle(t testing.TB, a doc.Article) {
	t.Helper()
	n := utf8.RuneCountInString(a.Text)
	if !utf8.ValidString(a.Text) {
		t.Fatalf("article %q: text is not valid UTF-8", a.ID)
	}
	if a.BodyStart < 0 || a.BodyStart > n {
		t.Fatalf("article %q: BodyStart %d outside 0..%d", a.ID, a.BodyStart, n)
	}
	if a.Dateline.Start < 0 || a.Dateline.End > n || a.Dateline.Start > a.Dateline.End {
		t.Fatalf("article %q: bad dateline span %v for %d runes", a.ID, a.Dateline, n)
	}
	if a.ID == "" || a.Source == "" {
		t.Fatalf("article without ID or Source: %+v", a)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// want describes an expected article; empty fields are not checked.
type want struct {
	id, title, url, outlet string
	published              time.Time
	body                   string // prefix of the text from BodyStart
	contains               string // substring of the text
	err                    string // substring of the error instead of an article
}

func check(t *testing.T, evs []event, wants []want) {
	t.Helper()
	if len(evs) != len(wants) {
		for _, e := range evs {
			t.Logf("event: %+v %v", e.a, e.err)
		}
		t.Fatalf("got %d events, want %d", len(evs), len(wants))
	}
	for i, w := range wants {
		e := evs[i]
		if w.err != "" {
			if e.err == nil || !strings.Contains(e.err.Error(), w.err) {
				t.Errorf("event %d: got %+v, %v; want error containing %q", i, e.a, e.err, w.err)
			}
			continue
		}
		if e.err != nil {
			t.Errorf("event %d: unexpected error %v", i, e.err)
			continue
		}
		a := e.a
		if w.id != "" && a.ID != w.id {
			t.Errorf("event %d: ID %q, want %q", i, a.ID, w.id)
		}
		if w.title != "" && a.Title != w.title {
			t.Errorf("event %d: Title %q, want %q", i, a.Title, w.title)
		}
		if w.url != "" && a.URL != w.url {
			t.Errorf("event %d: URL %q, want %q", i, a.URL, w.url)
		}
		if w.outlet != "" && a.Outlet != w.outlet {
			t.Errorf("event %d: Outlet %q, want %q", i, a.Outlet, w.outlet)
		}
		if !w.published.IsZero() && !a.Published.Equal(w.published) {
			t.Errorf("event %d: Published %v, want %v", i, a.Published, w.published)
		}
		if body := string([]rune(a.Text)[a.BodyStart:]); !strings.HasPrefix(body, w.body) {
			t.Errorf("event %d: body starts %.60q, want prefix %q", i, body, w.body)
		}
		if !strings.Contains(a.Text, w.contains) {
			t.Errorf("event %d: text %.200q does not contain %q", i, a.Text, w.contains)
		}
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		wants []want
	}{
		{"text with dateline", "testdata/dateline.txt", []want{{id: "testdata/dateline.txt", published: date(2026, 3, 9), body: "The cabinet met"}}},
		{"text without dateline", "testdata/plain.text", []want{{id: "testdata/plain.text", body: "Talks between"}}},
		{"text with BOM", "testdata/bom.txt", []want{{body: "The envoy arrived", contains: "WASHINGTON (AP)"}}},
		{"sniffed text", "testdata/sniffed-text", []want{{body: "Ministers gathered"}}},
		{"jsonl", "testdata/docs.jsonl", []want{
			{id: "d1", title: "Minister quits", url: "https://example.org/d1", outlet: "Example News", published: date(2026, 3, 6), body: "The minister"},
			{id: "d2", published: date(2026, 1, 6), body: "Aid trucks"}, // metadata wins over the dateline
			{id: "d3", published: date(2026, 3, 9), body: "Sirens"},
			{id: "d4", published: time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC), body: "Rain"},
			{id: "5", body: "A numeric id"},
			{id: "d6", published: date(1997, 4, 1), body: "Markets fell"}, // "dct", the TimeML name of the date
		}},
		{"html", "testdata/article.html", []want{{
			id: "testdata/article.html", title: "Border talks stall", url: "https://example.com/world/border-talks", outlet: "Example Times",
			published: time.Date(2026, 3, 9, 10, 15, 0, 0, time.UTC), body: "Negotiators from both", contains: "officials said.\n\nThe delegations",
		}}},
		{"html json-ld date", "testdata/jsonld.htm", []want{{published: date(2026, 2, 14), contains: "strike by dock workers.\n\nShipping agents"}}},
		{"html time element", "testdata/timetag.html", []want{{published: time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC), contains: "bridge was closed"}}},
		{"html windows-1252", "testdata/latin1.html", []want{{title: "Café talks", contains: "at a café in the old town"}}},
		{"rss", "testdata/feed.rss", []want{
			{id: "wire-a1", title: "Ceasefire holds", url: "https://wire.example.net/a1", outlet: "Example Wire",
				published: time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), body: "The ceasefire held", contains: "residents said.\n\nShops reopened"},
			{err: `feed.rss: doc "wire-a2": item 2: no text`},
			{id: "https://wire.example.net/a3", contains: "Plain description & more."},
		}},
		{"atom", "testdata/feed.atom", []want{{id: "urn:example:1", title: "Vote delayed", outlet: "Example Atom",
			published: time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC), contains: "Parliament delayed the vote.\n\nA new date"}}},
		{"directory", "testdata/dir", []want{{id: "testdata/dir/a.txt"}, {id: "c1"}, {id: "testdata/dir/sub/b.txt"}}},
		{"missing", "testdata/nope.txt", []want{{err: "testdata/nope.txt: cannot open: no such file"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			check(t, read(t, []string{tc.path}, Options{}), tc.wants)
		})
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, in string
		wants    []want
	}{
		{"text", "LONDON — Ministers met.\n", []want{{id: "stdin", body: "Ministers met."}}},
		{"jsonl", "{\"id\":\"s1\",\"text\":\"One.\"}\n{\"id\":\"s2\"}\n", []want{{id: "s1"}, {err: `-:2: doc "s2": missing text`}}},
		{"html", "<html><body><p>Parliament met.</p></body></html>", []want{{id: "stdin", contains: "Parliament met."}}},
		{"rss", `<rss version="2.0"><channel><title>T</title><item><guid>g</guid><description>Hi there.</description></item></channel></rss>`, []want{{id: "g", outlet: "T"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			check(t, read(t, []string{"-"}, Options{Stdin: strings.NewReader(tc.in)}), tc.wants)
		})
	}
}

func TestURL(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><head><link rel=canonical href=\"/canon\"></head><body><p>Caf\xe9 owners protested.</p></body></html>"))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>Wire</title><item><guid>u1</guid><description>Item text.</description></item></channel></rss>`))
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("PARIS, March 8 (AFP) - Trains stopped."))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2000)))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	evs := read(t, []string{srv.URL + "/page", srv.URL + "/feed", srv.URL + "/text", srv.URL + "/missing", srv.URL + "/big"}, Options{MaxBytes: 1000})
	check(t, evs, []want{
		{id: srv.URL + "/page", url: srv.URL + "/canon", contains: "Café owners protested."},
		{id: "u1", outlet: "Wire", contains: "Item text."},
		{id: srv.URL + "/text", url: srv.URL + "/text", published: date(2026, 3, 8), body: "Trains stopped."},
		{err: "/missing: fetch: HTTP status 404"},
		{err: "over the limit of 1000 bytes"},
	})
	if gotUA != UserAgent {
		t.Errorf("User-Agent %q, want %q", gotUA, UserAgent)
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/docs.jsonl", "testdata/plain.text"}, Options{Now: fixedNow}, func(doc.Article, error) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("Read = %v after %d calls, want stop after 1", err, n)
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{Source: "path/to/f.jsonl", Line: 12, DocID: "a1", Err: errors.New("missing text")}
	if got, want := e.Error(), `path/to/f.jsonl:12: doc "a1": missing text`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestSeed(t *testing.T) {
	p := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	evs := read(t, []string{p}, Options{})
	if len(evs) != 1 || evs[0].err != nil {
		t.Fatalf("got %+v", evs)
	}
	a := evs[0].a
	if !a.Published.Equal(date(2026, 3, 9)) {
		t.Errorf("Published = %v, want 2026-03-09", a.Published)
	}
	if body := string([]rune(a.Text)[a.BodyStart:]); !strings.HasPrefix(body, "The Lebanese government") {
		t.Errorf("body starts %.40q", body)
	}
}
