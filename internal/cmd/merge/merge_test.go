package mergecmd

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// report is a one-event document of outlet published on day: src rejected
// tgt.
func report(id, outlet, day, src, tgt string) store.Document {
	text := src + " rejected " + tgt + " (" + id + ")."
	pub, _ := time.Parse(time.DateOnly, day)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: outlet, Published: pub, Text: text},
		Sentences: []doc.Sentence{{Span: doc.Span{End: len(text)}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: "120", CameoRoot: "12", Status: event.Asserted,
		Source: []event.Actor{{Code: src, Country: src}}, Target: []event.Actor{{Code: tgt, Country: tgt}}}
	r.ID = event.StableID(id, 0, 0, r.Cameo, r.Source, r.Target)
	return store.Document{Doc: d, Events: []event.Record{r}}
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// The later report first, then the earlier one in another batch.
	for _, d := range []store.Document{report("b", "Wire", "2026-03-10", "ISR", "LBN"),
		report("a", "Axios", "2026-03-09", "ISR", "LBN"), report("c", "Post", "2026-03-30", "ISR", "LBN")} {
		if _, err := st.Put(ctx, []store.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var errOut bytes.Buffer
	if err := Run(ctx, &Options{ErrOut: &errOut, Open: store.Open, DB: db}); err != nil {
		t.Fatal(err)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "merge: 3 event records in 2 merged events (2 before)") {
		t.Errorf("summary %q", got)
	}
	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	groups, err := st.Merged(ctx, "ISR>LBN")
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || groups[0].Articles != 2 || groups[0].Members[0].Doc != "a" {
		t.Errorf("merged events %+v", groups)
	}
	if err := Run(ctx, &Options{ErrOut: &errOut, Open: store.Open, DB: filepath.Join(t.TempDir(), "no", "such", "dir.db")}); err == nil {
		t.Error("a store that cannot be opened is no error")
	}
}
