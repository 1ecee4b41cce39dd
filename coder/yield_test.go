package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestYieldTargets covers the targets of yielding acts (root 08): the
// place in its own country where an actor yields is no party, a foreign
// place and a place withdrawn from are, and accepting a demand answers its
// author.
func TestYieldTargets(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	place := func(i int, code string) mk { return mk{i, i + 1, i, doc.KindPlace, code} }
	tests := []triggerCase{
		{
			name: "rebels surrendering in a town of their own country yield in it, not to it",
			// Malian rebels surrendered in Gao
			toks: []tk{{"Malian", "Malian", "ADJ", 2, "amod"}, {"rebels", "rebel", "NOUN", 3, "nsubj"},
				{"surrendered", "surrender", "VERB", 0, "root"}, {"in", "in", "ADP", 5, "case"},
				{"Gao", "Gao", "PROPN", 3, "obl"}},
			ments: []mk{act(0, 2, "MLIREB"), place(4, "MLI")},
			trig:  "surrendered", code: "0874", src: "MLIREB", tgt: "",
		},
		{
			name: "a truce declared in a foreign country is about that country",
			// Russia declared a truce in Syria
			toks: []tk{{"Russia", "Russia", "PROPN", 2, "nsubj"}, {"declared", "declare", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"truce", "truce", "NOUN", 2, "obj"},
				{"in", "in", "ADP", 6, "case"}, {"Syria", "Syria", "PROPN", 2, "obl"}},
			ments: []mk{act(0, 1, "RUS"), place(5, "SYR")},
			trig:  "declared", code: "0871", src: "RUS", tgt: "SYR",
		},
		{
			name: "accepting demands answers their author",
			// Peru accepted the demands of the miners
			toks: []tk{{"Peru", "Peru", "PROPN", 2, "nsubj"}, {"accepted", "accept", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"demands", "demand", "NOUN", 2, "obj"},
				{"of", "of", "ADP", 7, "case"}, {"the", "the", "DET", 7, "det"},
				{"miners", "miner", "NOUN", 4, "nmod"}},
			ments: []mk{act(0, 1, "PERGOV"), act(6, 7, "PERLAB")},
			trig:  "accepted", code: "080", src: "PERGOV", tgt: "PERLAB",
		},
	}
	runTriggerCases(t, tests)
}
