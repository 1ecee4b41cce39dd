package coder_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/models"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestReportsGolden runs the real chain (embedded models, knowledge base,
// mention resolution, lexicon, ontology, coder) over our own example
// reports in testdata/reports and compares one compact line per event with
// testdata/golden/<report>.txt:
//
//	sentence trigger cameo status source-codes target-codes [attr] [links]
//
// Lines starting with "#" in a golden file are comments (notes on known
// wrong lines) and are kept by -update. After a deliberate change to a
// model, the lexicon or the coder, rerun with -update and review the diff.
func TestReportsGolden(t *testing.T) {
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	chain, err := extract.NewChain(k)
	if err != nil {
		t.Fatal(err)
	}
	reports, err := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	if err != nil || len(reports) == 0 {
		t.Fatalf("no reports: %v", err)
	}
	for _, path := range reports {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// The reports are dated Thursday 12 March 2026, so that their
			// relative dates ("on Tuesday", "next week") resolve.
			d := p.Process(doc.Article{ID: name, Text: string(text), Published: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)})
			recs := chain.Events(d)
			got := compact(recs)
			golden := filepath.Join("testdata", "golden", name)
			old, _ := os.ReadFile(golden)
			comments, want := split(string(old))
			if *update {
				if err := os.WriteFile(golden, []byte(comments+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if old == nil {
				t.Fatalf("no %s (run with -update to create it)", golden)
			}
			if got != want {
				t.Errorf("events of %s differ from %s; rerun with -update and review the diff\ngot:\n%swant:\n%s",
					name, golden, got, want)
			}
		})
	}
}

// split separates the leading comment lines of a golden file from its
// event lines.
func split(s string) (comments, lines string) {
	var c, l strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			c.WriteString(line)
		} else {
			l.WriteString(line)
		}
	}
	return c.String(), l.String()
}

// compact writes one line per record. Actors are their codes (the text
// when uncoded, "?" for an implicit argument without code), joined by "+";
// "-" is no actor. A cited record names its outermost source; "@name" is
// the event's place; a link names the linked record by its sentence and
// code.
func compact(recs []event.Record) string {
	byID := map[string]*event.Record{}
	for i := range recs {
		byID[recs[i].ID] = &recs[i]
	}
	var b strings.Builder
	for _, r := range recs {
		trig := "-"
		if r.Trigger != nil {
			trig = strings.ReplaceAll(r.Trigger.Text, " ", "_")
		}
		fmt.Fprintf(&b, "%d %s %s %s %s %s", r.Sentence, trig, r.Cameo, r.Status, actors(r.Source), actors(r.Target))
		if a := r.Attribution; a != nil && a.Voice == "cited" && len(a.Chain) > 0 {
			src := a.Chain[0].Name
			if src == "" {
				src = a.Chain[0].Text
			}
			fmt.Fprintf(&b, " attr=%s", strings.ReplaceAll(src, " ", "_"))
		}
		if d := r.Date; d != nil && d.Text != "" {
			fmt.Fprintf(&b, " ~%s", d.Value)
		}
		if l := r.Location; l != nil {
			fmt.Fprintf(&b, " @%s", strings.ReplaceAll(l.Name, " ", "_"))
		}
		for _, l := range r.Links {
			target := l.Event
			if o := byID[l.Event]; o != nil {
				target = fmt.Sprintf("%d:%s", o.Sentence, o.Cameo)
			}
			fmt.Fprintf(&b, " %s=%s", l.Rel, target)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func actors(as []event.Actor) string {
	if len(as) == 0 {
		return "-"
	}
	var parts []string
	for _, a := range as {
		s := a.Code
		if s == "" {
			s = strings.ReplaceAll(a.Text, " ", "_")
		}
		if s == "" {
			s = "?"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "+")
}
