package coder

import (
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/ontology"
)

// tk is a hand-built token: text, lemma, UPOS, 1-based head, relation.
type tk struct {
	text, lemma, upos string
	head              int
	rel               string
}

// mk is a hand-built mention over tokens [first, last) with head token.
type mk struct {
	first, last, head int
	kind, code        string
}

// isr, hez and lbn are one-token actor mentions of Israel, Hezbollah and
// the Lebanese government at token i.
func isr(i int) mk { return mk{i, i + 1, i, doc.KindActor, "ISR"} }
func hez(i int) mk { return mk{i, i + 1, i, doc.KindActor, "LBNREB"} }
func lbn(i int) mk { return mk{i, i + 1, i, doc.KindActor, "LBNGOV"} }

// build makes a one-sentence Doc from tokens and mentions.
func build(toks []tk, ments []mk) *doc.Doc {
	d := &doc.Doc{Article: doc.Article{ID: "t"}}
	var text strings.Builder
	for i, t := range toks {
		if i > 0 {
			text.WriteByte(' ')
		}
		start := len([]rune(text.String()))
		text.WriteString(t.text)
		d.Tokens = append(d.Tokens, doc.Token{Text: t.text, Start: start, End: start + len([]rune(t.text)),
			Lemma: t.lemma, UPOS: t.upos, Head: t.head, DepRel: t.rel, SpaceAfter: true})
	}
	d.Text = text.String()
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len([]rune(d.Text))}, Text: d.Text, First: 0, Last: len(toks)}}
	for _, m := range ments {
		var words []string
		for _, t := range toks[m.first:m.last] {
			words = append(words, t.text)
		}
		d.Mentions = append(d.Mentions, doc.Mention{
			Span:  doc.Span{Start: d.Tokens[m.first].Start, End: d.Tokens[m.last-1].End},
			First: m.first, Last: m.last, Head: m.head, Text: strings.Join(words, " "),
			Kind: m.kind, Code: m.code, Country: m.code[:min(3, len(m.code))], Via: doc.ViaDictionary, Antecedent: -1,
		})
	}
	return d
}

func newCoder(t testing.TB) *Coder {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(lex, ont)
}

// want is an expected record: trigger text, code, status, source and
// target codes.
type want struct {
	trigger, code string
	status        event.Status
	src, tgt      string // codes joined by "+"
}

func codesOf(as []event.Actor) string {
	var cs []string
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, "+")
}

func TestCode(t *testing.T) {
	tests := []struct {
		name  string
		toks  []tk
		ments []mk
		want  []want
	}{
		{
			name: "active verb",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"attacked", "attack", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}},
			ments: []mk{isr(0), hez(2)},
			want:  []want{{"attacked", "190", event.Asserted, "ISR", "LBNREB"}},
		},
		{
			name: "passive with by-agent",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 3, "nsubj:pass"}, {"was", "be", "AUX", 3, "aux:pass"},
				{"attacked", "attack", "VERB", 0, "root"}, {"by", "by", "ADP", 5, "case"},
				{"Israel", "Israel", "PROPN", 3, "obl:agent"}},
			ments: []mk{hez(0), isr(4)},
			want:  []want{{"attacked", "190", event.Asserted, "ISR", "LBNREB"}},
		},
		{
			name: "coordinated subjects",
			toks: []tk{{"the", "the", "DET", 2, "det"}, {"US", "US", "PROPN", 5, "nsubj"}, {"and", "and", "CCONJ", 4, "cc"},
				{"Israel", "Israel", "PROPN", 2, "conj"}, {"rejected", "reject", "VERB", 0, "root"},
				{"Barrack", "Barrack", "PROPN", 5, "obj"}},
			ments: []mk{{0, 2, 1, doc.KindActor, "USA"}, isr(3), {5, 6, 5, doc.KindActor, "USAGOV"}},
			want:  []want{{"rejected", "120", event.Asserted, "USA+ISR", "USAGOV"}},
		},
		{
			name: "negation",
			toks: []tk{{"Israel", "Israel", "PROPN", 4, "nsubj"}, {"did", "do", "AUX", 4, "aux"}, {"not", "not", "PART", 4, "advmod"},
				{"attack", "attack", "VERB", 0, "root"}, {"Hezbollah", "Hezbollah", "PROPN", 4, "obj"}},
			ments: []mk{isr(0), hez(4)},
			want:  []want{{"attack", "190", event.Negated, "ISR", "LBNREB"}},
		},
		{
			name: "will",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"will", "will", "AUX", 3, "aux"},
				{"attack", "attack", "VERB", 0, "root"}, {"Hezbollah", "Hezbollah", "PROPN", 3, "obj"}},
			ments: []mk{isr(0), hez(3)},
			want:  []want{{"attack", "1384", event.Intended, "ISR", "LBNREB"}}, // a threat of attack
		},
		{
			name: "could",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"could", "could", "AUX", 3, "aux"},
				{"attack", "attack", "VERB", 0, "root"}, {"Hezbollah", "Hezbollah", "PROPN", 3, "obj"}},
			ments: []mk{isr(0), hez(3)},
			want:  []want{{"attack", "190", event.Hypothetical, "ISR", "LBNREB"}},
		},
		{
			name: "must: an obligation is not an act",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"must", "must", "AUX", 3, "aux"},
				{"attack", "attack", "VERB", 0, "root"}, {"Hezbollah", "Hezbollah", "PROPN", 3, "obj"}},
			ments: []mk{isr(0), hez(3)},
			want:  []want{{"attack", "190", event.Hypothetical, "ISR", "LBNREB"}},
		},
		{
			name: "if ... not: a negated condition is hypothetical",
			toks: []tk{{"If", "if", "SCONJ", 5, "mark"}, {"Israel", "Israel", "PROPN", 5, "nsubj"},
				{"does", "do", "AUX", 5, "aux"}, {"not", "not", "PART", 5, "advmod"},
				{"attack", "attack", "VERB", 9, "advcl"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"},
				{",", ",", "PUNCT", 9, "punct"}, {"talks", "talk", "NOUN", 9, "nsubj"},
				{"resume", "resume", "VERB", 0, "root"}},
			ments: []mk{{1, 2, 1, doc.KindActor, "ISR"}, hez(5)},
			want:  []want{{"attack", "190", event.Hypothetical, "ISR", "LBNREB"}},
		},
		{
			name: "an order to another country's forces is a demand, its content not done yet",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"ordered", "order", "VERB", 0, "root"},
				{"Syrian", "Syrian", "ADJ", 4, "amod"}, {"troops", "troop", "NOUN", 2, "obj"},
				{"to", "to", "PART", 6, "mark"}, {"withdraw", "withdraw", "VERB", 2, "xcomp"}},
			ments: []mk{isr(0), {2, 4, 3, doc.KindActor, "SYRMIL"}},
			want: []want{{"ordered", "1056", event.Asserted, "ISR", "SYRMIL"}, // a demand to withdraw
				{"withdraw", "0356", event.Intended, "SYRMIL", ""}},
		},
		{
			name: "an order to one's own forces enacts its content",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"ordered", "order", "VERB", 0, "root"},
				{"its", "its", "PRON", 4, "nmod:poss"}, {"troops", "troop", "NOUN", 2, "obj"},
				{"to", "to", "PART", 6, "mark"}, {"withdraw", "withdraw", "VERB", 2, "xcomp"}},
			ments: []mk{isr(0), {2, 4, 3, doc.KindActor, "ISRMIL"}},
			want:  []want{{"withdraw", "0874", event.Asserted, "ISRMIL", ""}},
		},
		{
			name: "any attack is no attack in particular, and no nuclear attack",
			// Iran warned against any Israeli attack on its nuclear facilities
			toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"warned", "warn", "VERB", 0, "root"},
				{"against", "against", "ADP", 6, "case"}, {"any", "any", "DET", 6, "det"},
				{"Israeli", "Israeli", "ADJ", 6, "amod"}, {"attack", "attack", "NOUN", 2, "obl"},
				{"on", "on", "ADP", 10, "case"}, {"its", "its", "PRON", 10, "nmod:poss"},
				{"nuclear", "nuclear", "ADJ", 10, "amod"}, {"facilities", "facility", "NOUN", 6, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "IRN"}, {4, 5, 4, doc.KindActor, "ISR"}, {7, 8, 7, doc.KindActor, "IRN"}},
			want: []want{{"warned", "012", event.Asserted, "IRN", ""},
				{"attack", "190", event.Hypothetical, "ISR", "IRN"}},
		},
		{
			name: "the recipient hung on the thing delivered",
			// Germany will deliver tanks to Ukraine
			toks: []tk{{"Germany", "Germany", "PROPN", 3, "nsubj"}, {"will", "will", "AUX", 3, "aux"},
				{"deliver", "deliver", "VERB", 0, "root"}, {"tanks", "tank", "NOUN", 3, "obj"},
				{"to", "to", "ADP", 6, "case"}, {"Ukraine", "Ukraine", "PROPN", 4, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "DEU"}, {5, 6, 5, doc.KindActor, "UKR"}},
			want:  []want{{"deliver", "0332", event.Intended, "DEU", "UKR"}}, // arms: military aid
		},
		{
			name: "a proposal presented is the presenter's",
			// Egypt presented a proposal to Hamas
			toks: []tk{{"Egypt", "Egypt", "PROPN", 2, "nsubj"}, {"presented", "present", "VERB", 0, "root"},
				{"a", "a", "DET", 4, "det"}, {"proposal", "proposal", "NOUN", 2, "obj"},
				{"to", "to", "ADP", 6, "case"}, {"Hamas", "Hamas", "PROPN", 4, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "EGY"}, {5, 6, 5, doc.KindActor, "PSEREB"}},
			want:  []want{{"proposal", "030", event.Asserted, "EGY", "PSEREB"}},
		},
		{
			name: "a multiword noun's word may hang on its compound",
			// Pyongyang staged a nuclear weapons test
			toks: []tk{{"Pyongyang", "Pyongyang", "PROPN", 2, "nsubj"}, {"staged", "stage", "VERB", 0, "root"},
				{"a", "a", "DET", 6, "det"}, {"nuclear", "nuclear", "ADJ", 5, "amod"},
				{"weapons", "weapon", "NOUN", 6, "compound"}, {"test", "test", "NOUN", 2, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "PRKGOV"}},
			want:  []want{{"test", "150", event.Asserted, "PRKGOV", ""}},
		},
		{
			name: "whom a call is on does what it asks, the infinitive taken for an adverbial clause",
			// The EU called on member states to recognise Palestine
			toks: []tk{{"The", "the", "DET", 2, "det"}, {"EU", "EU", "PROPN", 3, "nsubj"},
				{"called", "call", "VERB", 0, "root"}, {"on", "on", "ADP", 6, "case"},
				{"member", "member", "NOUN", 6, "compound"}, {"states", "state", "NOUN", 3, "obl"},
				{"to", "to", "PART", 8, "mark"}, {"recognise", "recognise", "VERB", 3, "advcl"},
				{"Palestine", "Palestine", "PROPN", 8, "obj"}},
			ments: []mk{{0, 2, 1, doc.KindActor, "IGOEEC"}, {8, 9, 8, doc.KindActor, "PSE"}},
			// The recognition is the unnamed member states', so no record.
			want: []want{{"called", "020", event.Asserted, "IGOEEC", "PSE"}},
		},
		{
			name: "aid delivered is the deliverer's",
			// The WFP delivered food aid to Ethiopia
			toks: []tk{{"The", "the", "DET", 2, "det"}, {"WFP", "WFP", "PROPN", 3, "nsubj"},
				{"delivered", "deliver", "VERB", 0, "root"}, {"food", "food", "NOUN", 5, "compound"},
				{"aid", "aid", "NOUN", 3, "obj"}, {"to", "to", "ADP", 7, "case"},
				{"Ethiopia", "Ethiopia", "PROPN", 5, "nmod"}},
			ments: []mk{{0, 2, 1, doc.KindActor, "IGOWFP"}, {6, 7, 6, doc.KindActor, "ETH"}},
			want:  []want{{"aid", "073", event.Asserted, "IGOWFP", "ETH"}},
		},
		{
			name: "weapons launched are the verb's, not an event noun's",
			// Russia launched 120 drones overnight
			toks: []tk{{"Russia", "Russia", "PROPN", 2, "nsubj"}, {"launched", "launch", "VERB", 0, "root"},
				{"120", "120", "NUM", 4, "nummod"}, {"drones", "drone", "NOUN", 2, "obj"},
				{"overnight", "overnight", "ADV", 2, "advmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "RUS"}, {3, 4, 3, doc.KindActor, ""}},
			want:  []want{{"launched", "195", event.Asserted, "RUS", ""}},
		},
		{
			name: "what an intended act carries out is intended too",
			// Israel agreed to resume talks
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"agreed", "agree", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"resume", "resume", "VERB", 2, "xcomp"},
				{"talks", "talk", "NOUN", 4, "obj"}, {"with", "with", "ADP", 7, "case"},
				{"Syria", "Syria", "PROPN", 5, "nmod"}},
			ments: []mk{isr(0), {6, 7, 6, doc.KindActor, "SYR"}},
			want:  []want{{"agreed", "036", event.Asserted, "ISR", "SYR"}},
		},
		{
			name: "a call that reaches no one is no telephone call",
			// Israel called an early election
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"called", "call", "VERB", 0, "root"},
				{"an", "a", "DET", 5, "det"}, {"early", "early", "ADJ", 5, "amod"}, {"election", "election", "NOUN", 2, "obj"}},
			ments: []mk{isr(0)},
			want:  nil,
		},
		{
			name: "being called without a caller names or summons",
			// Egypt was called to the talks
			toks: []tk{{"Egypt", "Egypt", "PROPN", 3, "nsubj:pass"}, {"was", "be", "AUX", 3, "aux:pass"},
				{"called", "call", "VERB", 0, "root"}, {"to", "to", "ADP", 6, "case"}, {"the", "the", "DET", 6, "det"},
				{"talks", "talk", "NOUN", 3, "obl"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "EGY"}},
			want:  nil,
		},
		{
			name: "being called by a caller is a telephone call",
			// Egypt was called by Israel
			toks: []tk{{"Egypt", "Egypt", "PROPN", 3, "nsubj:pass"}, {"was", "be", "AUX", 3, "aux:pass"},
				{"called", "call", "VERB", 0, "root"}, {"by", "by", "ADP", 5, "case"}, {"Israel", "Israel", "PROPN", 3, "obl:agent"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "EGY"}, isr(4)},
			want:  []want{{"called", "041", event.Asserted, "ISR", "EGY"}},
		},
		{
			name: "a call received is the caller's, aimed at the receiver",
			// Egypt received a phone call from Israel
			toks: []tk{{"Egypt", "Egypt", "PROPN", 2, "nsubj"}, {"received", "receive", "VERB", 0, "root"},
				{"a", "a", "DET", 5, "det"}, {"phone", "phone", "NOUN", 5, "compound"}, {"call", "call", "NOUN", 2, "obj"},
				{"from", "from", "ADP", 7, "case"}, {"Israel", "Israel", "PROPN", 5, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "EGY"}, isr(6)},
			want:  []want{{"call", "041", event.Asserted, "ISR", "EGY"}},
		},
		{
			name: "refused to attack",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"refused", "refuse", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"attack", "attack", "VERB", 2, "xcomp"},
				{"Hezbollah", "Hezbollah", "PROPN", 4, "obj"}},
			ments: []mk{isr(0), hez(4)},
			want: []want{{"refused", "120", event.Asserted, "ISR", "LBNREB"}, // what is refused concerns Hezbollah
				{"attack", "190", event.Negated, "ISR", "LBNREB"}},
		},
		{
			name: "will not lift: a refusal to yield",
			toks: []tk{{"Israel", "Israel", "PROPN", 4, "nsubj"}, {"will", "will", "AUX", 4, "aux"},
				{"not", "not", "PART", 4, "advmod"}, {"lift", "lift", "VERB", 0, "root"},
				{"the", "the", "DET", 6, "det"}, {"blockade", "blockade", "NOUN", 4, "obj"},
				{"of", "of", "ADP", 8, "case"}, {"Gaza", "Gaza", "PROPN", 6, "nmod"}},
			ments: []mk{isr(0), {7, 8, 7, doc.KindPlace, "PSE"}},
			want:  []want{{"lift", "1246", event.Asserted, "ISR", "PSE"}},
		},
		{
			name: "agreed to hold talks",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"agreed", "agree", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"hold", "hold", "VERB", 2, "xcomp"},
				{"talks", "talk", "NOUN", 4, "obj"}, {"with", "with", "ADP", 7, "case"},
				{"Hezbollah", "Hezbollah", "PROPN", 4, "obl"}},
			ments: []mk{isr(0), hez(6)},
			want:  []want{{"agreed", "036", event.Asserted, "ISR", "LBNREB"}}, // the talks are its content
		},
		{
			name: "asked him to mediate",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"asked", "ask", "VERB", 0, "root"},
				{"Barrack", "Barrack", "PROPN", 2, "obj"}, {"to", "to", "PART", 5, "mark"},
				{"meet", "meet", "VERB", 2, "xcomp"}, {"Israel", "Israel", "PROPN", 5, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "LBNGOV"}, {2, 3, 2, doc.KindActor, "USAGOV"}, isr(5)},
			want:  []want{{"asked", "026", event.Asserted, "LBNGOV", "USAGOV"}},
		},
		{
			name: "called on X to do Y: one appeal, Y its content",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"called", "call", "VERB", 0, "root"},
				{"on", "on", "ADP", 4, "case"}, {"Israel", "Israel", "PROPN", 2, "obl"},
				{"to", "to", "PART", 6, "mark"}, {"attack", "attack", "VERB", 2, "xcomp"},
				{"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "LBNGOV"}, isr(3), hez(6)},
			want:  []want{{"called", "020", event.Asserted, "LBNGOV", "ISR"}},
		},
		{
			name: "will visit: an intent to meet",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"will", "will", "AUX", 3, "aux"},
				{"visit", "visit", "VERB", 0, "root"}, {"Lebanon", "Lebanon", "PROPN", 3, "obj"}},
			ments: []mk{isr(0), {3, 4, 3, doc.KindActor, "LBN"}},
			want:  []want{{"visit", "036", event.Intended, "ISR", "LBN"}},
		},
		{
			name: "vowed to retaliate: a threat",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"vowed", "vow", "VERB", 0, "root"},
				{"to", "to", "PART", 4, "mark"}, {"attack", "attack", "VERB", 2, "xcomp"},
				{"Hezbollah", "Hezbollah", "PROPN", 4, "obj"}},
			ments: []mk{isr(0), hez(4)},
			want:  []want{{"vowed", "1384", event.Asserted, "ISR", "LBNREB"}},
		},
		{
			name: "said X must: a demand on X",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"said", "say", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 5, "nsubj"}, {"must", "must", "AUX", 5, "aux"},
				{"release", "release", "VERB", 2, "ccomp"}, {"prisoners", "prisoner", "NOUN", 5, "obj"}},
			ments: []mk{isr(0), hez(2)},
			want:  []want{{"said", "1053", event.Asserted, "ISR", "LBNREB"}},
		},
		{
			name: "gave X aid: the indirect object is the target",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"gave", "give", "VERB", 0, "root"},
				{"Lebanon", "Lebanon", "PROPN", 2, "iobj"}, {"aid", "aid", "NOUN", 2, "obj"}},
			ments: []mk{isr(0), {2, 3, 2, doc.KindActor, "LBN"}},
			want:  []want{{"gave", "070", event.Asserted, "ISR", "LBN"}},
		},
		{
			name: "lifted the curfew in a place: the place's country is the target",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"lifted", "lift", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"curfew", "curfew", "NOUN", 2, "obj"},
				{"in", "in", "ADP", 6, "case"}, {"Hebron", "Hebron", "PROPN", 2, "obl"}},
			ments: []mk{isr(0), {5, 6, 5, doc.KindPlace, "PSE"}},
			want:  []want{{"lifted", "0813", event.Asserted, "ISR", "PSE"}},
		},
		{
			name: "nominal event with possessive source and on target",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 3, "nmod:poss"}, {"'s", "'s", "PART", 1, "case"},
				{"ban", "ban", "NOUN", 0, "root"}, {"on", "on", "ADP", 5, "case"},
				{"Hezbollah", "Hezbollah", "PROPN", 3, "nmod"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "LBNGOV"}, hez(4)},
			want:  []want{{"ban", "1722", event.Asserted, "LBNGOV", "LBNREB"}},
		},
		{
			name: "reported speech codes the embedded event only",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"said", "say", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 4, "nsubj"}, {"attacked", "attack", "VERB", 2, "ccomp"},
				{"Beirut", "Beirut", "PROPN", 4, "obj"}},
			ments: []mk{hez(0), isr(2), {4, 5, 4, doc.KindPlace, "LBN"}},
			want:  []want{{"attacked", "190", event.Asserted, "ISR", "LBN"}},
		},
		{
			name: "rejection targets the author of the proposal",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"proposed", "propose", "VERB", 0, "root"},
				{"talks", "talk", "NOUN", 2, "obj"}, {".", ".", "PUNCT", 2, "punct"},
				{"Israel", "Israel", "PROPN", 6, "nsubj"}, {"rejected", "reject", "VERB", 2, "parataxis"},
				{"it", "it", "PRON", 6, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindActor, "LBN"}, isr(4)},
			want: []want{{"proposed", "036", event.Asserted, "LBN", ""},
				{"rejected", "120", event.Asserted, "ISR", "LBN"}},
		},
		{
			name: "outlets are never arguments",
			toks: []tk{{"Reuters", "Reuters", "PROPN", 2, "nsubj"}, {"criticized", "criticize", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 2, "obj"}},
			ments: []mk{{0, 1, 0, doc.KindOutlet, "GBRMED"}, isr(2)},
			want:  []want{{"criticized", "111", event.Asserted, "", "ISR"}},
		},
	}
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.toks, tt.ments)
			recs := c.Code(d)
			if len(recs) != len(tt.want) {
				for _, r := range recs {
					t.Logf("got %s %s %s", r.Trigger.Text, r.Cameo, r.Explain)
				}
				t.Fatalf("got %d records, want %d", len(recs), len(tt.want))
			}
			for i, w := range tt.want {
				r := recs[i]
				got := want{r.Trigger.Text, r.Cameo, r.Status, codesOf(r.Source), codesOf(r.Target)}
				if got != w {
					t.Errorf("record %d = %+v, want %+v (%s)", i, got, w, r.Explain)
				}
				if r.ID == "" || r.Explain == "" || r.Confidence <= 0 || r.PentaClass == nil || r.Text != d.Text {
					t.Errorf("record %d incomplete: %+v", i, r)
				}
			}
		})
	}
}

func TestNoActorsNoRecord(t *testing.T) {
	d := build([]tk{{"They", "they", "PRON", 2, "nsubj"}, {"attacked", "attack", "VERB", 0, "root"},
		{"it", "it", "PRON", 2, "obj"}}, nil)
	if recs := newCoder(t).Code(d); len(recs) != 0 {
		t.Errorf("got %d records, want none", len(recs))
	}
}

func TestConfidenceAndConcurrency(t *testing.T) {
	c := newCoder(t)
	toks := []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"attacked", "attack", "VERB", 0, "root"}}
	d := build(toks, []mk{{0, 1, 0, doc.KindActor, "ISR"}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			recs := c.Code(d)
			if len(recs) != 1 || recs[0].Confidence != 0.65 {
				t.Errorf("got %+v, want one record of confidence 0.65 (no target, main clause)", recs)
			}
		}()
	}
	wg.Wait()
}
