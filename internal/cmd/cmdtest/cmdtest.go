// Package cmdtest provides fakes for testing the sitrep commands without
// models or input readers: a small rule-based pipeline, an in-memory article
// reader and a Factory writing to buffers.
package cmdtest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/pipeline"
)

// Tokenizer splits on white space, splits a final '.', ',' or '"' off a
// word, and ends a sentence after ".". Offsets are code points.
type Tokenizer struct{}

// Process fills d.Sentences and d.Tokens from d.Text[d.BodyStart:].
func (Tokenizer) Process(d *doc.Doc) {
	runes := []rune(d.Text)
	i := d.BodyStart
	first := len(d.Tokens)
	flush := func() {
		if len(d.Tokens) == first {
			return
		}
		s, e := d.Tokens[first].Start, d.Tokens[len(d.Tokens)-1].End
		d.Sentences = append(d.Sentences, doc.Sentence{
			Span: doc.Span{Start: s, End: e}, Text: string(runes[s:e]), First: first, Last: len(d.Tokens)})
		first = len(d.Tokens)
	}
	for i < len(runes) {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && !unicode.IsSpace(runes[j]) {
			j++
		}
		end := j
		if end-i > 1 && strings.ContainsRune(".,\"", runes[end-1]) {
			end--
		}
		d.Tokens = append(d.Tokens, doc.Token{Text: string(runes[i:end]), Start: i, End: end, SpaceAfter: end == j && j < len(runes)})
		if end < j {
			d.Tokens = append(d.Tokens, doc.Token{Text: string(runes[end:j]), Start: end, End: j, SpaceAfter: j < len(runes)})
		}
		if runes[j-1] == '.' {
			flush()
		}
		i = j
	}
	flush()
}

// Tagger tags punctuation PUNCT/".", capitalised words PROPN/NNP and the
// rest NOUN/NN.
type Tagger struct{}

// Tag sets UPOS and XPOS.
func (Tagger) Tag(toks []doc.Token) {
	for i, t := range toks {
		switch r := []rune(t.Text)[0]; {
		case unicode.IsPunct(r):
			toks[i].UPOS, toks[i].XPOS = "PUNCT", "."
		case unicode.IsUpper(r):
			toks[i].UPOS, toks[i].XPOS = "PROPN", "NNP"
		default:
			toks[i].UPOS, toks[i].XPOS = "NOUN", "NN"
		}
	}
}

// Lemmatizer lower-cases words.
type Lemmatizer struct{}

// Lemmatize sets Lemma.
func (Lemmatizer) Lemmatize(toks []doc.Token) {
	for i := range toks {
		toks[i].Lemma = strings.ToLower(toks[i].Text)
	}
}

// Parser attaches every word to the first one, the root.
type Parser struct{}

// Parse sets Head and DepRel.
func (Parser) Parse(toks []doc.Token) {
	for i := range toks {
		toks[i].Head, toks[i].DepRel = 1, "dep"
	}
	toks[0].Head, toks[0].DepRel = 0, "root"
}

// Pipeline returns a pipeline of the fakes above.
func Pipeline() *pipeline.Pipeline {
	return &pipeline.Pipeline{Tokenizer: Tokenizer{}, Tagger: Tagger{}, Lemmatizer: Lemmatizer{}, Parser: Parser{}}
}

// Item is one result of the fake reader: an article, or an input error.
type Item struct {
	Article doc.Article
	Err     error
}

// Reader returns a cmdutil.ReadFunc that yields items for every path, in
// order, and records the paths it was asked for in *paths when non-nil.
func Reader(items map[string][]Item, paths *[]string) cmdutil.ReadFunc {
	return func(ctx context.Context, ps []string, fn func(doc.Article, error) error) error {
		for _, p := range ps {
			if paths != nil {
				*paths = append(*paths, p)
			}
			its, ok := items[p]
			if !ok {
				its = []Item{{Err: fmt.Errorf("%s: no such file", p)}}
			}
			for _, it := range its {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := fn(it.Article, it.Err); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// Factory returns a Factory with empty standard input, buffers for output
// and the given pipeline and reader; the buffers are returned too.
func Factory(p *pipeline.Pipeline, read cmdutil.ReadFunc) (f *cmdutil.Factory, out, errOut *bytes.Buffer) {
	out, errOut = new(bytes.Buffer), new(bytes.Buffer)
	f = &cmdutil.Factory{
		In:     strings.NewReader(""),
		Out:    out,
		ErrOut: errOut,
		Load:   func() (*pipeline.Pipeline, error) { return p, nil },
		Read:   read,
	}
	return f, out, errOut
}
