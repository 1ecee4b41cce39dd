package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// hostileText is a document text that would run script if it were ever
// inserted as markup.
const hostileText = `Israel struck <script>alert("x")</script> Beirut <img src=x onerror=alert(1)>.`

func ptr[T any](v T) *T { return &v }

func actor(code, country, sector, name string) event.Actor {
	return event.Actor{Code: code, Country: country, Sector: sector, Name: name}
}

// record returns a one-event document: id published on pub by outlet,
// src doing cameo (root, PLOVER type, Goldstein) to tgt; edit changes
// the record before its id is set.
func record(id, outlet, pub, text, cameo, ptype string, gold float64, src, tgt event.Actor, edit func(*event.Record)) store.Document {
	p, _ := time.Parse(time.DateOnly, pub)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: outlet, URL: "https://example.org/" + id, Title: "About " + id,
		Published: p.Add(9 * time.Hour), Text: text},
		Sentences: []doc.Sentence{{Span: doc.Span{End: len([]rune(text))}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: cameo, CameoRoot: cameo[:2], Goldstein: ptr(gold),
		PLOVER: &event.PLOVER{Type: ptype}, Status: event.Asserted, Source: []event.Actor{src}, Target: []event.Actor{tgt},
		Date:    &event.Date{Text: pub, Value: pub, Start: pub, End: pub, Precision: "day"},
		Trigger: &event.Span{Text: "struck", Start: 7, End: 13}, Explain: "test record"}
	if edit != nil {
		edit(&r)
	}
	r.ID = event.StableID(id, 0, 0, cameo, r.Source, r.Target)
	return store.Document{Doc: d, Events: []event.Record{r}}
}

// fixture returns the documents of the test store: r1 to r5, each
// selected by some filter, and "evil", whose text carries script.
func fixture() []store.Document {
	isr, lbn := actor("ISR", "ISR", "", "Israel"), actor("LBN", "LBN", "", "Lebanon")
	hez := actor("LBNREBHEZ", "LBN", "REB", "Hezbollah")
	hez.ID = "hezbollah"
	return []store.Document{
		record("r1", "Axios", "2026-03-09", "Israel struck Beirut.", "190", "ASSAULT", -10, isr, lbn, func(r *event.Record) {
			r.Location = &event.Location{Text: "Beirut", Name: "Beirut", Country: "LBN", Lat: ptr(33.89), Lon: ptr(35.5)}
		}),
		record("r2", "Wire", "2026-03-10", "Lebanon did not reject the offer.", "125", "REJECT", -4, lbn, isr,
			func(r *event.Record) { r.Status = event.Negated }),
		record("r3", "Post", "2026-03-20", "Washington plans to back a ceasefire.", "036", "AGREE", 4,
			actor("USAGOV", "USA", "GOV", "United States"), lbn, func(r *event.Record) { r.Status = event.Intended }),
		record("r4", "Wire", "2026-04-01", "Hezbollah was banned.", "1722", "COERCE", -5, hez, lbn, nil),
		record("r5", "Post", "2026-03-09", "Israeli jets struck Beirut on Monday.", "190", "ASSAULT", -10, isr, lbn, nil),
		record("evil", "Hostile", "2026-03-11", hostileText, "190", "ASSAULT", -10, isr, lbn, func(r *event.Record) {
			r.Source[0].Start, r.Source[0].End = 0, 6
		}),
	}
}

// testStore returns a SQLite store in a temporary directory holding
// fixture(), put a document at a time.
func testStore(t testing.TB) *store.DB {
	t.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	docs := fixture()
	for i := range docs {
		if _, err := st.Put(context.Background(), docs[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// newTestServer starts a server over st with cfg (Store set from st)
// and returns its URL.
func newTestServer(t testing.TB, st Store, cfg Config) string {
	t.Helper()
	cfg.Store = st
	if cfg.Logf == nil {
		cfg.Logf = t.Logf
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// get fetches url and returns the response with its body read.
func get(t testing.TB, url string) (*http.Response, []byte) {
	t.Helper()
	return do(t, http.MethodGet, url, "", nil)
}

// do sends a request with an optional bearer token and body.
func do(t testing.TB, method, url, token string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// decode decodes a JSON body into v, failing the test when it is not
// JSON.
func decode(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("body is not JSON: %v: %.200s", err, b)
	}
}

// errorOf returns the message of a JSON error body, failing when the body
// is not one.
func errorOf(t testing.TB, b []byte) string {
	t.Helper()
	var e errorBody
	decode(t, b, &e)
	if e.Error == "" {
		t.Fatalf("no error message in %s", b)
	}
	return e.Error
}

// docIDs lists the document ids of an event list body.
func docIDs(t testing.TB, b []byte) string {
	t.Helper()
	var l eventList
	decode(t, b, &l)
	var ids []string
	for _, r := range l.Events {
		ids = append(ids, r.Document.ID)
	}
	return strings.Join(ids, " ")
}
