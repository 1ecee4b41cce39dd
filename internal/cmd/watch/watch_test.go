package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/store"
	feedwatch "github.com/sitrep/sitrep/watch"
)

// The models are loaded once for all tests of the package.
var loadModels = sync.OnceValues(models.Load)

// server serves a feed of two items of our own: the page of the first,
// and a 404 for the second, whose description stands in; and a feed that
// fails with 500.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><guid>tw-1</guid><link>%[1]s/news/1</link><title>Talks</title><pubDate>Mon, 09 Mar 2026 10:00:00 GMT</pubDate></item>
<item><guid>tw-2</guid><link>%[1]s/news/2</link><title>Reply</title><pubDate>Mon, 09 Mar 2026 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Israel rejected the offer on Monday.&lt;/p&gt;</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Talks</title></head><body><nav>Home | World</nav>
<article><p>Iran proposed talks with Israel on Sunday.</p></article><footer>Test Wire</footer></body></html>`)
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// watch runs the command with args and returns its error and standard
// error; sleep, when set, replaces the wait between polls.
func watch(t *testing.T, sleep func(context.Context, time.Duration) error, args ...string) (string, error) {
	t.Helper()
	p, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	f, _, errOut := cmdtest.Factory(p, cmdtest.Reader(nil, nil))
	now := func() time.Time { return time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC) }
	cmd := NewCmd(f, func(ctx context.Context, o *Options) error {
		o.Now, o.Sleep, o.PageGap = now, sleep, -1
		return Run(ctx, o)
	})
	err = cmd.Execute(context.Background(), args, f.Out)
	return errOut.String(), err
}

// TestOnce polls a good and a failing feed once into a new SQLite store,
// then again: the second run stores nothing new.
func TestOnce(t *testing.T) {
	srv := server(t)
	db := filepath.Join(t.TempDir(), "w.db")
	rss, down := srv.URL+"/rss", srv.URL+"/down"
	errOut, err := watch(t, nil, "--once", "--db", db, rss, down+"=15m")
	if !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("err = %v, want a failure\n%s", err, errOut)
	}
	for _, want := range []string{
		"sitrep: watch " + rss + `: item "tw-2": page ` + srv.URL + "/news/2: HTTP status 404 Not Found; the item's own text stands in",
		"watch: " + rss + ": 200 OK, 2 items, 2 new: 2 stored, 0 already stored, 0 failed, ",
		"; next poll in 10m0s",
		"sitrep: watch " + down + ": HTTP status 500 Internal Server Error; failed polls in a row: 1, next poll in 15m0s",
		"watch: 2 polls, 1 failed; 2 articles: 2 stored, 0 already stored; 0 items or documents failed; ",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Counts(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The rejection (from the item's description) answers the proposal
	// (from the page): both were coded in one batch, in feed order.
	if c.Documents != 2 || c.Events != 2 || c.Links != 1 {
		t.Errorf("counts %+v, want 2 documents, 2 events, 1 link", c)
	}

	// Without --once the loop runs until interrupted; here, after the
	// first wait. Everything is already stored.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sleep := func(context.Context, time.Duration) error { cancel(); return ctx.Err() }
	errOut, err = watch(t, sleep, "--db", db, rss)
	if err != nil {
		t.Fatalf("err = %v\n%s", err, errOut)
	}
	if want := "2 new: 0 stored, 2 already stored"; !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	s, err = store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c2, err := s.Counts(context.Background()); err != nil || c2 != c {
		t.Errorf("counts after the second run %+v, want %+v (%v)", c2, c, err)
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		feeds   []feedwatch.Feed
		once    bool
		flagErr string
	}{
		{[]string{"http://a.example/rss"}, []feedwatch.Feed{{URL: "http://a.example/rss", Every: 10 * time.Minute}}, false, ""},
		{[]string{"--every", "1h", "--once", "http://a.example/rss", "https://b.example/atom=2m"},
			[]feedwatch.Feed{{URL: "http://a.example/rss", Every: time.Hour}, {URL: "https://b.example/atom", Every: 2 * time.Minute}}, true, ""},
		{nil, nil, false, "no feed URLs"},
		{[]string{"--every", "5s", "http://a.example/rss"}, nil, false, "--every must be at least"},
		{[]string{"http://a.example/rss=1s"}, nil, false, "shorter than"},
		{[]string{"a.example/rss"}, nil, false, "not an http(s) URL"},
		{[]string{"--max-items", "-1", "http://a.example/rss"}, nil, false, "--max-items"},
		{[]string{"--batch", "0", "http://a.example/rss"}, nil, false, "--batch"},
	}
	for _, tt := range tests {
		f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
		var got *Options
		err := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil }).
			Execute(context.Background(), tt.args, f.Out)
		if tt.flagErr != "" {
			var fe *cmdutil.FlagError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.flagErr) {
				t.Errorf("%v: err = %v, want a flag error %q", tt.args, err, tt.flagErr)
			}
			continue
		}
		if err != nil || got.Once != tt.once || fmt.Sprint(got.Feeds) != fmt.Sprint(tt.feeds) || got.DB != "sitrep.db" {
			t.Errorf("%v: %+v, err %v", tt.args, got, err)
		}
	}
}
