package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestConstructions covers subject inheritance, support verbs with event
// nouns and appeals with a complement, on hand-built Docs.
func TestConstructions(t *testing.T) {
	tests := []triggerCase{
		{
			name: "advcl participle inherits the finite subject",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"escalated", "escalate", "VERB", 0, "root"},
				{",", ",", "PUNCT", 4, "punct"}, {"attacking", "attack", "VERB", 2, "advcl"},
				{"Hezbollah", "Hezbollah", "PROPN", 4, "obj"}},
			ments: []mk{isr(0), hez(4)},
			trig:  "attacking", code: "190", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "acl of an event-light noun takes the clause subject",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"took", "take", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"step", "step", "NOUN", 2, "obj"}, {"of", "of", "SCONJ", 6, "mark"},
				{"attacking", "attack", "VERB", 4, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{lbn(0), hez(6)},
			trig:  "attacking", code: "190", src: "LBNGOV", tgt: "LBNREB",
		},
		{
			name: "responded with an event noun",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"responded", "respond", "VERB", 0, "root"},
				{"with", "with", "ADP", 4, "case"}, {"airstrikes", "airstrike", "NOUN", 2, "obl"},
				{"on", "on", "ADP", 6, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 4, "nmod"}},
			ments: []mk{isr(0), hez(5)},
			trig:  "airstrikes", code: "195", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "gave no details: words, not aid",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"gave", "give", "VERB", 0, "root"},
				{"no", "no", "DET", 4, "det"}, {"details", "detail", "NOUN", 2, "obj"}},
			ments: []mk{isr(0)},
			trig:  "gave", code: "010", src: "ISR",
		},
		{
			name: "wrapped up a visit",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"wrapped", "wrap", "VERB", 0, "root"},
				{"up", "up", "ADP", 2, "compound:prt"}, {"a", "a", "DET", 5, "det"}, {"visit", "visit", "NOUN", 2, "obj"},
				{"to", "to", "ADP", 7, "case"}, {"Lebanon", "Lebanon", "PROPN", 5, "nmod"}},
			ments: []mk{isr(0), lbn(6)},
			trig:  "visit", code: "042", src: "ISR", tgt: "LBNGOV",
		},
		{
			name: "support verb lends subject and its oblique target",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"carried", "carry", "VERB", 0, "root"},
				{"out", "out", "ADP", 2, "compound:prt"}, {"airstrikes", "airstrike", "NOUN", 2, "obj"},
				{"against", "against", "ADP", 6, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 2, "obl"}},
			ments: []mk{isr(0), hez(5)},
			trig:  "airstrikes", code: "195", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "called on X to do Y: the appeal targets X",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"called", "call", "VERB", 0, "root"},
				{"on", "on", "ADP", 4, "case"}, {"Israel", "Israel", "PROPN", 2, "obl"},
				{"to", "to", "PART", 6, "mark"}, {"attack", "attack", "VERB", 2, "xcomp"},
				{"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{lbn(0), isr(3), hez(6)},
			trig:  "called", code: "020", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "multiword predicate without its oblique",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"held", "hold", "VERB", 0, "root"},
				{"talks", "talk", "NOUN", 2, "obj"}, {"yesterday", "yesterday", "NOUN", 2, "obl:tmod"}},
			ments: []mk{isr(0)},
			trig:  "held", code: "046", src: "ISR", tgt: "",
		},
		{
			name: "multiword predicate with its oblique",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"held", "hold", "VERB", 0, "root"},
				{"talks", "talk", "NOUN", 2, "obj"}, {"with", "with", "ADP", 5, "case"},
				{"Lebanon", "Lebanon", "PROPN", 2, "obl"}},
			ments: []mk{isr(0), lbn(4)},
			trig:  "held", code: "046", src: "ISR", tgt: "LBNGOV",
		},
		{
			name: "subject noun qualified by a coded actor (amod)",
			toks: []tk{{"an", "a", "DET", 3, "det"}, {"Israeli", "Israeli", "ADJ", 3, "amod"},
				{"judge", "judge", "NOUN", 4, "nsubj"}, {"investigated", "investigate", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 4, "obj"}},
			ments: []mk{isr(1), hez(4)},
			trig:  "investigated", code: "090", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "object noun qualified by a coded actor (possessive)",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"investigated", "investigate", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 5, "nmod:poss"}, {"'s", "'s", "PART", 3, "case"},
				{"envoy", "envoy", "NOUN", 2, "obj"}},
			ments: []mk{lbn(0), hez(2)},
			trig:  "investigated", code: "090", src: "LBNGOV", tgt: "LBNREB",
		},
	}
	runTriggerCases(t, tests)
}

// triggerCase is a hand-built sentence and the record its trigger must
// give: code, and source and target codes joined as codesOf joins them.
type triggerCase struct {
	name  string
	toks  []tk
	ments []mk
	code  string
	trig  string
	src   string
	tgt   string
	xpos  map[int]string // fine tags of some tokens, which some repairs read
	// antecedents links mentions (by index) to the mention they corefer
	// with or took their country from.
	antecedents map[int]int
	// absent, when set, wants no record triggered by trig.
	absent bool
}

// buildTagged is build with the fine tags xpos gives some tokens, which
// some repairs read.
func buildTagged(toks []tk, ments []mk, xpos map[int]string) *doc.Doc {
	d := build(toks, ments)
	for i, x := range xpos {
		d.Tokens[i].XPOS = x
	}
	return d
}

// runTriggerCases codes each case and checks the record of its trigger.
func runTriggerCases(t *testing.T, tests []triggerCase) {
	t.Helper()
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := buildTagged(tt.toks, tt.ments, tt.xpos)
			for m, a := range tt.antecedents {
				d.Mentions[m].Antecedent, d.Mentions[m].Via = a, doc.ViaCoreference
			}
			recs := c.Code(d)
			for _, r := range recs {
				if r.Trigger.Text != tt.trig {
					continue
				}
				if tt.absent {
					t.Errorf("got %s %s>%s (%s), want no record", r.Cameo, codesOf(r.Source), codesOf(r.Target), r.Explain)
				} else if r.Cameo != tt.code || codesOf(r.Source) != tt.src || codesOf(r.Target) != tt.tgt {
					t.Errorf("got %s %s>%s (%s), want %s %s>%s", r.Cameo, codesOf(r.Source), codesOf(r.Target), r.Explain, tt.code, tt.src, tt.tgt)
				}
				return
			}
			if tt.absent {
				return
			}
			for _, r := range recs {
				t.Logf("got %s %s %s", r.Trigger.Text, r.Cameo, r.Explain)
			}
			t.Errorf("no record triggered by %q", tt.trig)
		})
	}
}

func TestTargetsOutsideTheFrame(t *testing.T) {
	tests := []triggerCase{
		{
			name: "airstrikes including strikes in a city: the city's country",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"launched", "launch", "VERB", 0, "root"},
				{"airstrikes", "airstrike", "NOUN", 2, "obj"}, {"including", "including", "VERB", 5, "case"},
				{"strikes", "strike", "NOUN", 3, "nmod"}, {"in", "in", "ADP", 7, "case"},
				{"Beirut", "Beirut", "PROPN", 5, "nmod"}},
			ments: []mk{isr(0), {6, 7, 6, doc.KindPlace, "LBN"}},
			trig:  "airstrikes", code: "195", src: "ISR", tgt: "LBN",
		},
		{
			name: "frustration that X did: X is the target",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"that", "that", "SCONJ", 6, "mark"}, {"Israel", "Israel", "PROPN", 6, "nsubj"},
				{"had", "have", "AUX", 6, "aux"}, {"ignored", "ignore", "VERB", 2, "ccomp"},
				{"talks", "talk", "NOUN", 6, "obj"}},
			ments: []mk{lbn(0), isr(3)},
			trig:  "criticized", code: "111", src: "LBNGOV", tgt: "ISR",
		},
	}
	runTriggerCases(t, tests)
}

func TestVoicedNouns(t *testing.T) {
	tests := []triggerCase{
		{
			name: "reiterated its demand: the demand is the event, the speaker its source",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"reiterated", "reiterate", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"demand", "demand", "NOUN", 2, "obj"}},
			ments: []mk{isr(0), {2, 3, 2, doc.KindActor, ""}},
			trig:  "demand", code: "100", src: "ISR", tgt: "",
		},
	}
	runTriggerCases(t, tests)
	c := newCoder(t)
	recs := c.Code(build(tests[0].toks, tests[0].ments))
	if len(recs) != 1 {
		t.Errorf("got %d records, want the demand alone", len(recs))
	}
}

func TestDiscourseConstructions(t *testing.T) {
	tests := []triggerCase{
		{
			name: "were angered (tagged ADJ) when X joined: an adjectival passive, X the target",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 3, "nsubj"}, {"was", "be", "AUX", 3, "cop"},
				{"angered", "angered", "ADJ", 0, "root"}, {"when", "when", "ADV", 6, "advmod"},
				{"Hezbollah", "Hezbollah", "PROPN", 6, "nsubj"}, {"joined", "join", "VERB", 3, "advcl"},
				{"the", "the", "DET", 8, "det"}, {"war", "war", "NOUN", 6, "obj"}},
			ments: []mk{lbn(0), hez(4)},
			trig:  "angered", code: "111", src: "LBNGOV", tgt: "LBNREB",
		},
		{
			name: "its focus remains on eliminating X: an aim, coded as a threat",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nmod:poss"}, {"'s", "'s", "PART", 1, "case"},
				{"focus", "focus", "NOUN", 4, "nsubj"}, {"remains", "remain", "VERB", 0, "root"},
				{"on", "on", "SCONJ", 6, "mark"}, {"eliminating", "eliminate", "VERB", 4, "advcl"},
				{"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{isr(0), hez(6)},
			trig:  "eliminating", code: "1383", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "issued a statement calling on X: the issuer calls",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"issued", "issue", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"statement", "statement", "NOUN", 2, "obj"},
				{"calling", "call", "VERB", 4, "acl"}, {"on", "on", "ADP", 7, "case"},
				{"Lebanon", "Lebanon", "PROPN", 5, "obl"}, {"to", "to", "PART", 9, "mark"},
				{"withdraw", "withdraw", "VERB", 5, "xcomp"}},
			ments: []mk{isr(0), lbn(6)},
			trig:  "calling", code: "0256", src: "ISR", tgt: "LBNGOV", // an appeal for withdrawal
		},
		{
			name: "X fired at Y, witnesses said, parsed as X [fired at Y] said: X fired",
			toks: []tk{{"Israeli", "Israeli", "ADJ", 2, "amod"}, {"tanks", "tank", "NOUN", 7, "nsubj"},
				{"shelled", "shell", "VERB", 2, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 3, "obj"},
				{",", ",", "PUNCT", 2, "punct"}, {"witnesses", "witness", "NOUN", 7, "nsubj"},
				{"said", "say", "VERB", 0, "root"}},
			ments: []mk{isr(0), hez(3)},
			trig:  "shelled", code: "194", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "called for sanctions against X: disapproval of X",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"called", "call", "VERB", 0, "root"},
				{"for", "for", "ADP", 4, "case"}, {"sanctions", "sanction", "NOUN", 2, "obl"},
				{"against", "against", "ADP", 6, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 4, "nmod"}},
			ments: []mk{isr(0), hez(5)},
			trig:  "called", code: "110", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "arrested students calling for X: the students call",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"arrested", "arrest", "VERB", 0, "root"},
				{"Lebanese", "Lebanese", "ADJ", 4, "amod"}, {"students", "student", "NOUN", 2, "obj"},
				{"urging", "urge", "VERB", 4, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"},
				{"to", "to", "PART", 8, "mark"}, {"withdraw", "withdraw", "VERB", 5, "xcomp"}},
			ments: []mk{isr(0), {2, 4, 3, doc.KindActor, "LBNEDU"}, hez(5)},
			trig:  "urging", code: "0256", src: "LBNEDU", tgt: "LBNREB",
		},
		{
			name: "government [donated] goods to X: a past tense hung on its object as an adjective",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"donated", "donate", "VERB", 3, "amod"},
				{"goods", "goods", "NOUN", 0, "root"}, {"to", "to", "ADP", 5, "case"},
				{"Lebanon", "Lebanon", "PROPN", 3, "nmod"}},
			ments: []mk{isr(0), lbn(4)},
			trig:  "donated", code: "070", src: "ISR", tgt: "LBNGOV",
		},
		{
			name: "staged rallies to demand X's resignation: the rallies target X",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"staged", "stage", "VERB", 0, "root"},
				{"rallies", "rally", "NOUN", 2, "obj"}, {"to", "to", "PART", 5, "mark"},
				{"demand", "demand", "VERB", 2, "advcl"}, {"Israel", "Israel", "PROPN", 8, "nmod:poss"},
				{"'s", "'s", "PART", 6, "case"}, {"withdrawal", "withdrawal", "NOUN", 5, "obj"}},
			ments: []mk{lbn(0), isr(5)},
			trig:  "rallies", code: "141", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "protested after X fired: the oblique before a subjectless clause is its subject",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"protested", "protest", "VERB", 0, "root"},
				{"after", "after", "ADP", 4, "case"}, {"Israel", "Israel", "PROPN", 2, "obl"},
				{"fired", "fire", "VERB", 2, "advcl"}, {"missiles", "missile", "NOUN", 5, "obj"}},
			ments: []mk{lbn(0), isr(3)},
			trig:  "fired", code: "190", src: "ISR", tgt: "",
		},
		{
			name: "X on Monday extended sanctions on Y, parsed with X as the root: the participle is the verb",
			toks: []tk{{"Israel", "Israel", "PROPN", 0, "root"}, {"extended", "extended", "ADJ", 3, "amod"},
				{"sanctions", "sanction", "NOUN", 1, "nmod"}, {"on", "on", "ADP", 5, "case"},
				{"Hezbollah", "Hezbollah", "PROPN", 1, "nmod"}},
			ments: []mk{isr(0), hez(4)},
			trig:  "extended", code: "163", src: "ISR", tgt: "LBNREB",
		},
		{
			name: "firing at X and increasing its attacks: the attacks share the target",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"fired", "fire", "VERB", 0, "root"},
				{"at", "at", "ADP", 4, "case"}, {"Israel", "Israel", "PROPN", 2, "obl"},
				{"and", "and", "CCONJ", 6, "cc"}, {"increased", "increase", "VERB", 2, "conj"},
				{"its", "its", "PRON", 8, "nmod:poss"}, {"attacks", "attack", "NOUN", 6, "obj"}},
			ments: []mk{hez(0), isr(3), hez(6)},
			trig:  "attacks", code: "190", src: "LBNREB", tgt: "ISR",
		},
	}
	runTriggerCases(t, tests)
}

func TestLocation(t *testing.T) {
	tests := []struct {
		name  string
		toks  []tk
		ments []mk
		want  string
	}{
		{
			name: "strikes in a city",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"struck", "strike", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"in", "in", "ADP", 5, "case"},
				{"Beirut", "Beirut", "PROPN", 2, "obl"}},
			ments: []mk{isr(0), hez(2), {4, 5, 4, doc.KindPlace, "LBN"}},
			want:  "Beirut",
		},
		{
			name: "fired at a country: the country is the target, not the place",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"fired", "fire", "VERB", 0, "root"},
				{"at", "at", "ADP", 4, "case"}, {"Israel", "Israel", "PROPN", 2, "obl"}},
			ments: []mk{hez(0), isr(3)},
			want:  "",
		},
	}
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.toks, tt.ments)
			for i := range d.Mentions {
				d.Mentions[i].Name = d.Mentions[i].Text
				if d.Mentions[i].Kind == doc.KindPlace {
					d.Mentions[i].Country = d.Mentions[i].Code
				}
			}
			recs := c.Code(d)
			if len(recs) == 0 {
				t.Fatal("no record")
			}
			got := ""
			if l := recs[0].Location; l != nil {
				got = l.Name
			}
			if got != tt.want {
				t.Errorf("location %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPredicateAdjectivesAndStrikes(t *testing.T) {
	tests := []triggerCase{
		{
			name: "X was critical of Y: a predicate adjective read like a verb",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 3, "nsubj"}, {"was", "be", "AUX", 3, "cop"},
				{"critical", "critical", "ADJ", 0, "root"}, {"of", "of", "ADP", 5, "case"},
				{"Israel", "Israel", "PROPN", 3, "obl"}},
			ments: []mk{lbn(0), isr(4)},
			trig:  "critical", code: "111", src: "LBNGOV", tgt: "ISR",
		},
		{
			name: "a strike staged by workers is a labour strike",
			toks: []tk{{"Workers", "worker", "NOUN", 2, "nsubj"}, {"staged", "stage", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"strike", "strike", "NOUN", 2, "obj"},
				{"against", "against", "ADP", 6, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 4, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "LBNLAB"}, hez(5)},
			trig:  "strike", code: "143", src: "LBNLAB", tgt: "LBNREB",
		},
	}
	runTriggerCases(t, tests)
}
