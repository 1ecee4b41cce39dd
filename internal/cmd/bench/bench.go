// Package bench implements "sitrep bench": it loads the models, reads a
// batch of JSON Lines documents into memory and measures the pipeline's
// throughput and peak memory at several worker counts (see package
// github.com/sitrep/sitrep/bench for the measuring).
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bench"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/shared"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
)

// DefaultInput is the throughput corpus, relative to the shared data directory.
const DefaultInput = "data/news-te3-silver/te3_silver_plaintext.jsonl"

// Options holds the command's IO, dependencies and flags.
type Options struct {
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline; the call is timed as the model load time.
	Load func() (*pipeline.Pipeline, error)
	// Read reads the input documents.
	Read cmdutil.ReadFunc

	// Input is the JSON Lines file to read; empty means DefaultInput in the
	// shared data directory.
	Input string
	// Limit caps the number of documents read; <= 0 reads them all.
	Limit int
	// Workers lists the worker counts to measure, in order.
	Workers []int
	// Stages lists what to measure: "parse" (the linguistic pipeline)
	// and/or "extract" (read in memory -> parse -> actors -> events -> JSON
	// Lines, as "sitrep extract" runs it).
	Stages []string
	// LoadKB returns the knowledge base for the extract stage.
	LoadKB func() (*kb.KB, error)
}

// NewCmd returns the bench command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read, LoadKB: kb.Load}
	fs := cmdutil.NewFlagSet("bench")
	fs.StringVar(&opts.Input, "input", "", "JSON Lines `file` of documents (default: ../shared/"+DefaultInput+")")
	fs.IntVar(&opts.Limit, "limit", 0, "read at most `N` documents (0: all)")
	workers := fs.String("workers", "", "comma-separated worker counts to measure (default: 1 and GOMAXPROCS)")
	stage := fs.String("stage", "all", "what to measure: parse, extract or all")
	return &cmdutil.Command{
		Name:  "bench",
		Short: "Measure the pipeline's throughput and memory",
		Usage: "sitrep bench [--input FILE] [--limit N] [--workers LIST] [--stage parse|extract|all]",
		Long: `Load the models (timed), read JSON Lines documents into memory, then run
over them, once per worker count, the linguistic pipeline (stage "parse") and
the whole chain as "sitrep extract" runs it (stage "extract": parse, then
actors, events and JSON Lines written to nowhere), and print documents,
sentences, tokens, events, seconds, sentences/s, tokens/s and peak memory for
each.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("bench takes no arguments; use --input FILE")
			}
			w, err := ParseWorkers(*workers)
			if err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			opts.Workers = w
			switch *stage {
			case "all":
				opts.Stages = []string{"parse", "extract"}
			case "parse", "extract":
				opts.Stages = []string{*stage}
			default:
				return cmdutil.FlagErrorf("--stage: want parse, extract or all, got %q", *stage)
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// ParseWorkers parses a comma-separated list of positive worker counts. An
// empty list means 1 and GOMAXPROCS (just 1 when GOMAXPROCS is 1).
func ParseWorkers(list string) ([]int, error) {
	if strings.TrimSpace(list) == "" {
		return slices.Compact([]int{1, runtime.GOMAXPROCS(0)}), nil
	}
	var out []int
	for f := range strings.SplitSeq(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("--workers: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// errLimit stops reading once Options.Limit documents are in.
var errLimit = errors.New("document limit reached")

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	input := opts.Input
	if input == "" {
		d := shared.Dir()
		if d == "" {
			return fmt.Errorf("no --input given and the shared data directory (../shared or $SITREP_SHARED) was not found")
		}
		input = filepath.Join(d, DefaultInput)
	}

	start := time.Now()
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	rep := bench.Report{LoadSeconds: time.Since(start).Seconds()}

	var arts []doc.Article
	failed := 0
	err = opts.Read(ctx, []string{input}, func(a doc.Article, err error) error {
		if err != nil {
			failed++
			fmt.Fprintf(opts.ErrOut, "sitrep: %v\n", err)
			return nil
		}
		arts = append(arts, a)
		if opts.Limit > 0 && len(arts) >= opts.Limit {
			return errLimit
		}
		return nil
	})
	if err != nil && !errors.Is(err, errLimit) {
		return fmt.Errorf("read %s: %w", input, err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("read %s: no documents", input)
	}

	for _, stage := range opts.Stages {
		var then func(*doc.Doc) (int, error)
		if stage == "extract" {
			chain, err := extract.LoadChain(opts.LoadKB)
			if err != nil {
				return err
			}
			batch := chain.Coder.NewBatch()
			then = func(d *doc.Doc) (int, error) {
				recs := chain.BatchEvents(batch, d)
				if err := event.WriteJSONL(io.Discard, recs); err != nil {
					return 0, fmt.Errorf("write events of %s: %w", d.ID, err)
				}
				return len(recs), nil
			}
		}
		for _, w := range opts.Workers {
			r, err := bench.Run(ctx, p, arts, w, then)
			if err != nil {
				return err
			}
			rep.Results = append(rep.Results, r)
		}
	}
	if err := rep.Write(opts.Out); err != nil {
		return err
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}
