package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/store"
)

// ingester codes and stores the articles POSTed to the server, one
// request at a time, with ingest's Ingester over the server's store; the
// Ingester (models, knowledge base, coder) is made on the first request
// and kept.
type ingester struct {
	cfg ingest.Config

	mu   sync.Mutex
	g    *ingest.Ingester
	msgs bytes.Buffer // the messages of the current request
}

func newIngester(st store.Store, name string, load func() (*pipeline.Pipeline, error), loadKB func() (*kb.KB, error)) *ingester {
	g := &ingester{}
	g.cfg = ingest.Config{ErrOut: &g.msgs, Load: load, LoadKB: loadKB, DB: name, Batch: 100, Workers: 1, Now: time.Now,
		Open: func(context.Context, string) (store.Store, error) { return shared{st}, nil }}
	return g
}

// shared is the server's store as the Ingester sees it: closing it leaves
// it open for the server.
type shared struct{ store.Store }

func (shared) Close() error { return nil }

// ingest reads the whole body (so that a body over the limit fails before
// anything is stored), then reads its articles as standard input is read
// (plain text, HTML or JSON Lines, told apart by their content), codes
// them and stores them. The problems of single documents are returned in
// the result, each naming its document or line.
func (g *ingester) ingest(ctx context.Context, body io.Reader, contentType string) (server.IngestResult, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return server.IngestResult{}, fmt.Errorf("read body: %w", err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.msgs.Reset()
	if g.g == nil {
		if g.g, err = ingest.NewIngester(ctx, &g.cfg); err != nil {
			return server.IngestResult{}, err
		}
	}
	read := func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
		return input.Read(ctx, paths, input.Options{Stdin: bytes.NewReader(data), MaxBytes: int64(len(data)) + 1}, fn)
	}
	sum, err := g.g.Ingest(ctx, []string{"-"}, read)
	res := server.IngestResult{Stored: sum.Stored, Skipped: sum.Skipped, Events: sum.Events}
	sc := bufio.NewScanner(&g.msgs)
	for sc.Scan() {
		if m, ok := strings.CutPrefix(sc.Text(), "sitrep: "); ok {
			res.Errors = append(res.Errors, strings.Replace(m, "ingest -: ", "body: ", 1))
		}
	}
	return res, err
}
