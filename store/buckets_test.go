package store

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
)

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

// TestMigrateDailyCounts turns a store back into the version before the
// daily counts (no daily counts, none of the query indexes) and opens it
// again: the migration fills the counts from the stored events.
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
	days := func() []string {
		var ds []string
		if err := s.Scan(ctx, Filter{Order: ByStored}, func(r *Row) error { ds = append(ds, r.Day); return nil }); err != nil {
			t.Fatal(err)
		}
		return ds
	}
	daysBefore := days()
	for _, stmt := range []string{`DROP TABLE daily_counts`, `DROP INDEX events_date_start`,
		`DROP INDEX event_actors_code`, `DROP INDEX event_actors_country`, `DROP INDEX documents_outlet`,
		// and migration 6's day column, filled again from the events.
		`DROP INDEX events_day`, `ALTER TABLE events DROP COLUMN day`,
		// and the indexes that migration 9 drops.
		`CREATE INDEX events_eid ON events (eid)`, `CREATE INDEX event_links_target ON event_links (target)`,
		`UPDATE schema_version SET version = 4`} {
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
	if v, err := s.Version(ctx); err != nil || v != len(migrations()) {
		t.Fatalf("version %d, %v", v, err)
	}
	if got := days(); !slices.Equal(got, daysBefore) {
		t.Errorf("days after migrating %v\nwant %v", got, daysBefore)
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
