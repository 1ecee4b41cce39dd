// Package udeval scores predicted Universal Dependencies annotations against
// gold ones, word by word, as the CoNLL 2018 shared task evaluation does for
// gold tokenization: UPOS, XPOS and lemma must match exactly, UAS counts
// correct heads and LAS correct heads with the correct relation, ignoring
// relation subtypes ("nmod:poss" counts as "nmod"). Punctuation counts; UAS
// and LAS without the words whose gold UPOS is PUNCT are reported beside,
// since treebanks differ most in where they attach punctuation.
package udeval

import (
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/conllu"
)

// Scores holds the counts compared and the accuracies, in percent.
type Scores struct {
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	// UASNoPunct and LASNoPunct leave out words whose gold UPOS is PUNCT.
	UASNoPunct float64 `json:"uas_no_punct"`
	LASNoPunct float64 `json:"las_no_punct"`
}

// Score compares pred with gold. The two must hold the same sentences in the
// same order with the same number of words each; otherwise Score returns an
// error naming the first gold sentence that does not pair up.
func Score(gold, pred []*conllu.Sentence) (Scores, error) {
	if len(gold) != len(pred) {
		return Scores{}, fmt.Errorf("gold has %d sentences, prediction has %d", len(gold), len(pred))
	}
	var upos, xpos, lemma, uas, las int
	var words, content, uasContent, lasContent int
	for i, g := range gold {
		p := pred[i]
		if len(g.Words) != len(p.Words) {
			return Scores{}, fmt.Errorf("gold sentence %s (line %d): %d words, prediction has %d (line %d)",
				name(g, i), g.Line, len(g.Words), len(p.Words), p.Line)
		}
		for j, gw := range g.Words {
			pw := p.Words[j]
			words++
			if gw.UPOS == pw.UPOS {
				upos++
			}
			if gw.XPOS == pw.XPOS {
				xpos++
			}
			if gw.Lemma == pw.Lemma {
				lemma++
			}
			punct := gw.UPOS == "PUNCT"
			if !punct {
				content++
			}
			if gw.Head == pw.Head && pw.DepRel != "" {
				uas++
				if !punct {
					uasContent++
				}
				if base(gw.DepRel) == base(pw.DepRel) {
					las++
					if !punct {
						lasContent++
					}
				}
			}
		}
	}
	return Scores{
		Words:     words,
		Sentences: len(gold),
		UPOS:      percent(upos, words),
		XPOS:      percent(xpos, words),
		Lemma:     percent(lemma, words),
		UAS:       percent(uas, words),
		LAS:       percent(las, words),

		UASNoPunct: percent(uasContent, content),
		LASNoPunct: percent(lasContent, content),
	}, nil
}

// name identifies sentence i by its sent_id, or by its position when it has none.
func name(s *conllu.Sentence, i int) string {
	if id := s.ID(); id != "" {
		return fmt.Sprintf("%q", id)
	}
	return fmt.Sprintf("#%d", i+1)
}

// base strips a relation's subtype: "obl:tmod" -> "obl".
func base(rel string) string {
	b, _, _ := strings.Cut(rel, ":")
	return b
}

func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}

// Write prints the scores as a small aligned table: one metric a line, the
// name left-aligned and the value right-aligned.
func (s Scores) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-19s %8d\n", "sentences", s.Sentences)
	fmt.Fprintf(&b, "%-19s %8d\n", "words", s.Words)
	for _, r := range []struct {
		name string
		v    float64
	}{{"UPOS", s.UPOS}, {"XPOS", s.XPOS}, {"Lemma", s.Lemma}, {"UAS", s.UAS}, {"LAS", s.LAS},
		{"UAS, no punctuation", s.UASNoPunct}, {"LAS, no punctuation", s.LASNoPunct}} {
		fmt.Fprintf(&b, "%-19s %8.2f\n", r.name, r.v)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	return nil
}
