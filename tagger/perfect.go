package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// repairPerfect retags a form of "have" that the tagger read as a main
// verb as an auxiliary when a past participle follows it, with at most
// adverbs between ("Russia has/VERB threatened to ...", "rebels who have
// seized the town"). The greedy tagger decides "have" before it sees the
// participle's tag, and its context features sometimes take "has X to"
// for "has to"; the treebank tags "have" before a participle AUX in 968 of
// 976 cases (the rest: "had X delivered", causative, and "have limited
// options", a participle as adjective). XPOS is kept; "had" as a
// participle is left alone, since no participle follows a perfect "had".
func repairPerfect(toks []doc.Token, forms []string) {
	for i := 0; i+1 < len(toks); i++ {
		// A participle "had" is a main verb ("has had landslide wins").
		if toks[i].UPOS != "VERB" || toks[i].XPOS == "VBN" || !isHave(strings.ToLower(forms[i])) {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].XPOS == "RB" {
			j++
		}
		if j < len(toks) && toks[j].XPOS == "VBN" {
			toks[i].UPOS = "AUX"
		}
	}
}

// isHave reports whether a lowercased form is a form of "have".
func isHave(lower string) bool {
	switch lower {
	case "have", "has", "had", "having", "'ve", "'d", "ve":
		return true
	}
	return false
}
