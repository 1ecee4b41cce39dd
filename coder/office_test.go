package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// TestRemovesThing checks that removing or replacing is a change in
// leadership (0831) only when someone is removed.
func TestRemovesThing(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name: "removed the commander",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"removed", "remove", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"commander", "commander", "NOUN", 2, "obj"}},
			ments: []mk{lbn(0), {3, 4, 3, doc.KindActor, "LBNMIL"}},
			trig:  "removed", code: "0831", src: "LBNGOV", tgt: "LBNMIL",
		},
		{
			name: "removed the subsidies",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"removed", "remove", "VERB", 0, "root"},
				{"the", "the", "DET", 4, "det"}, {"subsidies", "subsidy", "NOUN", 2, "obj"}},
			ments: []mk{lbn(0)}, trig: "removed", absent: true,
		},
		{
			name: "a capitalised noun may be a name",
			toks: []tk{{"Lebanon", "Lebanon", "PROPN", 2, "nsubj"}, {"replaced", "replace", "VERB", 0, "root"},
				{"Turkes", "turke", "NOUN", 2, "obj"}},
			ments: []mk{lbn(0)}, trig: "replaced", code: "0831", src: "LBNGOV",
		},
	})
}
