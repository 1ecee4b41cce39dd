package export_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/export"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func f64(f float64) *float64 { return &f }
func intp(n int) *int        { return &n }

// fixture returns a fixed set of events: a fully coded one in a merged
// event, a proposal with two sources, a statement without PLOVER type or
// date (dated by its document), and one with no date at all.
func fixture() []export.Event {
	published := time.Date(2026, 3, 9, 14, 30, 0, 0, time.FixedZone("EET", 2*3600))
	ingested := time.Date(2026, 3, 10, 8, 0, 5, 0, time.UTC)
	doc := export.DocInfo{Hash: "9f2c", ID: "seed-1", Outlet: "Axios", URL: "https://example.org/a?x=1&y=2",
		Title: "Lebanon offers talks", Published: published, Ingested: ingested}
	barrack := event.Actor{Text: "US envoy Tom Barrack", Start: 10, End: 30, Code: "USAGOV", Country: "USA",
		Sector: "GOV", Name: "Tom Barrack", ID: "p:tom-barrack", Via: "dictionary"}
	lebanon := event.Actor{Text: "Lebanon", Start: 40, End: 47, Code: "LBNGOV", Country: "LBN", Sector: "GOV",
		Name: "Lebanon", ID: "c:LBN", Via: "dictionary"}
	israel := event.Actor{Text: "Israel", Start: 52, End: 58, Code: "ISR", Country: "ISR", Name: "Israel", ID: "c:ISR"}
	return []export.Event{{
		Record: event.Record{ID: "a1b2c3d4e5f60718", Doc: "seed-1", Sentence: 3,
			Text:    "Barrack and Israel rejected the offer, according to Axios.",
			Trigger: &event.Span{Text: "rejected", Start: 1234, End: 1242}, Cameo: "125", CameoRoot: "12",
			Goldstein: f64(-5), QuadClass: 3, PentaClass: intp(3),
			PLOVER: &event.PLOVER{Type: "REJECT", Mode: "meet", Context: []string{"diplomatic"}},
			Status: event.Asserted, Source: []event.Actor{barrack, israel}, Target: []event.Actor{lebanon},
			Date:     &event.Date{Text: "last week", Value: "2026-W10", Start: "2026-03-02", End: "2026-03-08", Precision: "week"},
			Location: &event.Location{Text: "Cyprus", Name: "Cyprus", Country: "CYP", Lat: f64(35), Lon: f64(33)},
			Attribution: &event.Attribution{Voice: "cited", Chain: []event.Source{
				{Role: "outlet", Name: "Axios", Cue: "according to"},
				{Role: "anonymous", Count: 5, Text: "five sources familiar with the matter"}}},
			Links:      []event.Link{{Rel: "responds_to", Event: "0011223344556677"}},
			Confidence: 0.82, Explain: "verb 'reject' with nsubj and obj"},
		Doc:    doc,
		Merged: &export.MergedInfo{ID: "m-77", Reports: 3, Articles: 2, Outlets: 2, FirstReported: published},
	}, {
		Record: event.Record{ID: "0011223344556677", Doc: "seed-1", Sentence: 0,
			Text: "Lebanon proposed direct talks\twith Israel,\nofficials said.", Cameo: "036", CameoRoot: "03",
			Goldstein: f64(4), QuadClass: 1, PentaClass: intp(1), PLOVER: &event.PLOVER{Type: "AGREE"},
			Status: event.Intended, Source: []event.Actor{lebanon}, Target: []event.Actor{israel},
			Date:        &event.Date{Start: "2026-03-09", End: "2026-03-09", Precision: "day"},
			Attribution: &event.Attribution{Voice: "publisher", Hedged: true}, Confidence: 0.7},
		Doc: doc,
	}, {
		Record: event.Record{ID: "8899aabbccddeeff", Doc: "seed-1", Sentence: 5, Text: "Aoun spoke about it.",
			Cameo: "010", CameoRoot: "01", Goldstein: f64(0), PentaClass: intp(0), Status: event.Asserted,
			Source: []event.Actor{{Code: "LBNGOV", Country: "LBN"}}},
		Doc: doc,
	}, {
		Record: event.Record{ID: "fedcba9876543210", Doc: "wire-2", Sentence: 1, Text: "Rockets were fired.",
			Cameo: "190", CameoRoot: "19", Goldstein: f64(-10), QuadClass: 4, PentaClass: intp(4),
			PLOVER: &event.PLOVER{Type: "ASSAULT"}, Status: event.Hypothetical},
		Doc: export.DocInfo{ID: "wire-2"},
	}}
}

// run writes the fixture in the stream format name and returns the
// output and the reasons of skipped events.
func run(t *testing.T, name string) (string, []string) {
	t.Helper()
	f, err := export.Builtin().Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := f.New(export.Output{W: &buf})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	events := fixture()
	for i := range events {
		err := w.Write(&events[i])
		var skip *export.SkipError
		switch {
		case errors.As(err, &skip):
			skipped = append(skipped, events[i].Record.ID+": "+skip.Reason)
		case err != nil:
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String(), skipped
}

func TestGolden(t *testing.T) {
	tests := []struct {
		format, file string
		skipped      []string
	}{
		{"csv", "events.csv", nil},
		{"jsonl", "events.jsonl", nil},
		{"plover", "events.plover.jsonl", []string{"8899aabbccddeeff: no PLOVER event type", "fedcba9876543210: no date"}},
		{"gdelt", "events.gdelt.tsv", nil},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got, skipped := run(t, tt.format)
			if strings.Join(skipped, "\n") != strings.Join(tt.skipped, "\n") {
				t.Errorf("skipped %q, want %q", skipped, tt.skipped)
			}
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (run with -update to rewrite):\n%s", tt.format, path, got)
			}
		})
	}
}

func TestJSONLIsTheRecord(t *testing.T) {
	got, _ := run(t, "jsonl")
	recs, err := event.ReadJSONL(strings.NewReader(got), "jsonl export")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	var orig []event.Record
	for _, e := range fixture() {
		orig = append(orig, e.Record)
	}
	if err := event.WriteJSONL(&want, orig); err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(orig) || got != want.String() {
		t.Errorf("jsonl export is not the records as event.WriteJSONL writes them:\n%s", got)
	}
}

func TestGDELTColumns(t *testing.T) {
	cols := export.GDELTColumns()
	if len(cols) != 61 || cols[0] != "GLOBALEVENTID" || cols[25] != "IsRootEvent" || cols[26] != "EventCode" ||
		cols[35] != "Actor1Geo_Type" || cols[51] != "ActionGeo_Type" || cols[60] != "SOURCEURL" {
		t.Fatalf("columns out of the codebook's order: %d %q", len(cols), cols)
	}
	got, _ := run(t, "gdelt")
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != len(fixture()) {
		t.Fatalf("%d lines for %d events", len(lines), len(fixture()))
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("line %d: %d fields", i+1, n)
		}
	}
}

func TestRegistry(t *testing.T) {
	r := export.Builtin()
	if got := strings.Join(r.Names(), ","); got != "csv,gdelt,jsonl,parquet,plover" {
		t.Errorf("names %s", got)
	}
	if _, err := r.Lookup("xml"); err == nil || !strings.Contains(err.Error(), "csv") {
		t.Errorf("unknown format: %v", err)
	}
	if err := r.Register(export.CSVFormat()); err == nil {
		t.Error("a name registered twice was accepted")
	}
	var empty export.Registry
	if err := empty.Register(export.Format{Name: "x"}); err == nil {
		t.Error("a format without a constructor was accepted")
	}
	if _, err := export.CSVFormat().New(export.Output{}); err == nil {
		t.Error("a stream format without a stream was accepted")
	}
}
