package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/pgtest"
)

// benchEvents is the number of events of the query benchmarks' store.
const benchEvents = 1_000_000

// BenchmarkDyadWeekly measures a dyad's weekly series (events, Goldstein
// sum and mean, PLOVER counts) over a SQLite store of 1,000,000 generated
// events (spreadDoc: genDoc's documents published over two years), read
// from the daily counts; and, for comparison, every dyad's weekly series,
// and a month of a dyad computed from the events (a filter the counts do
// not hold). Building the store takes a few minutes; set
// $SITREP_BENCH_QUERY_DB to a file path to keep it between runs:
//
//	go test -run XXX -bench DyadWeekly -benchtime 20x ./store
func BenchmarkDyadWeekly(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("SITREP_BENCH_QUERY_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "query.db")
	}
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchQueries(b, s)
}

// BenchmarkPostgresDyadWeekly is BenchmarkDyadWeekly on PostgreSQL, in a
// new schema of the database of $SITREP_TEST_POSTGRES (skipped when it is
// unset):
//
//	.ci/with-postgres go test -run XXX -bench PostgresDyadWeekly -benchtime 20x ./store
func BenchmarkPostgresDyadWeekly(b *testing.B) {
	s, err := OpenPostgres(context.Background(), pgtest.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchQueries(b, s)
}

// benchQueries fills s with benchEvents events unless it holds them, then
// runs the query benchmarks on it.
func benchQueries(b *testing.B, s *DB) {
	ctx := context.Background()
	c, err := s.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if c.Events < benchEvents {
		if c.Events > 0 {
			b.Fatalf("the benchmark store holds %d events, not %d: remove it", c.Events, benchEvents)
		}
		start := time.Now()
		if err := fillBenchStore(ctx, s, benchEvents); err != nil {
			b.Fatal(err)
		}
		b.Logf("built a store of %d events in %.1f s", benchEvents, time.Since(start).Seconds())
	}
	queries := []struct {
		name string
		q    AggregateQuery
	}{
		{"counts/dyad", AggregateQuery{By: Weekly, Dyad: "ISR>LBNREB"}},
		{"counts/dyad-root", AggregateQuery{By: Weekly, Dyad: "ISR>LBNREB", Filter: Filter{Root: "19"}}},
		{"counts/all-dyads", AggregateQuery{By: Weekly, PerDyad: true}},
		{"events/dyad-month", AggregateQuery{By: Weekly, Dyad: "ISR>LBNREB",
			Filter: Filter{Outlet: "Wire", From: "2025-06-01", To: "2025-06-30"}}},
	}
	for _, qq := range queries {
		b.Run(qq.name, func(b *testing.B) {
			var buckets []Bucket
			for b.Loop() {
				if buckets, err = s.Aggregate(ctx, qq.q); err != nil {
					b.Fatal(err)
				}
			}
			if len(buckets) == 0 {
				b.Fatal("no buckets")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(len(buckets)), "buckets")
		})
	}
}

// Tables the benchmark store fills directly: what queries read of a
// document, an event and an actor.
var (
	benchDocsTable   = table{"documents", []string{"id", "hash", "doc_id", "outlet", "published", "text", "ingested"}}
	benchEventsTable = table{"events", []string{"id", "eid", "doc", "pos", "sentence", "text", "cameo", "cameo_root",
		"goldstein", "plover_type", "status", "date_start", "date_end", "date_precision", "confidence", "day"}}
	benchActorsTable = table{"event_actors", []string{"event", "role", "pos", "code", "country", "sector", "name", "kb_id"}}
)

// fillBenchStore stores n generated events (spreadDoc) with multi-row
// INSERTs, a thousand documents a transaction, without sentences, mentions
// or merged events; the daily counts are then filled as the migration to
// schema version 5 fills them.
func fillBenchStore(ctx context.Context, s *DB, n int) error {
	rng := rand.New(rand.NewPCG(11, 12))
	const docsPerTx = 1000
	var docID, eventID int64
	for stored := 0; stored < n; {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		ds, es, as := rows{t: benchDocsTable}, rows{t: benchEventsTable}, rows{t: benchActorsTable}
		for range docsPerTx {
			if stored >= n {
				break
			}
			docID++
			d := spreadDoc(rng, int(docID))
			d.Events = d.Events[:min(len(d.Events), n-stored)]
			a := &d.Doc.Article
			ds.add(docID, fmt.Sprintf("h%d", docID), a.ID, a.Outlet, a.Published.Format(time.RFC3339), a.Title,
				"2026-01-01T00:00:00Z")
			for pos := range d.Events {
				r := &d.Events[pos]
				eventID++
				var pType, start, end, prec any
				if r.PLOVER != nil {
					pType = r.PLOVER.Type
				}
				if r.Date != nil {
					start, end, prec = r.Date.Start, r.Date.End, r.Date.Precision
				}
				es.add(eventID, r.ID, docID, pos, r.Sentence, r.Text, r.Cameo, r.CameoRoot, *r.Goldstein, pType,
					string(r.Status), start, end, prec, r.Confidence, eventDay(r, publishedDay(a.Published)))
				for _, side := range []struct {
					role   string
					actors []event.Actor
				}{{"source", r.Source}, {"target", r.Target}} {
					for i, a := range side.actors {
						as.add(eventID, side.role, i, a.Code, a.Country, null(a.Sector), a.Name, null(a.ID))
					}
				}
			}
			stored += len(d.Events)
		}
		for _, r := range []*rows{&ds, &es, &as} {
			if err := s.insert(ctx, tx, r); err != nil {
				return fmt.Errorf("%w (and %v)", err, tx.Rollback())
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fillDailyCounts(ctx, tx, s.d, fillChunk); err != nil {
		return fmt.Errorf("%w (and %v)", err, tx.Rollback())
	}
	return tx.Commit()
}
