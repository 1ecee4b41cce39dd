package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestScanProvenance(t *testing.T) { eachBackend(t, testScanProvenance) }

// testScanProvenance: Scan gives each record with its document's
// provenance and its merged event, and stops at fn's first error.
func testScanProvenance(t *testing.T, b backend) {
	ctx := context.Background()
	s := openFresh(t, b)
	docs := []Document{
		report("seed", "Axios", "2026-03-09", "120", "ISR", "LBN"),
		report("f1", "Wire", "2026-03-10", "125", "ISR", "LBN"),
		report("far", "Post", "2026-06-30", "190", "USA", "IRN"),
	}
	ingested := time.Date(2026, 3, 11, 10, 0, 0, 0, time.UTC)
	for i := range docs {
		docs[i].Ingested = ingested
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	type seen struct {
		doc, id, outlet string
		published       time.Time
		merged          MergeInfo
	}
	var got []seen
	err := s.Scan(ctx, Filter{Order: ByStored}, func(row *Row) error {
		d, r, m := &row.Document, &row.Record, row.Merged
		if m == nil {
			t.Fatalf("record %s without its merged event", r.ID)
		}
		if !d.Ingested.Equal(ingested) || d.Hash == "" || r.Doc != d.ID {
			t.Errorf("document %+v of record %s", d, r.ID)
		}
		got = append(got, seen{d.ID, r.ID, d.Outlet, d.Published, *m})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d events, want 3", len(got))
	}
	// Documents are stored in hash order: look them up by id.
	byDoc := map[string]seen{}
	for _, g := range got {
		byDoc[g.doc] = g
	}
	for i, want := range []struct {
		doc               string
		reports, articles int
	}{{"seed", 2, 2}, {"f1", 2, 2}, {"far", 1, 1}} {
		g := byDoc[want.doc]
		if g.id != docs[i].Events[0].ID || g.outlet != docs[i].Doc.Outlet || !g.published.Equal(docs[i].Doc.Published) {
			t.Errorf("event %d: %+v", i, g)
		}
		if g.merged.Reports != want.reports || g.merged.Articles != want.articles || g.merged.ID == "" {
			t.Errorf("event %d: merged %+v, want %d reports in %d articles", i, g.merged, want.reports, want.articles)
		}
	}
	if byDoc["seed"].merged.ID != byDoc["f1"].merged.ID || byDoc["seed"].merged.ID == byDoc["far"].merged.ID {
		t.Errorf("merged ids %+v", byDoc)
	}
	stop := errors.New("stop")
	n := 0
	err = s.Scan(ctx, Filter{}, func(*Row) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("an error from fn: %v after %d calls", err, n)
	}
}
