// Package ud implements "sitrep eval ud": it scores UPOS, XPOS, lemmas and
// dependencies against a gold Universal Dependencies CoNLL-U file, either of
// a given prediction file or of sitrep's own re-annotation of the gold words.
package ud

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/udeval"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline; called only when Pred is empty.
	Load func() (*pipeline.Pipeline, error)

	// Gold is the gold CoNLL-U file ("-": standard input).
	Gold string
	// Pred is the predicted CoNLL-U file; empty means re-annotate Gold with
	// the pipeline, as "sitrep parse --conllu GOLD" does.
	Pred string
	// JSON prints the scores as a JSON object instead of a table.
	JSON bool
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewCmd returns the eval ud command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Load: f.Load}
	fs := cmdutil.NewFlagSet("ud")
	fs.BoolVar(&opts.JSON, "json", false, "print the scores as JSON")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers when parsing GOLD (0: GOMAXPROCS)")
	return &cmdutil.Command{
		Name:  "ud",
		Short: "Score tags, lemmas and dependencies against UD CoNLL-U",
		Usage: "sitrep eval ud [--json] GOLD [PRED]",
		Long: `Score PRED against GOLD, word by word: UPOS, XPOS and lemma accuracy, UAS and
LAS (relation subtypes ignored), punctuation included, as in the CoNLL 2018
shared task with gold tokenization. Both files must hold the same sentences
with the same words.

Without PRED, re-annotate GOLD's words with the embedded models (as
"sitrep parse --conllu GOLD" does) and score that.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return cmdutil.FlagErrorf("eval ud takes GOLD and an optional PRED, got %d arguments", len(args))
			}
			opts.Gold = args[0]
			if len(args) == 2 {
				opts.Pred = args[1]
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	gold, err := parse.ReadCoNLLU(opts.Gold, opts.In)
	if err != nil {
		return fmt.Errorf("gold: %w", err)
	}
	var pred []*conllu.Sentence
	if opts.Pred != "" {
		pred, err = parse.ReadCoNLLU(opts.Pred, opts.In)
		if err != nil {
			return fmt.Errorf("prediction: %w", err)
		}
	} else {
		p, err := opts.Load()
		if err != nil {
			return fmt.Errorf("load models: %w", err)
		}
		pred, err = parse.Reannotate(ctx, p, opts.Workers, gold)
		if err != nil {
			return err
		}
	}
	s, err := udeval.Score(gold, pred)
	if err != nil {
		return fmt.Errorf("score %s: %w", opts.Gold, err)
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		return nil
	}
	return s.Write(opts.Out)
}
