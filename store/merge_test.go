package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/merge"
)

// report returns a one-sentence document of outlet, published on day, with
// one record: src did cameo to tgt (country codes), dated by its article.
func report(id, outlet, day, cameo, src, tgt string) Document {
	text := src + " did " + cameo + " to " + tgt + " (" + id + ")."
	pub, _ := time.Parse(time.DateOnly, day)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: outlet, Published: pub.Add(9 * time.Hour), Text: text},
		Sentences: []doc.Sentence{{Span: doc.Span{End: len(text)}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: cameo, CameoRoot: cameo[:2], Status: event.Asserted,
		Source: []event.Actor{{Code: src, Country: src}}, Target: []event.Actor{{Code: tgt, Country: tgt}},
		Date: &event.Date{Value: day, Start: day, End: day, Precision: "day"}}
	r.ID = event.StableID(id, 0, 0, cameo, r.Source, r.Target)
	return Document{Doc: d, Events: []event.Record{r}}
}

func TestMerge(t *testing.T) { eachBackend(t, testMerge) }

func testMerge(t *testing.T, b backend) {
	ctx := context.Background()
	docs := []Document{
		report("seed", "Axios", "2026-03-09", "120", "ISR", "LBN"),
		report("f1", "Wire", "2026-03-10", "125", "ISR", "LBN"),
		report("f2", "Post", "2026-03-10", "120", "LBN", "ISR"),
		report("f3", "Post", "2026-03-30", "120", "ISR", "LBN"),
	}
	// One store gets the documents in one batch, the other one by one,
	// the latest first: the merged events are the same.
	together, apart := openFresh(t, b), openFresh(t, b)
	if _, err := together.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		if _, err := apart.Put(ctx, docs[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	got, err := together.Merged(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if again, err := apart.Merged(ctx, ""); err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("put one by one:\n%+v\nin one batch:\n%+v (%v)", again, got, err)
	}
	isr, err := together.Merged(ctx, "ISR>LBN")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(isr) != 2 {
		t.Fatalf("merged events %+v; ISR>LBN %+v", got, isr)
	}
	g := isr[0]
	want := MergedEvent{ID: merge.GroupID(Hash(&docs[0].Doc.Article) + "/" + docs[0].Events[0].ID),
		Dyad: "ISR>LBN", Root: "12", Status: "asserted", Start: "2026-03-03", End: "2026-03-09",
		Articles: 2, Outlets: 2, FirstReported: "2026-03-09T09:00:00Z", Members: []MergedMember{
			{Event: docs[0].Events[0].ID, Doc: "seed", Outlet: "Axios", Reason: "first report"},
			{Event: docs[1].Events[0].ID, Doc: "f1", Outlet: "Wire",
				Reason: "same dyad ISR>LBN, root 12, asserted, dates overlap 2026-03-03..09, place unknown"}}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got  %+v\nwant %+v", g, want)
	}
	// Putting the documents again changes nothing.
	if _, err := together.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if again, err := together.Merged(ctx, ""); err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("after putting again: %+v (%v)", again, err)
	}
}

// randomReports returns n one-event reports of a few dyads and codes,
// published on days of March 2026.
func randomReports(rng *rand.Rand, n int) []Document {
	countries := []string{"ISR", "LBN", "USA"}
	codes := []string{"120", "125", "190", "036"}
	var docs []Document
	for i := range n {
		src := countries[rng.IntN(len(countries))]
		tgt := countries[rng.IntN(len(countries))]
		day := fmt.Sprintf("2026-03-%02d", 1+rng.IntN(28))
		docs = append(docs, report(fmt.Sprintf("r%03d", i), fmt.Sprintf("outlet%d", rng.IntN(4)), day,
			codes[rng.IntN(len(codes))], src, tgt))
	}
	return docs
}

func TestMergeIncremental(t *testing.T) { eachBackend(t, testMergeIncremental) }

// testMergeIncremental: documents put batch by batch, in publication order
// (merged into the stored groups) or in any order (merged again within a
// window that here covers them all), give the merged events that merging
// them all at once gives (Remerge).
func testMergeIncremental(t *testing.T, b backend) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	docs := randomReports(rng, 120)
	all := openFresh(t, b)
	if _, err := all.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := all.Remerge(ctx); err != nil {
		t.Fatal(err)
	}
	want, err := all.Merged(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(want) >= len(docs) || len(want) < 10 {
		t.Fatalf("%d merged events of %d reports: the test does not merge", len(want), len(docs))
	}
	inOrder := slices.Clone(docs)
	slices.SortStableFunc(inOrder, func(x, y Document) int { return x.Doc.Published.Compare(y.Doc.Published) })
	shuffled := slices.Clone(docs)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, tt := range []struct {
		name string
		docs []Document
	}{{"publication order", inOrder}, {"any order", shuffled}} {
		s := openFresh(t, b)
		for start := 0; start < len(tt.docs); {
			end := min(len(tt.docs), start+1+rng.IntN(12))
			if _, err := s.Put(ctx, tt.docs[start:end]); err != nil {
				t.Fatal(err)
			}
			start = end
		}
		got, err := s.Merged(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d merged events, want %d", tt.name, len(got), len(want))
		}
	}
}

func TestMergeMigration(t *testing.T) { eachBackend(t, testMergeMigration) }

// testMergeMigration: a database of version 2 gets, as it migrates, the
// merged events merging all its events gives.
func testMergeMigration(t *testing.T, b backend) {
	ctx := context.Background()
	docs := randomReports(rand.New(rand.NewPCG(7, 8)), 40)
	name := b.fresh(t)
	s, err := b.open(ctx, name, migrations())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	want, err := s.Merged(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	// Take the database back to version 2: its merged events lack the
	// columns of version 3.
	for _, q := range []string{`DROP INDEX merged_events_days`, `DROP INDEX merged_events_last`,
		`ALTER TABLE merged_events DROP COLUMN size`, `ALTER TABLE merged_events DROP COLUMN outlet_names`,
		`ALTER TABLE merged_events DROP COLUMN first_key`, `ALTER TABLE merged_events DROP COLUMN last_key`,
		`CREATE INDEX merged_events_dyad ON merged_events (dyad)`, `UPDATE schema_version SET version = 2`} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	if s, err = b.open(ctx, name, migrations()[:3]); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Merged(ctx, "")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after migrating: %d merged events (%v), want %d", len(got), err, len(want))
	}
	// New reports merge into the migrated groups.
	late := report("late", "Late", "2026-03-29", "120", "ISR", "LBN")
	late.Doc.Published = late.Doc.Published.AddDate(0, 0, 1)
	if _, err := s.Put(ctx, []Document{late}); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Merged(ctx, ""); err != nil || len(got) > len(want)+1 {
		t.Errorf("after a new report: %d merged events (%v), want at most %d", len(got), err, len(want)+1)
	}
}
