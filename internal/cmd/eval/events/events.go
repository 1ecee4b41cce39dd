// Package events implements "sitrep eval events": it runs the whole chain
// (parse, mentions, event coding) on the seed article, the PLOVER gold
// standard records and the ConfliBERT class-train sentences, and prints the
// scores of package eventeval.
package events

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/event/eventeval"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/shared"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline.
	Load func() (*pipeline.Pipeline, error)
	// Read reads the seed article (input.Read in the binary).
	Read cmdutil.ReadFunc
	// LoadKB returns the knowledge base (kb.Load by default).
	LoadKB func() (*kb.KB, error)
	// Shared is the shared data directory; empty means shared.Dir().
	Shared string
	// JSON prints the scores as a JSON object instead of text.
	JSON bool
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
	// Details, when not empty, names a file that receives one JSON line per
	// scored PLOVER record and ConfliBERT sentence: the gold label and the
	// top predicted event, for error analysis.
	Details string
}

// NewCmd returns the eval events command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read, LoadKB: kb.Load}
	fs := cmdutil.NewFlagSet("events")
	fs.StringVar(&opts.Shared, "shared", "", "shared data `directory` (default: ../shared beside the checkout, or $SITREP_SHARED)")
	fs.BoolVar(&opts.JSON, "json", false, "print the scores as JSON")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.StringVar(&opts.Details, "details", "", "write one JSON line per scored PLOVER record and ConfliBERT sentence to `file`")
	return &cmdutil.Command{
		Name:  "events",
		Short: "Score event coding on the seed, PLOVER and ConfliBERT data",
		Usage: "sitrep eval events [--shared DIR] [--json] [--details FILE]",
		Long: `Run the whole chain (parse, actors, events) and score the events:

  seed: eval/seed.gold.jsonl against seed/lebanon-israel-2026-03-09.txt
        (required events found, precision, outputs without a source code);
  plover: data/plover/PLOVER_GSR_CAMEO.json, each record judged by its
        highest-confidence event (event type, source and target countries);
  conflibert: data/conflibert-cameo/class-train.tsv, penta class of each
        sentence's highest-confidence event.

Data missing from the shared directory is reported and skipped.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("eval events takes no arguments, got %d", len(args))
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Result holds every score; a nil field was skipped.
type Result struct {
	Seed       *eventeval.SeedScores   `json:"seed,omitempty"`
	SeedEvents int                     `json:"seed_events"`
	PLOVER     *eventeval.PLOVERScores `json:"plover,omitempty"`
	Penta      *eventeval.PentaScores  `json:"conflibert,omitempty"`
	Seconds    float64                 `json:"seconds"`
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	start := time.Now()
	dir := opts.Shared
	if dir == "" {
		dir = shared.Dir()
	}
	if dir == "" {
		return fmt.Errorf("eval events: shared data directory not found (give --shared DIR)")
	}
	chain, err := extract.LoadChain(opts.LoadKB)
	if err != nil {
		return err
	}
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	var res Result
	var details []Detail
	missing := func(path string) bool {
		if _, err := os.Stat(path); err != nil {
			fmt.Fprintf(opts.ErrOut, "sitrep: eval events: %s not found; skipped\n", path)
			return true
		}
		return false
	}
	seedText, goldPath := filepath.Join(dir, "seed", "lebanon-israel-2026-03-09.txt"), filepath.Join(dir, "eval", "seed.gold.jsonl")
	if !missing(seedText) && !missing(goldPath) {
		gold, err := eventeval.ReadSeedGold(goldPath)
		if err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		var arts []doc.Article
		err = opts.Read(ctx, []string{seedText}, func(a doc.Article, err error) error {
			if err != nil {
				return err
			}
			arts = append(arts, a)
			return nil
		})
		if err != nil {
			return fmt.Errorf("eval events: read seed: %w", err)
		}
		recs, err := code(ctx, p, chain, opts.Workers, arts)
		if err != nil {
			return err
		}
		var all []event.Record
		text := ""
		for _, a := range arts {
			all = append(all, recs[a.ID]...)
			text += a.Text
		}
		s := eventeval.ScoreSeed(gold, all, text)
		res.Seed, res.SeedEvents = &s, len(all)
	}
	if path := filepath.Join(dir, "data", "plover", "PLOVER_GSR_CAMEO.json"); !missing(path) {
		items, err := eventeval.ReadPLOVER(path)
		if err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		arts := make([]doc.Article, len(items))
		for i, it := range items {
			arts[i] = doc.Article{ID: it.ID, Text: it.Text}
		}
		recs, err := code(ctx, p, chain, opts.Workers, arts)
		if err != nil {
			return err
		}
		s := eventeval.ScorePLOVER(items, recs)
		res.PLOVER = &s
		for _, it := range items {
			details = append(details, newDetail("plover", it.ID, it.Text, it.Event+" "+strings.Join(it.Source, ",")+" -> "+strings.Join(it.Target, ","), recs[it.ID]))
		}
	}
	if path := filepath.Join(dir, "data", "conflibert-cameo", "class-train.tsv"); !missing(path) {
		items, err := eventeval.ReadPenta(path)
		if err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		arts := make([]doc.Article, len(items))
		for i, it := range items {
			arts[i] = doc.Article{ID: it.ID, Text: it.Text}
		}
		recs, err := code(ctx, p, chain, opts.Workers, arts)
		if err != nil {
			return err
		}
		s := eventeval.ScorePenta(items, recs)
		res.Penta = &s
		for _, it := range items {
			details = append(details, newDetail("conflibert", it.ID, it.Text, strconv.Itoa(it.Penta), recs[it.ID]))
		}
	}
	res.Seconds = time.Since(start).Seconds()
	if opts.Details != "" {
		if err := writeDetails(opts.Details, details); err != nil {
			return err
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		return nil
	}
	return write(opts.Out, &res)
}

// code runs the chain over the articles on a worker pool and returns the
// records by document id.
func code(ctx context.Context, p *pipeline.Pipeline, chain *extract.Chain, workers int, arts []doc.Article) (map[string][]event.Record, error) {
	in := make(chan doc.Article)
	go func() {
		defer close(in)
		for _, a := range arts {
			select {
			case in <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	out := map[string][]event.Record{}
	err := p.Run(ctx, workers, in, func(d *doc.Doc) error {
		out[d.ID] = chain.Events(d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	return out, nil
}

// write prints the scores as text.
func write(w io.Writer, r *Result) error {
	var err error
	pf := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	if s := r.Seed; s != nil {
		pf("seed: required found %s, optional found %s, precision %s (%d events), no source %d\n",
			s.Required, s.Optional, s.Precision, r.SeedEvents, s.NoSource)
	}
	if s := r.PLOVER; s != nil {
		pf("plover (%d records, %d without event): event type %s, source country %s, target country %s, both %s, any event type %s\n",
			s.Items, s.NoEvent, s.EventType, s.SourceCountry, s.TargetCountry, s.BothCountries, s.AnyEventType)
	}
	if s := r.Penta; s != nil {
		pf("conflibert class-train: penta accuracy %s, %d without event; under the labels' class scheme %s\n", s.Accuracy, s.NoEvent, s.DatasetScheme)
	}
	pf("%.1fs\n", r.Seconds)
	if err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	return nil
}

// Detail is one scored item of --details: the gold label and the top event.
type Detail struct {
	Set  string `json:"set"`
	ID   string `json:"id"`
	Text string `json:"text"`
	Gold string `json:"gold"`
	// Top is the highest-confidence event ("" when none): trigger, CAMEO
	// code, PLOVER type, penta class, source and target codes.
	Top string `json:"top"`
	// Events counts all events coded for the item.
	Events int `json:"events"`
}

func newDetail(set, id, text, gold string, recs []event.Record) Detail {
	d := Detail{Set: set, ID: id, Text: text, Gold: gold, Events: len(recs)}
	if t := eventeval.Top(recs); t >= 0 {
		r := &recs[t]
		trig, typ, penta := "", "", ""
		if r.Trigger != nil {
			trig = r.Trigger.Text
		}
		if r.PLOVER != nil {
			typ = r.PLOVER.Type
		}
		if r.PentaClass != nil {
			penta = strconv.Itoa(*r.PentaClass)
		}
		d.Top = fmt.Sprintf("%s %s %s p%s %s -> %s", trig, r.Cameo, typ, penta, actorCodes(r.Source), actorCodes(r.Target))
	}
	return d
}

func actorCodes(as []event.Actor) string {
	var cs []string
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, ",")
}

// writeDetails writes the details as JSON Lines to path.
func writeDetails(path string, ds []Detail) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval events: details: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, d := range ds {
		if err := enc.Encode(d); err != nil {
			f.Close()
			return fmt.Errorf("eval events: write %s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval events: write %s: %w", path, err)
	}
	return nil
}
