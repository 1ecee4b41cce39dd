// Package mergecmd implements "sitrep merge": it merges every event of
// the store again, from scratch (store.Store.Remerge), so that the merged
// events no longer depend on the order documents were ingested in.
package mergecmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/store"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// ErrOut receives the summary.
	ErrOut io.Writer
	// Open opens the store named by DB (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
}

// NewCmd returns the merge command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{ErrOut: f.ErrOut, Open: store.Open}
	fs := cmdutil.NewFlagSet("merge")
	fs.StringVar(&opts.DB, "db", ingest.DefaultDB, "the event store: a SQLite `file` or a postgres:// URL")
	return &cmdutil.Command{
		Name:  "merge",
		Short: "Merge the stored reports of each event again, from scratch",
		Usage: "sitrep merge [--db FILE|URL]",
		Long: `Group the stored event records that report the same real-world event again,
all at once, and replace the merged events. Ingesting merges as it goes:
reports that come after the stored ones (news ingested as it is published)
are merged exactly, and a report that comes before stored ones of its dyad is
merged again with those within a month of its days. This command gives what
merging everything at once gives, whatever order the documents came in.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("merge takes no arguments")
			}
			if opts.DB == "" {
				return cmdutil.FlagErrorf("--db must name a database")
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) (err error) {
	start := time.Now()
	st, err := opts.Open(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	before, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	if err := st.Remerge(ctx); err != nil {
		return err
	}
	after, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.ErrOut, "merge: %d event records in %d merged events (%d before); %.1f s; %s\n",
		after.Events, after.Merged, before.Merged, time.Since(start).Seconds(), opts.DB)
	return nil
}
