package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// repairPastOnly retags as a past tense a word tagged as a participle
// whose form the training data saw as a past tense and never as a
// participle: irregular verbs spell the two apart ("prices rose/VBN" is
// "rose/VBD"; the participle is "risen"), so the form itself rules the
// participle out, whatever the context suggested to the greedy tagger.
// Regular -ed forms, which are both, and a word after an auxiliary, with
// perhaps an adverb between ("has rose", "were ostensibly swept"), are
// left alone.
func (m *Model) repairPastOnly(toks []doc.Token, forms []string) {
	if m.vbd < 0 || m.vbn < 0 {
		return
	}
	for i := range toks {
		if toks[i].XPOS != "VBN" || afterAuxiliaryOrDeterminer(toks, forms, i) {
			continue
		}
		lower := strings.ToLower(forms[i])
		// A regular -ed form is both; the training data need not have
		// seen it as both.
		if strings.HasSuffix(lower, "ed") {
			continue
		}
		if m.seenAs(lower, m.vbd) && !m.seenAs(lower, m.vbn) && !m.seenAsAux(lower) {
			toks[i].UPOS, toks[i].XPOS = m.upos[m.vbd], m.xpos[m.vbd]
		}
	}
}

// seenAsAux reports whether the training data tagged the lowercased form
// as an auxiliary participle ("been").
func (m *Model) seenAsAux(lower string) bool {
	for _, k := range m.ambClasses[lower] {
		if m.upos[k] == "AUX" && m.xpos[k] == "VBN" {
			return true
		}
	}
	return false
}
