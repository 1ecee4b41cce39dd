package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// repairInfinitives retags a noun right after an infinitival "to" (tagged
// TO, which the treebank gives "to" only before a verb) as a base-form verb
// when the training data saw its form as one and a word that can begin an
// object follows ("is expected to sanction/NN Taiwan"): TO before a noun is
// a contradiction of the tag set itself.
func (m *Model) repairInfinitives(toks []doc.Token, forms []string) {
	if m.vb < 0 {
		return
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].XPOS != "TO" || toks[i].XPOS != "NN" || !isObjectStart(toks[i+1]) {
			continue
		}
		if m.seenAs(strings.ToLower(forms[i]), m.vb) {
			toks[i].UPOS, toks[i].XPOS = m.upos[m.vb], m.xpos[m.vb]
		}
	}
}
