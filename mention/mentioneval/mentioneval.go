// Package mentioneval scores mention detection against pre-tokenized
// reference data: the ConfliBERT CAMEO actor sentences (gold source, target
// and reciprocal actor spans in BIO tags) and CoNLL 2003 named entities. A
// gold span counts as found when a detected mention overlaps it.
package mentioneval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/mention"
	"github.com/sitrep/sitrep/pipeline"
)

// Span is a gold span of type Type over tokens [First, Last) of a document.
type Span struct {
	Type        string
	First, Last int
}

// Corpus is a set of pre-tokenized documents with their gold spans.
type Corpus struct {
	Docs []*doc.Doc
	// Gold holds the gold spans of each document, by index in Docs.
	Gold [][]Span
}

// ReadConfliBERT reads the ConfliBERT actor format: one "token TAG" a line,
// a blank line between sentences, tags O, B-X and I-X with X one of S
// (source), T (target), R (reciprocal). Each sentence becomes a document.
func ReadConfliBERT(r io.Reader, name string) (*Corpus, error) {
	c := &Corpus{}
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			d := NewDoc(fmt.Sprintf("%s#%d", name, len(c.Docs)+1), [][]string{words})
			c.Docs = append(c.Docs, d)
			c.Gold = append(c.Gold, spans(tags, 0))
		}
		words, tags = nil, nil
	}
	err := lines(r, name, func(n int, f []string) error {
		if len(f) == 0 {
			flush()
			return nil
		}
		if len(f) < 2 {
			return fmt.Errorf("%s:%d: want \"token TAG\", got %q", name, n, strings.Join(f, " "))
		}
		words = append(words, f[0])
		tags = append(tags, f[len(f)-1])
		return nil
	})
	flush()
	return c, err
}

// ReadCoNLL reads CoNLL 2003 NER data: "token POS chunk NER" a line, blank
// lines between sentences, "-DOCSTART-" lines between documents, IOB1 or
// IOB2 entity tags. Each document becomes a Doc, one sentence a line.
func ReadCoNLL(r io.Reader, name string) (*Corpus, error) {
	c := &Corpus{}
	var sents [][]string
	var gold []Span
	var words, tags []string
	base := 0
	endSent := func() {
		if len(words) > 0 {
			gold = append(gold, spans(tags, base)...)
			base += len(words)
			sents = append(sents, words)
		}
		words, tags = nil, nil
	}
	endDoc := func() {
		endSent()
		if len(sents) > 0 {
			c.Docs = append(c.Docs, NewDoc(fmt.Sprintf("%s#%d", name, len(c.Docs)+1), sents))
			c.Gold = append(c.Gold, gold)
		}
		sents, gold, base = nil, nil, 0
	}
	err := lines(r, name, func(n int, f []string) error {
		switch {
		case len(f) == 0:
			endSent()
		case f[0] == "-DOCSTART-":
			endDoc()
		case len(f) < 2:
			return fmt.Errorf("%s:%d: want \"token POS chunk NER\", got %q", name, n, strings.Join(f, " "))
		default:
			words = append(words, f[0])
			tags = append(tags, f[len(f)-1])
		}
		return nil
	})
	endDoc()
	return c, err
}

// lines calls fn with the 1-based number and fields of each line of r.
func lines(r io.Reader, name string, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.Fields(sc.Text())); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// spans returns the typed spans of a BIO tag sequence, offset by base. An
// I- tag after O or after another type also starts a span, so that IOB1
// and IOB2 both read right.
func spans(tags []string, base int) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		typ, begin := "", false
		switch {
		case strings.HasPrefix(t, "B-"):
			typ, begin = t[2:], true
		case strings.HasPrefix(t, "I-"):
			typ = t[2:]
			begin = cur < 0 || out[cur].Type != typ
		}
		switch {
		case typ == "":
			cur = -1
		case begin:
			out = append(out, Span{Type: typ, First: base + i, Last: base + i + 1})
			cur = len(out) - 1
		default:
			out[cur].Last = base + i + 1
		}
	}
	return out
}

// NewDoc builds a document from pre-tokenized sentences: the text is the
// words joined by spaces, sentences by newlines, with code point offsets.
func NewDoc(id string, sents [][]string) *doc.Doc {
	d := &doc.Doc{Article: doc.Article{ID: id}}
	var b strings.Builder
	pos := 0
	for si, words := range sents {
		if si > 0 {
			b.WriteByte('\n')
			pos++
		}
		s := doc.Sentence{First: len(d.Tokens)}
		s.Start = pos
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
				pos++
			}
			n := utf8.RuneCountInString(w)
			d.Tokens = append(d.Tokens, doc.Token{Text: w, Start: pos, End: pos + n, SpaceAfter: i < len(words)-1})
			b.WriteString(w)
			pos += n
		}
		s.End, s.Last = pos, len(d.Tokens)
		d.Sentences = append(d.Sentences, s)
	}
	d.Text = b.String()
	for i := range d.Sentences {
		s := &d.Sentences[i]
		s.Text = strings.Join(sents[i], " ")
	}
	return d
}

// Annotate tags, lemmatizes and parses every sentence of c with p and
// resolves the mentions of every document with res, over a pool of workers
// (<= 0 means GOMAXPROCS).
func Annotate(ctx context.Context, c *Corpus, p *pipeline.Pipeline, res *mention.Resolver, workers int) error {
	idx := make(chan int)
	var wg sync.WaitGroup
	for range pipeline.Workers(workers) {
		wg.Go(func() {
			for i := range idx {
				d := c.Docs[i]
				for s := range d.Sentences {
					p.Annotate(d.SentenceTokens(s))
				}
				res.Process(d)
			}
		})
	}
	var err error
	for i := range c.Docs {
		if err = ctx.Err(); err != nil {
			break
		}
		idx <- i
	}
	close(idx)
	wg.Wait()
	if err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	return nil
}

// Recall counts the gold spans of one type and how many a mention overlaps.
type Recall struct {
	Type  string `json:"type"`
	Gold  int    `json:"gold"`
	Found int    `json:"found"`
}

// Share returns Found/Gold, or 0 without gold spans.
func (r Recall) Share() float64 {
	if r.Gold == 0 {
		return 0
	}
	return float64(r.Found) / float64(r.Gold)
}

// Score returns, per gold span type in sorted order, how many gold spans
// overlap a mention whose kind is one of kinds (any kind when none given).
func Score(c *Corpus, kinds ...string) []Recall {
	return ScoreFunc(c, func(m doc.Mention) bool { return kindIn(m.Kind, kinds) })
}

// ScoreFunc returns, per gold span type in sorted order, how many gold spans
// overlap a mention for which counts returns true.
func ScoreFunc(c *Corpus, counts func(doc.Mention) bool) []Recall {
	by := map[string]*Recall{}
	for i, d := range c.Docs {
		for _, g := range c.Gold[i] {
			r := by[g.Type]
			if r == nil {
				r = &Recall{Type: g.Type}
				by[g.Type] = r
			}
			r.Gold++
			for _, m := range d.Mentions {
				if m.First < g.Last && g.First < m.Last && counts(m) {
					r.Found++
					break
				}
			}
		}
	}
	out := make([]Recall, 0, len(by))
	for _, r := range by {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// ActorRule describes, for reports, which mentions IsActor counts.
const ActorRule = "an actor mention (resolved or not), or a place that carries a country's actor code " +
	"(a country or country-level area used as a location: \"strikes in Syria\" targets SYR)"

// IsActor reports whether m can fill an event's source or target role: an
// actor mention, resolved or not, or a place carrying an actor code. The
// resolver gives a place an actor code only when it is a country, or a named
// area standing for one country, used as a location; in CAMEO practice such
// a place is the event's target when no other target is named. Cities and
// regions carry no actor code and do not count.
func IsActor(m doc.Mention) bool {
	switch m.Kind {
	case doc.KindActor:
		return true
	case doc.KindPlace:
		return m.Code != "" && m.Code == m.Country
	}
	return false
}

func kindIn(k string, kinds []string) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}
