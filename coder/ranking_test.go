package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// topTrigger returns the trigger of the record of highest confidence of
// d's events (the first on ties), or "".
func topTrigger(c *Coder, d *doc.Doc) string {
	best, conf := "", -1.0
	for _, r := range c.Code(d) {
		if r.Confidence > conf {
			best, conf = r.Trigger.Text, r.Confidence
		}
	}
	return best
}

// TestRanking covers which event of a sentence ranks first: the main
// clause's act over what merely voices or accompanies it.
func TestRanking(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	tests := []struct {
		name  string
		toks  []tk
		ments []mk
		xpos  map[int]string
		top   string
	}{
		{
			name: "a bare statement embeds nothing the parser hung below it",
			// Activists staged a hunger strike against the Peruvian police, their lawyer said
			toks: []tk{{"Activists", "activist", "NOUN", 2, "nsubj"}, {"staged", "stage", "VERB", 13, "advcl"},
				{"a", "a", "DET", 5, "det"}, {"hunger", "hunger", "NOUN", 5, "compound"},
				{"strike", "strike", "NOUN", 2, "obj"}, {"against", "against", "ADP", 9, "case"},
				{"the", "the", "DET", 9, "det"}, {"Peruvian", "Peruvian", "ADJ", 9, "amod"},
				{"police", "police", "NOUN", 5, "nmod"}, {",", ",", "PUNCT", 2, "punct"},
				{"their", "their", "PRON", 12, "nmod:poss"}, {"lawyer", "lawyer", "NOUN", 13, "nsubj"},
				{"said", "say", "VERB", 0, "root"}},
			ments: []mk{act(0, 1, "PERHRI"), act(7, 9, "PERCOP"), act(10, 11, "PERHRI")},
			top:   "strike",
		},
	}
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := buildTagged(tt.toks, tt.ments, tt.xpos)
			if got := topTrigger(c, d); got != tt.top {
				for _, r := range c.Code(d) {
					t.Logf("%s %s %.2f %s", r.Trigger.Text, r.Cameo, r.Confidence, r.Explain)
				}
				t.Errorf("top event %q, want %q", got, tt.top)
			}
		})
	}
}
