// Package extract implements "sitrep extract": it reads articles, runs the
// linguistic pipeline, resolves the mentions and codes the events, and
// prints one event record per line (JSON Lines) or a readable table.
package extract

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep/attrib"
	"github.com/sitrep/sitrep/coder"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/mention"
	"github.com/sitrep/sitrep/ontology"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/timex"
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
	// LoadKB returns the knowledge base; by default the embedded data plus
	// the --kb directories.
	LoadKB func() (*kb.KB, error)

	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
	// KBDirs are user knowledge base directories (--kb), applied in order.
	KBDirs []string
	// Format is "jsonl" or "table".
	Format string
	// Stats prints a JSON summary to ErrOut at the end.
	Stats bool
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewCmd returns the extract command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read}
	opts.LoadKB = func() (*kb.KB, error) { return kb.LoadDirs(opts.KBDirs...) }
	fs := cmdutil.NewFlagSet("extract")
	fs.StringVar(&opts.Format, "format", "jsonl", "output `format`: jsonl or table")
	fs.BoolVar(&opts.Stats, "stats", false, "print a JSON summary (documents, sentences, events, seconds) to standard error")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.Var(cmdutil.StringList{Values: &opts.KBDirs}, "kb", "add or override knowledge base entries from the TSV files in `DIR` (repeatable)")
	return &cmdutil.Command{
		Name:  "extract",
		Short: "Code the events of articles as JSON Lines records",
		Usage: "sitrep extract [--format jsonl|table] [--stats] [--kb DIR] [inputs...]",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), parse them, resolve the actors
and code the events: who did what to whom, with CAMEO and PLOVER codes, a
status (asserted, negated, intended, hypothetical), a confidence and an
explanation naming the lexicon entry and the dependency path. Print one event
record per line (the JSON Lines record of DESIGN.md), or with --format table
a readable table. A response (accept, reject, defy, ...) carries a link
{"rel": "responds_to", "event": id} to the proposal, request or demand it
answers: in its own document, else in an earlier document of the batch whose
target is the responder and whose source is the response's target. Output
follows input order. Input errors are reported one a
line and the rest of the batch still runs; the exit status is then 1.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if opts.Format != "jsonl" && opts.Format != "table" {
				return cmdutil.FlagErrorf("--format must be jsonl or table, not %q", opts.Format)
			}
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

// Stats is the summary printed by --stats.
type Stats struct {
	Documents int     `json:"documents"`
	Sentences int     `json:"sentences"`
	Events    int     `json:"events"`
	Seconds   float64 `json:"seconds"`
}

// Chain is the stages after parsing: mention resolution, time
// expressions, event coding and attribution.
type Chain struct {
	Resolver *mention.Resolver
	Times    *timex.Tagger
	Coder    *coder.Coder
	Attrib   *attrib.Finder
}

// NewChain loads the lexicon and ontology and builds the chain over k.
func NewChain(k *kb.KB) (*Chain, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	ont, err := ontology.Load()
	if err != nil {
		return nil, fmt.Errorf("load ontology: %w", err)
	}
	isPerson := func(id string) bool { _, ok := k.Person(id); return ok }
	return &Chain{Resolver: mention.New(k), Times: timex.New(), Coder: coder.New(lex, ont),
		Attrib: &attrib.Finder{IsPerson: isPerson}}, nil
}

// attribute gives each record of d the attribution that covers its
// trigger: the chain of sources it is reported on, or the publisher's own
// voice.
func (c *Chain) attribute(d *doc.Doc, recs []event.Record) []event.Record {
	x := attrib.NewIndex(d, c.Attrib.Find(d))
	for i := range recs {
		r := &recs[i]
		if r.Trigger == nil {
			continue
		}
		tok, ok := slices.BinarySearchFunc(d.Tokens, r.Trigger.Start, func(t doc.Token, off int) int { return cmp.Compare(t.Start, off) })
		if ok {
			r.Attribution = x.Sourcing(r.Sentence, tok)
		}
	}
	return recs
}

// LoadChain loads the knowledge base with load and builds the chain over
// it.
func LoadChain(load func() (*kb.KB, error)) (*Chain, error) {
	k, err := load()
	if err != nil {
		return nil, fmt.Errorf("load knowledge base: %w", err)
	}
	return NewChain(k)
}

// Events resolves the mentions and time expressions of the parsed document
// d and codes its events, with the links of responses within d.
func (c *Chain) Events(d *doc.Doc) []event.Record {
	c.Resolver.Process(d)
	c.Times.Process(d)
	return c.attribute(d, c.Coder.Code(d))
}

// BatchEvents is Events for the documents of one batch, given in input
// order: responses that answer nothing in their own document are linked to
// the proposals, requests and demands of earlier documents of the batch
// (coder.Batch). b comes from c.Coder.NewBatch.
func (c *Chain) BatchEvents(b *coder.Batch, d *doc.Doc) []event.Record {
	c.Resolver.Process(d)
	c.Times.Process(d)
	return c.attribute(d, b.Code(d))
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	start := time.Now()
	chain, err := LoadChain(opts.LoadKB)
	if err != nil {
		return err
	}
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	batch := chain.Coder.NewBatch()
	var st Stats
	var tw *tabwriter.Writer
	if opts.Format == "table" {
		tw = tabwriter.NewWriter(opts.Out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DOC\tSENT\tTRIGGER\tCAMEO\tPLOVER\tSTATUS\tSOURCE\tTARGET\tCONF")
	}
	failed, err := parse.Articles(ctx, p, opts.Workers, opts.Inputs, opts.Read, opts.ErrOut,
		func(d *doc.Doc) error {
			// Documents arrive in input order, so the batch links are
			// deterministic.
			recs := chain.BatchEvents(batch, d)
			st.Documents++
			st.Sentences += len(d.Sentences)
			st.Events += len(recs)
			if tw != nil {
				for _, r := range recs {
					writeRow(tw, &r)
				}
				return nil
			}
			if err := event.WriteJSONL(opts.Out, recs); err != nil {
				return fmt.Errorf("write events of %s: %w", d.ID, err)
			}
			return nil
		})
	if tw != nil {
		if ferr := tw.Flush(); ferr != nil && err == nil {
			err = fmt.Errorf("write table: %w", ferr)
		}
	}
	if err != nil {
		return err
	}
	if opts.Stats {
		st.Seconds = time.Since(start).Seconds()
		b, _ := json.Marshal(st)
		fmt.Fprintln(opts.ErrOut, string(b))
	}
	if failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// writeRow writes one record as a table row.
func writeRow(w io.Writer, r *event.Record) {
	plover := ""
	if r.PLOVER != nil {
		plover = r.PLOVER.Type
	}
	trig := ""
	if r.Trigger != nil {
		trig = r.Trigger.Text
	}
	fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n", r.Doc, r.Sentence, trig, r.Cameo, plover,
		r.Status, actorList(r.Source), actorList(r.Target), r.Confidence)
}

func actorList(as []event.Actor) string {
	var parts []string
	for _, a := range as {
		s := a.Text
		if a.Code != "" {
			s += " (" + a.Code + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}
