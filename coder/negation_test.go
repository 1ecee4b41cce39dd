package coder

import (
	"testing"

	"github.com/sitrep/sitrep/event"
)

// statusCase is a hand-built sentence and the record expected of one of
// its triggers: code, status, source and target codes.
type statusCase struct {
	name     string
	toks     []tk
	ments    []mk
	trig     string
	code     string
	status   event.Status
	src, tgt string
}

// runStatusCases codes each case (mentions get the sector their code
// names) and checks the record of its trigger.
func runStatusCases(t *testing.T, tests []statusCase) {
	t.Helper()
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.toks, tt.ments)
			for i := range d.Mentions {
				if m := &d.Mentions[i]; len(m.Code) >= 6 {
					m.Sector = m.Code[3:6]
				}
			}
			recs := c.Code(d)
			for _, r := range recs {
				if r.Trigger.Text != tt.trig {
					continue
				}
				if r.Cameo != tt.code || r.Status != tt.status || codesOf(r.Source) != tt.src || codesOf(r.Target) != tt.tgt {
					t.Errorf("got %s %s %s>%s (%s), want %s %s %s>%s", r.Cameo, r.Status, codesOf(r.Source), codesOf(r.Target), r.Explain,
						tt.code, tt.status, tt.src, tt.tgt)
				}
				return
			}
			for _, r := range recs {
				t.Logf("got %s %s %s", r.Trigger.Text, r.Cameo, r.Explain)
			}
			t.Errorf("no record triggered by %q", tt.trig)
		})
	}
}

func TestDeniedActs(t *testing.T) {
	tur := func(i int) mk { return mk{i, i + 1, i, "actor", "TUR"} }
	runStatusCases(t, []statusCase{
		{
			name: "little interest in X-ing: X negated",
			toks: []tk{{"Turkey", "Turkey", "PROPN", 2, "nsubj"}, {"showed", "show", "VERB", 0, "root"},
				{"little", "little", "ADJ", 4, "amod"}, {"interest", "interest", "NOUN", 2, "obj"},
				{"in", "in", "SCONJ", 6, "mark"}, {"attacking", "attack", "VERB", 4, "acl"}, {"Israel", "Israel", "PROPN", 6, "obj"}},
			ments: []mk{tur(0), isr(6)},
			trig:  "attacking", code: "190", status: event.Negated, src: "TUR", tgt: "ISR",
		},
		{
			name: "a little interest is some interest: an intention",
			toks: []tk{{"Turkey", "Turkey", "PROPN", 2, "nsubj"}, {"showed", "show", "VERB", 0, "root"},
				{"a", "a", "DET", 5, "det"}, {"little", "little", "ADJ", 5, "amod"}, {"interest", "interest", "NOUN", 2, "obj"},
				{"in", "in", "SCONJ", 7, "mark"}, {"attacking", "attack", "VERB", 5, "acl"}, {"Israel", "Israel", "PROPN", 7, "obj"}},
			ments: []mk{tur(0), isr(7)},
			trig:  "attacking", code: "1384", status: event.Intended, src: "TUR", tgt: "ISR",
		},
		{
			name: "no intention of X-ing: X negated",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"has", "have", "VERB", 0, "root"},
				{"no", "no", "DET", 4, "det"}, {"intention", "intention", "NOUN", 2, "obj"},
				{"of", "of", "SCONJ", 6, "mark"}, {"attacking", "attack", "VERB", 4, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 6, "obj"}},
			ments: []mk{isr(0), hez(6)},
			trig:  "attacking", code: "190", status: event.Negated, src: "ISR", tgt: "LBNREB",
		},
		{
			name: "shows no sign of X-ing: X negated",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"shows", "show", "VERB", 0, "root"},
				{"no", "no", "DET", 4, "det"}, {"sign", "sign", "NOUN", 2, "obj"},
				{"of", "of", "SCONJ", 6, "mark"}, {"attacking", "attack", "VERB", 4, "acl"}, {"Israel", "Israel", "PROPN", 6, "obj"}},
			ments: []mk{hez(0), isr(6)},
			trig:  "attacking", code: "190", status: event.Negated, src: "LBNREB", tgt: "ISR",
		},
		{
			name: "stopped short of X-ing: X negated",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"stopped", "stop", "VERB", 0, "root"},
				{"short", "short", "ADJ", 2, "xcomp"}, {"of", "of", "SCONJ", 5, "mark"},
				{"attacking", "attack", "VERB", 3, "advcl"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"}},
			ments: []mk{isr(0), hez(5)},
			trig:  "attacking", code: "190", status: event.Negated, src: "ISR", tgt: "LBNREB",
		},
		{
			name: "has yet to X: not yet done, no expression of intent",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"has", "have", "VERB", 0, "root"},
				{"yet", "yet", "ADV", 2, "advmod"}, {"to", "to", "PART", 5, "mark"},
				{"attack", "attack", "VERB", 2, "xcomp"}, {"Israel", "Israel", "PROPN", 5, "obj"}},
			ments: []mk{hez(0), isr(5)},
			trig:  "attack", code: "190", status: event.Intended, src: "LBNREB", tgt: "ISR",
		},
		{
			name: "resisting an attack: the attack happened",
			toks: []tk{{"Hezbollah", "Hezbollah", "PROPN", 2, "nsubj"}, {"resisted", "resist", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"attack", "attack", "NOUN", 2, "obj"},
				{"by", "by", "ADP", 6, "case"}, {"Israel", "Israel", "PROPN", 4, "nmod"}},
			ments: []mk{hez(0), isr(5)},
			trig:  "attack", code: "190", status: event.Asserted, src: "ISR", tgt: "",
		},
	})
}

func TestRefusedOrders(t *testing.T) {
	army := func(i int) mk { return mk{i, i + 1, i, "actor", "LBNMIL"} }
	// "The government said the army resisted orders to attack Hezbollah."
	resisted := []tk{{"The", "the", "DET", 2, "det"}, {"government", "government", "NOUN", 3, "nsubj"},
		{"said", "say", "VERB", 0, "root"}, {"the", "the", "DET", 5, "det"}, {"army", "army", "NOUN", 6, "nsubj"},
		{"resisted", "resist", "VERB", 3, "ccomp"}, {"orders", "order", "NOUN", 6, "obj"},
		{"to", "to", "PART", 9, "mark"}, {"attack", "attack", "VERB", 6, "advcl"}, {"Hezbollah", "Hezbollah", "PROPN", 9, "obj"}}
	// "The army defied the government's order to attack Hezbollah."
	defied := []tk{{"The", "the", "DET", 2, "det"}, {"army", "army", "NOUN", 3, "nsubj"},
		{"defied", "defy", "VERB", 0, "root"}, {"the", "the", "DET", 5, "det"}, {"government", "government", "NOUN", 7, "nmod:poss"},
		{"'s", "'s", "PART", 5, "case"}, {"order", "order", "NOUN", 3, "obj"},
		{"to", "to", "PART", 9, "mark"}, {"attack", "attack", "VERB", 7, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 9, "obj"}}
	// "Israel rejected calls to attack Hezbollah."
	rejected := []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
		{"calls", "call", "NOUN", 2, "obj"}, {"to", "to", "PART", 5, "mark"},
		{"attack", "attack", "VERB", 3, "acl"}, {"Hezbollah", "Hezbollah", "PROPN", 5, "obj"}}
	runStatusCases(t, []statusCase{
		{
			name: "the act ordered is not done",
			toks: resisted, ments: []mk{lbn(1), army(4), hez(9)},
			trig: "attack", code: "190", status: event.Negated, src: "LBNMIL", tgt: "LBNREB",
		},
		{
			name: "orders of no named author refused by soldiers: their superior",
			toks: resisted, ments: []mk{lbn(1), army(4), hez(9)},
			trig: "resisted", code: "128", status: event.Asserted, src: "LBNMIL", tgt: "LBNGOV",
		},
		{
			name: "the author the order names is the target",
			toks: defied, ments: []mk{army(1), lbn(4), hez(9)},
			trig: "defied", code: "128", status: event.Asserted, src: "LBNMIL", tgt: "LBNGOV",
		},
		{
			name: "the act a defied order asks for is not done",
			toks: defied, ments: []mk{army(1), lbn(4), hez(9)},
			trig: "attack", code: "190", status: event.Negated, src: "LBNMIL", tgt: "LBNREB",
		},
		{
			name: "the act a rejected call asks for is not done",
			toks: rejected, ments: []mk{isr(0), hez(5)},
			trig: "attack", code: "190", status: event.Negated, src: "ISR", tgt: "LBNREB",
		},
		{
			name: "a call of no named author: the target stays the tree's",
			toks: rejected, ments: []mk{isr(0), hez(5)},
			trig: "rejected", code: "120", status: event.Asserted, src: "ISR", tgt: "",
		},
	})
}
