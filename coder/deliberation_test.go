package coder

import (
	"testing"
)

// TestDeliberation checks that considering or studying is coded as
// weighing an option (014) only when an option is weighed.
func TestDeliberation(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name: "considering sanctions",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"is", "be", "AUX", 3, "aux"},
				{"considering", "consider", "VERB", 0, "root"}, {"sanctions", "sanction", "NOUN", 3, "obj"}},
			ments: []mk{isr(0)}, trig: "considering", code: "014", src: "ISR",
		},
		{
			name: "considered the group a threat",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"considered", "consider", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"a", "a", "DET", 5, "det"},
				{"threat", "threat", "NOUN", 2, "xcomp"}},
			ments: []mk{isr(0), hez(2)}, trig: "considered", absent: true,
		},
		{
			name: "considered the group as an enemy",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"considered", "consider", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"as", "as", "ADP", 6, "case"}, {"an", "a", "DET", 6, "det"},
				{"enemy", "enemy", "NOUN", 2, "obl"}},
			ments: []mk{isr(0), hez(2)}, trig: "considered", absent: true,
		},
		{
			name: "as part of a plan, considered sanctions",
			toks: []tk{{"As", "as", "ADP", 2, "case"}, {"part", "part", "NOUN", 5, "obl"}, {",", ",", "PUNCT", 2, "punct"},
				{"Israel", "Israel", "PROPN", 5, "nsubj"}, {"considered", "consider", "VERB", 0, "root"},
				{"sanctions", "sanction", "NOUN", 5, "obj"}},
			ments: []mk{isr(3)}, trig: "considered", code: "014", src: "ISR",
		},
		{
			name: "considering sending aid, the gerund an adjunct",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"is", "be", "AUX", 3, "aux"},
				{"considering", "consider", "VERB", 0, "root"}, {"sending", "send", "VERB", 3, "advcl"},
				{"aid", "aid", "NOUN", 4, "obj"}},
			ments: []mk{isr(0)}, xpos: map[int]string{3: "VBG"}, trig: "considering", code: "014", src: "ISR",
		},
		{
			name: "exploring options as they are cheap",
			toks: []tk{{"Israel", "Israel", "PROPN", 3, "nsubj"}, {"is", "be", "AUX", 3, "aux"},
				{"exploring", "explore", "VERB", 0, "root"}, {"options", "option", "NOUN", 3, "obj"},
				{"as", "as", "SCONJ", 8, "mark"}, {"they", "they", "PRON", 8, "nsubj"}, {"are", "be", "AUX", 8, "cop"},
				{"cheap", "cheap", "ADJ", 3, "advcl"}},
			ments: []mk{isr(0)}, trig: "exploring", code: "014", src: "ISR",
		},
		{
			name: "studied abroad",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"studied", "study", "VERB", 0, "root"},
				{"abroad", "abroad", "ADV", 2, "advmod"}},
			ments: []mk{isr(0)}, trig: "studied", absent: true,
		},
		{
			name: "the plan that Israel will consider",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"sent", "send", "VERB", 0, "root"},
				{"plans", "plan", "NOUN", 2, "obj"}, {"Israel", "Israel", "PROPN", 6, "nsubj"},
				{"will", "will", "AUX", 6, "aux"}, {"consider", "consider", "VERB", 3, "acl:relcl"}},
			ments: []mk{lbn(0), isr(3)}, trig: "consider", code: "014", src: "ISR",
		},
		{
			name: "an officer who studied in Paris",
			toks: []tk{{"Israel", "Israel", "PROPN", 0, "root"}, {"who", "who", "PRON", 3, "nsubj"},
				{"studied", "study", "VERB", 1, "acl:relcl"}, {"in", "in", "ADP", 5, "case"},
				{"Paris", "Paris", "PROPN", 3, "obl"}},
			ments: []mk{isr(0)}, xpos: map[int]string{1: "WP"}, trig: "studied", absent: true,
		},
	})
}
