package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestVictimPlace covers victimPlace on our own sentences: unnamed victims
// whose country only coreference gave are the country's where the act
// struck; victims the text names keep their own.
func TestVictimPlace(t *testing.T) {
	// Chadian gunmen killed 12 people when they fired in Maiduguri
	toks := []tk{{"Chadian", "Chadian", "ADJ", 2, "amod"}, {"gunmen", "gunman", "NOUN", 3, "nsubj"},
		{"killed", "kill", "VERB", 0, "root"}, {"12", "12", "NUM", 5, "nummod"},
		{"people", "people", "NOUN", 3, "obj"}, {"when", "when", "ADV", 8, "advmod"},
		{"they", "they", "PRON", 8, "nsubj"}, {"fired", "fire", "VERB", 3, "advcl"},
		{"in", "in", "ADP", 10, "case"}, {"Maiduguri", "Maiduguri", "PROPN", 8, "obl"}}
	tests := []struct {
		name, via, tgt string
	}{
		{"victims coded by coreference are the place's", doc.ViaCoreference, "NGA"},
		{"victims coded by their own words keep their country", doc.ViaDictionary, "TCDCVL"},
	}
	c := newCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(toks, []mk{{0, 2, 1, doc.KindActor, "TCDREB"}, {4, 5, 4, doc.KindActor, "TCDCVL"},
				{6, 7, 6, doc.KindActor, "TCDREB"}, {9, 10, 9, doc.KindPlace, "NGA"}})
			d.Mentions[1].Via = tt.via
			for _, r := range c.Code(d) {
				if r.Trigger.Text == "killed" {
					if r.Cameo != "190" || codesOf(r.Target) != tt.tgt {
						t.Errorf("got %s >%s (%s), want 190 >%s", r.Cameo, codesOf(r.Target), r.Explain, tt.tgt)
					}
					return
				}
			}
			t.Errorf("no record triggered by \"killed\"")
		})
	}
}
