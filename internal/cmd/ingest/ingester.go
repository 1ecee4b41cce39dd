package ingest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/sitrep/sitrep/coder"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/internal/progress"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
)

// Config holds what coding and storing articles needs: where to report,
// the loaders of the models, knowledge base and store, and the flags that
// set them. Commands that store articles ("sitrep ingest", "sitrep watch")
// embed it in their Options.
type Config struct {
	// ErrOut receives a line per problem and a line per batch; on a
	// terminal, a status line redrawn in place stands for the batch lines.
	ErrOut io.Writer
	// Load returns the pipeline; it is called once per Ingester.
	Load func() (*pipeline.Pipeline, error)
	// LoadKB returns the knowledge base; by default the embedded data plus
	// the --kb directories.
	LoadKB func() (*kb.KB, error)
	// Open opens the store named by --db (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// Now returns the time documents are recorded as ingested.
	Now func() time.Time

	// KBDirs are user knowledge base directories (--kb), applied in order.
	KBDirs []string
	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
	// Batch is the number of documents stored per transaction.
	Batch int
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewConfig returns the Config of a command built from f, with the
// defaults of the flags.
func NewConfig(f *cmdutil.Factory) Config {
	return Config{ErrOut: f.ErrOut, Load: f.Load, Open: store.Open, Now: time.Now, DB: DefaultDB, Batch: 100}
}

// AddFlags registers --db, --batch, --workers and --kb on fs.
func (c *Config) AddFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "the event store: a SQLite `file`, created on first use, or a postgres:// URL")
	fs.IntVar(&c.Batch, "batch", c.Batch, "documents stored per transaction")
	fs.IntVar(&c.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.Var(cmdutil.StringList{Values: &c.KBDirs}, "kb", "add or override knowledge base entries from the TSV files in `DIR` (repeatable)")
}

// Check returns a usage error (cmdutil.FlagError) for bad flag values.
func (c *Config) Check() error {
	if c.Batch < 1 {
		return cmdutil.FlagErrorf("--batch must be at least 1, not %d", c.Batch)
	}
	if c.DB == "" {
		return cmdutil.FlagErrorf("--db must name a database")
	}
	return nil
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

// Add adds the counts of o to s.
func (s *Summary) Add(o Summary) {
	s.Read += o.Read
	s.Stored += o.Stored
	s.Skipped += o.Skipped
	s.Failed += o.Failed
	s.Events += o.Events
	s.Batches += o.Batches
}

// Ingester reads, parses and codes articles and stores them with their
// events, a batch of documents per transaction, into one open store. It
// serves one Ingest call at a time.
type Ingester struct {
	cfg     *Config
	p       *pipeline.Pipeline
	st      store.Store
	chain   *extract.Chain
	coding  *coder.Batch
	pending []store.Document
	sum     Summary // of the current Ingest call
	total   Summary
	start   time.Time
	// meter carries every message: on a terminal it draws a status line
	// beneath them in place of the batch lines.
	meter *progress.Meter
}

// NewIngester loads the knowledge base, the event coder and the models of
// cfg and opens its store.
func NewIngester(ctx context.Context, cfg *Config) (*Ingester, error) {
	g := &Ingester{cfg: cfg, meter: progress.New(cfg.ErrOut, progress.IsTerminal(cfg.ErrOut))}
	load := cfg.LoadKB
	if load == nil {
		load = func() (*kb.KB, error) { return kb.LoadDirs(cfg.KBDirs...) }
	}
	var err error
	if g.chain, err = extract.LoadChain(load); err != nil {
		return nil, err
	}
	if g.p, err = cfg.Load(); err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	if g.st, err = cfg.Open(ctx, cfg.DB); err != nil {
		return nil, err
	}
	return g, nil
}

// Close closes the store.
func (g *Ingester) Close() error { return g.st.Close() }

// Total returns the counts of every Ingest call so far.
func (g *Ingester) Total() Summary { return g.total }

// Ingest reads the inputs with read, skips the documents already stored,
// parses and codes the others (responses linked to what earlier documents
// of the same call proposed, requested or demanded) and stores them, Batch
// documents per transaction, reporting each batch and each problem on
// ErrOut. Everything coded is stored before it returns, even when ctx is
// cancelled. It returns the counts of this call, and an error only when
// reading or the store fails as a whole (a bad document is counted in
// Failed).
func (g *Ingester) Ingest(ctx context.Context, inputs []string, read cmdutil.ReadFunc) (Summary, error) {
	g.sum = Summary{}
	g.start = time.Now()
	g.coding = g.chain.Coder.NewBatch()
	skipped := 0
	readNew := func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
		return read(ctx, paths, func(a doc.Article, err error) error {
			if err != nil {
				return fn(a, err)
			}
			// A stored document is skipped before it is parsed.
			has, err := g.st.HasDocument(ctx, store.Hash(&a))
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
	failed, err := parse.Articles(ctx, g.p, g.cfg.Workers, inputs, readNew, g.meter, g.add)
	g.sum.Failed += failed
	g.sum.Read += skipped
	g.sum.Skipped += skipped
	// What is coded is stored even when the run stops early (an
	// interrupt, a read error).
	if ferr := g.flush(context.WithoutCancel(ctx)); ferr != nil {
		err = errors.Join(err, ferr)
	}
	g.total.Add(g.sum)
	return g.sum, errors.Join(err, g.meter.Done())
}

// add codes the events of the parsed document d and adds it to the
// pending batch, storing the batch when it is full. Documents arrive in
// input order, so the links across documents are deterministic.
func (g *Ingester) add(d *doc.Doc) error {
	g.sum.Read++
	recs, err := g.code(d)
	if err == nil {
		// Tokens are not stored; let them go before the batch is.
		d.Tokens = nil
		sd := store.Document{Doc: d, Events: recs}
		if err = sd.Validate(); err == nil {
			g.pending = append(g.pending, sd)
		}
	}
	if err != nil {
		g.sum.Failed++
		fmt.Fprintf(g.meter, "sitrep: ingest %s: %v\n", name(d), err)
	}
	if len(g.pending) >= g.cfg.Batch {
		if err := g.flush(context.Background()); err != nil {
			return err
		}
	}
	g.showStatus()
	return nil
}

// showStatus sets the meter's status line to the counts so far.
func (g *Ingester) showStatus() {
	secs := time.Since(g.start).Seconds()
	g.meter.Status("ingest: %d documents read (%.1f/s), %d stored, %d events, %d failed, %d waiting; %.0f s",
		g.sum.Read, float64(g.sum.Read)/max(secs, 0.001), g.sum.Stored, g.sum.Events, g.sum.Failed,
		len(g.pending), secs)
}

// code runs the chain over d; a panic in it is a bug that must not stop
// the other documents, so it is reported as d's error.
func (g *Ingester) code(d *doc.Doc) (recs []event.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error while coding events: %v", p)
		}
	}()
	return g.chain.BatchEvents(g.coding, d), nil
}

// flush stores the pending documents in one transaction. When the batch
// fails, its documents are stored one by one so that one bad document
// does not keep the others out; when every one of several fails, the
// store is at fault and the ingest stops.
func (g *Ingester) flush(ctx context.Context) error {
	if len(g.pending) == 0 {
		return nil
	}
	batch := g.pending
	g.pending = nil
	now := g.cfg.Now()
	for i := range batch {
		batch[i].Ingested = now
	}
	res, err := g.st.Put(ctx, batch)
	if err != nil && len(batch) == 1 && ctx.Err() == nil {
		g.sum.Failed++
		fmt.Fprintf(g.meter, "sitrep: ingest %s: %v\n", name(batch[0].Doc), err)
		return nil
	}
	if err != nil && ctx.Err() == nil {
		var errs []error
		res = store.PutResult{}
		for i := range batch {
			one, perr := g.st.Put(ctx, batch[i:i+1])
			if perr != nil {
				errs = append(errs, perr)
				g.sum.Failed++
				fmt.Fprintf(g.meter, "sitrep: ingest %s: %v\n", name(batch[i].Doc), perr)
				continue
			}
			res.Stored += one.Stored
			res.Skipped += one.Skipped
			res.Events += one.Events
			g.sum.Batches++
		}
		if len(errs) < len(batch) {
			err = nil
		}
	} else if err == nil {
		g.sum.Batches++
	}
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", g.cfg.DB, err)
	}
	g.sum.Stored += res.Stored
	g.sum.Skipped += res.Skipped
	g.sum.Events += res.Events
	if g.meter.Live() {
		g.showStatus()
		return nil
	}
	fmt.Fprintf(g.meter, "ingest: batch of %d documents: %d stored, %d already stored, %d events; total %d documents, %d events, %.1f s\n",
		len(batch), res.Stored, res.Skipped, res.Events, g.sum.Stored, g.sum.Events, time.Since(g.start).Seconds())
	return nil
}

// name names d in messages: its id, and where it was read from.
func name(d *doc.Doc) string {
	if d.Source != "" && d.Source != d.ID {
		return fmt.Sprintf("document %s (%s)", d.ID, d.Source)
	}
	return "document " + d.ID
}
