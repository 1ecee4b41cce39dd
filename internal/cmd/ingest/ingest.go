// Package ingest implements "sitrep ingest": it reads articles, codes
// their events as "sitrep extract" does, and stores the documents with
// their sentences, mentions and events in the event store (package store),
// one transaction per batch of documents.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/coder"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
)

// DefaultDB is the database used without --db: a SQLite file in the
// current directory, created on first use.
const DefaultDB = "sitrep.db"

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// In, Out and ErrOut are standard input, output and error; progress
	// and the summary go to ErrOut.
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
	// Open opens the store named by --db (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// Now returns the time documents are recorded as ingested.
	Now func() time.Time

	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
	// KBDirs are user knowledge base directories (--kb), applied in order.
	KBDirs []string
	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
	// Batch is the number of documents stored per transaction.
	Batch int
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewCmd returns the ingest command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read,
		Open: store.Open, Now: time.Now}
	opts.LoadKB = func() (*kb.KB, error) { return kb.LoadDirs(opts.KBDirs...) }
	fs := cmdutil.NewFlagSet("ingest")
	fs.StringVar(&opts.DB, "db", DefaultDB, "the event store: a SQLite `file`, created on first use, or a postgres:// URL")
	fs.IntVar(&opts.Batch, "batch", 100, "documents stored per transaction")
	fs.IntVar(&opts.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.Var(cmdutil.StringList{Values: &opts.KBDirs}, "kb", "add or override knowledge base entries from the TSV files in `DIR` (repeatable)")
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
			if opts.Batch < 1 {
				return cmdutil.FlagErrorf("--batch must be at least 1, not %d", opts.Batch)
			}
			if opts.DB == "" {
				return cmdutil.FlagErrorf("--db must name a database")
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

// Summary counts what an ingest did.
type Summary struct {
	// Read is the number of documents read without error.
	Read int
	// Stored is the number of documents stored.
	Stored int
	// Skipped is the number of documents already in the store.
	Skipped int
	// Failed is the number of input and document errors reported.
	Failed int
	// Events is the number of event records stored.
	Events int
	// Batches is the number of transactions committed.
	Batches int
}

// run is the state of one ingest.
type run struct {
	opts    *Options
	st      store.Store
	chain   *extract.Chain
	coding  *coder.Batch
	pending []store.Document
	sum     Summary
	start   time.Time
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) (err error) {
	r := &run{opts: opts, start: time.Now()}
	if r.chain, err = extract.LoadChain(opts.LoadKB); err != nil {
		return err
	}
	p, err := opts.Load()
	if err != nil {
		return fmt.Errorf("load models: %w", err)
	}
	if r.st, err = opts.Open(ctx, opts.DB); err != nil {
		return err
	}
	defer func() {
		if cerr := r.st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	r.coding = r.chain.Coder.NewBatch()
	skipped := 0
	read := func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
		return opts.Read(ctx, paths, func(a doc.Article, err error) error {
			if err != nil {
				return fn(a, err)
			}
			// A stored document is skipped before it is parsed.
			has, err := r.st.HasDocument(ctx, store.Hash(&a))
			if err != nil {
				return err
			}
			if has {
				skipped++
				return nil
			}
			return fn(a, nil)
		})
	}
	failed, err := parse.Articles(ctx, p, opts.Workers, opts.Inputs, read, opts.ErrOut, r.add)
	r.sum.Failed += failed
	r.sum.Read += skipped
	r.sum.Skipped += skipped
	// What is coded is stored even when the run stops early (an
	// interrupt, a read error).
	if ferr := r.flush(context.WithoutCancel(ctx)); ferr != nil {
		err = errors.Join(err, ferr)
	}
	fmt.Fprintf(opts.ErrOut, "ingest: %d documents read: %d stored, %d already stored, %d failed; %d events stored; transactions: %d; %.1f s; %s\n",
		r.sum.Read, r.sum.Stored, r.sum.Skipped, r.sum.Failed, r.sum.Events, r.sum.Batches,
		time.Since(r.start).Seconds(), opts.DB)
	if err != nil {
		return err
	}
	if r.sum.Failed > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// add codes the events of the parsed document d and adds it to the
// pending batch, storing the batch when it is full. Documents arrive in
// input order, so the links across documents are deterministic.
func (r *run) add(d *doc.Doc) error {
	r.sum.Read++
	recs, err := r.code(d)
	if err == nil {
		// Tokens are not stored; let them go before the batch is.
		d.Tokens = nil
		sd := store.Document{Doc: d, Events: recs}
		if err = sd.Validate(); err == nil {
			r.pending = append(r.pending, sd)
		}
	}
	if err != nil {
		r.sum.Failed++
		fmt.Fprintf(r.opts.ErrOut, "sitrep: ingest %s: %v\n", name(d), err)
	}
	if len(r.pending) >= r.opts.Batch {
		return r.flush(context.Background())
	}
	return nil
}

// code runs the chain over d; a panic in it is a bug that must not stop
// the other documents, so it is reported as d's error.
func (r *run) code(d *doc.Doc) (recs []event.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error while coding events: %v", p)
		}
	}()
	return r.chain.BatchEvents(r.coding, d), nil
}

// flush stores the pending documents in one transaction. When the batch
// fails, its documents are stored one by one so that one bad document
// does not keep the others out; when every one of several fails, the
// store is at fault and the ingest stops.
func (r *run) flush(ctx context.Context) error {
	if len(r.pending) == 0 {
		return nil
	}
	batch := r.pending
	r.pending = nil
	now := r.opts.Now()
	for i := range batch {
		batch[i].Ingested = now
	}
	res, err := r.st.Put(ctx, batch)
	if err != nil && len(batch) == 1 && ctx.Err() == nil {
		r.sum.Failed++
		fmt.Fprintf(r.opts.ErrOut, "sitrep: ingest %s: %v\n", name(batch[0].Doc), err)
		return nil
	}
	if err != nil && ctx.Err() == nil {
		var errs []error
		res = store.PutResult{}
		for i := range batch {
			one, perr := r.st.Put(ctx, batch[i:i+1])
			if perr != nil {
				errs = append(errs, perr)
				r.sum.Failed++
				fmt.Fprintf(r.opts.ErrOut, "sitrep: ingest %s: %v\n", name(batch[i].Doc), perr)
				continue
			}
			res.Stored += one.Stored
			res.Skipped += one.Skipped
			res.Events += one.Events
			r.sum.Batches++
		}
		if len(errs) < len(batch) {
			err = nil
		}
	} else if err == nil {
		r.sum.Batches++
	}
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", r.opts.DB, err)
	}
	r.sum.Stored += res.Stored
	r.sum.Skipped += res.Skipped
	r.sum.Events += res.Events
	fmt.Fprintf(r.opts.ErrOut, "ingest: batch of %d documents: %d stored, %d already stored, %d events; total %d documents, %d events, %.1f s\n",
		len(batch), res.Stored, res.Skipped, res.Events, r.sum.Stored, r.sum.Events, time.Since(r.start).Seconds())
	return nil
}

// name names d in messages: its id, and where it was read from.
func name(d *doc.Doc) string {
	if d.Source != "" && d.Source != d.ID {
		return fmt.Sprintf("document %s (%s)", d.ID, d.Source)
	}
	return "document " + d.ID
}
