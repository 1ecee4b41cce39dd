package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/merge"
)

// report returns a one-sentence document of outlet, published on day, with
// one record: src did cameo to tgt (country codes), dated by its article.
func report(id, outlet, day, cameo, src, tgt string) Document {
	text := src + " did " + cameo + " to " + tgt + "."
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
