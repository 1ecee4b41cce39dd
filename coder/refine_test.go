package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestNounPhraseActors covers actors found inside an argument's noun
// phrase: of/for/from modifiers, appositions and name parts.
func TestNounPhraseActors(t *testing.T) {
	tests := []triggerCase{
		{
			name: "a spokesman for the group stands for it",
			toks: []tk{{"a", "a", "DET", 2, "det"}, {"spokesman", "spokesman", "NOUN", 5, "nsubj"},
				{"for", "for", "ADP", 4, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 2, "nmod"},
				{"criticized", "criticize", "VERB", 0, "root"}, {"Israel", "Israel", "PROPN", 5, "obj"}},
			ments: []mk{hez(3), isr(5)},
			trig:  "criticized", code: "111", src: "LBNREB", tgt: "ISR",
		},
		{
			name: "the leader of the group as object",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"leader", "leader", "NOUN", 2, "obj"},
				{"of", "of", "ADP", 6, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 4, "nmod"}},
			ments: []mk{isr(0), hez(5)},
			trig:  "criticized", code: "111", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "apposition names the actor",
			toks: []tk{{"the", "the", "DET", 3, "det"}, {"prime", "prime", "ADJ", 3, "amod"},
				{"minister", "minister", "NOUN", 6, "nsubj"}, {",", ",", "PUNCT", 5, "punct"},
				{"Salam", "Salam", "PROPN", 3, "appos"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 6, "obj"}},
			ments: []mk{lbn(4), isr(6)},
			trig:  "criticized", code: "111", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "name part covered by a mention",
			toks: []tk{{"Nawaf", "Nawaf", "PROPN", 3, "nsubj"}, {"Salam", "Salam", "PROPN", 1, "flat"},
				{"criticized", "criticize", "VERB", 0, "root"}, {"Israel", "Israel", "PROPN", 3, "obj"}},
			ments: []mk{{1, 2, 1, doc.KindActor, "LBNGOV"}, isr(3)},
			trig:  "criticized", code: "111", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "an uncoded actor mention takes the group it belongs to",
			toks: []tk{{"officials", "official", "NOUN", 4, "nsubj"}, {"from", "from", "ADP", 3, "case"},
				{"Lebanon", "Lebanon", "PROPN", 1, "nmod"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 4, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindActor, ""}, lbn(2), isr(4)},
			trig:  "criticized", code: "111", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "a place modifier is not the group (in)",
			toks: []tk{{"officials", "official", "NOUN", 4, "nsubj"}, {"in", "in", "ADP", 3, "case"},
				{"Lebanon", "Lebanon", "PROPN", 1, "nmod"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 4, "obj"}},
			ments: []mk{lbn(2), isr(4)},
			trig:  "criticized", code: "111", src: "", tgt: "ISR",
		},
		// Refinements from the object or complement (lexicon/data/refine.tsv).
		{
			name: "reject the proposal for talks: 125",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"proposal", "proposal", "NOUN", 2, "obj"},
				{"for", "for", "ADP", 6, "case"}, {"talks", "talk", "NOUN", 4, "nmod"}},
			ments: []mk{isr(0)},
			trig:  "rejected", code: "125", src: "ISR", tgt: "",
		},
		{
			name: "a bare proposal stays generic",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"proposal", "proposal", "NOUN", 2, "obj"}},
			ments: []mk{isr(0)},
			trig:  "rejected", code: "120", src: "ISR", tgt: "",
		},
		{
			name: "proposed holding talks: 036",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"proposed", "propose", "VERB", 0, "root"},
				{"holding", "hold", "VERB", 2, "xcomp"}, {"talks", "talk", "NOUN", 3, "obj"},
				{"with", "with", "ADP", 6, "case"}, {"Israel", "Israel", "PROPN", 3, "obl"}},
			ments: []mk{lbn(0), isr(5)},
			trig:  "proposed", code: "036", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "urged X to resign: 0241",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"urged", "urge", "VERB", 0, "root"},
				{"Salam", "Salam", "PROPN", 2, "obj"}, {"to", "to", "PART", 5, "mark"},
				{"resign", "resign", "VERB", 2, "xcomp"}},
			ments: []mk{hez(0), lbn(2)},
			trig:  "urged", code: "0241", src: "LBNREB", tgt: "LBNGOV",
		},
		{
			name: "refused to withdraw: 1246, not 124",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"refused", "refuse", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"withdraw", "withdraw", "VERB", 2, "xcomp"},
				{"from", "from", "ADP", 6, "case"}, {"Lebanon", "Lebanon", "PROPN", 4, "obl"}},
			ments: []mk{isr(0), {5, 6, 5, doc.KindPlace, "LBN"}},
			trig:  "refused", code: "1246", src: "ISR", tgt: "LBN", // the place withdrawn from
		},
		{
			name: "accused X of crimes: 1121",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"accused", "accuse", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"of", "of", "ADP", 5, "case"},
				{"crimes", "crime", "NOUN", 2, "obl"}},
			ments: []mk{lbn(0), hez(2)},
			trig:  "accused", code: "1121", src: "LBNGOV", tgt: "LBNREB",
		},
		{
			name: "accused X of abuses: 1122",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"accused", "accuse", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"of", "of", "ADP", 5, "case"},
				{"abuses", "abuse", "NOUN", 2, "obl"}},
			ments: []mk{lbn(0), hez(2)},
			trig:  "accused", code: "1122", src: "LBNGOV", tgt: "LBNREB",
		},
	}
	runTriggerCases(t, tests)
}
