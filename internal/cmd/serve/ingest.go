package serve

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/store"
)

// ingester codes and stores the articles POSTed to the server, one
// request at a time, as sitrep ingest does; the models and knowledge base
// are loaded on the first request and kept.
type ingester struct {
	st     store.Store
	name   string
	load   func() (*pipeline.Pipeline, error)
	loadKB func() (*kb.KB, error)
	mu     sync.Mutex
}

func newIngester(st store.Store, name string, load func() (*pipeline.Pipeline, error), loadKB func() (*kb.KB, error)) *ingester {
	return &ingester{st: st, name: name, load: sync.OnceValues(load), loadKB: sync.OnceValues(loadKB)}
}

// counting is the store as one ingest sees it: what it stores and skips
// is summed, and
// closing it leaves the server's store open.
type counting struct {
	store.Store
	res store.PutResult
}

func (c *counting) Put(ctx context.Context, docs []store.Document) (store.PutResult, error) {
	res, err := c.Store.Put(ctx, docs)
	c.res.Stored += res.Stored
	c.res.Skipped += res.Skipped
	c.res.Events += res.Events
	return res, err
}

// HasDocument counts a document found stored as skipped: ingest skips it
// before parsing it.
func (c *counting) HasDocument(ctx context.Context, h string) (bool, error) {
	ok, err := c.Store.HasDocument(ctx, h)
	if ok {
		c.res.Skipped++
	}
	return ok, err
}

func (c *counting) Close() error { return nil }

// ingest reads the whole body (so that a body over the limit fails before
// anything is stored), then reads its articles as standard input would be
// read, codes and stores them.
func (g *ingester) ingest(ctx context.Context, body io.Reader, contentType string) (server.IngestResult, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return server.IngestResult{}, fmt.Errorf("read body: %w", err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	var msgs bytes.Buffer
	c := &counting{Store: g.st}
	opts := &ingest.Options{ErrOut: &msgs, Load: g.load, LoadKB: g.loadKB, Batch: 100, Workers: 1,
		DB: g.name, Inputs: []string{"-"}, Now: time.Now,
		Open: func(context.Context, string) (store.Store, error) { return c, nil },
		Read: func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
			return input.Read(ctx, paths, input.Options{Stdin: bytes.NewReader(data), MaxBytes: int64(len(data)) + 1}, fn)
		},
	}
	err = ingest.Run(ctx, opts)
	res := server.IngestResult{Stored: c.res.Stored, Skipped: c.res.Skipped, Events: c.res.Events}
	sc := bufio.NewScanner(&msgs)
	for sc.Scan() {
		if m, ok := strings.CutPrefix(sc.Text(), "sitrep: "); ok {
			res.Errors = append(res.Errors, strings.Replace(m, "ingest -: ", "body: ", 1))
		}
	}
	if err != nil && !errors.Is(err, cmdutil.ErrSilent) {
		return res, err
	}
	return res, nil
}
