package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestLinearTarget covers the targets read from word order when the
// parser lost the argument (linear.go), on hand-built misparses of our own
// sentences, and the limits of the stretch read.
func TestLinearTarget(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	tests := []triggerCase{
		{
			name: "object parsed as the subject of a later noun",
			// Egypt hosted Jordanian King Abdullah in the city
			toks: []tk{{"Egypt", "Egypt", "PROPN", 2, "nsubj"}, {"hosted", "host", "VERB", 0, "root"},
				{"Jordanian", "Jordanian", "ADJ", 4, "amod"}, {"King", "King", "PROPN", 5, "compound"},
				{"Abdullah", "Abdullah", "PROPN", 8, "nsubj"}, {"in", "in", "ADP", 8, "case"},
				{"the", "the", "DET", 8, "det"}, {"city", "city", "NOUN", 2, "obl"}},
			ments: []mk{act(0, 1, "EGY"), act(2, 5, "JORGOV")},
			trig:  "hosted", code: "043", src: "EGY", tgt: "JORGOV",
		},
		{
			name: "title noun before a named object",
			// Kenya released dissident Odinga today: "dissident" taken for the iobj
			toks: []tk{{"Kenya", "Kenya", "PROPN", 2, "nsubj"}, {"released", "release", "VERB", 0, "root"},
				{"dissident", "dissident", "NOUN", 2, "iobj"},
				{"Odinga", "Odinga", "PROPN", 5, "nsubj"}, {"today", "today", "NOUN", 2, "obl"}},
			ments: []mk{act(0, 1, "KEN"), act(3, 4, "KENOPP")},
			trig:  "released", code: "0841", src: "KEN", tgt: "KENOPP",
		},
		{
			name: "recipient preposition before a subject the parser gave to a participle",
			// Chile granted asylum to three Bolivian officers holed up in the embassy
			toks: []tk{{"Chile", "Chile", "PROPN", 2, "nsubj"}, {"granted", "grant", "VERB", 0, "root"},
				{"asylum", "asylum", "NOUN", 2, "obj"}, {"to", "to", "ADP", 7, "case"},
				{"three", "three", "NUM", 7, "nummod"}, {"Bolivian", "Bolivian", "ADJ", 7, "amod"},
				{"officers", "officer", "NOUN", 8, "nsubj"}, {"holed", "hole", "VERB", 2, "conj"},
				{"up", "up", "ADP", 8, "compound:prt"}},
			ments: []mk{act(0, 1, "CHL"), act(5, 7, "BOLMIL")},
			trig:  "granted", code: "075", src: "CHL", tgt: "BOLMIL",
		},
		{
			name: "subject of a content clause whose verb was taken for a noun",
			// Ghana demanded that the Togolese government end curbs on the press
			toks: []tk{{"Ghana", "Ghana", "PROPN", 2, "nsubj"}, {"demanded", "demand", "VERB", 0, "root"},
				{"that", "that", "SCONJ", 2, "mark"}, {"the", "the", "DET", 7, "det"},
				{"Togolese", "Togolese", "ADJ", 6, "amod"}, {"government", "government", "NOUN", 7, "compound"},
				{"end", "end", "NOUN", 8, "compound"}, {"curbs", "curb", "NOUN", 2, "parataxis"}},
			ments: []mk{act(0, 1, "GHA"), act(4, 6, "TGOGOV")},
			trig:  "demanded", code: "100", src: "GHA", tgt: "TGOGOV",
		},
		{
			name: "the stretch ends at a subordinating word",
			// Mali agreed to resign without returning to Niger
			toks: []tk{{"Mali", "Mali", "PROPN", 2, "nsubj"}, {"agreed", "agree", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"resign", "resign", "VERB", 2, "xcomp"},
				{"without", "without", "SCONJ", 6, "mark"}, {"returning", "return", "VERB", 4, "advcl"},
				{"to", "to", "ADP", 8, "case"}, {"Niger", "Niger", "PROPN", 6, "obl"}},
			ments: []mk{act(0, 1, "MLI"), act(7, 8, "NER")},
			trig:  "agreed", code: "035", src: "MLI", tgt: "",
		},
		{
			name: "the stretch ends at a comma",
			// Peru welcomed the plan, Chilean officials said
			toks: []tk{{"Peru", "Peru", "PROPN", 2, "nsubj"}, {"welcomed", "welcome", "VERB", 0, "root"},
				{",", ",", "PUNCT", 5, "punct"}, {"Chilean", "Chilean", "ADJ", 4, "amod"},
				{"officials", "official", "NOUN", 2, "nmod"}},
			ments: []mk{act(0, 1, "PER"), act(3, 5, "CHLGOV")},
			trig:  "welcomed", code: "051", src: "PER", tgt: "",
		},
		{
			name: "a nationality qualifying a place is no party",
			// Serb forces pulled out from the besieged Bosnian town
			toks: []tk{{"forces", "force", "NOUN", 2, "nsubj"}, {"pulled", "pull", "VERB", 0, "root"},
				{"out", "out", "ADP", 2, "compound:prt"}, {"from", "from", "SCONJ", 5, "mark"},
				{"besieged", "besiege", "VERB", 2, "advcl"}, {"Bosnian", "Bosnian", "ADJ", 7, "amod"},
				{"town", "town", "NOUN", 5, "obj"}},
			ments: []mk{act(0, 1, "SRBMIL"), act(5, 6, "BIH")},
			trig:  "pulled", code: "0874", src: "SRBMIL", tgt: "",
		},
		{
			name: "a purpose clause acts where its means were sent",
			// the OSCE sent monitors to Georgia to investigate the shooting
			toks: []tk{{"OSCE", "OSCE", "PROPN", 2, "nsubj"}, {"sent", "send", "VERB", 0, "root"},
				{"monitors", "monitor", "NOUN", 2, "obj"}, {"to", "to", "ADP", 5, "case"},
				{"Georgia", "Georgia", "PROPN", 3, "nmod"}, {"to", "to", "PART", 7, "mark"},
				{"investigate", "investigate", "VERB", 3, "acl"}, {"the", "the", "DET", 9, "det"},
				{"shooting", "shooting", "NOUN", 7, "obj"}},
			ments: []mk{act(0, 1, "IGOOSC"), {4, 5, 4, doc.KindPlace, "GEO"}},
			trig:  "investigate", code: "090", src: "IGOOSC", tgt: "GEO",
		},
		{
			name: "\"to\" tagged an infinitive marker before a noun still introduces the recipient",
			// Japan will send food to refugees fleeing the war: "refugees" taken for a clause
			toks: []tk{{"Japan", "Japan", "PROPN", 3, "nsubj"}, {"will", "will", "AUX", 3, "aux"},
				{"send", "send", "VERB", 0, "root"}, {"food", "food", "NOUN", 3, "obj"},
				{"to", "to", "PART", 6, "mark"}, {"refugees", "refugee", "NOUN", 3, "advcl"},
				{"fleeing", "flee", "VERB", 6, "acl"}, {"the", "the", "DET", 9, "det"},
				{"war", "war", "NOUN", 7, "obj"}},
			ments: []mk{act(0, 1, "JPN"), act(5, 6, "SDNREF")},
			trig:  "send", code: "0333", src: "JPN", tgt: "SDNREF",
		},
	}
	runTriggerCases(t, tests)
}
