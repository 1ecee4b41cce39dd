package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// TestTargetRules covers the target rules of target.go, linear.go and
// shareTargets on our own sentences: a threat's condition, the source's
// own belongings, helpers, "from" taken for a conjunction, the doer of an
// investigated deed, the purpose of the means used, objects the parser
// lost.
func TestTargetRules(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	tests := []triggerCase{
		{
			name: "a threat is aimed at whoever must meet its condition",
			// Iran threatened to close the strait unless Britain freed the tanker
			toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"threatened", "threaten", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"close", "close", "VERB", 2, "xcomp"},
				{"the", "the", "DET", 6, "det"}, {"strait", "strait", "NOUN", 4, "obj"},
				{"unless", "unless", "SCONJ", 9, "mark"}, {"Britain", "Britain", "PROPN", 9, "nsubj"},
				{"freed", "free", "VERB", 4, "advcl"}, {"the", "the", "DET", 11, "det"},
				{"tanker", "tanker", "NOUN", 9, "obj"}},
			ments: []mk{act(0, 1, "IRN"), act(7, 8, "GBR")},
			trig:  "threatened", code: "130", src: "IRN", tgt: "GBR",
		},
		{
			name: "an unless clause the parser took for a complement is the condition",
			// Iran threatened to close the strait unless Britain freed the tanker
			toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"threatened", "threaten", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"close", "close", "VERB", 2, "xcomp"},
				{"the", "the", "DET", 6, "det"}, {"strait", "strait", "NOUN", 4, "obj"},
				{"unless", "unless", "SCONJ", 9, "mark"}, {"Britain", "Britain", "PROPN", 9, "nsubj"},
				{"freed", "free", "VERB", 4, "ccomp"}, {"the", "the", "DET", 11, "det"},
				{"tanker", "tanker", "NOUN", 9, "obj"}},
			ments: []mk{act(0, 1, "IRN"), act(7, 8, "GBR")},
			trig:  "threatened", code: "130", src: "IRN", tgt: "GBR",
		},
		{
			name: "the source's own belongings are no target: the next party is",
			// Kenya closed its border with Somalia
			toks: []tk{{"Kenya", "Kenya", "PROPN", 2, "nsubj"}, {"closed", "close", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"border", "border", "NOUN", 2, "obj"},
				{"with", "with", "ADP", 6, "case"}, {"Somalia", "Somalia", "PROPN", 4, "nmod"}},
			ments: []mk{act(0, 1, "KEN"), {2, 3, 2, doc.KindActor, "KEN"}, act(5, 6, "SOM")},
			trig:  "closed", code: "191", src: "KEN", tgt: "SOM",
		},
		{
			name: "a helper is no party acted on",
			// Chad attacked the rebels' camps with Niger's help
			toks: []tk{{"Chad", "Chad", "PROPN", 2, "nsubj"}, {"attacked", "attack", "VERB", 0, "root"},
				{"the", "the", "DET", 5, "det"}, {"camps", "camp", "NOUN", 2, "obj"},
				{"with", "with", "ADP", 8, "case"}, {"Niger", "Niger", "PROPN", 8, "nmod:poss"},
				{"'s", "'s", "PART", 6, "case"}, {"help", "help", "NOUN", 2, "obl"}},
			ments: []mk{act(0, 1, "TCD"), act(5, 6, "NER")},
			trig:  "attacked", code: "190", src: "TCD", tgt: "",
		},
		{
			name: "\"from\" taken for a conjunction before a participle still names whom an act withdraws from",
			// Syria will pull its troops from neighbouring Lebanon
			toks: []tk{{"Syria", "Syria", "PROPN", 3, "nsubj"}, {"will", "will", "AUX", 3, "aux"},
				{"withdraw", "withdraw", "VERB", 0, "root"}, {"its", "its", "PRON", 5, "nmod:poss"},
				{"troops", "troop", "NOUN", 3, "obj"}, {"from", "from", "SCONJ", 7, "mark"},
				{"neighbouring", "neighbour", "VERB", 3, "advcl"}, {"Lebanon", "Lebanon", "PROPN", 7, "obj"}},
			ments: []mk{act(0, 1, "SYR"), {3, 4, 3, doc.KindActor, "SYR"}, act(7, 8, "LBN")},
			xpos:  map[int]string{6: "VBG"},
			trig:  "withdraw", code: "0356", src: "SYR", tgt: "LBN",
		},
		{
			name: "an investigation targets whoever did the deed it looks into",
			// Peru opened an inquiry into killings committed by Bolivian troops against farmers
			toks: []tk{{"Peru", "Peru", "PROPN", 2, "nsubj"}, {"opened", "open", "VERB", 0, "root"},
				{"an", "a", "DET", 4, "det"}, {"inquiry", "inquiry", "NOUN", 2, "obj"},
				{"into", "into", "ADP", 6, "case"}, {"killings", "killing", "NOUN", 4, "nmod"},
				{"committed", "commit", "VERB", 6, "acl"}, {"by", "by", "ADP", 10, "case"},
				{"Bolivian", "Bolivian", "ADJ", 10, "amod"}, {"troops", "troop", "NOUN", 7, "obl:agent"},
				{"against", "against", "ADP", 12, "case"}, {"farmers", "farmer", "NOUN", 10, "nmod"}},
			ments: []mk{act(0, 1, "PER"), act(8, 10, "BOLMIL"), act(11, 12, "PERAGR")},
			trig:  "opened", code: "090", src: "PER", tgt: "BOLMIL",
		},
		{
			name: "investigating a deed whose by-phrase the parser gave the verb",
			// Chile is investigating abuses by Chilean police against Peruvian migrants
			toks: []tk{{"Chile", "Chile", "PROPN", 3, "nsubj"}, {"is", "be", "AUX", 3, "aux"},
				{"investigating", "investigate", "VERB", 0, "root"}, {"abuses", "abuse", "NOUN", 3, "obj"},
				{"by", "by", "ADP", 7, "case"}, {"Chilean", "Chilean", "ADJ", 7, "amod"},
				{"police", "police", "NOUN", 3, "obl"}, {"against", "against", "ADP", 10, "case"},
				{"Peruvian", "Peruvian", "ADJ", 10, "amod"}, {"migrants", "migrant", "NOUN", 7, "nmod"}},
			ments: []mk{act(0, 1, "CHL"), act(5, 7, "CHLCOP"), act(8, 10, "PERREF")},
			trig:  "investigating", code: "092", src: "CHL", tgt: "CHLCOP",
		},
		{
			name: "what the means were used for names the target",
			// Togolese troops used tear gas to disperse students
			toks: []tk{{"Togolese", "Togolese", "ADJ", 2, "amod"}, {"troops", "troop", "NOUN", 3, "nsubj"},
				{"used", "use", "VERB", 0, "root"}, {"tear", "tear", "NOUN", 5, "compound"},
				{"gas", "gas", "NOUN", 3, "obj"}, {"to", "to", "PART", 7, "mark"},
				{"disperse", "disperse", "VERB", 5, "acl"}, {"students", "student", "NOUN", 7, "obj"}},
			ments: []mk{act(0, 2, "TGOMIL"), act(7, 8, "TGOEDU")},
			trig:  "used", code: "175", src: "TGOMIL", tgt: "TGOEDU",
		},
		{
			name: "an oblique without a preposition is the object the parser lost",
			// Sudanese troops drove out on Monday some 2,000 Chadian refugees
			toks: []tk{{"Sudanese", "Sudanese", "ADJ", 2, "amod"}, {"troops", "troop", "NOUN", 3, "nsubj"},
				{"expelled", "expel", "VERB", 0, "root"}, {"on", "on", "ADP", 5, "case"},
				{"Monday", "Monday", "PROPN", 3, "obl"}, {"2,000", "2000", "NUM", 8, "nummod"},
				{"Chadian", "Chadian", "ADJ", 8, "amod"}, {"refugees", "refugee", "NOUN", 3, "obl"}},
			ments: []mk{act(0, 2, "SDNMIL"), act(6, 8, "TCDREF")},
			trig:  "expelled", code: "174", src: "SDNMIL", tgt: "TCDREF",
		},
		{
			name: "a name before a number opening a second object is the first object",
			// Japan gave the Ivory Coast 5 million dollars
			toks: []tk{{"Japan", "Japan", "PROPN", 2, "nsubj"}, {"gave", "give", "VERB", 0, "root"},
				{"the", "the", "DET", 8, "det"}, {"Ivory", "Ivory", "PROPN", 5, "compound"},
				{"Coast", "Coast", "PROPN", 8, "compound"}, {"5", "5", "NUM", 7, "compound"},
				{"million", "million", "NUM", 8, "nummod"}, {"dollars", "dollar", "NOUN", 2, "obj"}},
			ments: []mk{act(0, 1, "JPN"), act(3, 5, "CIV")},
			trig:  "gave", code: "070", src: "JPN", tgt: "CIV",
		},
		{
			name: "an act on the source's own envoy is aimed where the envoy is posted",
			// Syria summoned its envoy in Copenhagen
			toks: []tk{{"Syria", "Syria", "PROPN", 2, "nsubj"}, {"summoned", "summon", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"envoy", "envoy", "NOUN", 2, "obj"},
				{"in", "in", "ADP", 6, "case"}, {"Copenhagen", "Copenhagen", "PROPN", 4, "nmod"}},
			ments: []mk{act(0, 1, "SYR"), act(3, 4, "SYRGOV"), {5, 6, 5, doc.KindPlace, "DNK"}},
			trig:  "summoned", code: "114", src: "SYR", tgt: "DNK",
		},
		{
			name: "another country's envoy stays the target",
			// Syria summoned the Danish envoy in Damascus
			toks: []tk{{"Syria", "Syria", "PROPN", 2, "nsubj"}, {"summoned", "summon", "VERB", 0, "root"},
				{"the", "the", "DET", 5, "det"}, {"Danish", "Danish", "ADJ", 5, "amod"}, {"envoy", "envoy", "NOUN", 2, "obj"},
				{"in", "in", "ADP", 7, "case"}, {"Damascus", "Damascus", "PROPN", 5, "nmod"}},
			ments: []mk{act(0, 1, "SYR"), act(3, 5, "DNKGOV"), {6, 7, 6, doc.KindPlace, "SYR"}},
			trig:  "summoned", code: "114", src: "SYR", tgt: "DNKGOV",
		},
		{
			name: "an actor qualifying the argument through two of its words counts once",
			// The EU imposed sanctions on Iranian drone makers
			toks: []tk{{"The", "the", "DET", 2, "det"}, {"EU", "EU", "PROPN", 3, "nsubj"}, {"imposed", "impose", "VERB", 0, "root"},
				{"sanctions", "sanction", "NOUN", 3, "obj"}, {"on", "on", "ADP", 8, "case"},
				{"Iranian", "Iranian", "ADJ", 8, "amod"}, {"drone", "drone", "NOUN", 8, "compound"},
				{"makers", "maker", "NOUN", 3, "obl"}},
			ments: []mk{act(0, 2, "IGOEEC"), {5, 7, 6, doc.KindActor, "IRNMIL"}},
			trig:  "imposed", code: "163", src: "IGOEEC", tgt: "IRNMIL",
		},
		{
			name: "a party that took its country from the source is another party",
			// Nepal accepted the demands of protesters
			toks: []tk{{"Nepal", "Nepal", "PROPN", 2, "nsubj"}, {"accepted", "accept", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"demands", "demand", "NOUN", 2, "obj"},
				{"of", "of", "ADP", 6, "case"}, {"protesters", "protester", "NOUN", 4, "nmod"}},
			ments:       []mk{act(0, 1, "NPL"), act(5, 6, "NPLOPP")},
			antecedents: map[int]int{1: 0},
			trig:        "accepted", code: "080", src: "NPL", tgt: "NPLOPP",
		},
		{
			name: "the deed's author hung on the condemning verb",
			// China condemned the visit by a US delegation to Taiwan
			toks: []tk{{"China", "China", "PROPN", 2, "nsubj"}, {"condemned", "condemn", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"visit", "visit", "NOUN", 2, "obj"},
				{"by", "by", "ADP", 8, "case"}, {"a", "a", "DET", 8, "det"}, {"US", "US", "PROPN", 8, "compound"},
				{"delegation", "delegation", "NOUN", 2, "obl"}, {"to", "to", "ADP", 10, "case"},
				{"Taiwan", "Taiwan", "PROPN", 8, "nmod"}},
			ments: []mk{act(0, 1, "CHN"), act(6, 8, "USAGOV"), act(9, 10, "TWN")},
			trig:  "condemned", code: "111", src: "CHN", tgt: "USAGOV",
		},
		{
			name: "the place a counted object is fired at",
			// Hezbollah fired dozens of rockets at northern Israel
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"fired", "fire", "VERB", 0, "root"},
				{"dozens", "dozen", "NOUN", 2, "obj"}, {"of", "of", "ADP", 5, "case"},
				{"rockets", "rocket", "NOUN", 3, "nmod"}, {"at", "at", "ADP", 8, "case"},
				{"northern", "northern", "ADJ", 8, "amod"}, {"Israel", "Israel", "PROPN", 5, "nmod"}},
			ments: []mk{act(0, 1, "LBNREB"), {6, 8, 7, doc.KindPlace, "ISR"}},
			trig:  "fired", code: "190", src: "LBNREB", tgt: "ISR",
		},
		{
			name: "the source named again is not whom it warns",
			// Iran warned that Tehran would respond to an Israeli attack
			toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"warned", "warn", "VERB", 0, "root"},
				{"that", "that", "SCONJ", 6, "mark"}, {"Tehran", "Tehran", "PROPN", 6, "nsubj"},
				{"would", "would", "AUX", 6, "aux"}, {"respond", "respond", "VERB", 2, "ccomp"},
				{"to", "to", "ADP", 10, "case"}, {"an", "a", "DET", 10, "det"},
				{"Israeli", "Israeli", "ADJ", 10, "amod"}, {"attack", "attack", "NOUN", 6, "obl"}},
			ments: []mk{act(0, 1, "IRNGOV"), act(3, 4, "IRNGOV"), act(8, 9, "ISR")},
			trig:  "warned", code: "130", src: "IRNGOV", tgt: "ISR",
		},
		{
			name: "an according-to phrase the parser coordinated with the target is no target",
			// North Korea sent troops to Russia, according to South Korea
			toks: []tk{{"North Korea", "North Korea", "PROPN", 2, "nsubj"}, {"sent", "send", "VERB", 0, "root"},
				{"troops", "troops", "NOUN", 2, "obj"}, {"to", "to", "ADP", 5, "case"},
				{"Russia", "Russia", "PROPN", 2, "obl"}, {",", ",", "PUNCT", 9, "punct"},
				{"according", "accord", "VERB", 9, "case"}, {"to", "to", "ADP", 7, "fixed"},
				{"Seoul", "Seoul", "PROPN", 5, "conj"}},
			ments: []mk{act(0, 1, "PRK"), act(4, 5, "RUS"), act(8, 9, "KORGOV")},
			trig:  "sent", code: "154", src: "PRK", tgt: "RUS",
		},
		{
			name: "where an agreement is signed is not a party to it",
			// Armenia signed a deal at the White House
			toks: []tk{{"Armenia", "Armenia", "PROPN", 2, "nsubj"}, {"signed", "sign", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"deal", "deal", "NOUN", 2, "obj"},
				{"at", "at", "ADP", 8, "case"}, {"the", "the", "DET", 8, "det"}, {"White", "White", "PROPN", 8, "compound"},
				{"House", "House", "PROPN", 2, "obl"}},
			ments: []mk{act(0, 1, "ARM"), act(6, 8, "USAGOV")},
			trig:  "signed", code: "057", src: "ARM", tgt: "",
		},
	}
	runTriggerCases(t, tests)
}

// TestLeadingTitle covers leadingTitle: an uncoded name set off after the
// phrase that opens the sentence is the actor that phrase describes.
func TestLeadingTitle(t *testing.T) {
	act := func(first, last int, code string) mk { return mk{first, last, last - 1, doc.KindActor, code} }
	runTriggerCases(t, []triggerCase{{
		name: "a title phrase before the name",
		// A minister of the Ghanaian government , Kofi Mensah , criticized Togo
		toks: []tk{{"A", "a", "DET", 2, "det"}, {"minister", "minister", "NOUN", 11, "obl:unmarked"},
			{"of", "of", "ADP", 6, "case"}, {"the", "the", "DET", 6, "det"},
			{"Ghanaian", "Ghanaian", "ADJ", 6, "amod"}, {"government", "government", "NOUN", 2, "nmod"},
			{",", ",", "PUNCT", 2, "punct"}, {"Kofi", "Kofi", "PROPN", 11, "nsubj"},
			{"Mensah", "Mensah", "PROPN", 8, "flat"}, {",", ",", "PUNCT", 8, "punct"},
			{"criticized", "criticize", "VERB", 0, "root"}, {"Togo", "Togo", "PROPN", 11, "obj"}},
		ments: []mk{act(4, 6, "GHAGOV"), act(7, 9, ""), act(11, 12, "TGO")},
		trig:  "criticized", code: "111", src: "GHAGOV", tgt: "TGO",
	}})
}

// TestAccusedDidIt: whom an accusation is against did what it names, as a
// gerund or an event noun ("accused Iran of arming Hezbollah", "accused
// Russia of a cyberattack").
func TestAccusedDidIt(t *testing.T) {
	c := newCoder(t)
	for _, tt := range []struct {
		name string
		toks []tk
		trig string
	}{
		{"gerund", []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"accused", "accuse", "VERB", 0, "root"},
			{"Iran", "Iran", "PROPN", 2, "obj"}, {"of", "of", "SCONJ", 5, "mark"},
			{"arming", "arm", "VERB", 2, "advcl"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"}}, "arming"},
		{"event noun", []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"accused", "accuse", "VERB", 0, "root"},
			{"Iran", "Iran", "PROPN", 2, "obj"}, {"of", "of", "ADP", 6, "case"}, {"an", "a", "DET", 6, "det"},
			{"attack", "attack", "NOUN", 2, "obl"}, {"on", "on", "ADP", 8, "case"}, {"Hezbollah", "Hezbollah", "PROPN", 6, "nmod"}}, "attack"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.toks) - 1
			d := buildTagged(tt.toks, []mk{{0, 1, 0, doc.KindActor, "ISR"}, {2, 3, 2, doc.KindActor, "IRN"},
				{n, n + 1, n, doc.KindActor, "LBNREB"}}, map[int]string{4: "VBG"})
			r := recordOf(c.Code(d), tt.trig)
			if r == nil {
				t.Fatalf("no record triggered by %q", tt.trig)
			}
			if got := codesOf(r.Source); got != "IRN" {
				t.Errorf("%s: source %s (%s), want IRN", tt.trig, got, r.Explain)
			}
		})
	}
}

// TestForPhraseEvents: an event noun in a for-, during- or on-phrase is the
// subject's ("headed to Amman for talks with the king"), unless the verb
// asks for it ("called for talks") or judges its object for it ("blamed
// the rebels for the attack": theirs).
func TestForPhraseEvents(t *testing.T) {
	c := newCoder(t)
	for _, tt := range []struct {
		name     string
		toks     []tk
		ments    []mk
		trig     string
		src, tgt string
	}{
		{"purpose", []tk{{"Arafat", "Arafat", "PROPN", 2, "nsubj"}, {"flew", "fly", "VERB", 0, "root"},
			{"to", "to", "ADP", 4, "case"}, {"Amman", "Amman", "PROPN", 2, "obl"}, {"for", "for", "ADP", 6, "case"},
			{"talks", "talk", "NOUN", 2, "obl"}, {"with", "with", "ADP", 9, "case"}, {"the", "the", "DET", 9, "det"},
			{"king", "king", "NOUN", 6, "nmod"}},
			[]mk{{0, 1, 0, doc.KindActor, "PSEGOV"}, {8, 9, 8, doc.KindActor, "JORGOV"}}, "talks", "PSEGOV", "JORGOV"},
		{"judged for it", []tk{{"Rainsy", "Rainsy", "PROPN", 2, "nsubj"}, {"blamed", "blame", "VERB", 0, "root"},
			{"the", "the", "DET", 4, "det"}, {"government", "government", "NOUN", 2, "obj"}, {"for", "for", "ADP", 7, "case"},
			{"the", "the", "DET", 7, "det"}, {"attack", "attack", "NOUN", 2, "obl"}},
			[]mk{{0, 1, 0, doc.KindActor, "KHMOPP"}, {2, 4, 3, doc.KindActor, "KHMGOV"}}, "attack", "KHMGOV", ""},
		{"what they get in exchange", []tk{{"Rebels", "rebel", "NOUN", 2, "nsubj"}, {"disarmed", "disarm", "VERB", 0, "root"},
			{"in", "in", "ADP", 4, "case"}, {"exchange", "exchange", "NOUN", 2, "obl"}, {"for", "for", "ADP", 7, "case"},
			{"an", "a", "DET", 7, "det"}, {"amnesty", "amnesty", "NOUN", 2, "obl"}},
			[]mk{{0, 1, 0, doc.KindActor, "COLREB"}}, "amnesty", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := recordOf(c.Code(build(tt.toks, tt.ments)), tt.trig)
			switch {
			case r == nil && tt.src == "" && tt.tgt == "":
				// no party: no record is right
			case r == nil:
				t.Errorf("no record triggered by %q", tt.trig)
			case codesOf(r.Source) != tt.src || codesOf(r.Target) != tt.tgt:
				t.Errorf("%s: %s>%s (%s), want %s>%s", tt.trig, codesOf(r.Source), codesOf(r.Target), r.Explain, tt.src, tt.tgt)
			}
		})
	}
}

// TestPatientPossessor: a noun whose of-object is its patient has, without
// one, its possessor for patient ("Kolesnikova's arrest by Belarus"), and
// keeps the possessor for agent with one ("the UN's suspension of aid").
func TestPatientPossessor(t *testing.T) {
	c := newCoder(t)
	for _, tt := range []struct {
		name     string
		toks     []tk
		ments    []mk
		src, tgt string
	}{
		{"patient", []tk{{"Belarus", "Belarus", "PROPN", 2, "nsubj"}, {"ordered", "order", "VERB", 0, "root"},
			{"Kolesnikova", "Kolesnikova", "PROPN", 5, "nmod:poss"}, {"'s", "'s", "PART", 3, "case"},
			{"arrest", "arrest", "NOUN", 2, "obj"}},
			[]mk{{0, 1, 0, doc.KindActor, "BLR"}, {2, 3, 2, doc.KindActor, "BLROPP"}}, "BLR", "BLROPP"},
		{"agent", []tk{{"Sudan", "Sudan", "PROPN", 2, "nsubj"}, {"condemned", "condemn", "VERB", 0, "root"},
			{"the", "the", "DET", 4, "det"}, {"UN", "UN", "PROPN", 6, "nmod:poss"}, {"'s", "'s", "PART", 4, "case"},
			{"expulsion", "expulsion", "NOUN", 2, "obj"}, {"of", "of", "ADP", 8, "case"}, {"refugees", "refugee", "NOUN", 6, "nmod"}},
			[]mk{{0, 1, 0, doc.KindActor, "SDN"}, {3, 4, 3, doc.KindActor, "IGOUNO"}, {7, 8, 7, doc.KindActor, "SDNREF"}}, "IGOUNO", "SDNREF"},
		{"own act", []tk{{"The", "the", "DET", 5, "det"}, {"Iran", "Iran", "PROPN", 5, "nmod:poss"}, {"'s", "'s", "PART", 2, "case"},
			{"sudden", "sudden", "ADJ", 5, "amod"}, {"refusal", "refusal", "NOUN", 6, "nsubj"}, {"angered", "anger", "VERB", 0, "root"},
			{"Europe", "Europe", "PROPN", 6, "obj"}},
			[]mk{{1, 2, 1, doc.KindActor, "IRN"}, {6, 7, 6, doc.KindActor, "IGOEEC"}}, "IRN", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			recs := c.Code(build(tt.toks, tt.ments))
			r := recordOf(recs, "arrest")
			if r == nil {
				r = recordOf(recs, "expulsion")
			}
			if r == nil {
				r = recordOf(recs, "refusal")
			}
			if r == nil {
				t.Fatalf("no record of the noun")
			}
			if codesOf(r.Source) != tt.src || codesOf(r.Target) != tt.tgt {
				t.Errorf("%s: %s>%s (%s), want %s>%s", r.Trigger.Text, codesOf(r.Source), codesOf(r.Target), r.Explain, tt.src, tt.tgt)
			}
		})
	}
}

// TestListedSources: the members of a list the parser broke are all sources
// of its verb: demonyms coordinated before one agent noun ("Lebanese and
// Israeli troops"), the first of a list made a compound of the second
// ("Mali, Burkina Faso and Niger"), two countries in apposition as
// headlines list them ("Pakistan, India agree").
func TestListedSources(t *testing.T) {
	c := newCoder(t)
	for _, tt := range []struct {
		name    string
		toks    []tk
		ments   []mk
		sectors bool // give mentions the sector their code names
		want    string
	}{
		{"coordinated demonyms", []tk{{"Lebanese", "Lebanese", "ADJ", 4, "amod"}, {"and", "and", "CCONJ", 3, "cc"},
			{"Israeli", "Israeli", "ADJ", 1, "conj"}, {"troops", "troops", "NOUN", 5, "nsubj"},
			{"attacked", "attack", "VERB", 0, "root"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"}},
			[]mk{{0, 1, 0, doc.KindActor, "LBNMIL"}, {2, 4, 3, doc.KindActor, "ISRMIL"}, {5, 6, 5, doc.KindActor, "LBNREB"}},
			true, "ISRMIL+LBNMIL"},
		{"first of a list taken for a compound", []tk{{"Mali", "Mali", "PROPN", 4, "compound"}, {",", ",", "PUNCT", 3, "punct"},
			{"Burkina", "Burkina", "PROPN", 4, "compound"}, {"Faso", "Faso", "PROPN", 7, "nsubj"},
			{"and", "and", "CCONJ", 6, "cc"}, {"Niger", "Niger", "PROPN", 4, "conj"},
			{"attacked", "attack", "VERB", 0, "root"}, {"rebels", "rebel", "NOUN", 7, "obj"}},
			[]mk{{0, 1, 0, doc.KindActor, "MLI"}, {2, 4, 3, doc.KindActor, "BFA"},
				{5, 6, 5, doc.KindActor, "NER"}, {7, 8, 7, doc.KindActor, "MLIREB"}},
			false, "BFA+MLI+NER"},
		{"countries in apposition", []tk{{"Pakistan", "Pakistan", "PROPN", 4, "nsubj"}, {",", ",", "PUNCT", 3, "punct"},
			{"India", "India", "PROPN", 1, "appos"}, {"attacked", "attack", "VERB", 0, "root"},
			{"militants", "militant", "NOUN", 4, "obj"}},
			[]mk{{0, 1, 0, doc.KindActor, "PAK"}, {2, 3, 2, doc.KindActor, "IND"}, {4, 5, 4, doc.KindActor, "REB"}},
			false, "PAK+IND"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.toks, tt.ments)
			for i := range d.Mentions {
				if m := &d.Mentions[i]; tt.sectors && len(m.Code) >= 6 {
					m.Sector = m.Code[3:6]
				}
			}
			recs := c.Code(d)
			if len(recs) != 1 || codesOf(recs[0].Source) != tt.want {
				for _, r := range recs {
					t.Logf("got %s %s>%s (%s)", r.Cameo, codesOf(r.Source), codesOf(r.Target), r.Explain)
				}
				t.Errorf("want one record with sources %s", tt.want)
			}
		})
	}
}

// recordOf returns the first of recs triggered by the word trig, or nil.
func recordOf(recs []event.Record, trig string) *event.Record {
	for i := range recs {
		if recs[i].Trigger != nil && recs[i].Trigger.Text == trig {
			return &recs[i]
		}
	}
	return nil
}
