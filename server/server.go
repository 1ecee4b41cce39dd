// Package server serves the event store over HTTP: a read-only JSON API
// under /api/v1/ (events, search, documents, actors, aggregates, network,
// places, situation reports, a server-sent event stream of ingests, and
// the OpenAPI document that describes them), an ingest endpoint that only
// a configured bearer token opens, and the pages and assets of the web UI.
//
// Every response carries a strict Content-Security-Policy (scripts, styles
// and connections from the server itself only: no inline script or style,
// no eval), nosniff and a same-origin referrer policy. Request bodies are
// size-limited and each client address is rate-limited by a token bucket.
// Errors are JSON: {"error": "message"}.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// Store is what the server reads from the event store; *store.DB has it.
type Store interface {
	// Scan calls fn with each event the filter selects (store.DB.Scan).
	Scan(ctx context.Context, f store.Filter, fn func(*store.Row) error) error
	// Aggregate sums events per day or week (store.DB.Aggregate).
	Aggregate(ctx context.Context, q store.AggregateQuery) ([]store.Bucket, error)
	// Counts returns the number of stored rows of each kind.
	Counts(ctx context.Context) (store.Counts, error)
	// Events returns the event records of the document with content hash h.
	Events(ctx context.Context, h string) ([]event.Record, error)
	// Documents lists the stored documents, latest first.
	Documents(ctx context.Context, limit, offset int) ([]store.DocumentSummary, error)
	// Document returns a document with its text, or store.ErrNotFound.
	Document(ctx context.Context, h string) (store.DocumentText, error)
	// Actors, Edges and Places sum the actors, actor-to-actor edges and
	// places of the events the filter selects.
	Actors(ctx context.Context, f store.Filter) ([]store.ActorCount, error)
	Edges(ctx context.Context, f store.Filter) ([]store.Edge, error)
	Places(ctx context.Context, f store.Filter) ([]store.PlaceCount, error)
	// Generation returns a number that grows whenever documents are
	// stored (store.DB.Generation).
	Generation(ctx context.Context) (int64, error)
}

var _ Store = (*store.DB)(nil)

// IngestResult says what an ingest stored.
type IngestResult struct {
	// Stored is the number of documents stored, Skipped the number that
	// were stored already, and Events the number of event records stored.
	Stored  int `json:"stored"`
	Skipped int `json:"skipped"`
	Events  int `json:"events"`
	// Errors lists the documents of the body that could not be read or
	// coded; the others are stored all the same.
	Errors []string `json:"errors,omitempty"`
}

// IngestFunc codes and stores the articles of body (plain text, HTML or
// JSON Lines; contentType is the request's Content-Type) and says what it
// stored.
type IngestFunc func(ctx context.Context, body io.Reader, contentType string) (IngestResult, error)

// ReportFunc writes the situation report of the events f selects in
// format ("html", "markdown" or "json") and returns its content type.
type ReportFunc func(ctx context.Context, f store.Filter, format string, w io.Writer) (contentType string, err error)

// Config configures a Server. Only Store is required.
type Config struct {
	// Store is the event store read.
	Store Store
	// IngestToken, when set, opens POST /api/v1/ingest to requests that
	// carry it as a bearer token; the server is read-only without it.
	IngestToken string
	// Ingest stores the articles POSTed to /api/v1/ingest.
	Ingest IngestFunc
	// Report, when set, serves /api/v1/report; without it the endpoint
	// answers 501.
	Report ReportFunc
	// Rate is the sustained number of requests per second allowed to each
	// client address, and Burst the number it may make at once; a Rate of
	// zero or less turns the limit off. Burst defaults to twice Rate.
	Rate  float64
	Burst int
	// MaxBody bounds a request body in bytes; DefaultMaxBody when 0.
	MaxBody int64
	// Poll is how often the event stream polls the store's counts to see
	// what other processes stored; DefaultPoll when 0.
	Poll time.Duration
	// Web holds the UI: HTML pages under "pages/" and assets under
	// "static/"; nil serves the API only.
	Web fs.FS
	// Logf logs server-side errors; log.Printf when nil.
	Logf func(format string, args ...any)
	// Now returns the time, for the rate limiter; time.Now when nil.
	Now func() time.Time
	// NoCache turns the response cache off: every read is answered from
	// the store (see cache.go).
	NoCache bool
}

// Defaults of Config.
const (
	// DefaultMaxBody is the default bound of a request body: 8 MiB.
	DefaultMaxBody = 8 << 20
	// DefaultPoll is the default interval of the store count polls.
	DefaultPoll = 3 * time.Second
)

// Server is the HTTP server of the event store. Its Handler is safe for
// concurrent use.
type Server struct {
	cfg     Config
	hub     *hub
	limiter *limiter
	cache   *responseCache // nil when off
	handler http.Handler
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.IngestToken != "" && cfg.Ingest == nil {
		return nil, errors.New("server: an ingest token without an ingest function")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Poll <= 0 {
		cfg.Poll = DefaultPoll
	}
	if cfg.Logf == nil {
		cfg.Logf = log.Printf
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, hub: newHub(cfg.Store, cfg.Poll, cfg.Logf)}
	if !cfg.NoCache {
		s.cache = newResponseCache(cfg.Store.Generation, cfg.Now)
	}
	if cfg.Rate > 0 {
		burst := cfg.Burst
		if burst <= 0 {
			burst = max(1, int(2*cfg.Rate))
		}
		s.limiter = newLimiter(cfg.Rate, burst, cfg.Now)
	}
	mux := http.NewServeMux()
	s.routes(mux)
	s.handler = s.secure(mux)
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// ServeHTTP serves r.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// routes registers the API and the UI on mux. Each route names its
// method; another method gets a JSON 405.
func (s *Server) routes(mux *http.ServeMux) {
	get := func(path string, h http.HandlerFunc) { mux.Handle(path, only(http.MethodGet, h)) }
	// read serves an answer that depends on the stored events only, kept
	// in the response cache.
	read := func(path string, h http.HandlerFunc) {
		if s.cache == nil {
			get(path, h)
			return
		}
		mux.Handle(path, only(http.MethodGet, s.cache.cached(h)))
	}
	read("/api/v1/events", s.events)
	read("/api/v1/search", s.search)
	read("/api/v1/documents", s.documents)
	read("/api/v1/documents/{hash}", s.document)
	read("/api/v1/actors", s.actors)
	read("/api/v1/aggregates", s.aggregates)
	read("/api/v1/network", s.network)
	read("/api/v1/places", s.places)
	read("/api/v1/report", s.report)
	get("/api/v1/stream", s.stream)
	get("/api/v1/openapi.json", s.openapi)
	mux.Handle("/api/v1/ingest", only(http.MethodPost, http.HandlerFunc(s.ingest)))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no API endpoint %s", r.URL.Path))
	})
	if s.cfg.Web != nil {
		s.webRoutes(mux, get)
	}
}

// only serves h for method (and HEAD, for GET) and answers other methods
// with a JSON 405.
func only(method string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: method not allowed (use %s)", r.Method, r.URL.Path, method))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// writeJSON writes v as JSON with status. HTML-significant characters in
// strings are escaped (\u003c), so a document's text is never markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	// The status line is sent: an error now is the client's going away.
	_ = enc.Encode(v)
}

// errorBody is the JSON of an error response.
type errorBody struct {
	Error string `json:"error"`
}

// writeError writes {"error": msg} with status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// fail answers a request whose store call failed: the error is logged
// with what was asked, and the client told which endpoint failed.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	s.cfg.Logf("server: %s %s: %v", r.Method, r.URL.RequestURI(), err)
	writeError(w, http.StatusInternalServerError, fmt.Sprintf("%s: the store failed to answer", r.URL.Path))
}
