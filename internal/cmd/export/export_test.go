package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/store"
)

// report returns a stored document with one record of src doing cameo to
// tgt on day.
func report(id, day, cameo, src, tgt string) store.Document {
	text := src + " did " + cameo + " to " + tgt + "."
	pub, _ := time.Parse(time.DateOnly, day)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: "Wire", URL: "https://example.org/" + id, Published: pub,
		Text: text}, Sentences: []doc.Sentence{{Span: doc.Span{End: len(text)}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: cameo, CameoRoot: cameo[:2], Status: event.Asserted,
		Source: []event.Actor{{Code: src, Country: src}}, Target: []event.Actor{{Code: tgt, Country: tgt}},
		Date: &event.Date{Start: day, End: day, Precision: "day"}}
	if cameo[:2] == "19" {
		r.PLOVER = &event.PLOVER{Type: "ASSAULT"}
	}
	r.ID = event.StableID(id, 0, 0, cameo, r.Source, r.Target)
	return store.Document{Doc: d, Events: []event.Record{r}}
}

// fixedEvents returns an Events function emitting docs' records.
func fixedEvents(docs []store.Document) func(context.Context, func(*export.Event) error) error {
	return func(_ context.Context, emit func(*export.Event) error) error {
		for _, d := range docs {
			for _, r := range d.Events {
				e := export.Event{Record: r, Doc: export.DocInfo{ID: d.Doc.ID, URL: d.Doc.URL, Published: d.Doc.Published}}
				if err := emit(&e); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// exec runs "sitrep export args" with events (nil: the store) and returns
// standard output, standard error and the error.
func exec(t *testing.T, events func(context.Context, func(*export.Event) error) error, args ...string) (string, string, error) {
	t.Helper()
	f, out, errOut := cmdtest.Factory(nil, nil)
	cmd := NewCmd(f, func(ctx context.Context, o *Options) error {
		if events != nil {
			o.Events = events
		}
		return Run(ctx, o)
	})
	err := cmd.Execute(context.Background(), args, f.Out)
	return out.String(), errOut.String(), err
}

var docs = []store.Document{
	report("a", "2026-03-09", "190", "ISR", "LBN"),
	report("b", "2026-03-20", "036", "LBN", "ISR"),
	report("c", "2026-04-02", "183", "HEZ", "ISR"),
}

func TestExportFormats(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		lines   int
		summary string
	}{
		{"csv", []string{"--format", "csv"}, 4, "3 events written as csv"},
		{"jsonl", []string{"--format", "jsonl"}, 3, "3 events written as jsonl"},
		{"plover", []string{"--format", "plover"}, 1, "1 events written as plover to standard output; 2 skipped (no PLOVER event type: 2)"},
		{"gdelt", []string{"--format", "gdelt"}, 3, "3 events written as gdelt"},
		{"roots", []string{"--format", "jsonl", "--root", "19, 18"}, 2, "2 events written"},
		{"since", []string{"--format", "jsonl", "--since", "2026-03-10"}, 2, "2 events written"},
		{"until", []string{"--format", "jsonl", "--until", "2026-03-20"}, 2, "2 events written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := exec(t, fixedEvents(docs), tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(out, "\n"); n != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", n, tt.lines, out)
			}
			if !strings.Contains(errOut, tt.summary) {
				t.Errorf("summary %q, want %q", errOut, tt.summary)
			}
		})
	}
}

func TestExportUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"--format", "xml"}, `unknown export format "xml"`},
		{"bad day", []string{"--since", "March"}, "--since wants a day"},
		{"parquet to stdout", []string{"--format", "parquet"}, "give --out DIR"},
		{"arguments", []string{"x.db"}, "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := exec(t, fixedEvents(docs), tt.args...)
			var fe *cmdutil.FlagError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a usage error with %q", err, tt.want)
			}
		})
	}
}

// The default events are the store's, and parquet goes to a directory of
// months.
func TestExportFromStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "events.jsonl")
	if _, _, err := exec(t, nil, "--db", db, "--format", "jsonl", "--out", jsonl); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := event.ReadJSONL(f, jsonl)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range recs {
		ids[r.ID] = true
	}
	for _, d := range docs {
		if !ids[d.Events[0].ID] {
			t.Errorf("record %s of document %s not exported", d.Events[0].ID, d.Doc.ID)
		}
	}
	out := filepath.Join(dir, "pq")
	if _, _, err := exec(t, nil, "--db", db, "--format", "parquet", "--out", out); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "month=*", "part-00000.parquet"))
	if len(files) != 2 {
		t.Errorf("parquet files %q, want the months 2026-03 and 2026-04", files)
	}
	if _, _, err := exec(t, nil, "--db", filepath.Join(dir, "missing.db")); err == nil ||
		!strings.Contains(err.Error(), "no event store at") {
		t.Errorf("a missing store: %v", err)
	}
}
