package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// The greedy tagger sometimes leaves a full sentence without a finite verb
// by reading its past-tense main verb as a participle or adjective ("The
// ministers on Monday extended sanctions": extended/JJ). News sentences
// almost always have one, so ensureFinite repairs that one pattern: in a
// sentence of at least minFiniteLen words that ends in '.', '!' or '?' and
// has no finite verb, the first -ed word tagged VBN or JJ that the training
// data also saw as VBD, that follows a noun or pronoun and has no auxiliary
// or determiner right before it, becomes VBD.

// minFiniteLen is the shortest sentence the repair applies to.
const minFiniteLen = 5

// isAuxiliary reports whether a participle is expected after the form.
func isAuxiliary(lower string) bool {
	switch lower {
	case "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being",
		"'s", "'re", "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// ensureFinite applies the repair to one tagged sentence; forms are the
// normalized word forms.
func (m *Model) ensureFinite(toks []doc.Token, forms []string) {
	if len(toks) < minFiniteLen || m.vbd < 0 {
		return
	}
	switch forms[len(forms)-1] {
	case ".", "!", "?":
	default:
		return
	}
	for _, t := range toks {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	seenNominal := false
	for i, t := range toks {
		lower := strings.ToLower(forms[i])
		switch {
		case t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON":
			seenNominal = true
			continue
		case !seenNominal || (t.XPOS != "VBN" && t.XPOS != "JJ") || !strings.HasSuffix(lower, "ed"):
			continue
		}
		if i > 0 {
			prev := strings.ToLower(forms[i-1])
			if isAuxiliary(prev) || toks[i-1].UPOS == "DET" || toks[i-1].UPOS == "ADV" && i > 1 && isAuxiliary(strings.ToLower(forms[i-2])) {
				continue
			}
		}
		if !m.seenAs(lower, m.vbd) {
			continue
		}
		toks[i].UPOS, toks[i].XPOS = m.upos[m.vbd], m.xpos[m.vbd]
		return
	}
}

// seenAs reports whether the training data tagged the lowercased form with
// class c.
func (m *Model) seenAs(lower string, c int) bool {
	for _, k := range m.ambClasses[lower] {
		if int(k) == c {
			return true
		}
	}
	return false
}
