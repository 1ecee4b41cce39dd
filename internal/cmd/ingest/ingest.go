// Package ingest implements "sitrep ingest": it reads articles, codes
// their events as "sitrep extract" does, and stores the documents with
// their sentences, mentions and events in the event store (package store),
// one transaction per batch of documents.
package ingest

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
)

// DefaultDB is the database used without --db: a SQLite file in the
// current directory, created on first use.
const DefaultDB = "sitrep.db"

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// In and Out are standard input and output.
	In  io.Reader
	Out io.Writer
	// Config holds standard error, the loaders, the store and the flags
	// of the coding and storing.
	Config
	// Read reads the input articles.
	Read cmdutil.ReadFunc
	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
}

// NewCmd returns the ingest command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, Config: NewConfig(f), Read: f.Read}
	fs := cmdutil.NewFlagSet("ingest")
	opts.AddFlags(fs)
	return &cmdutil.Command{
		Name:  "ingest",
		Short: "Code the events of articles and store them in the event store",
		Usage: "sitrep ingest [--db FILE|URL] [--batch N] [--kb DIR] [inputs...]",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), code their events as
"sitrep extract" does, and store each document with its sentences, actor and
place mentions and event records (actors, attribution chains, links) in the
event store: a SQLite file, sitrep.db in the current directory unless --db
says otherwise, created on first use; or, when --db is a PostgreSQL URL
(postgres://user:password@host:port/database), that database, whose tables
are created on first use in the session's current schema.

A document's identity is the SHA-256 of its text, title, outlet and URL: a
document already stored is skipped before it is parsed, so ingesting the same
input twice changes nothing. Documents are stored --batch at a time, each
batch in one transaction, so an interrupted or killed ingest keeps every
batch it committed and no half-written document; run it again to finish.
A line on standard error reports each batch, and a last line the totals.
Input errors are reported one a line and the rest of the input still runs;
the exit status is then 1.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if err := opts.Check(); err != nil {
				return err
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

// Run runs the command.
func Run(ctx context.Context, opts *Options) (err error) {
	start := time.Now()
	g, err := NewIngester(ctx, &opts.Config)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	sum, err := g.Ingest(ctx, opts.Inputs, opts.Read)
	fmt.Fprintf(opts.ErrOut, "ingest: %d documents read: %d stored, %d already stored, %d failed; %d events stored; transactions: %d; %.1f s; %s\n",
		sum.Read, sum.Stored, sum.Skipped, sum.Failed, sum.Events, sum.Batches,
		time.Since(start).Seconds(), opts.DB)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}
