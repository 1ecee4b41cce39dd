// Package serve implements "sitrep serve": it serves the event store over
// HTTP (package server): the JSON API under /api/v1/, its OpenAPI
// document, the server-sent event stream of ingests and the embedded web
// UI (package web). It is read-only unless given an ingest token, and
// binds to a loopback address unless told --public.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/web"
)

// DefaultAddr is the address served without --addr.
const DefaultAddr = "127.0.0.1:8080"

// Options holds the command's IO, dependencies and flags.
type Options struct {
	// ErrOut receives the address served and the server's errors.
	ErrOut io.Writer
	// Open opens the store named by --db (store.Open by default).
	Open func(ctx context.Context, dsn string) (store.Store, error)
	// Load returns the pipeline, for ingesting over HTTP.
	Load func() (*pipeline.Pipeline, error)
	// Listen opens the listener (net.Listen by default).
	Listen func(network, addr string) (net.Listener, error)
	// Ready, when set, is called with the address served once listening.
	Ready func(addr string)

	// DB names the store: a SQLite file path or a PostgreSQL URL.
	DB string
	// Addr is the host:port to listen on.
	Addr string
	// Public allows an address that is not a loopback one.
	Public bool
	// TokenFile names the file holding the ingest token; "" keeps the
	// server read-only.
	TokenFile string
	// Rate is the requests per second allowed to each client (0: no
	// limit); Burst how many at once (0: twice Rate).
	Rate  float64
	Burst int
	// MaxBody bounds a request body in bytes.
	MaxBody int64
	// KBDirs are user knowledge base directories (--kb) for ingesting.
	KBDirs []string
}

// NewCmd returns the serve command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{ErrOut: f.ErrOut, Open: store.Open, Load: f.Load, Listen: net.Listen}
	fs := cmdutil.NewFlagSet("serve")
	fs.StringVar(&opts.DB, "db", ingest.DefaultDB, "the event store: a SQLite `file` or a postgres:// URL")
	fs.StringVar(&opts.Addr, "addr", DefaultAddr, "`host:port` to listen on")
	fs.BoolVar(&opts.Public, "public", false, "allow listening on an address other than a loopback one")
	fs.StringVar(&opts.TokenFile, "ingest-token-file", "", "open POST /api/v1/ingest to requests bearing the token in this `file`")
	fs.Float64Var(&opts.Rate, "rate", 30, "requests per second allowed to each client address (0: no limit)")
	fs.IntVar(&opts.Burst, "burst", 0, "requests a client may make at once (0: twice --rate)")
	fs.Int64Var(&opts.MaxBody, "max-body", server.DefaultMaxBody, "largest request body in `bytes`")
	fs.Var(cmdutil.StringList{Values: &opts.KBDirs}, "kb", "add or override knowledge base entries from `DIR` (repeatable), for reports and ingests")
	return &cmdutil.Command{
		Name:  "serve",
		Short: "Serve the event store: JSON API, live updates and web UI",
		Usage: "sitrep serve [--db FILE|URL] [--addr 127.0.0.1:8080] [--public] [--ingest-token-file F] [--rate N]",
		Long: `Serve the event store over HTTP: a JSON API under /api/v1/ (events, search,
documents, actors, aggregates, network, places, report; described by
/api/v1/openapi.json), server-sent events at /api/v1/stream whenever documents
are stored (by this server or another process, such as sitrep watch), and the
web UI: situation report (/), timeline, actor network, map, event table and
article view, embedded in the binary.

The server is read-only unless --ingest-token-file names a file holding a
token: POST /api/v1/ingest then codes and stores the article of its body
(plain text, HTML or JSON Lines) for requests bearing
"Authorization: Bearer TOKEN". It listens on a loopback address unless
--public is given; each client address may make --rate requests a second.
Every page is served with a strict Content-Security-Policy.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("serve takes no arguments, got %q", args)
			}
			if err := checkAddr(opts.Addr, opts.Public); err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			if opts.Rate < 0 || opts.Burst < 0 || opts.MaxBody < 1 {
				return cmdutil.FlagErrorf("--rate and --burst must not be negative, --max-body must be positive")
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// checkAddr refuses an address that is not a loopback one unless public.
func checkAddr(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if public {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr %q is not a loopback address: give --public to serve other machines", addr)
}

// readToken reads the ingest token of path: its content without
// surrounding space, which must not be empty.
func readToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read ingest token: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return "", fmt.Errorf("ingest token file %s is empty", path)
	}
	if len(tok) < 16 {
		return "", fmt.Errorf("ingest token in %s is %d characters: use 16 or more", path, len(tok))
	}
	return tok, nil
}

// Run runs the command: it serves until ctx is cancelled, then shuts down
// gracefully.
func Run(ctx context.Context, opts *Options) (err error) {
	cfg := server.Config{Rate: opts.Rate, Burst: opts.Burst, MaxBody: opts.MaxBody, Web: web.FS(),
		Logf: func(format string, args ...any) { fmt.Fprintf(opts.ErrOut, format+"\n", args...) }}
	if opts.TokenFile != "" {
		if cfg.IngestToken, err = readToken(opts.TokenFile); err != nil {
			return err
		}
	}
	if cfg.IngestToken == "" && !strings.Contains(opts.DB, "://") {
		// A read-only server of a missing file would serve an empty store.
		if _, err := os.Stat(strings.TrimPrefix(opts.DB, "file:")); errors.Is(err, iofs.ErrNotExist) {
			return fmt.Errorf("serve %s: no such store (sitrep ingest creates it)", opts.DB)
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
	var ok bool
	if cfg.Store, ok = st.(server.Store); !ok {
		return fmt.Errorf("serve %s: the store cannot be browsed", opts.DB)
	}
	loadKB := sync.OnceValues(func() (*kb.KB, error) { return kb.LoadDirs(opts.KBDirs...) })
	cfg.Report = reportFunc(st, opts.DB, loadKB)
	if cfg.IngestToken != "" {
		cfg.Ingest = newIngester(st, opts.DB, opts.Load, loadKB).ingest
	}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	ln, err := opts.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	// Requests run under base, cancelled when shutting down, so that the
	// event streams (which never end by themselves) end then too.
	base, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		BaseContext: func(net.Listener) context.Context { return base }}
	hs.RegisterOnShutdown(cancelBase)
	mode := "read-only"
	if cfg.IngestToken != "" {
		mode = "ingest open to the token"
	}
	fmt.Fprintf(opts.ErrOut, "serve: %s on http://%s/ (%s)\n", opts.DB, ln.Addr(), mode)
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	return hs.Close()
}
