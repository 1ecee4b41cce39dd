package store

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
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
		Title: "About r1", Published: "2026-03-09T09:00:00Z"}
	if rows[0].Document != wantDoc || rows[0].Day != "2026-03-09" {
		t.Errorf("row document %+v day %q", rows[0].Document, rows[0].Day)
	}
	if m := rows[0].Merged; m == nil || *m != (MergedRef{ID: rows[1].Merged.ID, Articles: 2, Outlets: 2}) {
		t.Errorf("merged %+v, %+v", rows[0].Merged, rows[1].Merged)
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

// direct sums the records of docs that keep selects into the buckets of
// by, per dyad when perDyad, as the aggregates are defined: an event's day
// is its date start, else its document's publication day.
func direct(docs []Document, by Period, perDyad bool, keep func(d *Document, r *event.Record) bool) []Bucket {
	idx := map[[2]string]int{}
	var out []Bucket
	for i := range docs {
		d := &docs[i]
		for k := range d.Events {
			r := &d.Events[k]
			if !keep(d, r) {
				continue
			}
			day := d.Doc.Published.Format(time.DateOnly)
			if r.Date != nil {
				day = r.Date.Start
			}
			b := Bucket{Period: day, Start: day, End: day}
			if by == Weekly {
				t, _ := time.Parse(time.DateOnly, day)
				for t.Weekday() != time.Monday {
					t = t.AddDate(0, 0, -1)
				}
				y, w := t.ISOWeek()
				b.Period, b.Start, b.End = fmt.Sprintf("%d-W%02d", y, w), t.Format(time.DateOnly), t.AddDate(0, 0, 6).Format(time.DateOnly)
			}
			if perDyad {
				b.Dyad = dyadOf(r)
			}
			key := [2]string{b.Dyad, b.Period}
			j, ok := idx[key]
			if !ok {
				j = len(out)
				idx[key] = j
				out = append(out, b)
			}
			o := &out[j]
			o.Events++
			if r.Goldstein != nil {
				o.GoldsteinSum += *r.Goldstein
				o.GoldsteinN++
			}
			if r.PLOVER != nil {
				if o.PLOVER == nil {
					o.PLOVER = map[string]int64{}
				}
				o.PLOVER[r.PLOVER.Type]++
			}
		}
	}
	return out
}

// dyadOf is merge.Dyad for the one-country and sector actors of the
// generated documents.
func dyadOf(r *event.Record) string {
	side := func(as []event.Actor) string {
		if len(as) == 0 {
			return "-"
		}
		return as[0].Country + as[0].Sector
	}
	return side(r.Source) + ">" + side(r.Target)
}

// sameBuckets reports how got differs from want (in any order), "" when
// it does not.
func sameBuckets(got, want []Bucket) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d buckets, want %d", len(got), len(want))
	}
	byKey := map[[2]string]Bucket{}
	for _, b := range want {
		byKey[[2]string{b.Dyad, b.Period}] = b
	}
	for _, g := range got {
		w, ok := byKey[[2]string{g.Dyad, g.Period}]
		mean := g.GoldsteinMean != nil && w.GoldsteinN > 0 && math.Abs(*g.GoldsteinMean-w.GoldsteinSum/float64(w.GoldsteinN)) < 1e-9 ||
			g.GoldsteinMean == nil && w.GoldsteinN == 0
		if !ok || g.Start != w.Start || g.End != w.End || g.Events != w.Events || g.GoldsteinN != w.GoldsteinN ||
			math.Abs(g.GoldsteinSum-w.GoldsteinSum) > 1e-9 || !mean || !reflect.DeepEqual(g.PLOVER, w.PLOVER) {
			return fmt.Sprintf("bucket %+v (mean %v), want %+v", g, g.GoldsteinMean, w)
		}
	}
	return ""
}

func TestAggregate(t *testing.T) { eachBackend(t, testAggregate) }

func testAggregate(t *testing.T, b backend) {
	ctx := context.Background()
	s := openFresh(t, b)
	rng := rand.New(rand.NewPCG(3, 4))
	var docs []Document
	for i := range 60 {
		docs = append(docs, spreadDoc(rng, i))
	}
	// Two batches, so that the second adds to counts the first wrote.
	if _, err := s.Put(ctx, docs[:25]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, docs[25:]); err != nil {
		t.Fatal(err)
	}
	checkAggregates(t, s, docs)
	// Putting the documents again changes nothing.
	if _, err := s.Put(ctx, docs[10:40]); err != nil {
		t.Fatal(err)
	}
	checkAggregates(t, s, docs)
}

// checkAggregates compares the aggregates of s, read from the daily
// counts and computed from the events, with direct sums over docs.
func checkAggregates(t *testing.T, s *DB, docs []Document) {
	t.Helper()
	ctx := context.Background()
	all := func(*Document, *event.Record) bool { return true }
	tests := []struct {
		name   string
		q      AggregateQuery
		counts bool
		keep   func(d *Document, r *event.Record) bool
	}{
		{"daily", AggregateQuery{}, true, all},
		{"weekly per dyad", AggregateQuery{By: Weekly, PerDyad: true}, true, all},
		{"a dyad weekly", AggregateQuery{By: Weekly, Dyad: "ISR>LBNREB"}, true,
			func(_ *Document, r *event.Record) bool { return dyadOf(r) == "ISR>LBNREB" }},
		{"root, status and days", AggregateQuery{By: Weekly, PerDyad: true,
			Filter: Filter{Root: "19", Status: "asserted", From: "2025-03-01", To: "2025-09-30"}}, true,
			func(d *Document, r *event.Record) bool {
				day := d.Doc.Published.Format(time.DateOnly)
				if r.Date != nil {
					day = r.Date.Start
				}
				return r.CameoRoot == "19" && day >= "2025-03-01" && day <= "2025-09-30"
			}},
		{"plover", AggregateQuery{Filter: Filter{PLOVER: "reject"}}, true,
			func(_ *Document, r *event.Record) bool { return r.PLOVER != nil && r.PLOVER.Type == "REJECT" }},
		// The same queries with a filter the counts do not hold: computed
		// from the events.
		{"events: weekly per dyad", AggregateQuery{By: Weekly, PerDyad: true, Filter: Filter{Outlet: "Wire"}}, false, all},
		{"events: a dyad's days", AggregateQuery{Dyad: "LBNGOV>-", Filter: Filter{Outlet: "Wire"}}, false,
			func(_ *Document, r *event.Record) bool { return dyadOf(r) == "LBNGOV>-" }},
		{"events: actor", AggregateQuery{By: Weekly, Filter: Filter{Actor: "USA"}}, false,
			func(_ *Document, r *event.Record) bool {
				for _, a := range append(append([]event.Actor(nil), r.Source...), r.Target...) {
					if a.ID == "USA" || strings.HasPrefix(a.Code, "USA") {
						return true
					}
				}
				return false
			}},
	}
	for _, tt := range tests {
		if got := tt.q.FromDailyCounts(); got != tt.counts {
			t.Errorf("%s: from daily counts %v, want %v", tt.name, got, tt.counts)
		}
		got, err := s.Aggregate(ctx, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := direct(docs, cmpOr(tt.q.By, Daily), tt.q.PerDyad, tt.keep)
		if tt.q.Dyad != "" {
			for i := range want {
				want[i].Dyad = tt.q.Dyad
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: no events: a test that cannot fail", tt.name)
		}
		if d := sameBuckets(got, want); d != "" {
			t.Errorf("%s: %s", tt.name, d)
		}
		for i := 1; i < len(got); i++ {
			if got[i-1].Dyad == got[i].Dyad && got[i-1].Start >= got[i].Start {
				t.Errorf("%s: buckets out of order: %s then %s", tt.name, got[i-1].Period, got[i].Period)
			}
		}
	}
}

func cmpOr(p, def Period) Period {
	if p == "" {
		return def
	}
	return p
}

// TestMigrateDailyCounts turns a store back into a version 2 database
// (no daily counts, none of the query indexes) and opens it again: the
// migration to version 3 fills the counts from the stored events.
func TestMigrateDailyCounts(t *testing.T) { eachBackend(t, testMigrateDailyCounts) }

func testMigrateDailyCounts(t *testing.T, b backend) {
	ctx := context.Background()
	name := b.fresh(t)
	s, err := b.open(ctx, name, migrations())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var docs []Document
	for i := range 40 {
		docs = append(docs, spreadDoc(rng, i))
	}
	docs = append(docs, corpus()...)
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DROP TABLE daily_counts`, `DROP INDEX events_date_start`, `DROP INDEX events_cameo_root`,
		`DROP INDEX event_actors_code`, `DROP INDEX event_actors_country`, `DROP INDEX documents_outlet`,
		`UPDATE schema_version SET version = 2`} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	// Filled in chunks smaller than the events, to cross chunk bounds.
	s, err = b.open(ctx, name, migrations())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Version(ctx); err != nil || v != 3 {
		t.Fatalf("version %d, %v", v, err)
	}
	var rowsN int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM daily_counts`).Scan(&rowsN); err != nil || rowsN == 0 {
		t.Fatalf("%d daily counts, %v", rowsN, err)
	}
	all := func(*Document, *event.Record) bool { return true }
	got, err := s.Aggregate(ctx, AggregateQuery{By: Daily, PerDyad: true})
	if err != nil {
		t.Fatal(err)
	}
	// The corpus's country actors have names: merge.Dyad keys on
	// country and sector, as dyadOf does.
	if d := sameBuckets(got, direct(docs, Daily, true, all)); d != "" {
		t.Error(d)
	}
}

// TestFillChunks fills the daily counts of more events than one chunk
// reads: the same counts as Put kept.
func TestFillChunks(t *testing.T) {
	ctx := context.Background()
	s := openFresh(t, backends[0])
	rng := rand.New(rand.NewPCG(7, 8))
	var docs []Document
	for i := range 30 {
		docs = append(docs, spreadDoc(rng, i))
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	before, err := s.Aggregate(ctx, AggregateQuery{PerDyad: true})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM daily_counts`); err != nil {
		t.Fatal(err)
	}
	if err := fillDailyCounts(ctx, tx, s.d, 17); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := s.Aggregate(ctx, AggregateQuery{PerDyad: true})
	if err != nil {
		t.Fatal(err)
	}
	if d := sameBuckets(after, before); d != "" {
		t.Error(d)
	}
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
