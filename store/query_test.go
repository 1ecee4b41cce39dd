package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// qdoc returns a one-sentence document of outlet, published on pub
// (YYYY-MM-DD, at 09:00 UTC), whose one record is src doing cameo to tgt;
// edit changes the record before its id is set.
func qdoc(id, outlet, pub, text, cameo string, src, tgt event.Actor, edit func(r *event.Record)) Document {
	p, _ := time.Parse(time.DateOnly, pub)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: outlet, URL: "https://example.org/" + id, Title: "About " + id,
		Published: p.Add(9 * time.Hour), Text: text},
		Sentences: []doc.Sentence{{Span: doc.Span{End: len([]rune(text))}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: cameo, CameoRoot: cameo[:2], Status: event.Asserted,
		Source: []event.Actor{src}, Target: []event.Actor{tgt},
		Date: &event.Date{Text: "on " + pub, Value: pub, Start: pub, End: pub, Precision: "day"}}
	if edit != nil {
		edit(&r)
	}
	r.ID = event.StableID(id, 0, 0, cameo, r.Source, r.Target)
	return Document{Doc: d, Events: []event.Record{r}}
}

func country(c string) event.Actor { return event.Actor{Code: c, Country: c, Name: c} }

// corpus is a small store's content: one record a document, each
// filterable in its own way; r1 and r5 report the same strike.
func corpus() []Document {
	return []Document{
		qdoc("r1", "Axios", "2026-03-09", "Israel struck Beirut.", "190", country("ISR"), country("LBN"), func(r *event.Record) {
			r.Goldstein, r.PLOVER = ptr(-10.0), &event.PLOVER{Type: "ASSAULT"}
			r.Location = &event.Location{Text: "Beirut", Name: "Beirut", Country: "LBN"}
		}),
		qdoc("r2", "Wire", "2026-03-10", "Lebanon did not reject the 100% offer.", "125", country("LBN"), country("ISR"), func(r *event.Record) {
			r.Goldstein, r.PLOVER, r.Status = ptr(-4.0), &event.PLOVER{Type: "REJECT"}, event.Negated
		}),
		qdoc("r3", "Post", "2026-03-20", "Washington plans to back a ceasefire.", "036",
			event.Actor{Code: "USAGOV", Country: "USA", Sector: "GOV", Name: "United States", ID: "USA"}, country("LBN"),
			func(r *event.Record) {
				r.Goldstein, r.PLOVER, r.Status, r.Date = ptr(4.0), &event.PLOVER{Type: "AGREE"}, event.Intended, nil
			}),
		qdoc("r4", "Wire", "2026-04-01", "Hezbollah was banned.", "1722",
			event.Actor{Code: "LBNREBHEZ", Country: "LBN", Sector: "REB", Name: "Hezbollah", ID: "hezbollah"}, country("LBN"),
			func(r *event.Record) { r.Goldstein, r.PLOVER = ptr(-5.0), &event.PLOVER{Type: "COERCE"} }),
		qdoc("r5", "Post", "2026-03-10", "Israeli jets struck Beirut on Monday.", "190", country("ISR"), country("LBN"), func(r *event.Record) {
			r.Goldstein, r.PLOVER = ptr(-10.0), &event.PLOVER{Type: "ASSAULT"}
			r.Date = &event.Date{Text: "Monday", Value: "2026-03-09", Start: "2026-03-09", End: "2026-03-09", Precision: "day"}
		}),
	}
}

func scanDocs(t *testing.T, s *DB, f Filter) []string {
	t.Helper()
	var got []string
	if err := s.Scan(context.Background(), f, func(r *Row) error {
		got = append(got, r.Document.ID)
		return nil
	}); err != nil {
		t.Fatalf("scan %+v: %v", f, err)
	}
	return got
}

func TestScan(t *testing.T) { eachBackend(t, testScan) }

func testScan(t *testing.T, b backend) {
	ctx := context.Background()
	s := openFresh(t, b)
	docs := corpus()
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all, by day", Filter{}, "r1 r5 r2 r3 r4"},
		{"actor code prefix", Filter{Actor: "isr"}, "r1 r5 r2"},
		{"actor code prefix, sector", Filter{Actor: "LBNREB"}, "r4"},
		{"actor name", Filter{Actor: "hezbollah"}, "r4"},
		{"actor kb id", Filter{Actor: "USA"}, "r3"},
		{"country", Filter{Country: "USA"}, "r3"},
		{"sector", Filter{Sector: "gov"}, "r3"},
		{"country and sector of one actor", Filter{Country: "LBN", Sector: "REB"}, "r4"},
		{"country and sector of two actors", Filter{Country: "ISR", Sector: "REB"}, ""},
		{"cameo prefix", Filter{Cameo: "17"}, "r4"},
		{"cameo code", Filter{Cameo: "125"}, "r2"},
		{"root", Filter{Root: "19"}, "r1 r5"},
		{"plover", Filter{PLOVER: "assault"}, "r1 r5"},
		{"status", Filter{Status: "negated"}, "r2"},
		{"days, an undated event by its publication", Filter{From: "2026-03-10", To: "2026-03-20"}, "r2 r3"},
		{"from", Filter{From: "2026-03-21"}, "r4"},
		{"place code", Filter{Place: "lbn"}, "r1"},
		{"place name", Filter{Place: "BEIRUT"}, "r1"},
		{"outlet", Filter{Outlet: "wire"}, "r2 r4"},
		{"text", Filter{Text: "Ceasefire"}, "r3"},
		{"text with a wildcard", Filter{Text: "100%"}, "r2"},
		{"text wildcard taken literally", Filter{Text: "0_"}, ""},
		{"merged: one report per event", Filter{Merged: true}, "r1 r2 r3 r4"},
		{"limit and offset", Filter{Limit: 2, Offset: 1}, "r5 r2"},
		{"offset alone", Filter{Offset: 3}, "r3 r4"},
		{"latest first", Filter{Order: ByDayDesc}, "r4 r3 r2 r5 r1"},
		{"as stored", Filter{Order: ByStored, Root: "19"}, "r1 r5"},
		{"several", Filter{Actor: "ISR", Root: "19", Outlet: "Post"}, "r5"},
	}
	for _, tt := range tests {
		if got := strings.Join(scanDocs(t, s, tt.f), " "); got != tt.want {
			t.Errorf("%s: %+v: got %q, want %q", tt.name, tt.f, got, tt.want)
		}
	}
	// A row is the record as Events reads it back, with its document and
	// merged event.
	var rows []Row
	if err := s.Scan(ctx, Filter{Root: "19"}, func(r *Row) error { rows = append(rows, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	back, err := s.Events(ctx, Hash(&docs[0].Doc.Article))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonLines(t, []event.Record{rows[0].Record}), jsonLines(t, back); g != w {
		t.Errorf("row record\n%s\nwant\n%s", g, w)
	}
	wantDoc := DocumentInfo{Hash: Hash(&docs[0].Doc.Article), ID: "r1", Outlet: "Axios", URL: "https://example.org/r1",
		Title: "About r1", Published: time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)}
	got := rows[0].Document
	got.Ingested = time.Time{}
	if got != wantDoc || rows[0].Day != "2026-03-09" || rows[0].Document.Ingested.IsZero() {
		t.Errorf("row document %+v day %q", rows[0].Document, rows[0].Day)
	}
	m0, m1 := rows[0].Merged, rows[1].Merged
	if m0 == nil || m1 == nil || m0.ID != m1.ID || m0.Reports != 2 || m0.Articles != 2 || m0.Outlets != 2 ||
		!m0.FirstReported.Equal(wantDoc.Published) {
		t.Errorf("merged %+v, %+v", m0, m1)
	}
	for _, bad := range []Filter{{From: "March"}, {Order: "up"}, {Limit: -1}} {
		if err := s.Scan(ctx, bad, func(*Row) error { return nil }); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	stop := fmt.Errorf("enough")
	if err := s.Scan(ctx, Filter{}, func(*Row) error { return stop }); err != stop {
		t.Errorf("error of fn: %v", err)
	}
}

// spreadDoc is genDoc published on one of 730 days from 2025-01-01 (by
// i), with events dated up to two days before, one in ten undated.
func spreadDoc(rng *rand.Rand, i int) Document {
	d := genDoc(rng, fmt.Sprintf("g%d", i))
	pub := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, (i*7919)%730)
	d.Doc.Published = pub
	d.Doc.Text += fmt.Sprint(i)
	for k := range d.Events {
		r := &d.Events[k]
		if rng.IntN(10) == 0 {
			r.Date = nil
			continue
		}
		day := pub.AddDate(0, 0, -rng.IntN(3)).Format(time.DateOnly)
		r.Date = &event.Date{Value: day, Start: day, End: day, Precision: "day"}
	}
	return d
}

// FuzzScanFilter gives Scan filters of any text, as typed on a command
// line: no error, and a text filter selects exactly the records whose
// text contains it (ASCII case ignored; LIKE's wildcards are literal).
func FuzzScanFilter(f *testing.F) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	docs := corpus()
	if _, err := s.Put(ctx, docs); err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"", "beirut", "100%", "0_", `\`, "'; DROP TABLE events; --", "?", "$1", "ISR", "é", "\xff", "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if strings.ContainsRune(q, 0) {
			if err := s.Scan(ctx, Filter{Text: q}, func(*Row) error { return nil }); err == nil {
				t.Errorf("text %q: no error", q)
			}
			return
		}
		for _, flt := range []Filter{{Actor: q}, {Country: q, Sector: q}, {Cameo: q}, {Place: q}, {Outlet: q}, {PLOVER: q}} {
			if err := s.Scan(ctx, flt, func(*Row) error { return nil }); err != nil {
				t.Fatalf("%+v: %v", flt, err)
			}
		}
		got := scanDocs(t, s, Filter{Text: q, Order: ByStored})
		slices.Sort(got)
		ascii := true
		for _, r := range q {
			ascii = ascii && r < utf8.RuneSelf
		}
		if !ascii || !utf8.ValidString(q) {
			return
		}
		var want []string
		for _, d := range docs {
			if strings.Contains(strings.ToLower(d.Doc.Text), strings.ToLower(q)) {
				want = append(want, d.Doc.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("text %q: got %q, want %q", q, got, want)
		}
	})
}
