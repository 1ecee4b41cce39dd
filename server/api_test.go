package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/store"
)

func TestEventFilters(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	for _, tc := range []struct{ query, want string }{
		{"", "r4 r3 evil r2 r5 r1"}, // the latest first
		{"order=-day", "r4 r3 evil r2 r5 r1"},
		{"order=day", "r1 r5 r2 evil r3 r4"},
		{"order=stored", "r1 r2 r3 r4 r5 evil"},
		{"order=stored&actor=ISR", "r1 r2 r5 evil"},
		{"actor=hezbollah", "r4"},
		{"country=usa", "r3"},
		{"sector=REB", "r4"},
		{"cameo=17", "r4"},
		{"order=stored&cameo_root=19", "r1 r5 evil"},
		{"plover=reject", "r2"},
		{"status=negated", "r2"},
		{"order=stored&from=2026-03-11&to=2026-03-20", "r3 evil"},
		{"place=LBN", "r1"},
		{"order=stored&outlet=post", "r3 r5"},
		{"order=stored&text=beirut", "r1 r5 evil"},
		{"order=stored&merged=true&actor=ISR&cameo_root=19", "r1 evil"},
		{"order=stored&limit=2&offset=1", "r2 r3"},
		{"outlet=nobody", ""},
	} {
		resp, b := get(t, url+"/api/v1/events?"+tc.query)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %s", tc.query, resp.StatusCode, b)
			continue
		}
		if got := docIDs(t, b); got != tc.want {
			t.Errorf("events?%s = %q, want %q", tc.query, got, tc.want)
		}
	}
	for _, tc := range []struct{ query, want string }{
		{"q=BEIRUT&outlet=post", "r5"},
		{"q=script&order=stored", "evil"},
	} {
		_, b := get(t, url+"/api/v1/search?"+tc.query)
		if got := docIDs(t, b); got != tc.want {
			t.Errorf("search?%s = %q, want %q", tc.query, got, tc.want)
		}
	}
}

func TestEventRow(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	_, b := get(t, url+"/api/v1/events?actor=hezbollah")
	var l struct {
		Events []map[string]any `json:"events"`
		Limit  int              `json:"limit"`
		Offset int              `json:"offset"`
	}
	decode(t, b, &l)
	if len(l.Events) != 1 || l.Limit != defEvents || l.Offset != 0 {
		t.Fatalf("events = %s", b)
	}
	row := l.Events[0]
	for _, k := range []string{"id", "doc", "text", "cameo", "cameo_root", "goldstein", "plover", "status", "source",
		"target", "date", "day", "document", "merged", "explain"} {
		if _, ok := row[k]; !ok {
			t.Errorf("row lacks %q: %s", k, b)
		}
	}
	d := row["document"].(map[string]any)
	if d["id"] != "r4" || d["outlet"] != "Wire" || len(d["hash"].(string)) != 64 || row["day"] != "2026-04-01" {
		t.Errorf("row document or day wrong: %s", b)
	}
}

func TestBadParameters(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	for _, tc := range []struct{ path, want string }{
		{"/api/v1/events?colour=red", `unknown parameter "colour"`},
		{"/api/v1/events?actor=ISR&actor=LBN", `"actor" given 2 times`},
		{"/api/v1/events?from=yesterday", `not a day`},
		{"/api/v1/events?order=sideways", `order "sideways"`},
		{"/api/v1/events?limit=-1", `limit "-1"`},
		{"/api/v1/events?limit=5000", `at most 1000`},
		{"/api/v1/events?merged=perhaps", `merged "perhaps"`},
		{"/api/v1/search?actor=ISR", `q: the text`},
		{"/api/v1/search?q=a&text=b", `give one of them`},
		{"/api/v1/documents?actor=ISR", `limit and offset only`},
		{"/api/v1/documents/nothex", `not a content hash`},
		{"/api/v1/aggregates?by=month", `by "month"`},
		{"/api/v1/aggregates?per=actor", `per "actor"`},
		{"/api/v1/network?limit=99999", `at most 2000`},
		{"/api/v1/places?to=2026-13-01", `not a day`},
	} {
		resp, b := get(t, url+tc.path)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tc.path, resp.StatusCode)
		}
		if msg := errorOf(t, b); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: error %q, want it to say %q", tc.path, msg, tc.want)
		}
	}
	resp, b := get(t, url+"/api/v1/documents/"+strings.Repeat("ab", 32))
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(errorOf(t, b), "not stored") {
		t.Errorf("missing document: %d %s", resp.StatusCode, b)
	}
	resp, b = get(t, url+"/api/v1/nothing")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(errorOf(t, b), "/api/v1/nothing") {
		t.Errorf("unknown endpoint: %d %s", resp.StatusCode, b)
	}
	resp, b = do(t, http.MethodDelete, url+"/api/v1/events", "", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET" {
		t.Errorf("DELETE: %d %v", resp.StatusCode, resp.Header)
	}
	errorOf(t, b)
}

func TestDocuments(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	_, b := get(t, url+"/api/v1/documents?limit=2")
	var l struct {
		Documents []docSummaryJSON `json:"documents"`
	}
	decode(t, b, &l)
	if len(l.Documents) != 2 || l.Documents[0].ID != "evil" || l.Documents[1].ID != "r5" || l.Documents[0].Events != 1 {
		t.Fatalf("documents = %s", b)
	}
	resp, b := get(t, url+"/api/v1/documents/"+l.Documents[0].Hash)
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("document content type %q", ct)
	}
	// The hostile text is JSON data, its markup escaped even inside the
	// string, and comes back exactly as stored.
	if strings.Contains(string(b), "<script>") || strings.Contains(string(b), "<img") {
		t.Errorf("raw markup in the JSON body: %s", b)
	}
	var d struct {
		Document docTextJSON       `json:"document"`
		Events   []json.RawMessage `json:"events"`
	}
	decode(t, b, &d)
	if d.Document.Text != hostileText || d.Document.ID != "evil" || len(d.Events) != 1 {
		t.Errorf("document = %s", b)
	}
}

func TestSummaries(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	for _, tc := range []struct {
		path string
		want string
		f    func(b []byte) string
	}{
		{"/api/v1/actors?country=ISR", "ISR 4 3 1|LBN 4 1 3", func(b []byte) string {
			var v struct{ Actors []store.ActorCount }
			decode(t, b, &v)
			return join(v.Actors, func(a store.ActorCount) string {
				return fmt.Sprintf("%s %d %d %d", a.Code, a.Events, a.AsSource, a.AsTarget)
			})
		}},
		{"/api/v1/aggregates?by=week&per=dyad&cameo_root=19", "2026-W11 ISR>LBN 3 -10", func(b []byte) string {
			var v struct{ Buckets []store.Bucket }
			decode(t, b, &v)
			return join(v.Buckets, func(x store.Bucket) string {
				return fmt.Sprintf("%s %s %d %g", x.Period, x.Dyad, x.Events, *x.GoldsteinMean)
			})
		}},
		{"/api/v1/aggregates?from=2026-03-10&to=2026-03-11", "2026-03-10 1|2026-03-11 1", func(b []byte) string {
			var v struct{ Buckets []store.Bucket }
			decode(t, b, &v)
			return join(v.Buckets, func(x store.Bucket) string { return fmt.Sprintf("%s %d", x.Period, x.Events) })
		}},
		{"/api/v1/network?country=ISR", "Israel (ISR)|Lebanon (LBN)|ISR>LBN 3 -10 map[ASSAULT:3]|LBN>ISR 1 -4 map[REJECT:1]", func(b []byte) string {
			var v struct {
				Nodes []networkNode
				Edges []store.Edge
			}
			decode(t, b, &v)
			return join(v.Nodes, func(n networkNode) string { return n.Label }) + "|" +
				join(v.Edges, func(e store.Edge) string {
					return fmt.Sprintf("%s>%s %d %g %v", e.Source, e.Target, e.Events, *e.GoldsteinMean, e.PLOVER)
				})
		}},
		{"/api/v1/places", "Beirut LBN 33.89 35.5 1", func(b []byte) string {
			var v struct{ Places []store.PlaceCount }
			decode(t, b, &v)
			return join(v.Places, func(p store.PlaceCount) string {
				return fmt.Sprintf("%s %s %g %g %d", p.Name, p.Country, p.Lat, p.Lon, p.Events)
			})
		}},
		{"/api/v1/places?outlet=post", "", func(b []byte) string {
			var v struct{ Places []store.PlaceCount }
			decode(t, b, &v)
			if v.Places == nil {
				return "null"
			}
			return ""
		}},
	} {
		resp, b := get(t, url+tc.path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %s", tc.path, resp.StatusCode, b)
			continue
		}
		if got := tc.f(b); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestReport(t *testing.T) {
	st := testStore(t)
	resp, b := get(t, newTestServer(t, st, Config{})+"/api/v1/report")
	if resp.StatusCode != http.StatusNotImplemented {
		t.Errorf("report without a report function: %d", resp.StatusCode)
	}
	errorOf(t, b)
	var gotFilter store.Filter
	report := func(ctx context.Context, f store.Filter, format string, w io.Writer) (string, error) {
		gotFilter = f
		_, err := fmt.Fprintf(w, "report in %s", format)
		return "text/markdown; charset=utf-8", err
	}
	url := newTestServer(t, st, Config{Report: report})
	resp, b = get(t, url+"/api/v1/report?country=LBN&format=markdown")
	if resp.StatusCode != http.StatusOK || string(b) != "report in markdown" || gotFilter.Country != "LBN" ||
		resp.Header.Get("Content-Type") != "text/markdown; charset=utf-8" {
		t.Errorf("report: %d %q %+v", resp.StatusCode, b, gotFilter)
	}
	if resp, _ := get(t, url+"/api/v1/report?format=pdf"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("report in pdf: %d", resp.StatusCode)
	}
}

func TestOpenAPI(t *testing.T) {
	url := newTestServer(t, testStore(t), Config{})
	_, b := get(t, url+"/api/v1/openapi.json")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	decode(t, b, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	// Every endpoint is documented, with its method.
	for path, method := range map[string]string{"/events": "get", "/search": "get", "/documents": "get",
		"/documents/{hash}": "get", "/actors": "get", "/aggregates": "get", "/network": "get", "/places": "get",
		"/report": "get", "/stream": "get", "/ingest": "post", "/openapi.json": "get"} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("openapi.json does not document %s %s", method, path)
		}
		if path == "/stream" {
			continue // endless; see TestStream
		}
		resp, _ := do(t, strings.ToUpper(method), url+"/api/v1"+strings.ReplaceAll(path, "{hash}", strings.Repeat("0", 64)), "", nil)
		if resp.StatusCode == http.StatusNotFound && path != "/documents/{hash}" {
			t.Errorf("%s %s documented but not served", method, path)
		}
	}
	if len(doc.Paths) != 12 {
		t.Errorf("openapi.json documents %d paths, want 12", len(doc.Paths))
	}
	if !slices.Equal(OpenAPI(), b) {
		t.Error("served document differs from OpenAPI()")
	}
}

// join formats xs with f, separated by "|".
func join[T any](xs []T, f func(T) string) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, f(x))
	}
	return strings.Join(parts, "|")
}
