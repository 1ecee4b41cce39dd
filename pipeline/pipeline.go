// Package pipeline runs the linguistic layer of sitrep over articles:
// tokenization and sentence splitting, then, sentence by sentence, tagging,
// lemmatization and dependency parsing. A Pipeline holds loaded models that
// are safe for concurrent use, so one value serves a whole worker pool.
package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep/doc"
)

// Tokenizer splits a document into sentences and tokens: it fills
// d.Sentences and d.Tokens from d.Text, starting at d.BodyStart.
type Tokenizer interface{ Process(d *doc.Doc) }

// Tagger sets UPOS and XPOS on the tokens of one sentence, in place.
type Tagger interface{ Tag(toks []doc.Token) }

// Lemmatizer sets Lemma on the tokens of one sentence, in place. It runs
// after the Tagger and may read the tags.
type Lemmatizer interface{ Lemmatize(toks []doc.Token) }

// Parser sets Head and DepRel on the tokens of one sentence, in place.
type Parser interface{ Parse(toks []doc.Token) }

// Pipeline chains the stages of the linguistic layer. A nil stage is skipped.
// Every stage must be safe for concurrent use.
type Pipeline struct {
	Tokenizer  Tokenizer
	Tagger     Tagger
	Lemmatizer Lemmatizer
	Parser     Parser
}

// Process tokenizes the article and annotates each of its sentences.
func (p *Pipeline) Process(a doc.Article) *doc.Doc {
	d := &doc.Doc{Article: a}
	if p.Tokenizer != nil {
		p.Tokenizer.Process(d)
	}
	for i := range d.Sentences {
		p.Annotate(d.SentenceTokens(i))
	}
	return d
}

// Annotate tags, lemmatizes and parses one pre-tokenized sentence in place.
func (p *Pipeline) Annotate(words []doc.Token) {
	if len(words) == 0 {
		return
	}
	if p.Tagger != nil {
		p.Tagger.Tag(words)
	}
	if p.Lemmatizer != nil {
		p.Lemmatizer.Lemmatize(words)
	}
	if p.Parser != nil {
		p.Parser.Parse(words)
	}
}

// Workers returns n, or GOMAXPROCS when n <= 0.
func Workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// Run processes the articles received from in over a pool of workers
// (workers <= 0 means GOMAXPROCS) and calls out with each document in input
// order, from the calling goroutine. It returns when in is closed and every
// document has been passed to out, or at the first error returned by out, or
// when ctx is done (returning ctx.Err()). On an early return Run stops
// receiving from in: the sender should watch the same context.
func (p *Pipeline) Run(ctx context.Context, workers int, in <-chan doc.Article, out func(*doc.Doc) error) error {
	workers = Workers(workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		a   doc.Article
		res chan *doc.Doc
	}
	jobs := make(chan job)
	// pending holds the result slots in input order; its capacity bounds the
	// number of documents in flight.
	pending := make(chan chan *doc.Doc, 2*workers)

	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(pending)
		defer close(jobs)
		for {
			var a doc.Article
			var ok bool
			select {
			case <-ctx.Done():
				return
			case a, ok = <-in:
				if !ok {
					return
				}
			}
			res := make(chan *doc.Doc, 1)
			select {
			case pending <- res:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{a: a, res: res}:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.res <- p.Process(j.a)
			}
		})
	}

	err := collect(ctx, pending, out)
	cancel()
	wg.Wait()
	return err
}

// collect passes finished documents to out in input order.
func collect(ctx context.Context, pending <-chan chan *doc.Doc, out func(*doc.Doc) error) error {
	for {
		var res chan *doc.Doc
		var ok bool
		select {
		case <-ctx.Done():
			return ctx.Err()
		case res, ok = <-pending:
			if !ok {
				// The dispatcher also stops when ctx is done: tell the two apart.
				return ctx.Err()
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case d := <-res:
			if err := out(d); err != nil {
				return err
			}
		}
	}
}
