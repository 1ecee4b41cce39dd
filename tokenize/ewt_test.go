package tokenize

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

// ewtSentence is one sentence of a CoNLL-U file: its text, gold words and
// whether it opens a new document or paragraph.
type ewtSentence struct {
	text           string
	words          []string
	newDoc, newPar bool
}

func readCoNLLU(path string) ([]ewtSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open treebank: %w", err)
	}
	defer f.Close()
	var out []ewtSentence
	var cur ewtSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = ewtSentence{}
		case strings.HasPrefix(l, "# newdoc"):
			cur.newDoc = true
		case strings.HasPrefix(l, "# newpar"):
			cur.newPar = true
		case strings.HasPrefix(l, "# text = "):
			cur.text = strings.TrimPrefix(l, "# text = ")
		case strings.HasPrefix(l, "#"):
		default:
			id, rest, ok := strings.Cut(l, "\t")
			if !ok {
				return nil, fmt.Errorf("%s:%d: malformed token line", path, line)
			}
			if strings.ContainsAny(id, "-.") {
				continue // multiword token range or empty node
			}
			form, _, _ := strings.Cut(rest, "\t")
			cur.words = append(cur.words, form)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if cur.text != "" {
		out = append(out, cur)
	}
	return out, nil
}

func loadEWTDev(t *testing.T) []ewtSentence {
	t.Helper()
	p := sharedtest.Path(t, "data/ud-en-ewt/en_ewt-ud-dev.conllu")
	sents, err := readCoNLLU(p)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestEWTTokens measures how many EWT dev sentences are tokenized exactly as
// the gold syntactic words.
func TestEWTTokens(t *testing.T) {
	sents := loadEWTDev(t)
	tk := New()
	match := 0
	var bad []string
	for _, s := range sents {
		d := &doc.Doc{Article: doc.Article{Text: s.text}}
		tk.Process(d)
		got := make([]string, len(d.Tokens))
		for i, tok := range d.Tokens {
			got[i] = tok.Text
		}
		if strings.Join(got, " ") == strings.Join(s.words, " ") {
			match++
		} else if len(bad) < 400 {
			bad = append(bad, "got:  "+strings.Join(got, " ")+"\nwant: "+strings.Join(s.words, " "))
		}
	}
	share := float64(match) / float64(len(sents))
	t.Logf("EWT dev tokenization: %d/%d sentences match the gold words (%.2f%%)", match, len(sents), 100*share)
	if os.Getenv("TOKENIZE_DUMP") != "" {
		for _, b := range bad {
			t.Log("\n" + b)
		}
	}
	const floor = 0.92 // measured 0.9365 on EWT 2.15 dev
	if share < floor {
		t.Errorf("token match %.4f below floor %.2f", share, floor)
	}
}

// TestEWTSentences measures sentence splitting on EWT dev documents rebuilt
// from their sentences: sentences of a paragraph joined by a space,
// paragraphs by a blank line.
func TestEWTSentences(t *testing.T) {
	sents := loadEWTDev(t)
	tk := New()
	var tp, fp, fn int
	var misses []string
	flush := func(b *strings.Builder, gold map[int]bool) {
		if b.Len() == 0 {
			return
		}
		d := &doc.Doc{Article: doc.Article{Text: b.String()}}
		tk.Process(d)
		pred := make(map[int]bool, len(d.Sentences))
		for _, s := range d.Sentences {
			pred[s.End] = true
			if gold[s.End] {
				tp++
			} else {
				fp++
				if len(misses) < 200 {
					misses = append(misses, "false split: "+s.Text)
				}
			}
		}
		for e := range gold {
			if !pred[e] {
				fn++
			}
		}
		b.Reset()
		clear(gold)
	}
	var b strings.Builder
	gold := make(map[int]bool)
	n := 0 // code points in b
	for _, s := range sents {
		if s.newDoc {
			flush(&b, gold)
			n = 0
		}
		if n > 0 {
			sep := " "
			if s.newPar {
				sep = "\n\n"
			}
			b.WriteString(sep)
			n += len(sep)
		}
		b.WriteString(s.text)
		n += utf8.RuneCountInString(s.text)
		gold[n] = true
	}
	flush(&b, gold)
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("EWT dev sentence ends: precision %.4f recall %.4f F1 %.4f (tp %d fp %d fn %d)", p, r, f1, tp, fp, fn)
	if os.Getenv("TOKENIZE_DUMP") != "" {
		for _, m := range misses {
			t.Log(m)
		}
	}
	const floor = 0.90 // measured 0.9229 on EWT 2.15 dev
	if f1 < floor {
		t.Errorf("sentence F1 %.4f below floor %.2f", f1, floor)
	}
}
