package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/sitrep/sitrep/store"
)

// ingested is the data of a stream's "ingested" event: the store's
// numbers of documents and events after the change.
type ingested struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
}

// hub polls the store's counts while anyone listens to the stream, and
// tells every listener when they change: documents stored by this
// server's ingest endpoint (which kicks it at once) or by another process
// (sitrep ingest, sitrep watch), seen at the next poll.
type hub struct {
	st    Store
	every time.Duration
	logf  func(string, ...any)
	kicks chan struct{}

	mu      sync.Mutex
	subs    map[chan ingested]struct{}
	running bool
}

func newHub(st Store, every time.Duration, logf func(string, ...any)) *hub {
	return &hub{st: st, every: every, logf: logf, kicks: make(chan struct{}, 1), subs: map[chan ingested]struct{}{}}
}

// subscribe returns a channel of the changes and the function that ends
// the subscription. The poller starts with the first subscriber and stops
// after the last has gone.
func (h *hub) subscribe() (<-chan ingested, func()) {
	ch := make(chan ingested, 1)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	if !h.running {
		h.running = true
		go h.run()
	}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

// kick makes the poller look at the counts now.
func (h *hub) kick() {
	select {
	case h.kicks <- struct{}{}:
	default:
	}
}

// run polls the counts every h.every (or when kicked) until no one
// listens, sending each change to every subscriber; a subscriber that has
// not taken the last change gets the newest instead.
func (h *hub) run() {
	t := time.NewTicker(h.every)
	defer t.Stop()
	last, known := ingested{}, false
	lastGen := int64(-1)
	for {
		// The counts scan every table; the generation (the latest
		// document) says cheaply whether they can have changed.
		ctx, cancel := context.WithTimeout(context.Background(), h.every+5*time.Second)
		now, err := last, error(nil)
		gen, gerr := h.st.Generation(ctx)
		if gerr != nil || gen != lastGen {
			var c store.Counts
			if c, err = h.st.Counts(ctx); err == nil {
				now, lastGen = countsOf(c), gen
			}
		}
		cancel()
		h.mu.Lock()
		if len(h.subs) == 0 {
			h.running = false
			h.mu.Unlock()
			return
		}
		switch {
		case err != nil:
			h.logf("server: stream: %v", err)
		case known && now != last:
			for ch := range h.subs {
				select {
				case <-ch:
				default:
				}
				ch <- now
			}
			fallthrough
		default:
			last, known = now, true
		}
		h.mu.Unlock()
		select {
		case <-t.C:
		case <-h.kicks:
		}
	}
}

// heartbeat is how often an idle stream sends a comment, so that proxies
// and browsers keep it open.
const heartbeat = 25 * time.Second

// stream serves GET /api/v1/stream: server-sent events, an "ingested"
// event with the new counts whenever documents are stored.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The stream outlives the server's write timeout; a writer that does
	// not support deadlines has none to clear.
	_ = rc.SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	ch, done := s.hub.subscribe()
	defer done()
	if _, err := fmt.Fprint(w, "retry: 5000\n: connected\n\n"); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		s.cfg.Logf("server: stream: %v", err)
		return
	}
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		var msg string
		select {
		case <-r.Context().Done():
			return
		case <-beat.C:
			msg = ": ping\n\n"
		case c := <-ch:
			data, err := json.Marshal(c)
			if err != nil {
				s.cfg.Logf("server: stream: %v", err)
				return
			}
			msg = "event: ingested\ndata: " + string(data) + "\n\n"
		}
		if _, err := fmt.Fprint(w, msg); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// countsOf is the stream's view of c.
func countsOf(c store.Counts) ingested { return ingested{Documents: c.Documents, Events: c.Events} }
