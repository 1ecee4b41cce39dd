// Package attribution implements "sitrep eval attribution": it finds the
// attributions of the PolNeAR dev documents and scores their source, cue
// and content spans against the gold annotations.
package attribution

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/attrib"
	"github.com/sitrep/sitrep/attrib/attribeval"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/shared"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/mention"
	"github.com/sitrep/sitrep/pipeline"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline.
	Load func() (*pipeline.Pipeline, error)
	// LoadKB returns the knowledge base (kb.Load by default).
	LoadKB func() (*kb.KB, error)

	// Shared is the shared data directory; empty means the default one.
	Shared string
	// Dir is a PolNeAR split directory (attributions/ and text/); empty
	// means data/polnear/dev in the shared directory.
	Dir string
	// JSON prints the scores as a JSON object instead of a table.
	JSON bool
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
	// Details, when not empty, is a file to write the unmatched spans to,
	// one a line (see writeDetails).
	Details string
}

// NewCmd returns the eval attribution command. runF replaces Run in tests
// when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, LoadKB: kb.Load}
	fs := cmdutil.NewFlagSet("attribution")
	fs.StringVar(&opts.Shared, "shared", "", "shared data `DIR` (default: ../shared beside the checkout, or $SITREP_SHARED)")
	fs.StringVar(&opts.Dir, "dir", "", "PolNeAR split `DIR` with attributions/ and text/ (default: SHARED/data/polnear/dev)")
	fs.BoolVar(&opts.JSON, "json", false, "print the scores as JSON")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.StringVar(&opts.Details, "details", "", "write the unmatched gold and predicted spans to `FILE`, tab-separated")
	return &cmdutil.Command{
		Name:  "attribution",
		Short: "Score attribution finding on PolNeAR",
		Usage: "sitrep eval attribution [--shared DIR] [--dir DIR] [--json] [--details FILE]",
		Long: `Find the attributions of the PolNeAR dev documents (brat standoff files in
attributions/, texts in text/) and score their source, cue and content spans
against the gold ones. A predicted span matches a gold span of the same kind
when they share a token, one to one; precision, recall and F1 are given for
each kind. Attributions of no cue (a hedge such as "reportedly" alone) are
not scored.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("eval attribution takes no arguments, got %d", len(args))
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Result holds the scores.
type Result struct {
	Dir     string             `json:"dir"`
	Docs    int                `json:"docs"`
	Scores  []attribeval.Score `json:"scores"`
	Seconds float64            `json:"seconds"`
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	dir := opts.Dir
	if dir == "" {
		sh := opts.Shared
		if sh == "" {
			sh = shared.Dir()
		}
		if sh == "" {
			return fmt.Errorf("eval attribution: no shared data directory (give --shared DIR or --dir DIR)")
		}
		dir = filepath.Join(sh, "data", "polnear", "dev")
	}
	docs, err := attribeval.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	k, err := opts.LoadKB()
	if err != nil {
		return fmt.Errorf("load knowledge base: %w", err)
	}
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	res := mention.New(k)
	finder := &attrib.Finder{IsPerson: func(id string) bool { _, ok := k.Person(id); return ok }}
	start := time.Now()
	parsed := make([]*doc.Doc, len(docs))
	preds := make([][]attrib.Attribution, len(docs))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range pipeline.Workers(opts.Workers) {
		wg.Go(func() {
			for i := range idx {
				d := p.Process(doc.Article{ID: docs[i].Name, Text: docs[i].Text})
				res.Process(d)
				parsed[i], preds[i] = d, finder.Find(d)
			}
		})
	}
	for i := range docs {
		if ctx.Err() != nil {
			break
		}
		idx <- i
	}
	close(idx)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	sc := attribeval.NewScorer()
	for i, d := range docs {
		sc.Add(parsed[i], d.Gold.GoldSpans(), attribeval.Predicted(preds[i]))
	}
	r := Result{Dir: dir, Docs: sc.Docs, Scores: sc.Kinds, Seconds: time.Since(start).Seconds()}
	if opts.Details != "" {
		if err := writeDetails(opts.Details, docs, parsed, preds); err != nil {
			return fmt.Errorf("eval attribution: %w", err)
		}
	}
	if opts.JSON {
		type score struct {
			attribeval.Score
			P  float64 `json:"p"`
			R  float64 `json:"r"`
			F1 float64 `json:"f1"`
		}
		out := struct {
			Result
			Scores []score `json:"scores"`
		}{Result: r}
		for _, s := range r.Scores {
			out.Scores = append(out.Scores, score{s, s.P(), s.R(), s.F1()})
		}
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		return nil
	}
	if _, err := fmt.Fprintf(opts.Out, "%s (%d annotation files, %.1fs): spans sharing a token, one to one\n", r.Dir, r.Docs, r.Seconds); err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	for _, s := range r.Scores {
		if _, err := fmt.Fprintf(opts.Out, "  %-8s P %6.2f%%  R %6.2f%%  F1 %6.2f%%  (matched %d, predicted %d, gold %d)\n",
			s.Kind, 100*s.P(), 100*s.R(), 100*s.F1(), s.Matched, s.Pred, s.Gold); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
	}
	return nil
}

// writeDetails writes to the file at path the spans left unmatched, one a
// line of tab-separated fields: "miss" (a gold span no prediction matches)
// or "spurious" (a prediction matching no gold span), the kind, the rule
// that found the prediction (for a gold span, the cue of a relation it is
// in, and whether that cue was matched), the annotation file,
// the span's text, its sentence with the span in [[ ]], and the lemmas
// and parts of speech of its tokens. Lines starting "rule" close the file:
// for each kind and rule, the spans predicted, matched and the precision.
func writeDetails(path string, docs []attribeval.Doc, parsed []*doc.Doc, preds [][]attrib.Attribution) error {
	var b strings.Builder
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	// tally counts the predicted spans of each kind and rule, and the
	// spurious ones.
	tally := make(map[string]int)
	for i, d := range docs {
		pd := parsed[i]
		if pd == nil {
			continue
		}
		runes := []rune(pd.Text)
		line := func(what, rule string, sp attribeval.Span) {
			if len(sp.Frags) == 0 {
				return
			}
			f := sp.Frags[0]
			lo, hi := f.Start, f.End
			for _, s := range pd.Sentences {
				if s.Start <= f.Start && f.Start < s.End {
					lo, hi = s.Start, max(s.End, f.End)
					break
				}
			}
			lo, hi = max(0, min(lo, f.Start)), min(len(runes), hi)
			fs, fe := min(max(f.Start, lo), hi), min(max(f.End, lo), hi)
			ctx := string(runes[lo:fs]) + "[[" + string(runes[fs:fe]) + "]]" + string(runes[fe:hi])
			if rule == "" {
				rule = "-"
			}
			var lem []string
			for _, t := range pd.Tokens {
				if t.Start >= fs && t.End <= fe {
					lem = append(lem, strings.ToLower(t.Lemma)+"/"+t.UPOS)
				}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", what, sp.Kind, rule, d.Name,
				clean(string(runes[fs:fe])), clean(ctx), strings.Join(lem, " "))
		}
		gold, pred := d.Gold.GoldSpans(), attribeval.Predicted(preds[i])
		for _, sp := range pred {
			tally[sp.Kind+"\t"+sp.ID]++
		}
		missedCue := make(map[string]bool)
		for _, kind := range []string{attribeval.Cue, attribeval.Source, attribeval.Content} {
			missed, spurious := attribeval.Unmatched(pd, gold, pred, kind)
			for _, sp := range missed {
				if kind == attribeval.Cue {
					missedCue[sp.ID] = true
				}
				cue := ""
				for _, e := range d.Gold.Relations {
					if e.Source == sp.ID || slices.Contains(e.Content, sp.ID) {
						if c := d.Gold.Span(e.Cue); c != nil {
							cue = "cue=" + clean(c.Text)
							if !missedCue[c.ID] {
								cue += " (found)"
							}
						}
						break
					}
				}
				line("miss", cue, sp)
			}
			for _, sp := range spurious {
				line("spurious", sp.ID, sp)
				tally[sp.Kind+"\t"+sp.ID+"\tspurious"]++
			}
		}
	}
	var keys []string
	for k := range tally {
		if !strings.HasSuffix(k, "\tspurious") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		n, sp := tally[k], tally[k+"\tspurious"]
		fmt.Fprintf(&b, "rule\t%s\tpredicted %d\tmatched %d\tprecision %.1f%%\n", k, n, n-sp, 100*float64(n-sp)/float64(n))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write details: %w", err)
	}
	return nil
}
