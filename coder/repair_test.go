package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestRepairs covers the parser slips repair.go undoes, on hand-built
// misparses of our own sentences, and a modifier that must stay one.
func TestRepairs(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	// Police arrested five Serbs suspected of attacking officers, with
	// "suspected" made the root and "arrested" hung on the subject.
	suspected := []tk{{"Police", "police", "NOUN", 5, "nsubj"}, {"arrested", "arrest", "VERB", 1, "acl"},
		{"five", "five", "NUM", 4, "nummod"}, {"Serbs", "Serbs", "PROPN", 2, "obj"},
		{"suspected", "suspect", "VERB", 0, "root"}, {"of", "of", "SCONJ", 7, "mark"},
		{"attacking", "attack", "VERB", 5, "advcl"}, {"officers", "officer", "NOUN", 7, "obj"}}
	suspectedMents := []mk{act(0, 1, "XKXCOP"), act(3, 4, "SRBCVL"), act(7, 8, "XKXCOP")}
	suspectedXPOS := map[int]string{1: "VBN", 4: "VBN", 6: "VBG"}
	tests := []triggerCase{
		{
			name: "a participle on the subject before a clause whose subordinator was taken for a case is the predicate",
			// A Greek minister threatened to ban Turkish imports as the two governments sought talks
			toks: []tk{{"A", "a", "DET", 3, "det"}, {"Greek", "Greek", "ADJ", 3, "amod"},
				{"minister", "minister", "NOUN", 13, "nsubj"}, {"threatened", "threaten", "VERB", 3, "acl"},
				{"to", "to", "PART", 6, "mark"}, {"ban", "ban", "VERB", 4, "advcl"},
				{"Turkish", "Turkish", "ADJ", 8, "amod"}, {"imports", "import", "NOUN", 6, "obj"},
				{"as", "as", "ADP", 12, "case"}, {"the", "the", "DET", 12, "det"},
				{"two", "two", "NUM", 12, "nummod"}, {"governments", "government", "NOUN", 6, "obl"},
				{"sought", "seek", "VERB", 0, "root"}, {"talks", "talk", "NOUN", 13, "obj"}},
			ments: []mk{act(1, 3, "GRCGOV"), act(6, 7, "TUR")},
			xpos:  map[int]string{3: "VBN"},
			trig:  "threatened", code: "130", src: "GRCGOV", tgt: "TUR",
		},
		{
			name: "a past tense hung on its object, which the parser made the subject of a later verb of saying",
			// Chinese warships conducted drills near Taiwan, the ministry said
			toks: []tk{{"Chinese", "Chinese", "ADJ", 2, "amod"}, {"warships", "warship", "NOUN", 3, "nsubj"},
				{"conducted", "conduct", "VERB", 4, "amod"}, {"drills", "drill", "NOUN", 10, "nsubj"},
				{"near", "near", "ADP", 6, "case"}, {"Taiwan", "Taiwan", "PROPN", 4, "nmod"},
				{",", ",", "PUNCT", 10, "punct"}, {"the", "the", "DET", 9, "det"},
				{"ministry", "ministry", "NOUN", 10, "nsubj"}, {"said", "say", "VERB", 0, "root"}},
			ments: []mk{act(0, 2, "CHNMIL"), act(5, 6, "TWN"), act(8, 9, "TWNGOV")},
			xpos:  map[int]string{2: "VBN"},
			trig:  "drills", code: "062", src: "CHNMIL", tgt: "TWN",
		},
		{
			name: "a past tense right after an actor, hung on its object as an adjective",
			// Turkey proposed talks with Greece
			toks: []tk{{"Turkey", "Turkey", "PROPN", 3, "compound"}, {"proposed", "propose", "VERB", 3, "amod"},
				{"talks", "talk", "NOUN", 0, "root"}, {"with", "with", "ADP", 5, "case"},
				{"Greece", "Greece", "PROPN", 3, "nmod"}},
			ments: []mk{act(0, 1, "TUR"), act(4, 5, "GRC")},
			xpos:  map[int]string{1: "VBN"},
			trig:  "proposed", code: "036", src: "TUR", tgt: "GRC",
		},
		{
			name: "a past tense after an actor the parser made its object's possessor",
			// Police in Dhaka fired rubber bullets at workers
			toks: []tk{{"Police", "police", "NOUN", 6, "nmod:poss"}, {"in", "in", "ADP", 3, "case"},
				{"Dhaka", "Dhaka", "PROPN", 1, "nmod"}, {"fired", "fire", "VERB", 6, "amod"},
				{"rubber", "rubber", "NOUN", 6, "compound"}, {"bullets", "bullet", "NOUN", 0, "root"},
				{"at", "at", "ADP", 8, "case"}, {"workers", "worker", "NOUN", 6, "nmod"}},
			ments: []mk{act(0, 1, "BGDCOP"), {2, 3, 2, doc.KindPlace, "BGD"}, act(7, 8, "BGDLAB")},
			xpos:  map[int]string{3: "VBN"},
			trig:  "fired", code: "193", src: "BGDCOP", tgt: "BGDLAB",
		},
		{
			name: "a subordinate clause's subject taken for a modifier of the noun before it",
			// Mexico recalled its ambassador after police stormed the embassy
			toks: []tk{{"Mexico", "Mexico", "PROPN", 2, "nsubj"}, {"recalled", "recall", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"ambassador", "ambassador", "NOUN", 2, "obj"},
				{"after", "after", "ADP", 6, "case"}, {"police", "police", "NOUN", 4, "nmod"},
				{"stormed", "storm", "VERB", 2, "advcl"}, {"the", "the", "DET", 9, "det"},
				{"Mexican", "Mexican", "ADJ", 9, "amod"}, {"embassy", "embassy", "NOUN", 7, "obj"}},
			ments: []mk{act(0, 1, "MEX"), act(5, 6, "ECUCOP"), act(8, 10, "MEXGOV")},
			trig:  "stormed", code: "190", src: "ECUCOP", tgt: "MEXGOV",
		},
		{
			name: "the verb's object hung on the subject noun the parser made the root",
			// Kurdish forces regained control of Kobani
			toks: []tk{{"Kurdish", "Kurdish", "ADJ", 2, "amod"}, {"forces", "force", "NOUN", 0, "root"},
				{"regained", "regain", "VERB", 2, "acl"}, {"control", "control", "NOUN", 2, "obj"},
				{"of", "of", "ADP", 6, "case"}, {"Kobani", "Kobani", "PROPN", 4, "nmod"}},
			ments: []mk{act(0, 2, "SYRMIL"), {5, 6, 5, doc.KindPlace, "SYR"}},
			xpos:  map[int]string{2: "VBN"},
			trig:  "regained", code: "192", src: "SYRMIL", tgt: "SYR",
		},
		{
			name: "a passive participle on an actor acts on that actor",
			// Iraqi forces, backed by coalition air strikes, recaptured Ramadi
			toks: []tk{{"Iraqi", "Iraqi", "ADJ", 2, "amod"}, {"forces", "force", "NOUN", 9, "nsubj"},
				{",", ",", "PUNCT", 4, "punct"}, {"backed", "back", "VERB", 2, "acl"},
				{"by", "by", "ADP", 8, "case"}, {"coalition", "coalition", "NOUN", 8, "compound"},
				{"air", "air", "NOUN", 8, "compound"}, {"strikes", "strike", "NOUN", 4, "obl"},
				{"recaptured", "recapture", "VERB", 0, "root"}, {"Ramadi", "Ramadi", "PROPN", 9, "obj"}},
			ments: []mk{act(0, 2, "IRQMIL"), act(5, 6, "USAMIL"), {9, 10, 9, doc.KindPlace, "IRQ"}},
			xpos:  map[int]string{3: "VBN"},
			trig:  "backed", code: "051", src: "USAMIL", tgt: "IRQMIL",
		},
		{
			name: "a participle on the object made the root, with the verb hung on the subject",
			// Police arrested five Serbs suspected of attacking officers
			toks:  suspected,
			ments: suspectedMents,
			xpos:  suspectedXPOS,
			trig:  "arrested", code: "173", src: "XKXCOP", tgt: "SRBCVL",
		},
		{
			name: "whom a participle suspects of a deed did it",
			// Police arrested five Serbs suspected of attacking officers
			toks:  suspected,
			ments: suspectedMents,
			xpos:  suspectedXPOS,
			trig:  "attacking", code: "190", src: "SRBCVL", tgt: "XKXCOP",
		},
		{
			name: "coordinated subjects the parser made the root, the verb hung on the last",
			// The government and the rebels resumed talks
			toks: []tk{{"The", "the", "DET", 2, "det"}, {"government", "government", "NOUN", 0, "root"},
				{"and", "and", "CCONJ", 5, "cc"}, {"the", "the", "DET", 5, "det"},
				{"rebels", "rebel", "NOUN", 2, "conj"}, {"attacked", "attack", "VERB", 5, "acl"},
				{"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{act(1, 2, "COLGOV"), act(4, 5, "COLREB"), act(6, 7, "LBNREB")},
			xpos:  map[int]string{5: "VBN"},
			trig:  "attacked", code: "190", src: "COLGOV+COLREB", tgt: "LBNREB",
		},
		{
			name: "a particle the parser read as \"more than\" in the object",
			// Kurdish forces handed over 500 detainees to Iraq
			toks: []tk{{"Kurdish", "Kurdish", "ADJ", 2, "amod"}, {"forces", "force", "NOUN", 3, "nsubj"},
				{"handed", "hand", "VERB", 0, "root"}, {"over", "over", "ADV", 5, "advmod"},
				{"500", "500", "NUM", 6, "nummod"}, {"detainees", "detainee", "NOUN", 3, "obj"},
				{"to", "to", "ADP", 8, "case"}, {"Iraq", "Iraq", "PROPN", 3, "obl"}},
			ments: []mk{act(0, 2, "SYRMIL"), act(7, 8, "IRQ")},
			trig:  "handed", code: "063", src: "SYRMIL", tgt: "IRQ",
		},
		{
			name: "who vetoes a text does not speak through it",
			// Russia vetoed a resolution demanding a ceasefire in Syria
			toks: []tk{{"Russia", "Russia", "PROPN", 2, "nsubj"}, {"vetoed", "veto", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"resolution", "resolution", "NOUN", 2, "obj"},
				{"demanding", "demand", "VERB", 4, "acl"}, {"a", "a", "DET", 7, "det"},
				{"ceasefire", "ceasefire", "NOUN", 5, "obj"}, {"in", "in", "ADP", 9, "case"},
				{"Syria", "Syria", "PROPN", 7, "nmod"}},
			ments: []mk{act(0, 1, "RUS"), act(8, 9, "SYR")},
			xpos:  map[int]string{4: "VBG"},
			trig:  "demanding", code: "1056", src: "", tgt: "SYR",
		},
		{
			name: "a past participle completing an object is passive: the object underwent it",
			// Iran executed a man convicted of spying for Israel
			toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"executed", "execute", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"man", "man", "NOUN", 2, "obj"},
				{"convicted", "convict", "VERB", 2, "xcomp"}, {"of", "of", "ADP", 7, "case"},
				{"spying", "spying", "NOUN", 5, "obl"}, {"for", "for", "ADP", 9, "case"},
				{"Israel", "Israel", "PROPN", 7, "nmod"}},
			ments: []mk{act(0, 1, "IRN"), act(3, 4, "IRNCVL"), act(8, 9, "ISR")},
			xpos:  map[int]string{4: "VBN"},
			trig:  "convicted", code: "116", src: "", tgt: "IRNCVL",
		},
		{
			name: "a sentence hung on its subject noun keeps its verb: a later participle is no predicate",
			// Police detained dozens of protesters at a rally for the jailed mayor
			toks: []tk{{"Police", "police", "NOUN", 0, "root"}, {"detained", "detain", "VERB", 1, "acl"},
				{"dozens", "dozen", "NOUN", 2, "obj"}, {"of", "of", "ADP", 5, "case"},
				{"protesters", "protester", "NOUN", 3, "nmod"}, {"at", "at", "ADP", 8, "case"},
				{"a", "a", "DET", 8, "det"}, {"rally", "rally", "NOUN", 2, "obl"}, {"for", "for", "ADP", 12, "case"},
				{"the", "the", "DET", 12, "det"}, {"jailed", "jail", "VERB", 12, "amod"}, {"mayor", "mayor", "NOUN", 8, "nmod"}},
			ments: []mk{act(0, 1, "TURCOP"), act(4, 5, "TUROPP"), act(11, 12, "TURGOV")},
			xpos:  map[int]string{1: "VBN", 10: "VBN"},
			trig:  "detained", code: "173", src: "TURCOP", tgt: "TUROPP",
		},
		{
			name: "a clause hung on its subject, which the parser made what a later verb of saying says",
			// Israeli troops arrested 15 Palestinians, officials said
			toks: []tk{{"Israeli", "Israeli", "ADJ", 2, "amod"}, {"troops", "troops", "NOUN", 8, "ccomp"},
				{"arrested", "arrest", "VERB", 2, "acl"}, {"15", "15", "NUM", 5, "nummod"},
				{"Palestinians", "Palestinian", "PROPN", 3, "obj"}, {",", ",", "PUNCT", 2, "punct"},
				{"officials", "official", "NOUN", 8, "nsubj"}, {"said", "say", "VERB", 0, "root"}},
			ments: []mk{act(0, 2, "ISRMIL"), act(4, 5, "PSE")},
			xpos:  map[int]string{2: "VBN"},
			trig:  "arrested", code: "173", src: "ISRMIL", tgt: "PSE",
		},
		{
			name: "\"up to\" before a number is no particle: the counted noun is the object",
			// Rebels kidnapped up to 20 Nigerien soldiers
			toks: []tk{{"Rebels", "rebel", "NOUN", 2, "nsubj"}, {"kidnapped", "kidnap", "VERB", 0, "root"},
				{"up", "up", "ADP", 2, "compound:prt"}, {"to", "to", "ADP", 7, "case"},
				{"20", "20", "NUM", 7, "nummod"}, {"Nigerien", "Nigerien", "ADJ", 7, "amod"},
				{"soldiers", "soldier", "NOUN", 2, "obl"}},
			ments: []mk{act(0, 1, "NERREB"), act(5, 7, "NERMIL")},
			trig:  "kidnapped", code: "181", src: "NERREB", tgt: "NERMIL",
		},
		{
			name: "past tense hung on its object, which the parser made the subject's object",
			// rebels injured three Malian soldiers near the border, the army said
			toks: []tk{{"rebels", "rebel", "NOUN", 9, "ccomp"}, {"injured", "injured", "ADJ", 5, "amod"},
				{"three", "three", "NUM", 5, "nummod"}, {"Malian", "Malian", "ADJ", 5, "amod"},
				{"soldiers", "soldier", "NOUN", 1, "obj"}, {",", ",", "PUNCT", 1, "punct"},
				{"the", "the", "DET", 8, "det"}, {"army", "army", "NOUN", 9, "nsubj"},
				{"said", "say", "VERB", 0, "root"}},
			ments: []mk{act(0, 1, "MLIREB"), act(3, 5, "MLIMIL"), act(7, 8, "MLIMIL")},
			trig:  "injured", code: "190", src: "MLIREB", tgt: "MLIMIL",
		},
		{
			name: "past tense hung on its object, which took the subject",
			// Chad on Friday expelled two Sudanese diplomats
			toks: []tk{{"Chad", "Chad", "PROPN", 7, "nsubj"}, {"on", "on", "ADP", 3, "case"},
				{"Friday", "Friday", "PROPN", 1, "nmod"}, {"expelled", "expelled", "VERB", 7, "amod"},
				{"two", "two", "NUM", 7, "nummod"}, {"Sudanese", "Sudanese", "ADJ", 7, "amod"},
				{"diplomats", "diplomat", "NOUN", 0, "root"}},
			ments: []mk{act(0, 1, "TCD"), act(5, 7, "SDNGOV")},
			trig:  "expelled", code: "161", src: "TCD", tgt: "SDNGOV",
		},
		{
			name: "past tense after a subject with a place, hung on a noun of a speech verb's clause",
			// police in Gao seized rifles from Malian gunmen, officials said
			toks: []tk{{"police", "police", "NOUN", 5, "compound"}, {"in", "in", "ADP", 3, "case"},
				{"Gao", "Gao", "PROPN", 1, "nmod"}, {"seized", "seized", "VERB", 5, "amod"},
				{"rifles", "rifle", "NOUN", 11, "ccomp"}, {"from", "from", "ADP", 8, "case"},
				{"Malian", "Malian", "ADJ", 8, "amod"}, {"gunmen", "gunman", "NOUN", 5, "nmod"},
				{",", ",", "PUNCT", 5, "punct"}, {"officials", "official", "NOUN", 11, "nsubj"},
				{"said", "say", "VERB", 0, "root"}},
			ments: []mk{act(0, 1, "MLICOP"), act(6, 8, "MLIREB")},
			trig:  "seized", code: "171", src: "MLICOP", tgt: "MLIREB",
		},
		{
			name: "a participle modifying a bare noun right after another noun stays a modifier",
			// the UN backed government of Mali protested
			toks: []tk{{"the", "the", "DET", 4, "det"}, {"UN", "UN", "PROPN", 4, "compound"},
				{"backed", "backed", "VERB", 4, "amod"}, {"government", "government", "NOUN", 7, "nsubj"},
				{"of", "of", "ADP", 6, "case"}, {"Mali", "Mali", "PROPN", 4, "nmod"},
				{"protested", "protest", "VERB", 0, "root"}},
			ments: []mk{act(1, 2, "IGOUNO"), act(3, 6, "MLIGOV")},
			trig:  "protested", code: "140", src: "MLIGOV", tgt: "",
		},
		{
			name: "\"had\" taken for the main verb before its participle",
			// Ghana said it had expelled two Togolese envoys
			toks: []tk{{"Ghana", "Ghana", "PROPN", 2, "nsubj"}, {"said", "say", "VERB", 0, "root"},
				{"it", "it", "PRON", 4, "nsubj"}, {"had", "have", "VERB", 2, "ccomp"},
				{"expelled", "expel", "VERB", 2, "advcl"}, {"two", "two", "NUM", 7, "nummod"},
				{"Togolese", "Togolese", "ADJ", 7, "amod"}, {"envoys", "envoy", "NOUN", 5, "obj"}},
			ments: []mk{act(0, 1, "GHA"), act(2, 3, "GHA"), act(6, 8, "TGOGOV")},
			trig:  "expelled", code: "161", src: "GHA", tgt: "TGOGOV",
			xpos: map[int]string{3: "VBD", 4: "VBN"},
		},
		{
			name: "object taken for the apposition of the day after the verb",
			// Cuba rejected Monday a Spanish proposal
			toks: []tk{{"Cuba", "Cuba", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
				{"Monday", "Monday", "PROPN", 2, "obl:unmarked"}, {"a", "a", "DET", 6, "det"},
				{"Spanish", "Spanish", "ADJ", 6, "amod"}, {"proposal", "proposal", "NOUN", 3, "appos"}},
			ments: []mk{act(0, 1, "CUB"), act(4, 5, "ESP")},
			trig:  "rejected", code: "120", src: "CUB", tgt: "ESP",
		},
	}
	runTriggerCases(t, tests)
}

// TestHyphenatedVerb: a verb written with a hyphen, split by the
// tokenizer and misparsed with its first part as the predicate, is the one
// verb the lexicon knows; spaced out, the words are read apart.
func TestHyphenatedVerb(t *testing.T) {
	c := newCoder(t)
	// Soldiers tear-gassed protesters
	toks := []tk{{"Soldiers", "soldier", "NOUN", 2, "nsubj"}, {"tear", "tear", "VERB", 0, "root"},
		{"-", "-", "PUNCT", 4, "punct"}, {"gassed", "gas", "VERB", 2, "ccomp"},
		{"protesters", "protester", "NOUN", 4, "obj"}}
	ments := []mk{{0, 1, 0, doc.KindActor, "COGMIL"}, {4, 5, 4, doc.KindActor, "COGOPP"}}
	for _, tt := range []struct {
		name   string
		joined bool
		want   string // the code of "gassed", and its source>target when joined
	}{
		{"written as one word", true, "175 COGMIL>COGOPP"},
		{"spaced out", false, "2041"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := build(toks, ments)
			if tt.joined { // "tear-gassed": no space around the hyphen
				for i := 2; i < len(d.Tokens); i++ {
					d.Tokens[i].Start, d.Tokens[i].End = d.Tokens[i].Start-1, d.Tokens[i].End-1
					if i > 2 {
						d.Tokens[i].Start, d.Tokens[i].End = d.Tokens[i].Start-1, d.Tokens[i].End-1
					}
				}
			}
			var got []string
			for _, r := range c.Code(d) {
				if r.Trigger.Text == "gassed" && tt.joined {
					got = append(got, r.Cameo+" "+codesOf(r.Source)+">"+codesOf(r.Target))
				} else if r.Trigger.Text == "gassed" {
					got = append(got, r.Cameo)
				}
				if r.Trigger.Text == "tear" {
					t.Errorf("the first part coded as a verb: %s", r.Explain)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("gassed: got %v, want %s", got, tt.want)
			}
		})
	}
}

// TestParticipleForPeople: a participle with a determiner, parsed as a
// conjunct of the main verb, stands for people ("including some arrested
// during protests") and does not take the main verb's subject.
func TestParticipleForPeople(t *testing.T) {
	toks := []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"pardoned", "pardon", "VERB", 0, "root"},
		{"prisoners", "prisoner", "NOUN", 2, "obj"}, {",", ",", "PUNCT", 7, "punct"},
		{"including", "include", "VERB", 7, "case"}, {"some", "some", "DET", 7, "det"},
		{"arrested", "arrest", "VERB", 2, "conj"}, {"during", "during", "ADP", 9, "case"},
		{"protests", "protest", "NOUN", 7, "obl"}}
	d := buildTagged(toks, []mk{{0, 1, 0, doc.KindActor, "IRN"}, {2, 3, 2, doc.KindActor, "IRNCRM"}}, map[int]string{6: "VBN"})
	for _, r := range newCoder(t).Code(d) {
		if r.Trigger.Text == "arrested" && len(r.Source) > 0 {
			t.Errorf("arrested: source %s (%s), want none", codesOf(r.Source), r.Explain)
		}
	}
}
