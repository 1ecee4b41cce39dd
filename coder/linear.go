package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// The parser loses arguments more often than writers leave them out:
// "hosted Japanese Prime Minister Ryutaro Hashimoto in this city" parsed
// with the guest as the subject of "city", "granted asylum to five
// Panamanian army officers holed up ..." with the officers as the subject
// of "holed", "demanded that the Sudanese government end curbs" with "end"
// taken for a noun. When the tree gives an event no target, the words
// after its trigger, up to the end of its stretch of the sentence, still
// say who is acted on, in English's fixed order: the object right after
// the verb, the party a recipient preposition introduces, the subject of a
// content clause right after "that". linearTarget reads them there.

// stretchEnd reports whether token j ends the stretch of the sentence that
// belongs to the trigger: punctuation that sets off another clause or an
// aside, a subordinating or relative word, or a finite verb of another
// clause (gov, the predicate the trigger governs, belongs to it).
func (s *sent) stretchEnd(j, trigger, gov int) bool {
	t := s.toks[j]
	switch t.UPOS {
	case "PUNCT":
		switch t.Text {
		case ",", ";", ":", "(", ")", "--", "—", "–":
			return true
		}
		return false
	case "VERB", "AUX":
		if j == gov || j == trigger {
			return false
		}
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
		// "to participate": the infinitive of another predicate.
		return j > 0 && s.lemma(j-1) == "to" && s.toks[j-1].UPOS == "PART"
	}
	switch s.lemma(j) {
	case "who", "whom", "which", "whose", "where", "when", "while", "because", "if", "unless",
		"although", "though", "whereas", "but", "after", "before", "until", "since", "as", "without":
		return true
	}
	return false
}

// modifierWord reports whether token j can stand between a verb or
// preposition and the head of its noun phrase: determiners, numbers,
// adjectives and participles ("more than 1,000", "neighbouring",
// "suspected"), possessive pronouns.
func (s *sent) modifierWord(j int) bool {
	t := s.toks[j]
	switch t.UPOS {
	case "DET", "NUM", "ADJ", "ADV", "SYM":
		return true
	case "PRON":
		return s.rel(j) == "nmod:poss" || t.XPOS == "PRP$"
	case "VERB":
		return t.XPOS == "VBG" || t.XPOS == "VBN"
	case "ADP":
		return s.lemma(j) == "than" || s.lemma(j) == "about"
	}
	return false
}

// phraseActor returns the coded mention that the noun phrase starting at
// token j names, and the token it was found at, or -1: modifiers are
// skipped up to the first word of a mention or the phrase's first noun; a
// common noun right before a name that is a mention is its title
// ("candidate Alassane Ouattara"). A place counts when places may.
func (s *sent) phraseActor(j, end int, places bool) (int, int) {
	ok := func(k int) bool {
		m := s.ment[k]
		if m < 0 {
			return false
		}
		mm := s.d.Mentions[m]
		switch mm.Kind {
		case doc.KindActor:
			return mm.Code != "" || mm.Country != ""
		case doc.KindPlace:
			return places && (mm.Code != "" || mm.Country != "")
		}
		return false
	}
	for k := j; k < end; k++ {
		if ok(k) && !(s.toks[k].UPOS == "PRON" && s.modifierWord(k)) {
			if !places && s.placeAdjective(s.ment[k], end) {
				return -1, -1 // "the besieged Bosnian town": a place
			}
			return s.ment[k], k
		}
		if s.modifierWord(k) {
			continue
		}
		if s.toks[k].UPOS == "NOUN" && k+1 < end && s.toks[k+1].UPOS == "PROPN" && ok(k+1) {
			return s.ment[k+1], k + 1
		}
		break
	}
	return -1, -1
}

// linearTarget returns the target the words after trigger i name when the
// tree gave none (see the comment above), the token it starts at and how
// it was found, or nil. Objects count only for verbs whose object the tree
// lost; content clauses only for appeals, demands, intents, threats and
// reactions (roots 02, 03, 05, 10-13); recipient prepositions for every
// event but statements, and the party withdrawn from for yielding and
// coercion; places only for material events and visits.
func (c *Coder) linearTarget(s *sent, cd *cand, root string) ([]int, int, string) {
	i := cd.trigger
	end := i + 1
	for end < len(s.toks) && end-i <= 14 && !s.stretchEnd(end, i, cd.governed) {
		if cd.kind == "noun" && end > i+1 && s.toks[end].UPOS == "NOUN" && len(c.lex.Noun(s.lemma(end))) > 0 {
			break // "the fighting on the day of the war against Iran": the war's
		}
		end++
	}
	places := cd.code == "042" || cd.code == "043" || root >= "06" && root <= "20"
	take := func(m int) bool {
		return m >= 0 && !slices.Contains(cd.src, m) && !s.sameAsSource(cd, m)
	}
	start := i + 1
	if p := s.child(i, "compound:prt"); p == start {
		start++
	}
	if cd.kind != "noun" && root != "01" && start < end {
		// The tree's object, when it has one, must be the title of the
		// name found ("allowed candidate Alassane Ouattara").
		o := s.child(i, "obj", "iobj")
		if m, k := s.phraseActor(start, end, false); take(m) && (o < 0 || o == k-1 && s.ment[o] < 0 && s.toks[o].UPOS == "NOUN" || s.secondObject(m, o)) {
			return []int{m}, k, "linear:obj"
		}
	}
	content := root == "02" || root >= "10" && root <= "13"
	for j := start; j < end; j++ {
		w := s.lemma(j)
		switch {
		case w == "that" && content:
			if m, k := s.phraseActor(j+1, len(s.toks), false); take(m) {
				return []int{m}, k, "linear:that"
			}
			return nil, -1, ""
		case w == "that":
			return nil, -1, ""
		case root == "01":
			continue
		case s.toks[j].UPOS != "ADP" && (s.toks[j].UPOS != "SCONJ" || w != "from") && !s.nominalTo(j):
			continue // "from" before a participle is taken for a conjunction
		case w == "with" && s.head(j) >= 0 && helperNouns[s.lemma(s.head(j))]:
			continue // "with Albania's help"
		case w == "at" && (root == "04" || root == "05"):
			continue // "signed a deal at the White House", "met at the Kremlin": where, not with whom
		case recipientPrep(w) || w == "among" || awayPrep(root, w),
			w == "by" && (root == "02" || root == "10") && j > i+1:
			if m, k := s.phraseActor(j+1, end, places && (w == "to" || w == "into")); take(m) {
				return []int{m}, k, "linear:" + w
			}
		}
	}
	return nil, -1, ""
}

// sameAsSource reports whether mention m refers to a source of cd: a
// pronoun or noun coreferent with it ("its troops" is no target of Syria's
// withdrawal).
func (s *sent) sameAsSource(cd *cand, m int) bool {
	mm := s.d.Mentions[m]
	for _, k := range cd.src {
		// A link of coreference is identity when both carry one code; an
		// agent that only took its country from the source ("Turkey
		// condemned the attack by militants": TURREB) is another party.
		if (k == mm.Antecedent || s.d.Mentions[k].Antecedent == m) && s.d.Mentions[k].Code == mm.Code {
			return true
		}
		if src := s.d.Mentions[k]; src.Code != "" && src.Code == mm.Code && (mm.Antecedent >= 0 || s.d.Tokens[mm.Head].UPOS == "PRON") {
			return true
		}
	}
	return false
}

// linearFallback sets cd's target from linearTarget when it has a source
// and no target: word order alone never makes an event of its own.
func (c *Coder) linearFallback(s *sent, cd *cand) {
	if len(cd.tgt) > 0 || len(cd.src) == 0 || len(cd.code) < 2 {
		return
	}
	if ms, k, how := c.linearTarget(s, cd, cd.code[:2]); len(ms) > 0 {
		cd.tgt, cd.tgtTok, cd.tgtRel = ms, k, how
		return
	}
	if root := cd.code[:2]; root >= "06" && root <= "20" {
		if k := s.purposeDestination(cd.trigger); k >= 0 {
			ms := s.actorsAt(k)
			if !s.anyCoded(ms) {
				ms = s.placesAt(k)
			}
			cd.tgt, cd.tgtTok, cd.tgtRel = ms, k, "purpose>destination:"+s.caseOf(k)
		}
	}
}

// purposeDestination returns the token naming where the act that the
// purpose clause i serves was sent, or -1: "dispatched inspectors to
// Bosnia to monitor the ceasefire", "sent observers into the country to
// investigate" (the monitoring is done in, and to, that country). The
// destination is a to/into/in oblique of the verb the clause depends on,
// or of its object.
func (s *sent) purposeDestination(i int) int {
	if m := s.child(i, "mark"); m < 0 || s.lemma(m) != "to" {
		return -1
	}
	h := s.head(i)
	switch {
	case h < 0:
		return -1
	case s.rel(i) == "acl" && s.toks[h].UPOS == "NOUN" && s.rel(h) == "obj":
		h = s.head(h) // "sent personnel to Bosnia to investigate"
	case s.rel(i) != "advcl" && s.rel(i) != "xcomp":
		return -1
	}
	heads := []int{h}
	if o := s.child(h, "obj"); o >= 0 {
		heads = append(heads, o)
	}
	for _, x := range heads {
		for _, k := range s.kids[x] {
			r := s.rel(k)
			if !strings.HasPrefix(r, "obl") && !strings.HasPrefix(r, "nmod") || r == "nmod:poss" {
				continue
			}
			switch s.caseOf(k) {
			case "to", "into", "in":
				if s.anyCoded(s.actorsAt(k)) || len(s.placesAt(k)) > 0 {
					return k
				}
			}
		}
	}
	return -1
}

// placeNouns are the common nouns of places a nationality adjective may
// qualify: "the besieged Bosnian town", "a Lebanese border village".
var placeNouns = map[string]bool{
	"town": true, "city": true, "village": true, "capital": true, "province": true, "region": true,
	"district": true, "area": true, "enclave": true, "camp": true, "border": true, "territory": true,
	"port": true, "island": true, "coast": true, "suburb": true, "neighbourhood": true, "neighborhood": true,
}

// placeAdjective reports whether mention m is only adjectives (a
// nationality) qualifying a place noun before end: the phrase names a
// place, not the country's people or government.
func (s *sent) placeAdjective(m, end int) bool {
	mm := s.d.Mentions[m]
	k := mm.Last - s.base
	for t := mm.First - s.base; t < k; t++ {
		if t < 0 || t >= len(s.toks) || s.toks[t].UPOS != "ADJ" {
			return false
		}
	}
	for ; k < end && k < len(s.toks); k++ {
		switch s.toks[k].UPOS {
		case "ADJ", "NOUN":
			if placeNouns[s.lemma(k)] {
				return true
			}
			if s.toks[k].UPOS == "NOUN" && (k+1 >= len(s.toks) || s.toks[k+1].UPOS != "NOUN") {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// secondObject reports whether the tree's object o follows mention m
// right after a determiner or number opens a second noun phrase, which
// makes m the first object of two: "gave the Ivory Coast 5.1 million
// dollars" parsed as one phrase whose head is "dollars".
func (s *sent) secondObject(m, o int) bool {
	next := s.d.Mentions[m].Last - s.base
	if next <= 0 || next >= o || next >= len(s.toks) {
		return false
	}
	u := s.toks[next].UPOS
	return (u == "NUM" || u == "DET") && s.ment[o] < 0
}

// purposeOf reports whether predicate p is the purpose clause of event
// trigger t, or of the verb staging it: "staged rallies to demand the
// president's resignation" (the rallies are aimed at the president).
func (s *sent) purposeOf(p, t int) bool {
	h := s.head(p)
	if h < 0 || s.rel(p) != "advcl" && s.rel(p) != "xcomp" {
		return false
	}
	if m := s.child(p, "mark"); m < 0 || s.lemma(m) != "to" {
		return false
	}
	return h == t || s.head(t) == h && s.rel(t) == "obj"
}

// meansPurpose reports whether predicate p, a to-clause on the object of
// event trigger t, says what that object is for: "used tear gas to
// disperse the protesters", "accepted an invitation to meet the king" (t
// is aimed at whom the clause acts on).
func (s *sent) meansPurpose(p, t int) bool {
	h := s.head(p)
	if h < 0 || s.rel(p) != "acl" || s.head(h) != t || s.rel(h) != "obj" {
		return false
	}
	m := s.child(p, "mark")
	return m >= 0 && s.lemma(m) == "to"
}
