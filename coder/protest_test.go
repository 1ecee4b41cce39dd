package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestProtestTargets covers protestTarget on our own sentences: the
// purpose phrases and clauses that name what a protest is aimed at.
func TestProtestTargets(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	tests := []triggerCase{
		{
			name: "in protest of a deed: its possessor",
			// Miners continued a hunger strike in protest of the Bolivian government's decision
			toks: []tk{{"Miners", "miner", "NOUN", 2, "nsubj"}, {"continued", "continue", "VERB", 0, "root"},
				{"a", "a", "DET", 5, "det"}, {"hunger", "hunger", "NOUN", 5, "compound"},
				{"strike", "strike", "NOUN", 2, "obj"}, {"in", "in", "ADP", 7, "case"},
				{"protest", "protest", "NOUN", 2, "obl"}, {"of", "of", "ADP", 13, "case"},
				{"the", "the", "DET", 11, "det"}, {"Bolivian", "Bolivian", "ADJ", 11, "amod"},
				{"government", "government", "NOUN", 13, "nmod:poss"}, {"'s", "'s", "PART", 11, "case"},
				{"decision", "decision", "NOUN", 7, "nmod"}},
			ments: []mk{act(0, 1, "BOLLAB"), act(9, 11, "BOLGOV")},
			trig:  "strike", code: "142", src: "BOLLAB", tgt: "BOLGOV",
		},
		{
			name: "a grievance shown in a purpose clause the parser hung on the object",
			// Farmers blocked a highway to show their anger at Chile's trade policy
			toks: []tk{{"Farmers", "farmer", "NOUN", 2, "nsubj"}, {"blocked", "block", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"highway", "highway", "NOUN", 2, "obj"},
				{"to", "to", "PART", 6, "mark"}, {"show", "show", "VERB", 4, "acl"},
				{"their", "their", "PRON", 8, "nmod:poss"}, {"anger", "anger", "NOUN", 6, "obj"},
				{"at", "at", "ADP", 13, "case"}, {"Chile", "Chile", "PROPN", 13, "nmod:poss"},
				{"'s", "'s", "PART", 10, "case"}, {"trade", "trade", "NOUN", 13, "compound"},
				{"policy", "policy", "NOUN", 8, "nmod"}},
			ments: []mk{act(0, 1, "ARGAGR"), act(9, 10, "CHL")},
			trig:  "blocked", code: "144", src: "ARGAGR", tgt: "CHL",
		},
		{
			name: "in defiance of an authority",
			// Students blocked streets in defiance of the Thai authorities
			toks: []tk{{"Students", "student", "NOUN", 2, "nsubj"}, {"blocked", "block", "VERB", 0, "root"},
				{"streets", "street", "NOUN", 2, "obj"}, {"in", "in", "ADP", 5, "case"},
				{"defiance", "defiance", "NOUN", 2, "obl"}, {"of", "of", "ADP", 9, "case"},
				{"the", "the", "DET", 9, "det"}, {"Thai", "Thai", "ADJ", 9, "amod"},
				{"authorities", "authority", "NOUN", 5, "nmod"}},
			ments: []mk{act(0, 1, "THAEDU"), act(7, 9, "THAGOV")},
			trig:  "blocked", code: "144", src: "THAEDU", tgt: "THAGOV",
		},
		{
			name: "a strike over a thing: whoever made it",
			// Dockers stopped work over a decree signed by the Peruvian president
			toks: []tk{{"Dockers", "docker", "NOUN", 2, "nsubj"}, {"stopped", "stop", "VERB", 0, "root"},
				{"work", "work", "VERB", 2, "xcomp"}, {"over", "over", "ADP", 6, "case"},
				{"a", "a", "DET", 6, "det"}, {"decree", "decree", "NOUN", 3, "obl"},
				{"signed", "sign", "VERB", 6, "acl"}, {"by", "by", "ADP", 11, "case"},
				{"the", "the", "DET", 11, "det"}, {"Peruvian", "Peruvian", "ADJ", 11, "amod"},
				{"president", "president", "NOUN", 7, "obl:agent"}},
			ments: []mk{act(0, 1, "PERLAB"), act(9, 11, "PERGOV")},
			trig:  "stopped", code: "143", src: "PERLAB", tgt: "PERGOV",
		},
		{
			name: "demands pressed from a party, in a purpose clause on the object's participle",
			// Traders blocked roads leading to the port to press their demands from the Kenyan government
			toks: []tk{{"Traders", "trader", "NOUN", 2, "nsubj"}, {"blocked", "block", "VERB", 0, "root"},
				{"roads", "road", "NOUN", 2, "obj"}, {"leading", "lead", "VERB", 3, "acl"},
				{"to", "to", "ADP", 7, "case"}, {"the", "the", "DET", 7, "det"},
				{"port", "port", "NOUN", 4, "obl"}, {"to", "to", "PART", 9, "mark"},
				{"press", "press", "VERB", 4, "advcl"}, {"their", "their", "PRON", 11, "nmod:poss"},
				{"demands", "demand", "NOUN", 9, "obj"}, {"from", "from", "ADP", 15, "case"},
				{"the", "the", "DET", 15, "det"}, {"Kenyan", "Kenyan", "ADJ", 15, "amod"},
				{"government", "government", "NOUN", 11, "nmod"}},
			ments: []mk{act(0, 1, "KENBUS"), act(13, 15, "KENGOV")},
			xpos:  map[int]string{3: "VBG"},
			trig:  "blocked", code: "144", src: "KENBUS", tgt: "KENGOV",
		},
	}
	runTriggerCases(t, tests)
}
