package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// The greedy tagger sometimes leaves a full sentence without a finite verb
// in its main clause by reading its past-tense main verb as a participle or
// adjective ("The ministers on Monday extended sanctions": extended/JJ; "A
// witness told police that ...": told/VBN). News sentences almost always
// have one, so ensureFinite repairs two patterns in sentences of at least
// minFiniteLen words that end in '.', '!' or '?':
//
//   - with no finite verb at all, the first -ed word tagged VBN or JJ that
//     follows a noun or pronoun, has no auxiliary or determiner right before
//     it, and that the training data also saw as VBD or that comes right
//     after a noun, pronoun or adverb with an object right after it, becomes
//     VBD;
//   - with finite verbs only in subordinate clauses (each after a
//     subordinating conjunction, a wh-word, "that", or a word such as "as"
//     or "after" that can open one though tagged a preposition), the first
//     word tagged
//     VBN, if it comes before them and before any such clause, follows a
//     noun or pronoun, comes right after a noun, pronoun or adverb with no
//     auxiliary before, has an object right after it (a determiner, noun,
//     personal pronoun or number, which a reduced relative "the troops sent
//     to the border" lacks) and can be a past tense (a regular -ed form, or
//     one the training data saw as VBD), becomes VBD. The speech verb of an
//     attribution that closes the sentence (", relief officials in Nairobi
//     said.") counts as in a subordinate clause: "Rebels shelled/VBN the
//     town on Sunday, officials said." is the second pattern.

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

// ensureFinite applies the repairs to one tagged sentence; forms are the
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
	first := -1
	for i, t := range toks {
		if isFinite(t.XPOS) {
			first = i
			break
		}
	}
	if first >= 0 {
		m.repairMainVerb(toks, forms, first)
		return
	}
	defer func() {
		for _, t := range toks {
			if isFinite(t.XPOS) {
				return
			}
		}
		m.repairMainVerb(toks, forms, len(toks))
	}()
	seenNominal := false
	for i, t := range toks {
		lower := strings.ToLower(forms[i])
		switch {
		case isNominal(t):
			seenNominal = true
			continue
		case !seenNominal || (t.XPOS != "VBN" && t.XPOS != "JJ") || !strings.HasSuffix(lower, "ed"):
			continue
		}
		if i > 0 && afterAuxiliaryOrDeterminer(toks, forms, i) {
			continue
		}
		// A form never seen as a past tense needs its subject right before
		// it and an object right after it.
		if !m.seenAs(lower, m.vbd) && (!afterSubject(toks, i) || !hasObject(toks, i)) {
			continue
		}
		toks[i].UPOS, toks[i].XPOS = m.upos[m.vbd], m.xpos[m.vbd]
		return
	}
}

// repairMainVerb applies the second repair, given the first finite verb
// (len(toks) when there is none).
func (m *Model) repairMainVerb(toks []doc.Token, forms []string, first int) {
	cand, class := -1, -1
	seenNominal := false
	for i, t := range toks[:first] {
		if isSubordinator(t, forms[i]) {
			return
		}
		if seenNominal && m.presentCandidate(toks, forms, i) {
			cand, class = i, m.vbz
			break
		}
		if isNominal(t) {
			seenNominal = true
		} else if t.XPOS == "VBN" && seenNominal {
			if !afterSubject(toks, i) || !hasObject(toks, i) && !prepositionalBeforeAttribution(toks, forms, i) ||
				afterAuxiliaryOrDeterminer(toks, forms, i) || !m.canBePast(strings.ToLower(forms[i])) {
				return
			}
			cand, class = i, m.vbd
			break
		}
	}
	if cand < 0 {
		return
	}
	// Every finite verb must be inside a clause that a subordinator opens,
	// or be the speech verb of a closing attribution.
	sub := false
	for i := cand + 1; i < len(toks); i++ {
		if isSubordinator(toks[i], forms[i]) || canSubordinate(toks, forms, i) {
			sub = true
		}
		if isFinite(toks[i].XPOS) && !sub && !closingAttribution(toks, forms, cand, i) {
			return
		}
	}
	toks[cand].UPOS, toks[cand].XPOS = m.upos[class], m.xpos[class]
}

// presentCandidate reports whether word i, tagged as a plural noun, reads
// better as a present-tense verb: the training data saw its form as VBZ
// (or its stem as a base form), a pronoun or a singular noun that ends a
// noun phrase with a determiner or possessor comes right before it (its
// subject), and a complement right after it ("The study estimates that it
// ...", "Its importance resides in ...", "The ticket grants access ...").
func (m *Model) presentCandidate(toks []doc.Token, forms []string, i int) bool {
	if m.vbz < 0 || i == 0 || i+1 >= len(toks) || toks[i].XPOS != "NNS" {
		return false
	}
	switch toks[i-1].XPOS {
	case "PRP":
	case "NN", "NNP":
		// The noun phrase of the subject opens with a determiner or a
		// possessor ("The study", "Its importance", "China's growth"); a
		// bare one is more likely a compound ("Security forces").
		j := i - 1
		for j > 0 && (toks[j-1].UPOS == "NOUN" || toks[j-1].UPOS == "PROPN" || toks[j-1].UPOS == "ADJ" || toks[j-1].UPOS == "NUM") {
			j--
		}
		if j == 0 || (toks[j-1].UPOS != "DET" && toks[j-1].XPOS != "PRP$" && toks[j-1].XPOS != "POS") {
			return false
		}
	default:
		return false
	}
	next := toks[i+1]
	switch {
	case strings.EqualFold(forms[i+1], "that"):
		// A clause after "that" has its subject first ("estimates that
		// it ..."), a relative clause often none ("talks that ended").
		if i+2 >= len(toks) || !isNominal(toks[i+2]) && toks[i+2].UPOS != "DET" {
			return false
		}
	case !isObjectStart(next) && next.UPOS != "ADP":
		return false
	}
	lower := strings.ToLower(forms[i])
	if m.seenAs(lower, m.vbz) {
		return true
	}
	// Or its stem as a verb's base form ("estimate" for "estimates").
	stem := strings.TrimSuffix(lower, "s")
	if strings.HasSuffix(stem, "e") && !m.seenAsBaseVerb(stem) {
		stem = strings.TrimSuffix(stem, "e") // "reaches", "pushes"
	}
	return stem != lower && m.seenAsBaseVerb(stem)
}

// seenAsBaseVerb reports whether the training data tagged the lowercased
// form as a verb's base form (VB or VBP).
func (m *Model) seenAsBaseVerb(lower string) bool {
	for _, k := range m.ambClasses[lower] {
		if m.upos[k] == "VERB" && (m.xpos[k] == "VB" || m.xpos[k] == "VBP") {
			return true
		}
	}
	return false
}

func isFinite(xpos string) bool {
	switch xpos {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// afterSubject reports whether word i may be a main clause's verb by what
// precedes it: its subject, or its subject and an adverb.
func afterSubject(toks []doc.Token, i int) bool {
	switch {
	case i > 0 && isNominal(toks[i-1]):
		return true
	case i > 1 && toks[i-1].UPOS == "ADV":
		return isNominal(toks[i-2])
	}
	return false
}

func isNominal(t doc.Token) bool {
	return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON"
}

// isSubordinator reports whether the word opens a subordinate clause: a
// subordinating conjunction, a wh-word or "that".
func isSubordinator(t doc.Token, form string) bool {
	switch t.XPOS {
	case "WDT", "WP", "WP$", "WRB":
		return true
	}
	return t.UPOS == "SCONJ" || strings.EqualFold(form, "that")
}

// canSubordinate reports whether word i can open a subordinate clause
// though the tagger may read it as a preposition ("as", "after"): a finite
// verb after it is taken to be in such a clause. "such as" and a word
// right before a number ("eight days before the election") introduce
// phrases.
func canSubordinate(toks []doc.Token, forms []string, i int) bool {
	switch strings.ToLower(forms[i]) {
	case "as":
		if i > 0 && strings.EqualFold(forms[i-1], "such") {
			return false
		}
	case "after", "before", "since", "until", "because", "while", "although", "though", "if", "unless",
		"whereas", "once":
	default:
		return false
	}
	return !endsDuration(toks, i-1)
}

// endsDuration reports whether word i is a noun after a number or an
// article ("eight days", "a year").
func endsDuration(toks []doc.Token, i int) bool {
	return i > 0 && toks[i].UPOS == "NOUN" && (toks[i-1].UPOS == "NUM" || toks[i-1].XPOS == "DT")
}

// hasObject reports whether an object begins right after word i, rather
// than a compound noun the word may modify ("a weighted composite index").
func hasObject(toks []doc.Token, i int) bool {
	if i+1 < len(toks) && isModifier(toks[i+1]) {
		// "extradited suspected British militant Haroon Aswad": up to
		// four modifiers, then a name or a noun.
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			if toks[j].UPOS == "NOUN" || toks[j].UPOS == "PROPN" {
				return true
			}
			if !isModifier(toks[j]) {
				return false
			}
		}
		return false
	}
	if i+1 >= len(toks) || !isObjectStart(toks[i+1]) {
		return false
	}
	return i+2 >= len(toks) || toks[i+1].UPOS != "NOUN" || toks[i+2].UPOS != "NOUN"
}

// isModifier reports whether the word can modify a noun before it: an
// adjective or a participle.
func isModifier(t doc.Token) bool {
	return t.UPOS == "ADJ" || t.XPOS == "VBN"
}

// isObjectStart reports whether the word can begin a verb's object.
func isObjectStart(t doc.Token) bool {
	switch t.UPOS {
	case "DET", "NOUN", "PROPN", "NUM":
		return true
	case "PRON":
		return t.XPOS == "PRP" || t.XPOS == "PRP$"
	}
	return false
}

// afterAuxiliaryOrDeterminer reports whether word i follows an auxiliary
// (perhaps with an adverb between) or a determiner.
func afterAuxiliaryOrDeterminer(toks []doc.Token, forms []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(forms[i-1])
	return isAuxiliary(prev) || toks[i-1].UPOS == "DET" ||
		toks[i-1].UPOS == "ADV" && i > 1 && isAuxiliary(strings.ToLower(forms[i-2]))
}

// canBePast reports whether a participle's form is also a past tense: a
// regular -ed form, or one the training data saw as VBD ("told").
func (m *Model) canBePast(lower string) bool {
	return strings.HasSuffix(lower, "ed") || m.seenAs(lower, m.vbd)
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

// closingAttribution reports whether the finite verb at i, after the
// candidate main verb at cand, is the speech verb of an attribution that
// closes the sentence: a reporting verb right after a comma or closing
// quotation mark, or after one and a noun phrase (", relief officials in
// Nairobi said", ", said the ministry").
func closingAttribution(toks []doc.Token, forms []string, cand, i int) bool {
	if !isReportingVerb(strings.ToLower(forms[i])) {
		return false
	}
	for j := i - 1; j > cand; j-- {
		switch toks[j].XPOS {
		case ",", "''":
			return true
		}
		switch toks[j].UPOS {
		case "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "CCONJ", "PART":
		case "PRON":
			if toks[j].XPOS != "PRP" {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// isReportingVerb reports whether a lowercased finite form is a verb of
// saying that news attributions use.
func isReportingVerb(lower string) bool {
	switch lower {
	case "said", "says", "say", "reported", "reports", "told", "tells", "added", "adds", "stated", "states",
		"announced", "announces", "claimed", "claims", "confirmed", "confirms", "noted", "notes", "wrote", "writes":
		return true
	}
	return false
}

// prepositionalBeforeAttribution reports whether the participle at i is
// followed by a preposition ("youths resorted to throwing stones") and the
// only finite verbs after it are the speech verbs of a closing
// attribution (", officials said."): a reduced relative clause ("troops
// sent to the border") would leave the sentence without a main verb of
// its own.
func prepositionalBeforeAttribution(toks []doc.Token, forms []string, i int) bool {
	if i+1 >= len(toks) || toks[i+1].XPOS != "IN" && toks[i+1].XPOS != "TO" {
		return false
	}
	if toks[0].XPOS == "VBG" || toks[0].XPOS == "VBN" {
		// "Acknowledging the wounds caused by the war, the pope told
		// ...": the sentence opens with a participle's clause, whose
		// object the participle at i may modify.
		return false
	}
	found := false
	for k := i + 1; k < len(toks); k++ {
		if !isFinite(toks[k].XPOS) {
			continue
		}
		if !closingAttribution(toks, forms, i, k) {
			return false
		}
		found = true
	}
	return found
}
