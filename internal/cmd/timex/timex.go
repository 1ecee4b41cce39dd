// Package timex implements "sitrep timex": it reads articles, tokenizes
// them and prints one JSON object per time expression, normalised relative
// to each article's date.
package timex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/timex"
	"github.com/sitrep/sitrep/tokenize"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Read reads the input articles.
	Read cmdutil.ReadFunc
	// Tokenizer splits articles into sentences and tokens; time tagging
	// needs nothing more of the linguistic pipeline.
	Tokenizer pipeline.Tokenizer

	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
	// DCT, when set (YYYY-MM-DD), is the creation date of articles whose
	// input or dateline gives none.
	DCT string
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewCmd returns the timex command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Read: f.Read, Tokenizer: tokenize.New()}
	fs := cmdutil.NewFlagSet("timex")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.StringVar(&opts.DCT, "dct", "", "creation `date` (YYYY-MM-DD) of articles that give none")
	return &cmdutil.Command{
		Name:  "timex",
		Short: "Find and normalise the time expressions of articles",
		Usage: "sitrep timex [--dct DATE] [--workers N] [inputs...]",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), tokenize them and find their
time expressions, normalised as TimeML TIMEX3 values relative to the article's
date (its metadata or dateline, else --dct). Print one JSON object per
expression per line:

  {"doc","sentence","text","start","end","type","value","mod","from","to","precision"}

type is DATE, TIME, DURATION or SET; value is the TIMEX3 value ("2026-03-09",
"2026-W10", "P2W", "PAST_REF", "XXXX-03-09" when the year is unknown); start
and end are code point offsets into the document text; from and to are the
first and last day (YYYY-MM-DD) a resolved date covers and precision its unit
(day, week, month, ...). Empty values are left out. Input errors are reported
one a line and the rest of the batch still runs; the exit status is then 1.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			opts.Inputs = args
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

// Record is the JSON form of one time expression.
type Record struct {
	Doc       string `json:"doc"`
	Sentence  int    `json:"sentence"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Type      string `json:"type"`
	Value     string `json:"value,omitempty"`
	Mod       string `json:"mod,omitempty"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	Precision string `json:"precision,omitempty"`
}

// NewRecord returns the record of expression x of document id.
func NewRecord(id string, x timex.Timex) Record {
	return Record{Doc: id, Sentence: x.Sentence, Text: x.Text, Start: x.Start, End: x.End,
		Type: x.Type, Value: x.Value, Mod: x.Mod, From: x.From, To: x.To, Precision: x.Precision}
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	var dct time.Time
	if opts.DCT != "" {
		t, err := time.Parse("2006-01-02", opts.DCT)
		if err != nil {
			return cmdutil.FlagErrorf("--dct %q: want YYYY-MM-DD", opts.DCT)
		}
		dct = t
	}
	tk := opts.Tokenizer
	if tk == nil {
		tk = tokenize.New()
	}
	p := &pipeline.Pipeline{Tokenizer: tk}
	tagger := timex.New()
	enc := json.NewEncoder(opts.Out)
	enc.SetEscapeHTML(false)
	failed, err := parse.Articles(ctx, p, opts.Workers, opts.Inputs, opts.Read, opts.ErrOut,
		func(d *doc.Doc) error {
			ref := d.Published
			if ref.IsZero() {
				ref = dct
			}
			for _, x := range tagger.Find(d, ref) {
				if err := enc.Encode(NewRecord(d.ID, x)); err != nil {
					return fmt.Errorf("write time expressions of %s: %w", d.ID, err)
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}
