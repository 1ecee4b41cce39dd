package coder

import "testing"

// TestAnonymity checks that a source asking not to be named makes no
// appeal, while asking someone not to act does.
func TestAnonymity(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name: "who asked not to be named",
			toks: []tk{{"Israel", "Israel", "PROPN", 0, "root"}, {"who", "who", "PRON", 3, "nsubj"},
				{"asked", "ask", "VERB", 1, "acl:relcl"}, {"not", "not", "PART", 7, "advmod"}, {"to", "to", "PART", 7, "mark"},
				{"be", "be", "AUX", 7, "aux:pass"}, {"named", "name", "VERB", 3, "xcomp"}},
			ments: []mk{isr(0)}, trig: "asked", absent: true,
		},
		{
			name: "asking not to be identified, as an adjunct",
			toks: []tk{{"Israel", "Israel", "PROPN", 0, "root"}, {"asking", "ask", "VERB", 1, "acl"},
				{"not", "not", "PART", 6, "advmod"}, {"to", "to", "PART", 6, "mark"}, {"be", "be", "AUX", 6, "aux:pass"},
				{"identified", "identify", "VERB", 2, "advcl"}},
			ments: []mk{isr(0)}, trig: "asking", absent: true,
		},
		{
			name: "requested anonymity",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"requested", "request", "VERB", 0, "root"},
				{"anonymity", "anonymity", "NOUN", 2, "obj"}},
			ments: []mk{isr(0)}, trig: "requested", absent: true,
		},
		{
			name: "asked Hezbollah not to attack",
			toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"asked", "ask", "VERB", 0, "root"},
				{"Hezbollah", "Hezbollah", "PROPN", 2, "obj"}, {"not", "not", "PART", 6, "advmod"},
				{"to", "to", "PART", 6, "mark"}, {"attack", "attack", "VERB", 2, "xcomp"}},
			ments: []mk{isr(0), hez(2)}, trig: "asked", code: "020", src: "ISR", tgt: "LBNREB",
		},
	})
}
