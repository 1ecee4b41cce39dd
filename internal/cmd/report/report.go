// Package report implements "sitrep report": it codes articles as
// "sitrep extract" does and prints a situation report of their events
// (package report) as terminal text, Markdown or HTML.
package report

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/internal/cmd/storeflags"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/report"
	"github.com/sitrep/sitrep/store"
)

// Options holds the command's IO, dependencies, inputs and flags.
type Options struct {
	cmdutil.DocOptions
	// Format is "text", "markdown" or "html".
	Format string
	// Color is "auto", "always" or "never": whether the text format uses
	// colours; auto means when IsTerminal says so and NO_COLOR is unset.
	Color string
	// Title is the report's title.
	Title string
	// IsTerminal reports whether Out is a terminal.
	IsTerminal func() bool
	// Getenv reads an environment variable (NO_COLOR).
	Getenv func(string) string
	// Records, when set, gives the events to report on instead of coding
	// Inputs; NewCmd sets it to read the store named by --db. Nil means
	// Code over the inputs.
	Records func(ctx context.Context) ([]report.Item, error)
	// Open opens the store named by DB (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// DB, when set, names the store to report on (with Filter) instead of
	// coding inputs.
	DB string
	// Filter selects the stored events to report on.
	Filter store.Filter
}

// StoredRecords returns the events of the store named by opts.DB that
// opts.Filter selects, with their documents.
func StoredRecords(ctx context.Context, opts *Options) (items []report.Item, err error) {
	st, err := opts.Open(ctx, opts.DB)
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, st.Close()) }()
	err = st.Scan(ctx, opts.Filter, func(row *store.Row) error {
		d := &row.Document
		items = append(items, report.Item{Record: row.Record,
			Doc: report.Doc{ID: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Published: d.Published}})
		return nil
	})
	return items, err
}

// NewCmd returns the report command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{DocOptions: cmdutil.NewDocOptions(f), IsTerminal: stdoutIsTerminal, Getenv: os.Getenv,
		Open: store.Open}
	fs := cmdutil.NewFlagSet("report")
	fs.StringVar(&opts.DB, "db", "", "report on the events of this event store (a SQLite `file` or a postgres:// URL) that the filters select, instead of coding inputs")
	storeflags.AddFilter(fs, &opts.Filter)
	fs.StringVar(&opts.Format, "format", "text", "output `format`: text, markdown or html")
	fs.StringVar(&opts.Color, "color", "auto", "colour the text format: auto (when standard output is a terminal), always or never")
	fs.StringVar(&opts.Title, "title", "", "the report's `title` (default \"Situation report\")")
	opts.AddFlags(fs)
	return &cmdutil.Command{
		Name:  "report",
		Short: "Write a situation report of the events of articles",
		Usage: "sitrep report [--format text|markdown|html] [--title TITLE] [--kb DIR] [inputs... | --db FILE|URL [filters]]",
		Long: `Read and code articles as "sitrep extract" does (plain text, HTML, JSON
Lines, RSS or Atom; files, directories, URLs, or "-" for standard input, the
default) and write a situation report of their events:

  - key actors, with their offices or kinds (from the knowledge base), the
    ways the articles name them and how many events they take part in;
  - developments in time order, one sentence each (who did what to whom,
    where), with when, the PLOVER type and CAMEO code, the standing (stated
    by the publisher, claimed by a source, negated, intended, hypothetical)
    and the sourcing, outermost source first ("Axios, 5 anonymous sources,
    reportedly"); reports of one event (same dyad, CAMEO root and status,
    overlapping dates) are merged into one development;
  - proposals, appeals and demands with the responses the coder linked to
    them;
  - a stance matrix: for each actor pair, the events, mean Goldstein weight,
    most frequent PLOVER type and whether they cooperate or are in conflict;
  - the places of the events.

--format text (the default) aligns columns, in colour on a terminal
(--color); markdown and html write a document (the HTML is self-contained,
with inline CSS and no scripts). Input errors are reported one a line and
the report covers the rest; the exit status is then 1.

With --db, the report covers the events of that event store instead (see
"sitrep ingest"), selected by the same filters as "sitrep query": --actor,
--country, --sector, --cameo, --root, --plover, --status, --from, --to,
--place, --outlet, --text and --merged ("the week of 2026-03-02 between
Israel and Lebanon": --from 2026-03-02 --to 2026-03-08 --country LBN).`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			switch opts.Format {
			case "text", "markdown", "html":
			default:
				return cmdutil.FlagErrorf("--format must be text, markdown or html, not %q", opts.Format)
			}
			switch opts.Color {
			case "auto", "always", "never":
			default:
				return cmdutil.FlagErrorf("--color must be auto, always or never, not %q", opts.Color)
			}
			opts.SetInputs(args)
			switch {
			case opts.DB != "" && len(args) > 0:
				return cmdutil.FlagErrorf("give inputs or --db, not both")
			case opts.DB == "" && storeflags.Selects(&opts.Filter):
				return cmdutil.FlagErrorf("the filters select stored events: give --db")
			case opts.DB != "":
				if err := opts.Filter.Validate(); err != nil {
					return cmdutil.FlagErrorf("%v", err)
				}
				opts.Records = func(ctx context.Context) ([]report.Item, error) { return StoredRecords(ctx, opts) }
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// stdoutIsTerminal reports whether standard output is a character device.
func stdoutIsTerminal() bool {
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Code reads and codes the inputs of o with the extract chain, as "sitrep
// extract" does (responses linked across the batch), and returns the
// records with their documents and the knowledge base it used. After
// input errors, reported on o.ErrOut, it returns what it coded and
// cmdutil.ErrSilent.
func Code(ctx context.Context, o *cmdutil.DocOptions) ([]report.Item, *kb.KB, error) {
	var items []report.Item
	var base *kb.KB
	err := parse.EachDoc(ctx, o, func(k *kb.KB) (func(*doc.Doc) error, error) {
		base = k
		chain, err := extract.NewChain(k)
		if err != nil {
			return nil, err
		}
		batch := chain.Coder.NewBatch()
		return func(d *doc.Doc) error {
			info := report.Doc{ID: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Published: d.Published}
			for _, r := range chain.BatchEvents(batch, d) {
				items = append(items, report.Item{Record: r, Doc: info})
			}
			return nil
		}, nil
	})
	return items, base, err
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	var items []report.Item
	var k *kb.KB
	var err error
	if opts.Records != nil {
		if items, err = opts.Records(ctx); err == nil {
			if k, err = opts.KB(); err != nil {
				err = fmt.Errorf("load knowledge base: %w", err)
			}
		}
	} else {
		items, k, err = Code(ctx, &opts.DocOptions)
	}
	failed := errors.Is(err, cmdutil.ErrSilent)
	if err != nil && !failed {
		return err
	}
	rep := report.Build(items, report.Options{Title: opts.Title, KB: k})
	switch opts.Format {
	case "markdown":
		err = report.WriteMarkdown(opts.Out, rep)
	case "html":
		err = report.WriteHTML(opts.Out, rep)
	default:
		color := opts.Color == "always" ||
			opts.Color == "auto" && opts.IsTerminal() && opts.Getenv("NO_COLOR") == ""
		err = report.WriteText(opts.Out, rep, report.TextOptions{Color: color})
	}
	if err != nil {
		return err
	}
	if failed {
		return cmdutil.ErrSilent
	}
	return nil
}
