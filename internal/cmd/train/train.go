// Package train implements "sitrep train": it trains the tagger, lemmatizer
// and dependency parser from a Universal Dependencies treebank and writes the
// model files that package models embeds.
package train

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/training"
)

// Options holds the command's IO and settings.
type Options struct {
	// ErrOut receives training progress.
	ErrOut io.Writer
	// UDDir holds *-ud-train.conllu and *-ud-dev.conllu; Train and Dev, when
	// set, name the files directly.
	UDDir, Train, Dev string
	// OutDir receives tagger.bin, lemma.bin and parser.bin.
	OutDir string
	// WithDev also learns from the dev file.
	WithDev bool
	// Folds, TaggerIterations and ParserIterations override the defaults
	// when non-zero.
	Folds, TaggerIterations, ParserIterations int
	// Run runs the training; training.Run in the binary.
	Run func(training.Options) error
}

// NewCmd returns the train command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{ErrOut: f.ErrOut, Run: training.Run}
	fs := cmdutil.NewFlagSet("train")
	fs.StringVar(&opts.UDDir, "ud", "", "UD treebank `directory` with *-ud-train.conllu and *-ud-dev.conllu")
	fs.StringVar(&opts.Train, "train", "", "training CoNLL-U `file` (overrides --ud)")
	fs.StringVar(&opts.Dev, "dev", "", "development CoNLL-U `file`, scored during training (overrides --ud)")
	fs.StringVar(&opts.OutDir, "out", "models", "`directory` for the model files")
	fs.BoolVar(&opts.WithDev, "with-dev", false, "learn from the dev file too, for the shipped models once settings are chosen on dev (its scores then measure fit, not accuracy)")
	fs.IntVar(&opts.Folds, "folds", 0, "jackknife folds for the parser's training tags (default 5)")
	fs.IntVar(&opts.TaggerIterations, "tagger-iterations", 0, "tagger training iterations (default: the tagger's)")
	fs.IntVar(&opts.ParserIterations, "parser-iterations", 0, "parser training iterations (default: the parser's)")
	return &cmdutil.Command{
		Name:  "train",
		Short: "Train the tagger, lemmatizer and parser from a UD treebank",
		Usage: "sitrep train --ud DIR [--out DIR]",
		Long: `Train the tagger, lemmatizer and dependency parser from Universal
Dependencies CoNLL-U files and write tagger.bin, lemma.bin and parser.bin to
--out. The parser learns from jackknifed tags, as noisy as at run time. The
same files and settings give the same models.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("train takes no arguments, got %q", args)
			}
			if opts.UDDir == "" && opts.Train == "" {
				return cmdutil.FlagErrorf("give --ud DIR or --train FILE")
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Run resolves the treebank files and trains.
func Run(_ context.Context, opts *Options) error {
	trainFile, devFile := opts.Train, opts.Dev
	if opts.UDDir != "" {
		var err error
		if trainFile == "" {
			if trainFile, err = findOne(opts.UDDir, "*-ud-train.conllu"); err != nil {
				return err
			}
		}
		if devFile == "" {
			if devFile, err = findOne(opts.UDDir, "*-ud-dev.conllu"); err != nil {
				return err
			}
		}
	}
	to := training.Options{
		Train:   trainFile,
		Dev:     devFile,
		OutDir:  opts.OutDir,
		WithDev: opts.WithDev,
		Folds:   opts.Folds,
		Log:     opts.ErrOut,
	}
	to.Tagger.Iterations = opts.TaggerIterations
	to.Parser.Iterations = opts.ParserIterations
	if err := opts.Run(to); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}

func findOne(dir, pattern string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return "", fmt.Errorf("look for %s in %s: %w", pattern, dir, err)
	}
	if len(m) != 1 {
		return "", fmt.Errorf("want one %s in %s, found %d", pattern, dir, len(m))
	}
	return m[0], nil
}
