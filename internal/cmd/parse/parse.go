// Package parse implements "sitrep parse": it reads articles, runs the
// linguistic pipeline (tokens, tags, lemmas, dependencies) and prints
// CoNLL-U, or re-annotates pre-tokenized CoNLL-U with --conllu.
package parse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline; it is called once per run.
	Load func() (*pipeline.Pipeline, error)
	// Read reads the input articles.
	Read cmdutil.ReadFunc

	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
	// CoNLLU, when set, names a CoNLL-U file ("-" for standard input) to
	// re-annotate instead of reading articles.
	CoNLLU string
}

// NewCmd returns the parse command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read}
	fs := cmdutil.NewFlagSet("parse")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.StringVar(&opts.CoNLLU, "conllu", "", "re-tag, re-lemmatize and re-parse this pre-tokenized CoNLL-U `file` (\"-\": stdin)")
	return &cmdutil.Command{
		Name:  "parse",
		Short: "Tokenize, tag, lemmatize and parse articles into CoNLL-U",
		Usage: "sitrep parse [--workers N] [inputs...]\n  sitrep parse --conllu FILE",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), run the linguistic pipeline and
print CoNLL-U: a "# newdoc id" comment per document ("# date" when known),
"# sent_id" and "# text" per sentence, and the character offsets of every word
in MISC (Start=, End=, in code points). Input errors are reported one a line
and the rest of the batch still runs; the exit status is then 1.

With --conllu, re-annotate pre-tokenized CoNLL-U instead, keeping its words,
multiword tokens, comments and MISC.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			opts.Inputs = args
			if opts.CoNLLU != "" && len(args) > 0 {
				return cmdutil.FlagErrorf("--conllu takes no other inputs")
			}
			if len(opts.Inputs) == 0 {
				opts.Inputs = []string{"-"}
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
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	if opts.CoNLLU != "" {
		return runCoNLLU(ctx, p, opts)
	}
	failed, err := Articles(ctx, p, opts.Workers, opts.Inputs, opts.Read, opts.ErrOut,
		func(d *doc.Doc) error { return WriteDoc(opts.Out, d) })
	if err != nil {
		return err
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// EachDoc loads the knowledge base and the models of o, asks setup for the
// function to call on each parsed document (given the knowledge base), and
// runs it over o's inputs in input order. Input errors are reported on
// o.ErrOut and the batch goes on; EachDoc then returns cmdutil.ErrSilent.
func EachDoc(ctx context.Context, o *cmdutil.DocOptions, setup func(k *kb.KB) (func(*doc.Doc) error, error)) error {
	k, err := o.KB()
	if err != nil {
		return fmt.Errorf("load knowledge base: %w", err)
	}
	p, err := o.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	each, err := setup(k)
	if err != nil {
		return err
	}
	failed, err := Articles(ctx, p, o.Workers, o.Inputs, o.Read, o.ErrOut, each)
	if err != nil {
		return err
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// Articles reads the inputs with read and runs them through p over a pool of
// workers, calling out with each document in input order. Input errors are
// printed to errOut as "sitrep: <error>" and counted; the batch goes on.
// It returns the number of input errors and the first fatal error.
func Articles(ctx context.Context, p *pipeline.Pipeline, workers int, inputs []string,
	read cmdutil.ReadFunc, errOut io.Writer, out func(*doc.Doc) error) (int, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	in := make(chan doc.Article)
	failed := 0
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		readErr <- read(ctx, inputs, func(a doc.Article, err error) error {
			if err != nil {
				failed++
				fmt.Fprintf(errOut, "sitrep: %v\n", err)
				return nil
			}
			select {
			case in <- a:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	runErr := p.Run(ctx, workers, in, out)
	cancel()
	for range in {
		// Let the reader finish after an early stop.
	}
	rerr := <-readErr
	if runErr != nil {
		return failed, runErr
	}
	if rerr != nil && !errors.Is(rerr, context.Canceled) {
		return failed, fmt.Errorf("read input: %w", rerr)
	}
	return failed, parent.Err()
}

// runCoNLLU re-annotates the sentences of opts.CoNLLU and writes them out.
func runCoNLLU(ctx context.Context, p *pipeline.Pipeline, opts *Options) error {
	sents, err := ReadCoNLLU(opts.CoNLLU, opts.In)
	if err != nil {
		return err
	}
	pred, err := Reannotate(ctx, p, opts.Workers, sents)
	if err != nil {
		return err
	}
	for _, s := range pred {
		if err := conllu.Write(opts.Out, s); err != nil {
			return err
		}
	}
	return nil
}

// ReadCoNLLU reads every sentence of the CoNLL-U file at path, or of stdin
// when path is "-".
func ReadCoNLLU(path string, stdin io.Reader) ([]*conllu.Sentence, error) {
	if path == "-" {
		return conllu.ReadAll(stdin, "<stdin>")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}
