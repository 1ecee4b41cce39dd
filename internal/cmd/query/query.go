// Package query implements "sitrep query": it selects stored events by
// actor, country, sector, CAMEO code or root, PLOVER type, status, days,
// place, outlet and text, and prints them as a table, JSON Lines or CSV;
// or, with --by, prints their counts, Goldstein sum and mean and PLOVER
// type counts per day or week (per dyad), read from the store's daily
// counts where the filters allow.
package query

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/internal/cmd/storeflags"
	"github.com/sitrep/sitrep/store"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// Out and ErrOut are standard output and error.
	Out    io.Writer
	ErrOut io.Writer
	// Open opens the store named by --db (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)

	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
	// Filter selects the events.
	Filter store.Filter
	// Format is the output format: "table", "jsonl" or "csv".
	Format string
	// By, when set, prints aggregates per "day" or "week" instead of
	// events.
	By string
	// Per is "dyad" for one series per dyad, "" for one of all events.
	Per string
	// Dyad restricts the aggregates to one dyad ("ISR>LBN").
	Dyad string
}

// NewCmd returns the query command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Open: store.Open}
	fl := &opts.Filter
	fs := cmdutil.NewFlagSet("query")
	fs.StringVar(&opts.DB, "db", ingest.DefaultDB, "the event store: a SQLite `file` or a postgres:// URL")
	storeflags.AddFilter(fs, fl)
	fs.IntVar(&fl.Limit, "limit", 0, "print at most `N` events (0: all)")
	fs.IntVar(&fl.Offset, "offset", 0, "skip the first `N` events")
	order := fs.String("order", string(store.ByDay), "order of the events: day, -day (latest first) or stored")
	fs.StringVar(&opts.Format, "format", "table", "output `format`: table, jsonl or csv")
	fs.StringVar(&opts.By, "by", "", "print aggregates per `period` (day or week) instead of events")
	fs.StringVar(&opts.Per, "per", "", "with --by: \"dyad\" for a series per dyad")
	fs.StringVar(&opts.Dyad, "dyad", "", "with --by: only the events of this `dyad` (ISR>LBN; see the merged events)")
	return &cmdutil.Command{
		Name:  "query",
		Short: "Select stored events, or count them per day or week",
		Usage: "sitrep query [--db FILE|URL] [filters] [--limit N] [--format table|jsonl|csv] [--by day|week [--per dyad] [--dyad D]]",
		Long: `Select the events of the event store (sitrep ingest) that all the filters
given hold of, and print them, ordered by day: a table for the terminal, JSON
Lines (the event record with its day, its document and its merged event) or
CSV. An event's day is its date's start, or its document's publication day
when the event is undated.

With --by day or --by week (ISO weeks, Monday to Sunday), print instead per
period (and, with --per dyad, per dyad "ISR>LBN"; --dyad keeps one) the number
of events, the sum and mean of their Goldstein weights, and their number per
PLOVER type. Filtered by --root, --plover, --status, --from and --to only,
these are read from the daily counts the store keeps, fast at millions of
events; other filters are computed from the events themselves.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("query takes no arguments, not %q", args[0])
			}
			opts.Filter.Order = store.Order(*order)
			if err := opts.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// validate checks the flags.
func (o *Options) validate() error {
	if o.DB == "" {
		return cmdutil.FlagErrorf("--db must name a database")
	}
	if err := o.Filter.Validate(); err != nil {
		return cmdutil.FlagErrorf("%v", err)
	}
	switch o.Format {
	case "table", "jsonl", "csv":
	default:
		return cmdutil.FlagErrorf("--format %q: want table, jsonl or csv", o.Format)
	}
	switch o.By {
	case "", string(store.Daily), string(store.Weekly):
	default:
		return cmdutil.FlagErrorf("--by %q: want day or week", o.By)
	}
	if o.Per != "" && o.Per != "dyad" {
		return cmdutil.FlagErrorf("--per %q: want dyad", o.Per)
	}
	if o.By == "" && (o.Per != "" || o.Dyad != "") {
		return cmdutil.FlagErrorf("--per and --dyad go with --by day or --by week")
	}
	if o.By != "" && (o.Filter.Limit != 0 || o.Filter.Offset != 0 || o.Filter.Merged) {
		return cmdutil.FlagErrorf("--limit, --offset and --merged select events to print, not to count: drop them with --by")
	}
	return nil
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) (err error) {
	if !strings.Contains(opts.DB, "://") {
		// Opening a missing file would create an empty store.
		if _, err := os.Stat(strings.TrimPrefix(opts.DB, "file:")); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("query %s: no such store (sitrep ingest creates it)", opts.DB)
		}
	}
	st, err := opts.Open(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if opts.By != "" {
		q := store.AggregateQuery{Filter: opts.Filter, By: store.Period(opts.By), Dyad: opts.Dyad, PerDyad: opts.Per == "dyad"}
		buckets, err := st.Aggregate(ctx, q)
		if err != nil {
			return fmt.Errorf("query %s: %w", opts.DB, err)
		}
		return writeBuckets(opts.Out, opts.Format, buckets, q.PerDyad || q.Dyad != "")
	}
	w := newRowWriter(opts.Out, opts.Format)
	if err := st.Scan(ctx, opts.Filter, w.write); err != nil {
		return fmt.Errorf("query %s: %w", opts.DB, err)
	}
	return w.close()
}
