// Package actors implements "sitrep eval actors": it measures how many gold
// actor spans of the ConfliBERT CAMEO sentences, and how many CoNLL 2003
// named entities, overlap a mention sitrep detects.
package actors

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/shared"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/mention"
	"github.com/sitrep/sitrep/mention/mentioneval"
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

	// ConfliBERT is the ConfliBERT actors file; CoNLL the CoNLL 2003 file.
	// Empty means the copy in the shared data directory, when there is one.
	ConfliBERT string
	CoNLL      string
	// JSON prints the scores as a JSON object instead of a table.
	JSON bool
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewCmd returns the eval actors command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, LoadKB: kb.Load}
	fs := cmdutil.NewFlagSet("actors")
	fs.StringVar(&opts.ConfliBERT, "conflibert", "", "ConfliBERT actors `file` (default: shared data conflibert-cameo/actors-train.txt)")
	fs.StringVar(&opts.CoNLL, "conll", "", "CoNLL 2003 NER `file` (default: shared data conll2003/eng.testa)")
	fs.BoolVar(&opts.JSON, "json", false, "print the scores as JSON")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	return &cmdutil.Command{
		Name:  "actors",
		Short: "Score actor and entity mention detection",
		Usage: "sitrep eval actors [--conflibert FILE] [--conll FILE] [--json]",
		Long: `Re-annotate pre-tokenized reference sentences with the embedded models, find
their mentions, and report the share of gold spans that a mention overlaps:

  ConfliBERT CAMEO actors (BIO tags S source, T target, R reciprocal): spans
  overlapping a mention that can fill an event role: an actor mention
  (resolved or not), or a place carrying a country's actor code, i.e. a
  country or a country-level area used as a location ("strikes in Syria"
  targets SYR in CAMEO practice when no other target is named); cities and
  regions do not count;
  CoNLL 2003 named entities (PER, ORG, LOC, MISC): spans overlapping any
  mention (actor, place or outlet).

Without flags both files are looked up in the shared data directory
(../shared beside the checkout, or $SITREP_SHARED).`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("eval actors takes no arguments, got %d", len(args))
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Result holds the scores of one reference file.
type Result struct {
	Name string `json:"name"`
	File string `json:"file"`
	// Rule says which mentions count; empty means any mention.
	Rule   string               `json:"rule,omitempty"`
	Docs   int                  `json:"docs"`
	Recall []mentioneval.Recall `json:"recall"`
	// AnyKind is the recall counting mentions of any kind, for files
	// scored by a Rule.
	AnyKind []mentioneval.Recall `json:"any_kind,omitempty"`
	Seconds float64              `json:"seconds"`
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	files := []struct {
		name, file, def string
		read            func(io.Reader, string) (*mentioneval.Corpus, error)
		// counts selects the mentions scored; nil scores any mention.
		counts func(doc.Mention) bool
	}{
		{"conflibert", opts.ConfliBERT, "data/conflibert-cameo/actors-train.txt", mentioneval.ReadConfliBERT, mentioneval.IsActor},
		{"conll2003", opts.CoNLL, "data/conll2003/eng.testa", mentioneval.ReadCoNLL, nil},
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
	var results []Result
	for _, f := range files {
		path := f.file
		if path == "" {
			if d := shared.Dir(); d != "" {
				path = filepath.Join(d, f.def)
			}
			if _, err := os.Stat(path); path == "" || err != nil {
				fmt.Fprintf(opts.ErrOut, "sitrep: eval actors: %s not found; skipped (give --%s FILE)\n", f.def, f.name)
				continue
			}
		}
		r, err := score(ctx, path, f.name, f.read, f.counts, p, res, opts.Workers)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if len(results) == 0 {
		return fmt.Errorf("eval actors: no reference data found")
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		return nil
	}
	return write(opts.Out, results)
}

// score reads, annotates and scores one reference file.
func score(ctx context.Context, path, name string, read func(io.Reader, string) (*mentioneval.Corpus, error),
	counts func(doc.Mention) bool, p *pipeline.Pipeline, res *mention.Resolver, workers int) (Result, error) {
	fh, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("eval actors: %w", err)
	}
	defer fh.Close()
	c, err := read(fh, path)
	if err != nil {
		return Result{}, fmt.Errorf("eval actors: %w", err)
	}
	start := time.Now()
	if err := mentioneval.Annotate(ctx, c, p, res, workers); err != nil {
		return Result{}, err
	}
	r := Result{Name: name, File: path, Docs: len(c.Docs), Seconds: time.Since(start).Seconds()}
	if counts != nil {
		r.Rule = mentioneval.ActorRule
		r.Recall = mentioneval.ScoreFunc(c, counts)
		r.AnyKind = mentioneval.Score(c)
	} else {
		r.Recall = mentioneval.Score(c)
	}
	return r, nil
}

// write prints the results as a table.
func write(w io.Writer, results []Result) error {
	for _, r := range results {
		kinds := "any mention"
		if r.Rule != "" {
			kinds = r.Rule
		}
		if _, err := fmt.Fprintf(w, "%s (%d documents, %.1fs): gold spans overlapping %s\n", r.File, r.Docs, r.Seconds, kinds); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		for i, x := range r.Recall {
			line := fmt.Sprintf("  %-5s %6.2f%%  (%d of %d)", x.Type, 100*x.Share(), x.Found, x.Gold)
			if i < len(r.AnyKind) {
				y := r.AnyKind[i]
				line += fmt.Sprintf("   any kind %6.2f%% (%d of %d)", 100*y.Share(), y.Found, y.Gold)
			}
			if _, err := fmt.Fprintln(w, line); err != nil {
				return fmt.Errorf("write scores: %w", err)
			}
		}
	}
	return nil
}
