// Package watch implements "sitrep watch": it polls RSS and Atom feeds
// (package watch), fetches the pages of their new items and stores them
// with their events in the event store as "sitrep ingest" does, until it
// is interrupted, or once with --once.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	feedwatch "github.com/sitrep/sitrep/watch"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// In and Out are standard input and output; reports go to ErrOut.
	In  io.Reader
	Out io.Writer
	// Config holds standard error, the loaders, the store and the flags
	// of the coding and storing (as for "sitrep ingest").
	ingest.Config
	// Client makes the HTTP requests (a default client when nil).
	Client *http.Client
	// Sleep waits between polls (a timer when nil); Config.Now is the
	// watcher's clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// PageGap is the pause between two page requests of a poll
	// (feedwatch.Options.PageGap).
	PageGap time.Duration

	// Feeds are the feeds to watch, from the arguments.
	Feeds []feedwatch.Feed
	// Every is the interval of the feeds given without one.
	Every time.Duration
	// Once polls each feed once and returns.
	Once bool
	// MaxItems limits the new items taken from a feed per poll (0: all).
	MaxItems int
	// From is sent as the From header when set.
	From string
	// Timeout bounds each HTTP request.
	Timeout time.Duration
}

// NewCmd returns the watch command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{In: f.In, Out: f.Out, Config: ingest.NewConfig(f)}
	fs := cmdutil.NewFlagSet("watch")
	opts.AddFlags(fs)
	fs.DurationVar(&opts.Every, "every", feedwatch.DefaultEvery, "poll each feed every `interval` unless it has its own (URL=INTERVAL)")
	fs.BoolVar(&opts.Once, "once", false, "poll each feed once, store what is new and exit")
	fs.IntVar(&opts.MaxItems, "max-items", 0, "take at most `N` new items from a feed per poll, the rest at the next polls (0: all)")
	fs.StringVar(&opts.From, "from", "", "an e-mail `address` sent in the From header, where feed operators can reach you")
	fs.DurationVar(&opts.Timeout, "timeout", feedwatch.DefaultTimeout, "time limit of each HTTP request, its body included")
	return &cmdutil.Command{
		Name:  "watch",
		Short: "Poll RSS/Atom feeds and store the events of their new articles",
		Usage: "sitrep watch [--db FILE|URL] [--every 10m] [--once] [--max-items N] [--kb DIR] URL[=INTERVAL]...",
		Long: `Poll RSS and Atom feeds, fetch the page of each new item, extract its text,
code its events and store them in the event store as "sitrep ingest" does
(--db, --batch, --kb and --workers as there). Each feed is polled every
--every, or at its own interval when given as URL=INTERVAL
(https://example.org/rss=15m); intervals are at least 1m.

Requests are polite: a sitrep User-Agent (and --from as From), conditional
GETs with the feed's ETag and Last-Modified (a 304 means nothing new), a
--timeout and a size limit per request, a pause between page requests. An
item whose page cannot be read is stored with its own content or
description, if it has text, and reported. A feed that fails (a timeout, an
HTTP error, malformed XML, a body over the limit) is reported and polled
again later, the wait doubling with each failure in a row up to 6 hours, and
lasting at least what a 429 or 503 response's Retry-After asks; the other
feeds go on. Items already taken are remembered while the command runs;
across runs, documents already stored are skipped.

A line on standard error reports each poll: the feed, the HTTP status, the
items in the feed and the new ones, what was stored, and when the next poll
is. The command runs until interrupted; with --once it polls each feed once,
and exits with status 1 when a feed, an item or a document failed.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if err := opts.Check(); err != nil {
				return err
			}
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no feed URLs")
			}
			if opts.Every < feedwatch.MinEvery {
				return cmdutil.FlagErrorf("--every must be at least %v, not %v", feedwatch.MinEvery, opts.Every)
			}
			if opts.MaxItems < 0 || opts.Timeout <= 0 {
				return cmdutil.FlagErrorf("--max-items must not be negative and --timeout must be positive")
			}
			opts.Feeds = nil
			for _, a := range args {
				fd, err := feedwatch.ParseFeed(a, opts.Every)
				if err != nil {
					return &cmdutil.FlagError{Err: err}
				}
				opts.Feeds = append(opts.Feeds, fd)
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
	g, err := ingest.NewIngester(ctx, &opts.Config)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	var (
		last          ingest.Summary // of the poll being reported
		polls, failed int            // polls, failed polls
		taken, lost   int            // articles taken; items and documents lost
		reported      int            // problems reported
	)
	handle := func(ctx context.Context, feed string, arts []doc.Article) error {
		sum, err := g.Ingest(ctx, []string{feed}, articles(arts))
		last = sum
		return err
	}
	report := func(r feedwatch.Result) {
		polls++
		reported += len(r.Problems) + last.Failed
		for _, p := range r.Problems {
			fmt.Fprintf(opts.ErrOut, "sitrep: watch %v\n", p)
		}
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(opts.ErrOut, "sitrep: watch %v; failed polls in a row: %d, next poll in %v\n", r.Err, r.Failures, r.Wait)
		case r.New == 0:
			fmt.Fprintf(opts.ErrOut, "watch: %s: %s, %d items, nothing new; next poll in %v\n", r.Feed, r.Status, r.Items, r.Wait)
		default:
			taken += r.Articles
			lost += r.New - r.Articles + last.Failed
			fmt.Fprintf(opts.ErrOut, "watch: %s: %s, %d items, %d new: %d stored, %d already stored, %d failed, %d events; next poll in %v\n",
				r.Feed, r.Status, r.Items, r.New, last.Stored, last.Skipped, r.New-r.Articles+last.Failed, last.Events, r.Wait)
		}
		last = ingest.Summary{}
	}
	w, err := feedwatch.New(opts.Feeds, feedwatch.Options{Client: opts.Client, From: opts.From, Timeout: opts.Timeout,
		Every: opts.Every, MaxItems: opts.MaxItems, PageGap: opts.PageGap, Now: opts.Now, Sleep: opts.Sleep, Report: report})
	if err != nil {
		return err
	}
	if opts.Once {
		w.PollAll(ctx, handle)
	} else if err = w.Run(ctx, handle); errors.Is(err, context.Canceled) {
		err = nil // interrupted: the normal end
	}
	t := g.Total()
	fmt.Fprintf(opts.ErrOut, "watch: %d polls, %d failed; %d articles: %d stored, %d already stored; %d items or documents failed; %d events stored; %s\n",
		polls, failed, taken, t.Stored, t.Skipped, lost, t.Events, opts.DB)
	if err != nil {
		return err
	}
	if opts.Once && (failed > 0 || reported > 0) {
		return cmdutil.ErrSilent
	}
	return nil
}

// articles returns a reader that yields arts, whatever the paths.
func articles(arts []doc.Article) cmdutil.ReadFunc {
	return func(ctx context.Context, _ []string, fn func(doc.Article, error) error) error {
		for _, a := range arts {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(a, nil); err != nil {
				return err
			}
		}
		return nil
	}
}
