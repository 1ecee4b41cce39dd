// Package watch polls RSS and Atom feeds and hands the articles of their
// new items to a handler: each feed on its own interval, with conditional
// GETs (ETag and Last-Modified; 304 Not Modified means nothing new), a
// polite User-Agent, a timeout and a size limit on every request, and an
// exponential backoff, with a cap, for a feed that fails (honouring
// Retry-After on 429 and 503). The page of each new item is fetched and its
// text extracted (package input); when it cannot be, the item's own content
// or description stands in. A failing feed or item is reported and nothing
// else stops: only the context ends Run.
package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
)

// Defaults of Options, and limits.
const (
	// DefaultEvery is the interval between two polls of a feed.
	DefaultEvery = 10 * time.Minute
	// DefaultMaxBackoff caps the wait after failures.
	DefaultMaxBackoff = 6 * time.Hour
	// DefaultTimeout bounds each request.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxFeedBytes limits the body of a feed.
	DefaultMaxFeedBytes = 8 << 20
	// DefaultPageGap is the pause between two page requests of a poll.
	DefaultPageGap = time.Second
	// MinEvery is the shortest interval a feed may be polled at.
	MinEvery = time.Minute
	// MaxRetryAfter caps the wait a server may ask for with Retry-After.
	MaxRetryAfter = 24 * time.Hour
)

// Feed is a feed to watch.
type Feed struct {
	// URL is the feed's http(s) URL.
	URL string
	// Every is the interval between polls; Options.Every when zero.
	Every time.Duration
}

// ParseFeed parses a feed argument: a URL, or URL=INTERVAL ("…/rss=15m")
// to poll that feed at its own interval rather than every.
func ParseFeed(arg string, every time.Duration) (Feed, error) {
	f := Feed{URL: arg, Every: every}
	if i := strings.LastIndexByte(arg, '='); i > 0 {
		if d, err := time.ParseDuration(arg[i+1:]); err == nil {
			f.URL, f.Every = arg[:i], d
		}
	}
	if err := f.check(); err != nil {
		return Feed{}, fmt.Errorf("feed %q: %w", arg, err)
	}
	return f, nil
}

// check tells whether f can be watched.
func (f Feed) check() error {
	u, err := url.Parse(f.URL)
	if err != nil {
		return fmt.Errorf("bad URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("not an http(s) URL")
	}
	if f.Every != 0 && f.Every < MinEvery {
		return fmt.Errorf("interval %v is shorter than %v", f.Every, MinEvery)
	}
	return nil
}

// Handler receives the articles of the new items of one poll of feed, in
// feed order. When it fails, the items are offered again at the next poll.
type Handler func(ctx context.Context, feed string, articles []doc.Article) error

// Options configure a Watcher. Zero values mean the defaults.
type Options struct {
	// Client makes the requests; a client with no timeout of its own
	// when nil (Timeout bounds each request).
	Client *http.Client
	// UserAgent is sent with every request; input.UserAgent when "".
	UserAgent string
	// From, when set, is sent as the From header: an e-mail address
	// where the operator can be reached.
	From string
	// Timeout bounds each request, its body included.
	Timeout time.Duration
	// MaxFeedBytes and MaxPageBytes limit the body of a feed and of a
	// page (DefaultMaxFeedBytes, input.DefaultMaxBytes).
	MaxFeedBytes int64
	MaxPageBytes int64
	// Every is the interval of the feeds that have none of their own.
	Every time.Duration
	// MaxBackoff caps the wait after consecutive failures (at least the
	// feed's interval).
	MaxBackoff time.Duration
	// MaxItems limits the new items taken from a feed at one poll; the
	// rest come at the next polls. 0 means no limit.
	MaxItems int
	// PageGap is the pause between two page requests of a poll;
	// DefaultPageGap when 0, none when negative.
	PageGap time.Duration
	// Now and Sleep are the clock (time.Now and a timer by default).
	// Sleep returns ctx's error when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Report, when set, is called after each poll of a feed.
	Report func(Result)
}

// Result says what one poll of a feed did.
type Result struct {
	// Feed is the feed's URL.
	Feed string
	// Status is the HTTP status ("200 OK"), "" when there was no response.
	Status string
	// Items is the number of items in the feed; New of them were new and
	// taken at this poll, giving Articles articles to the handler.
	Items, New, Articles int
	// Problems are the new items whose page could not be read (*Error),
	// whether or not their own text stood in.
	Problems []error
	// Err is why the poll failed (an *Error), nil on success.
	Err error
	// Failures is the number of consecutive failed polls, after this one.
	Failures int
	// Wait is the time until the feed's next poll.
	Wait time.Duration
}

// Error is a problem with a feed or one of its items.
type Error struct {
	// Feed is the feed's URL.
	Feed string
	// Item is the item's id, "" for the feed itself.
	Item string
	// Err is the problem.
	Err error
}

// Error formats the problem as "feed: item "id": problem".
func (e *Error) Error() string {
	if e.Item != "" {
		return fmt.Sprintf("%s: item %q: %v", e.Feed, e.Item, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Feed, e.Err)
}

// Unwrap returns the problem.
func (e *Error) Unwrap() error { return e.Err }

// Watcher polls a set of feeds. It is not safe for concurrent use.
type Watcher struct {
	opts  Options
	feeds []*feedState
}

// feedState is what the watcher knows of one feed.
type feedState struct {
	Feed
	// etag and modified are the validators of the last response whose
	// items were all handled.
	etag, modified string
	// seen holds the ids of the items of the last feed read that were
	// handled; ids that leave the feed are forgotten.
	seen     map[string]bool
	due      time.Time
	failures int
}

// New returns a watcher of feeds; each is due at once.
func New(feeds []Feed, opts Options) (*Watcher, error) {
	if len(feeds) == 0 {
		return nil, errors.New("no feeds to watch")
	}
	setDefaults(&opts)
	if err := (Feed{URL: "http://x", Every: opts.Every}).check(); err != nil {
		return nil, err
	}
	w := &Watcher{opts: opts}
	known := map[string]bool{}
	for _, f := range feeds {
		if f.Every == 0 {
			f.Every = opts.Every
		}
		if err := f.check(); err != nil {
			return nil, fmt.Errorf("feed %s: %w", f.URL, err)
		}
		if known[f.URL] {
			return nil, fmt.Errorf("feed %s given twice", f.URL)
		}
		known[f.URL] = true
		w.feeds = append(w.feeds, &feedState{Feed: f, seen: map[string]bool{}})
	}
	return w, nil
}

func setDefaults(o *Options) {
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	if o.UserAgent == "" {
		o.UserAgent = input.UserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxFeedBytes <= 0 {
		o.MaxFeedBytes = DefaultMaxFeedBytes
	}
	if o.MaxPageBytes <= 0 {
		o.MaxPageBytes = input.DefaultMaxBytes
	}
	if o.Every == 0 {
		o.Every = DefaultEvery
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.PageGap == 0 {
		o.PageGap = DefaultPageGap
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
}

// sleep waits d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Run polls each feed when it is due and sleeps in between, until ctx
// ends; it then returns ctx's error.
func (w *Watcher) Run(ctx context.Context, h Handler) error {
	for {
		w.PollDue(ctx, h)
		if err := ctx.Err(); err != nil {
			return err
		}
		if wait := w.Next().Sub(w.opts.Now()); wait > 0 {
			if err := w.opts.Sleep(ctx, wait); err != nil {
				return err
			}
		}
	}
}

// Next returns when the next feed is due.
func (w *Watcher) Next() time.Time {
	next := w.feeds[0].due
	for _, f := range w.feeds[1:] {
		if f.due.Before(next) {
			next = f.due
		}
	}
	return next
}

// PollDue polls, one after another, the feeds that are due, and returns
// their results.
func (w *Watcher) PollDue(ctx context.Context, h Handler) []Result {
	return w.poll(ctx, h, false)
}

// PollAll polls every feed once, due or not, and returns the results.
func (w *Watcher) PollAll(ctx context.Context, h Handler) []Result {
	return w.poll(ctx, h, true)
}

func (w *Watcher) poll(ctx context.Context, h Handler, all bool) []Result {
	var res []Result
	for _, f := range w.feeds {
		if ctx.Err() != nil {
			break
		}
		if !all && w.opts.Now().Before(f.due) {
			continue
		}
		r, ok := w.pollFeed(ctx, f, h)
		if !ok { // cancelled: neither a failure nor a result
			break
		}
		res = append(res, r)
		if w.opts.Report != nil {
			w.opts.Report(r)
		}
	}
	return res
}
