package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestNounArgumentTargets covers targets found through an event noun's
// arguments that the parser hung elsewhere: a target phrase on the noun's
// of-object, and the target of the event noun a multiword verb fixes as
// its object; and the from-phrase of a demand or appeal.
func TestNounArgumentTargets(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	tests := []triggerCase{
		{
			name: "a from-phrase on the of-object of an event noun belongs to the event",
			// Ethiopia's withdrawal of troops from Somalia ended
			toks: []tk{{"Ethiopia", "Ethiopia", "PROPN", 3, "nmod:poss"}, {"'s", "'s", "PART", 1, "case"},
				{"withdrawal", "withdrawal", "NOUN", 7, "nsubj"}, {"of", "of", "ADP", 5, "case"},
				{"troops", "troop", "NOUN", 3, "nmod"}, {"from", "from", "ADP", 7, "case"},
				{"Somalia", "Somalia", "PROPN", 5, "nmod"}, {"ended", "end", "VERB", 0, "root"}},
			ments: []mk{act(0, 1, "ETH"), act(6, 7, "SOM")},
			trig:  "withdrawal", code: "0874", src: "ETH", tgt: "SOM",
		},
		{
			name: "a phrase of the of-object outside the noun's markers is no target",
			// Ethiopia's withdrawal of troops with Somalia's consent
			toks: []tk{{"Ethiopia", "Ethiopia", "PROPN", 3, "nmod:poss"}, {"'s", "'s", "PART", 1, "case"},
				{"withdrawal", "withdrawal", "NOUN", 0, "root"}, {"of", "of", "ADP", 5, "case"},
				{"troops", "troop", "NOUN", 3, "nmod"}, {"with", "with", "ADP", 9, "case"},
				{"Somalia", "Somalia", "PROPN", 9, "nmod:poss"}, {"'s", "'s", "PART", 7, "case"},
				{"consent", "consent", "NOUN", 5, "nmod"}},
			ments: []mk{act(0, 1, "ETH"), act(6, 7, "SOM")},
			trig:  "withdrawal", code: "0874", src: "ETH", tgt: "",
		},
		{
			name: "the event noun a multiword verb fixes names the target with its own markers",
			// Turkey tightened its blockade of Armenia
			toks: []tk{{"Turkey", "Turkey", "PROPN", 2, "nsubj"}, {"tightened", "tighten", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"blockade", "blockade", "NOUN", 2, "obj"},
				{"of", "of", "ADP", 6, "case"}, {"Armenia", "Armenia", "PROPN", 4, "nmod"}},
			ments: []mk{act(0, 1, "TUR"), {2, 3, 2, doc.KindActor, "TUR"}, act(5, 6, "ARM")},
			trig:  "tightened", code: "191", src: "TUR", tgt: "ARM",
		},
		{
			name: "a demand's from-phrase on its object names the party asked",
			// Peru demanded an apology from Chile
			toks: []tk{{"Peru", "Peru", "PROPN", 2, "nsubj"}, {"demanded", "demand", "VERB", 0, "root"},
				{"an", "a", "DET", 4, "det"}, {"apology", "apology", "NOUN", 2, "obj"},
				{"from", "from", "ADP", 6, "case"}, {"Chile", "Chile", "PROPN", 4, "nmod"}},
			ments: []mk{act(0, 1, "PER"), act(5, 6, "CHL")},
			trig:  "demanded", code: "100", src: "PER", tgt: "CHL",
		},
		{
			name: "an appeal's from-phrase on the verb names the party asked",
			// Haiti sought aid from Canada
			toks: []tk{{"Haiti", "Haiti", "PROPN", 2, "nsubj"}, {"sought", "seek", "VERB", 0, "root"},
				{"aid", "aid", "NOUN", 2, "obj"}, {"from", "from", "ADP", 5, "case"},
				{"Canada", "Canada", "PROPN", 2, "obl"}},
			ments: []mk{act(0, 1, "HTI"), act(4, 5, "CAN")},
			trig:  "sought", code: "023", src: "HTI", tgt: "CAN",
		},
	}
	runTriggerCases(t, tests)
}
