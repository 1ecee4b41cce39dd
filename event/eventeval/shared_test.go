package eventeval

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/ontology"
)

// fromGold builds, for each seed gold line, a record that matches it and
// passes all its extra checks.
func fromGold(t *testing.T, gold []SeedGold) []event.Record {
	t.Helper()
	o, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	var recs []event.Record
	for _, g := range gold {
		r := event.Record{Doc: "seed", Text: "… " + g.Anchor + " …", Source: []event.Actor{{Code: g.Source[0]}}}
		if len(g.Target) > 0 {
			r.Target = []event.Actor{{Code: g.Target[0]}}
		}
		code := g.Cameo
		if code == "" {
			code = g.Roots[0]
		}
		if err := r.SetCode(o, code); err != nil {
			t.Fatalf("%s: %v", g.ID, err)
		}
		if len(g.Status) > 0 {
			r.Status = event.Status(g.Status[0])
		}
		a := &event.Attribution{Voice: "cited"}
		switch g.Attrib {
		case "self":
			a.Voice = "publisher"
		case "":
		default:
			a.Chain = append(a.Chain, event.Source{Role: "outlet", Name: g.Attrib})
		}
		if g.AnonSources > 0 {
			a.Chain = append(a.Chain, event.Source{Role: "anonymous", Count: g.AnonSources})
		}
		a.Hedged = g.Hedged != nil && *g.Hedged
		r.Attribution = a
		if g.Date != "" {
			r.Date = &event.Date{Start: g.Date[:10], End: g.Date[11:]}
		}
		if g.Location != "" {
			r.Location = &event.Location{Name: g.Location}
		}
		recs = append(recs, r)
	}
	return recs
}

func TestSeedGoldAgainstItself(t *testing.T) {
	gold, err := ReadSeedGold(sharedtest.Path(t, "eval/seed.gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 25 {
		t.Errorf("%d gold lines, want 25", len(gold))
	}
	recs := fromGold(t, gold)
	s := ScoreSeed(gold, recs, string(doc))
	if s.Required != (Ratio{15, 15}) || s.Optional != (Ratio{10, 10}) || s.Precision != (Ratio{25, 25}) ||
		s.NoSource != 0 || len(s.MissingAnchors) != 0 || len(s.Unmatched) != 0 {
		t.Errorf("gold against itself: %+v", s)
	}
	for name, r := range s.Extra {
		if r.Right != r.Of || r.Of == 0 {
			t.Errorf("extra %s: %v", name, r)
		}
	}
	want := map[string]int{"status": 15, "cameo": 15, "plover": 15, "attrib": 9, "anon_sources": 1,
		"hedged": 2, "date": 1, "location": 2}
	for name, n := range want {
		if s.Extra[name].Of != n {
			t.Errorf("extra %s checked %d times, want %d", name, s.Extra[name].Of, n)
		}
	}

	// Known errors: S01 and S02 missed, one output with a wrong root, one
	// without a source.
	bad := append([]event.Record{}, recs[2:]...)
	wrong := recs[2]
	wrong.CameoRoot, wrong.Cameo = "04", "040"
	bad = append(bad, wrong, event.Record{Text: gold[3].Anchor, CameoRoot: "19"})
	s = ScoreSeed(gold, bad, string(doc))
	if s.Required != (Ratio{13, 15}) || s.Precision != (Ratio{23, 25}) || s.NoSource != 1 ||
		len(s.Unmatched) != 2 || s.Lines[0].Matched != nil {
		t.Errorf("known errors: %+v", s)
	}
}

func TestPLOVERGold(t *testing.T) {
	items, err := ReadPLOVER(sharedtest.Path(t, "data/plover/PLOVER_GSR_CAMEO.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 322 {
		t.Errorf("%d PLOVER records, want 322", len(items))
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it.ID] = true
	}
	if len(ids) != len(items) || !ids["PLOVER-GSR01-COERCE-0004#2"] {
		t.Errorf("ids not unique: %d ids for %d records", len(ids), len(items))
	}
	types := map[string]int{}
	spans := 0
	for _, it := range items {
		types[it.Event]++
		spans += len(it.Spans)
		for _, sp := range it.Spans {
			if got := string([]rune(it.Text)[sp.Start:sp.End]); got != sp.Text {
				t.Errorf("%s: span %+v is %q in the text", it.ID, sp, got)
			}
		}
	}
	if types["DEMAND"] != 0 || types["FIGHT"] != 0 || types["REQUEST"] != 34 || types["AGREE"] != 40 ||
		types["ACCUSE"] != 25 || types["ASSAULT"] != 32 {
		t.Errorf("types %v", types)
	}
	t.Logf("%d records, %d spans located, types %v", len(items), spans, types)

	pred := map[string][]event.Record{}
	for _, it := range items {
		r := event.Record{PLOVER: &event.PLOVER{Type: it.Event}, Confidence: 0.9}
		for _, c := range it.Source {
			r.Source = append(r.Source, event.Actor{Code: c + "GOV"})
		}
		for _, c := range it.Target {
			r.Target = append(r.Target, event.Actor{Code: c})
		}
		// A lower-confidence decoy must not be the one judged.
		pred[it.ID] = []event.Record{{PLOVER: &event.PLOVER{Type: "FIGHT"}, Confidence: 0.1}, r}
	}
	s := ScorePLOVER(items, pred)
	all := Ratio{322, 322}
	if s.EventType != all || s.SourceCountry != all || s.TargetCountry != all || s.BothCountries != all || s.NoEvent != 0 {
		t.Errorf("gold against itself: %+v", s)
	}
	s = ScorePLOVER(items, nil)
	if s.EventType.Right != 0 || s.SourceCountry.Right != 0 || s.NoEvent != 322 {
		t.Errorf("nothing predicted: %+v", s)
	}
}

func TestConfliBERTClassTrain(t *testing.T) {
	items, err := ReadPenta(sharedtest.Path(t, "data/conflibert-cameo/class-train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1349 {
		t.Errorf("%d sentences, want 1349", len(items))
	}
	var counts [5]int
	pred := map[string][]event.Record{}
	for _, it := range items {
		counts[it.Penta]++
		p := it.Penta
		pred[it.ID] = []event.Record{{PentaClass: &p}}
	}
	if counts != [5]int{240, 248, 303, 337, 221} {
		t.Errorf("class counts %v", counts)
	}
	if s := ScorePenta(items, pred); s.Accuracy != (Ratio{1349, 1349}) || s.NoEvent != 0 {
		t.Errorf("gold against itself: %+v", s)
	}
	if s := ScorePenta(items, nil); s.Accuracy != (Ratio{0, 1349}) || s.NoEvent != 1349 || s.Confusion[3][5] != 337 {
		t.Errorf("nothing predicted: %+v", s)
	}
}
