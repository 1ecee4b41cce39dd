package server

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"time"
)

// The response cache. The store changes only when documents are stored,
// and the same questions come again and again (a dashboard's pages,
// several analysts on one event), so the answers of the read endpoints are
// kept, by URL, for as long as the store's generation (store.DB.Generation)
// is unchanged and at most cacheTTL, which bounds how long a change that
// adds no document (sitrep merge) goes unseen. The generation is read at
// most every genEvery. Each answer carries an ETag, so a client that has it
// gets 304 Not Modified.
const (
	cacheEntries  = 1024
	cacheMaxBody  = 1 << 20
	cacheTTL      = 30 * time.Second
	genEvery      = 250 * time.Millisecond
	cacheHeaderOK = "HIT"
)

// cachedResponse is one kept answer.
type cachedResponse struct {
	key    string
	gen    int64
	at     time.Time
	header http.Header // as the handler set it
	etag   string
	body   []byte
	status int
}

// responseCache keeps the answers of read endpoints, least recently used
// out first.
type responseCache struct {
	gen func(ctx context.Context) (int64, error)
	now func() time.Time

	mu      sync.Mutex
	lru     *list.List // of *cachedResponse, most recent first
	byKey   map[string]*list.Element
	lastGen int64
	genAt   time.Time
}

func newResponseCache(gen func(ctx context.Context) (int64, error), now func() time.Time) *responseCache {
	return &responseCache{gen: gen, now: now, lru: list.New(), byKey: map[string]*list.Element{}}
}

// generation returns the store's generation, read again when the last
// reading is older than genEvery.
func (c *responseCache) generation(ctx context.Context) (int64, error) {
	c.mu.Lock()
	if c.now().Sub(c.genAt) < genEvery {
		g := c.lastGen
		c.mu.Unlock()
		return g, nil
	}
	c.mu.Unlock()
	g, err := c.gen(ctx)
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	c.lastGen, c.genAt = g, c.now()
	c.mu.Unlock()
	return g, nil
}

// get returns the answer kept for key at generation gen, if fresh.
func (c *responseCache) get(key string, gen int64) *cachedResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	r := e.Value.(*cachedResponse)
	if r.gen != gen || c.now().Sub(r.at) > cacheTTL {
		c.lru.Remove(e)
		delete(c.byKey, key)
		return nil
	}
	c.lru.MoveToFront(e)
	return r
}

// put keeps r, dropping the least recently used answers beyond
// cacheEntries.
func (c *responseCache) put(r *cachedResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[r.key]; ok {
		c.lru.Remove(e)
	}
	c.byKey[r.key] = c.lru.PushFront(r)
	for c.lru.Len() > cacheEntries {
		last := c.lru.Back()
		c.lru.Remove(last)
		delete(c.byKey, last.Value.(*cachedResponse).key)
	}
}

// recorder keeps what a handler writes, up to cacheMaxBody bytes.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	over   bool
}

func (w *recorder) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *recorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if !w.over && w.buf.Len()+len(p) <= cacheMaxBody {
		w.buf.Write(p)
	} else {
		w.over = true
	}
	return w.ResponseWriter.Write(p)
}

// cached serves h's GET answers from c when fresh, and keeps its
// successful answers. The Cache-Control of the answers is no-cache: a
// browser may keep them but asks again, with If-None-Match.
func (c *responseCache) cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			h.ServeHTTP(w, r)
			return
		}
		gen, err := c.generation(r.Context())
		if err != nil {
			h.ServeHTTP(w, r) // the handler reports the store's trouble
			return
		}
		key := r.URL.RequestURI()
		if hit := c.get(key, gen); hit != nil {
			w.Header().Set("X-Sitrep-Cache", cacheHeaderOK)
			writeCached(w, r, hit)
			return
		}
		rec := &recorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.status != http.StatusOK || rec.over {
			return
		}
		sum := sha256.Sum256(rec.buf.Bytes())
		c.put(&cachedResponse{key: key, gen: gen, at: c.now(), header: w.Header().Clone(),
			etag: `"` + hex.EncodeToString(sum[:12]) + `"`, body: bytes.Clone(rec.buf.Bytes()), status: rec.status})
	})
}

// writeCached writes a kept answer, or 304 when the client has it.
func writeCached(w http.ResponseWriter, r *http.Request, c *cachedResponse) {
	w.Header().Set("ETag", c.etag)
	w.Header().Set("Cache-Control", "no-cache")
	if r.Header.Get("If-None-Match") == c.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	for k, v := range c.header {
		if k != "Cache-Control" && k != "Date" {
			w.Header()[k] = v
		}
	}
	w.WriteHeader(c.status)
	_, _ = w.Write(c.body) // the status line is sent: an error is the client's going away
}
