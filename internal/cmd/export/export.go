// Package export implements "sitrep export": it reads the event records of
// the event store, with their documents and merged events, and writes them
// in one of the formats of package export (csv, jsonl, plover, gdelt,
// parquet) to a file, a directory or standard output.
package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/store"
)

// DefaultDB is the database read without --db, as "sitrep ingest" writes
// it.
const DefaultDB = "sitrep.db"

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// Out receives stream formats when --out is not given; ErrOut the
	// summary.
	Out    io.Writer
	ErrOut io.Writer
	// Formats are the export formats (export.Builtin by default).
	Formats *export.Registry
	// Events calls emit with each event to export; nil means every record
	// of the store named by DB.
	Events func(ctx context.Context, emit func(*export.Event) error) error
	// Open opens the store named by DB (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)

	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
	// Format is the name of the export format.
	Format string
	// OutPath is the output file (a directory for parquet); "" or "-"
	// means standard output.
	OutPath string
	// Since and Until keep the events whose day (export.Event.Day) is in
	// [Since, Until]; zero means unbounded.
	Since, Until time.Time
	// Roots keeps the events of these CAMEO roots ("19"); none means all.
	Roots []string
}

// NewCmd returns the export command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, Formats: export.Builtin(), Open: store.Open}
	var since, until, roots string
	fs := cmdutil.NewFlagSet("export")
	fs.StringVar(&opts.DB, "db", DefaultDB, "the event store: a SQLite `file` or a postgres:// URL")
	fs.StringVar(&opts.Format, "format", "jsonl", "the export `format`: "+strings.Join(opts.Formats.Names(), ", "))
	fs.StringVar(&opts.OutPath, "out", "", "the output `path`: a file, or a directory for parquet (default: standard output)")
	fs.StringVar(&since, "since", "", "keep events dated on or after `DAY` (YYYY-MM-DD)")
	fs.StringVar(&until, "until", "", "keep events dated on or before `DAY` (YYYY-MM-DD)")
	fs.StringVar(&roots, "root", "", "keep events of these CAMEO `roots` (comma-separated, e.g. 18,19,20)")
	return &cmdutil.Command{
		Name:  "export",
		Short: "Export stored events as CSV, JSON Lines, PLOVER JSON, a GDELT-style table or Parquet",
		Usage: "sitrep export [--db FILE|URL] [--format F] [--out PATH] [--since DAY] [--until DAY] [--root LIST]",
		Long: `Read the event records of the event store (sitrep.db unless --db says
otherwise), each with its document and the merged event it reports, and write
them in one format:

  csv      one row per event: a header, then the flat columns (event, document,
           CAMEO and PLOVER codes, source_* and target_* actor columns with
           several actors joined by "; ", date, place, attribution, links,
           merged event)
  jsonl    the event record of DESIGN.md, one a line, as it is
  plover   PLOVER JSON with the field names of the PLOVER manual, one object a
           line; records without a PLOVER type (CAMEO 01, 02) are skipped
  gdelt    a GDELT 2.0-style event table: the codebook's 61 tab-separated
           columns, no header; what sitrep does not know is left empty
  parquet  the csv columns, typed, in Parquet files partitioned by month:
           --out DIR gets DIR/month=YYYY-MM/part-00000.parquet, for
           read_parquet('DIR/*/*.parquet', hive_partitioning=true) in DuckDB

Text formats go to standard output unless --out names a file; parquet needs
--out and an empty or new directory. --since and --until select by the
event's day (the start of its date, else its document's publication day);
--root by CAMEO root. A line on standard error gives the counts, and the
events a format skipped, by reason.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("export takes no arguments, got %q", args)
			}
			var err error
			if opts.Since, err = parseDay("--since", since); err != nil {
				return err
			}
			if opts.Until, err = parseDay("--until", until); err != nil {
				return err
			}
			opts.Roots = nil
			for _, r := range strings.Split(roots, ",") {
				if r = strings.TrimSpace(r); r != "" {
					opts.Roots = append(opts.Roots, r)
				}
			}
			if _, err := opts.Formats.Lookup(opts.Format); err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// parseDay parses the value of flag, YYYY-MM-DD; "" is the zero time.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, cmdutil.FlagErrorf("%s wants a day (YYYY-MM-DD), not %q", flag, s)
	}
	return t, nil
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) (err error) {
	format, err := opts.Formats.Lookup(opts.Format)
	if err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	events, closeEvents := opts.Events, func() error { return nil }
	if events == nil {
		// The store is opened first: a missing one leaves no output behind.
		if events, closeEvents, err = openStore(ctx, opts); err != nil {
			return err
		}
	}
	defer func() { err = errors.Join(err, closeEvents()) }()
	out, closeOut, err := output(format, opts)
	if err != nil {
		return err
	}
	w, err := format.New(out)
	if err != nil {
		return errors.Join(err, closeOut())
	}
	written, skipped := 0, map[string]int{}
	err = events(ctx, func(e *export.Event) error {
		if !keep(opts, e) {
			return nil
		}
		err := w.Write(e)
		var skip *export.SkipError
		switch {
		case errors.As(err, &skip):
			skipped[skip.Reason]++
		case err != nil:
			return fmt.Errorf("export %s of document %s: %w", e.Record.ID, e.Record.Doc, err)
		default:
			written++
		}
		return nil
	})
	err = errors.Join(err, w.Close(), closeOut())
	fmt.Fprintf(opts.ErrOut, "export: %d events written as %s to %s%s\n", written, format.Name, where(opts), skips(skipped))
	return err
}

// output returns where format writes and a function that closes it.
func output(format export.Format, opts *Options) (export.Output, func() error, error) {
	none := func() error { return nil }
	path := opts.OutPath
	if format.Dir {
		if path == "" || path == "-" {
			return export.Output{}, nil, cmdutil.FlagErrorf("--format %s writes a directory: give --out DIR", format.Name)
		}
		return export.Output{Dir: path}, none, nil
	}
	if path == "" || path == "-" {
		bw := bufio.NewWriter(opts.Out)
		return export.Output{W: bw}, bw.Flush, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return export.Output{}, nil, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	return export.Output{W: bw}, func() error {
		err := bw.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("export: write %s: %w", path, err)
		}
		return nil
	}, nil
}

// keep reports whether e passes the filters.
func keep(opts *Options, e *export.Event) bool {
	if len(opts.Roots) > 0 && !slices.Contains(opts.Roots, e.Record.Root()) {
		return false
	}
	if opts.Since.IsZero() && opts.Until.IsZero() {
		return true
	}
	day, ok := e.Day()
	if !ok {
		return false
	}
	return (opts.Since.IsZero() || !day.Before(opts.Since)) && (opts.Until.IsZero() || !day.After(opts.Until))
}

// openStore opens the store named by opts.DB and returns a function
// emitting its every record, and one closing it.
func openStore(ctx context.Context, opts *Options) (func(context.Context, func(*export.Event) error) error, func() error, error) {
	if !strings.Contains(opts.DB, "://") {
		if _, err := os.Stat(strings.TrimPrefix(opts.DB, "file:")); err != nil {
			return nil, nil, fmt.Errorf("no event store at %s (run sitrep ingest first): %w", opts.DB, err)
		}
	}
	st, err := opts.Open(ctx, opts.DB)
	if err != nil {
		return nil, nil, err
	}
	events := func(ctx context.Context, emit func(*export.Event) error) error {
		return st.Scan(ctx, store.Filter{Order: store.ByStored}, func(row *store.Row) error {
			d := &row.Document
			e := export.Event{Record: row.Record, Doc: export.DocInfo{Hash: d.Hash, ID: d.ID, Outlet: d.Outlet,
				URL: d.URL, Title: d.Title, Published: d.Published, Ingested: d.Ingested}}
			if m := row.Merged; m != nil {
				e.Merged = &export.MergedInfo{ID: m.ID, Reports: m.Reports, Articles: m.Articles, Outlets: m.Outlets,
					FirstReported: m.FirstReported}
			}
			return emit(&e)
		})
	}
	return events, st.Close, nil
}

// where names the output in the summary.
func where(opts *Options) string {
	if opts.OutPath == "" || opts.OutPath == "-" {
		return "standard output"
	}
	return opts.OutPath
}

// skips renders the skipped events by reason: "; 3 skipped (no date: 3)".
func skips(skipped map[string]int) string {
	if len(skipped) == 0 {
		return ""
	}
	n := 0
	var parts []string
	for _, reason := range slices.Sorted(maps.Keys(skipped)) {
		n += skipped[reason]
		parts = append(parts, fmt.Sprintf("%s: %d", reason, skipped[reason]))
	}
	return fmt.Sprintf("; %d skipped (%s)", n, strings.Join(parts, ", "))
}
