package parse

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/pipeline"
)

// WriteDoc writes d as CoNLL-U: "# newdoc id" (and "# date" when the
// article's date is known) before the first sentence, "# sent_id =
// <docid>-<n>" and "# text" for each sentence, and per word MISC
// "Start=<cp>|End=<cp>" plus "|SpaceAfter=No" when no space follows.
// A document without sentences writes nothing.
func WriteDoc(w io.Writer, d *doc.Doc) error {
	for i := range d.Sentences {
		s := Sentence(d, i)
		if err := conllu.Write(w, s); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	return nil
}

// Sentence returns sentence i of d as a CoNLL-U sentence, with the comments
// and MISC values WriteDoc prints.
func Sentence(d *doc.Doc, i int) *conllu.Sentence {
	sent := d.Sentences[i]
	var comments []string
	if i == 0 {
		comments = append(comments, "newdoc id = "+oneLine(d.ID))
		if !d.Published.IsZero() {
			comments = append(comments, "date = "+d.Published.Format("2006-01-02"))
		}
	}
	text := sent.Text
	if text == "" {
		text = spanText(d.Text, sent.Span)
	}
	comments = append(comments,
		fmt.Sprintf("sent_id = %s-%d", oneLine(d.ID), i+1),
		"text = "+oneLine(text))
	toks := d.SentenceTokens(i)
	s := &conllu.Sentence{
		Comments: comments,
		Words:    make([]doc.Token, len(toks)),
		Misc:     make([]string, len(toks)),
	}
	for j, t := range toks {
		t.Text = form(t.Text)
		t.Lemma = form(t.Lemma)
		s.Words[j] = t
		misc := fmt.Sprintf("Start=%d|End=%d", t.Start, t.End)
		if !t.SpaceAfter {
			misc += "|SpaceAfter=No"
		}
		s.Misc[j] = misc
	}
	return s
}

// oneLine replaces line breaks by spaces, so a value fits a comment line.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// form makes a word fit a CoNLL-U column: no tabs or line breaks.
func form(s string) string {
	return strings.ReplaceAll(oneLine(s), "\t", " ")
}

// spanText returns the code points of text covered by sp.
func spanText(text string, sp doc.Span) string {
	r := []rune(text)
	if sp.Start < 0 || sp.End > len(r) || sp.Start > sp.End {
		return ""
	}
	return string(r[sp.Start:sp.End])
}

// Reannotate returns copies of sents whose words are re-tagged,
// re-lemmatized and re-parsed by p, over a pool of workers (<= 0 means
// GOMAXPROCS). The copies keep the forms, multiword tokens, comments and
// MISC; lemmas, tags, features, heads and relations are cleared before
// annotation so nothing of the input's annotation leaks into the output.
// sents is not modified.
func Reannotate(ctx context.Context, p *pipeline.Pipeline, workers int, sents []*conllu.Sentence) ([]*conllu.Sentence, error) {
	out := make([]*conllu.Sentence, len(sents))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range pipeline.Workers(workers) {
		wg.Go(func() {
			for i := range idx {
				out[i] = reannotate(p, sents[i])
			}
		})
	}
	var err error
	for i := range sents {
		if err = ctx.Err(); err != nil {
			break
		}
		idx <- i
	}
	close(idx)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("re-annotate: %w", err)
	}
	return out, nil
}

func reannotate(p *pipeline.Pipeline, s *conllu.Sentence) *conllu.Sentence {
	c := *s
	c.Words = make([]doc.Token, len(s.Words))
	for i, w := range s.Words {
		c.Words[i] = doc.Token{Text: w.Text, Start: w.Start, End: w.End, SpaceAfter: w.SpaceAfter}
	}
	p.Annotate(c.Words)
	return &c
}
