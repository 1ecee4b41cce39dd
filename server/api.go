package server

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// The default and greatest list lengths of the endpoints.
const (
	defEvents, maxEvents       = 100, 1000
	defDocuments, maxDocuments = 50, 1000
	defActors, maxActors       = 100, 1000
	defEdges, maxEdges         = 200, 2000
	defPlaces, maxPlaces       = 500, 5000
	defReport, maxReport       = 2000, 20000
)

// reportPolicy is the Content-Security-Policy of an HTML report: a page
// of its own with inline CSS and nothing else, no script at all.
const reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// eventList is the body of /events and /search.
type eventList struct {
	Events []rowJSON `json:"events"`
	Limit  int       `json:"limit"`
	Offset int       `json:"offset"`
}

// events serves GET /api/v1/events: the events the filter selects, the
// latest day first unless order says otherwise.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query(), limits{defEvents, maxEvents})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.writeEvents(w, r, f)
}

// search serves GET /api/v1/search?q=TEXT: the events whose sentence
// contains TEXT, with the other filters.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q, limits{defEvents, maxEvents}, "q")
	switch {
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	case q.Get("q") == "":
		writeError(w, http.StatusBadRequest, "q: the text to search for is required")
		return
	case f.Text != "":
		writeError(w, http.StatusBadRequest, "text and q: give one of them")
		return
	}
	f.Text = q.Get("q")
	s.writeEvents(w, r, f)
}

// writeEvents answers with the rows f selects.
func (s *Server) writeEvents(w http.ResponseWriter, r *http.Request, f store.Filter) {
	if f.Order == "" {
		f.Order = store.ByDayDesc // the latest first, read from the day index
	}
	out := eventList{Events: []rowJSON{}, Limit: f.Limit, Offset: f.Offset}
	err := s.cfg.Store.Scan(r.Context(), f, func(row *store.Row) error {
		out.Events = append(out.Events, rowOf(row))
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// documents serves GET /api/v1/documents: the stored documents, latest
// stored first.
func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if k != "limit" && k != "offset" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("parameter %q: documents take limit and offset only", k))
			return
		}
	}
	f, err := parseFilter(q, limits{defDocuments, maxDocuments})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	docs, err := s.cfg.Store.Documents(r.Context(), f.Limit, f.Offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]docSummaryJSON, len(docs))
	for i := range docs {
		out[i] = docSummaryJSON{docJSON: docOf(&docs[i].DocumentInfo), Events: docs[i].Events}
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": out, "limit": f.Limit, "offset": f.Offset})
}

// document serves GET /api/v1/documents/{hash}: a document with its text
// and event records.
func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	h := r.PathValue("hash")
	if b, err := hex.DecodeString(h); err != nil || len(b) != 32 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("document %q: not a content hash (64 hex digits)", h))
		return
	}
	d, err := s.cfg.Store.Document(r.Context(), h)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("document %s: not stored", h))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recs, err := s.cfg.Store.Events(r.Context(), h)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if recs == nil {
		recs = []event.Record{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": docTextJSON{docJSON: docOf(&d.DocumentInfo), Text: d.Text},
		"events": recs})
}

// actors serves GET /api/v1/actors: the actors of the selected events,
// the most frequent first.
func (s *Server) actors(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query(), limits{defActors, maxActors})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	as, err := s.cfg.Store.Actors(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if as == nil {
		as = []store.ActorCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": as})
}

// aggregates serves GET /api/v1/aggregates?by=day|week&per=dyad: the
// selected events summed per period (per dyad).
func (s *Server) aggregates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q, limits{defEvents, maxEvents}, "by", "per", "dyad")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	aq := store.AggregateQuery{Filter: f, By: store.Period(q.Get("by")), Dyad: q.Get("dyad")}
	switch aq.By {
	case "", store.Daily, store.Weekly:
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("by %q: want day or week", aq.By))
		return
	}
	switch q.Get("per") {
	case "":
	case "dyad":
		aq.PerDyad = true
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("per %q: want dyad or nothing", q.Get("per")))
		return
	}
	bs, err := s.cfg.Store.Aggregate(r.Context(), aq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if bs == nil {
		bs = []store.Bucket{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"buckets": bs})
}

// networkNode is a node of /network: an actor code.
type networkNode struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Country string `json:"country,omitempty"`
	Events  int64  `json:"events"`
}

// network serves GET /api/v1/network: the actor-to-actor edges of the
// selected events (the limit bounds the edges, heaviest first) and the
// actors they join.
func (s *Server) network(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query(), limits{defEdges, maxEdges})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	edges, err := s.cfg.Store.Edges(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	af := f
	af.Limit, af.Offset = 0, 0
	actors, err := s.cfg.Store.Actors(r.Context(), af)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	used := map[string]bool{}
	for _, e := range edges {
		used[e.Source], used[e.Target] = true, true
	}
	nodes := []networkNode{}
	for _, a := range actors {
		if !used[a.Code] {
			continue
		}
		label := a.Code
		if a.Name != "" {
			label = a.Name + " (" + a.Code + ")"
		}
		nodes = append(nodes, networkNode{ID: a.Code, Label: label, Country: a.Country, Events: a.Events})
	}
	if edges == nil {
		edges = []store.Edge{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"nodes": nodes, "edges": edges})
}

// places serves GET /api/v1/places: the places with coordinates of the
// selected events, the most frequent first.
func (s *Server) places(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r.URL.Query(), limits{defPlaces, maxPlaces})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ps, err := s.cfg.Store.Places(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ps == nil {
		ps = []store.PlaceCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"places": ps})
}

// report serves GET /api/v1/report?format=html|markdown|json: the
// situation report of the selected events.
func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Report == nil {
		writeError(w, http.StatusNotImplemented, "situation reports are not built into this server")
		return
	}
	q := r.URL.Query()
	f, err := parseFilter(q, limits{defReport, maxReport}, "format")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	format := q.Get("format")
	switch format {
	case "":
		format = "json"
	case "json", "html", "markdown":
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want html, markdown or json", format))
		return
	}
	if f.Order == "" {
		f.Order = store.ByDayDesc // the latest events when there are more than the limit
	}
	var b bytes.Buffer
	ctype, err := s.cfg.Report(r.Context(), f, format, &b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if format == "html" {
		w.Header().Set("Content-Security-Policy", reportPolicy)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

// ingest serves POST /api/v1/ingest: the articles of the body are coded
// and stored. It needs the configured token.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.IngestToken == "" {
		writeError(w, http.StatusForbidden, "this server is read-only: start it with an ingest token to ingest over HTTP")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep ingest"`)
		writeError(w, http.StatusUnauthorized, "ingest: a valid bearer token is required")
		return
	}
	res, err := s.cfg.Ingest(r.Context(), r.Body, r.Header.Get("Content-Type"))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("ingest: the body passes the limit of %d bytes", tooBig.Limit))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if res.Stored > 0 {
		s.hub.kick()
	}
	writeJSON(w, http.StatusOK, res)
}
