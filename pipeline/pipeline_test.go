package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// fakeTokenizer splits the body on '.' into sentences and on spaces into tokens.
type fakeTokenizer struct{}

func (fakeTokenizer) Process(d *doc.Doc) {
	runes := []rune(d.Text)
	pos := d.BodyStart
	for _, part := range strings.SplitAfter(string(runes[d.BodyStart:]), ".") {
		n := utf8.RuneCountInString(part)
		s := doc.Sentence{Span: doc.Span{Start: pos, End: pos + n}, Text: part, First: len(d.Tokens)}
		off := pos
		for _, f := range strings.Split(part, " ") {
			fn := utf8.RuneCountInString(f)
			if f != "" {
				d.Tokens = append(d.Tokens, doc.Token{Text: f, Start: off, End: off + fn, SpaceAfter: true})
			}
			off += fn + 1
		}
		s.Last = len(d.Tokens)
		if s.Last > s.First {
			d.Sentences = append(d.Sentences, s)
		}
		pos += n
	}
}

type fakeTagger struct{ calls *atomic.Int64 }

func (f fakeTagger) Tag(toks []doc.Token) {
	if f.calls != nil {
		f.calls.Add(1)
	}
	for i := range toks {
		toks[i].UPOS = "X"
		if toks[i].Text == "slow" {
			time.Sleep(5 * time.Millisecond)
		}
	}
}

type fakeLemmatizer struct{}

// Lemmatize lower-cases words and appends their UPOS, to show the tagger ran first.
func (fakeLemmatizer) Lemmatize(toks []doc.Token) {
	for i := range toks {
		toks[i].Lemma = strings.ToLower(toks[i].Text) + "/" + toks[i].UPOS
	}
}

type fakeParser struct{}

func (fakeParser) Parse(toks []doc.Token) {
	for i := range toks {
		toks[i].Head, toks[i].DepRel = i, "dep"
		if i == 0 {
			toks[i].DepRel = "root"
		}
	}
}

func full() *Pipeline {
	return &Pipeline{Tokenizer: fakeTokenizer{}, Tagger: fakeTagger{}, Lemmatizer: fakeLemmatizer{}, Parser: fakeParser{}}
}

func TestProcess(t *testing.T) {
	tests := []struct {
		name      string
		p         *Pipeline
		art       doc.Article
		sentences int
		first     doc.Token
	}{
		{"all stages", full(), doc.Article{ID: "a", Text: "Troops Left. Talks began."}, 2,
			doc.Token{Text: "Troops", End: 6, SpaceAfter: true, UPOS: "X", Lemma: "troops/X", DepRel: "root"}},
		{"body start", full(), doc.Article{ID: "b", Text: "KYIV - Talks began.", BodyStart: 7}, 1,
			doc.Token{Text: "Talks", Start: 7, End: 12, SpaceAfter: true, UPOS: "X", Lemma: "talks/X", DepRel: "root"}},
		{"no tagger", &Pipeline{Tokenizer: fakeTokenizer{}, Lemmatizer: fakeLemmatizer{}}, doc.Article{Text: "Talks began."}, 1,
			doc.Token{Text: "Talks", End: 5, SpaceAfter: true, Lemma: "talks/"}},
		{"no tokenizer", &Pipeline{Tagger: fakeTagger{}}, doc.Article{Text: "Talks began."}, 0, doc.Token{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.p.Process(tt.art)
			if d.ID != tt.art.ID || d.Text != tt.art.Text {
				t.Errorf("article not kept: %+v", d.Article)
			}
			if len(d.Sentences) != tt.sentences {
				t.Fatalf("got %d sentences, want %d", len(d.Sentences), tt.sentences)
			}
			if tt.sentences > 0 && d.Tokens[0] != tt.first {
				t.Errorf("first token = %+v, want %+v", d.Tokens[0], tt.first)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	var calls atomic.Int64
	p := &Pipeline{Tagger: fakeTagger{&calls}, Lemmatizer: fakeLemmatizer{}, Parser: fakeParser{}}
	words := []doc.Token{{Text: "Gen."}, {Text: "Smith"}}
	p.Annotate(words)
	if words[0].Lemma != "gen./X" || words[1].Head != 1 || words[0].DepRel != "root" {
		t.Errorf("Annotate: %+v", words)
	}
	p.Annotate(nil)
	if calls.Load() != 1 {
		t.Errorf("tagger called %d times, want 1 (empty sentences skipped)", calls.Load())
	}
	(&Pipeline{}).Annotate(words) // all stages nil: no panic
}

func feed(arts []doc.Article) <-chan doc.Article {
	ch := make(chan doc.Article)
	go func() {
		defer close(ch)
		for _, a := range arts {
			ch <- a
		}
	}()
	return ch
}

func articles(n int) []doc.Article {
	arts := make([]doc.Article, n)
	for i := range arts {
		text := fmt.Sprintf("Report %d came in.", i)
		if i%3 == 0 {
			text = "A slow report. Another one."
		}
		arts[i] = doc.Article{ID: fmt.Sprint(i), Text: text}
	}
	return arts
}

func TestRunOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 8} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			arts := articles(50)
			var got []string
			err := full().Run(context.Background(), workers, feed(arts), func(d *doc.Doc) error {
				if len(d.Tokens) == 0 || d.Tokens[0].UPOS != "X" {
					return fmt.Errorf("doc %s not annotated", d.ID)
				}
				got = append(got, d.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(arts) {
				t.Fatalf("got %d docs, want %d", len(got), len(arts))
			}
			for i, id := range got {
				if id != arts[i].ID {
					t.Fatalf("doc %d is %s: output not in input order", i, id)
				}
			}
		})
	}
}

func TestRunStops(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name    string
		cancel  bool
		outErr  error
		wantErr error
	}{
		{"out error", false, stop, stop},
		{"context cancelled", true, nil, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			in := make(chan doc.Article) // never closed: Run must still return
			go func() {
				for i := 0; ; i++ {
					select {
					case in <- doc.Article{ID: fmt.Sprint(i), Text: "Talks began."}:
					case <-ctx.Done():
						return
					}
				}
			}()
			n := 0
			err := full().Run(ctx, 4, in, func(*doc.Doc) error {
				n++
				if n == 5 {
					if tt.cancel {
						cancel()
						return nil
					}
					return tt.outErr
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			cancel()
		})
	}
}

func TestRunEmpty(t *testing.T) {
	in := make(chan doc.Article)
	close(in)
	if err := full().Run(context.Background(), 3, in, func(*doc.Doc) error { return errors.New("no docs expected") }); err != nil {
		t.Fatal(err)
	}
}
