package mention

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
)

// uName marks a unit that is an unknown capitalised name.
const uName = 100

// unit is a dictionary match or an unknown name over tokens [first, last)
// of the document.
type unit struct {
	first, last int
	kind        uint8
	cands       []entry // the entries of kind that matched, best first
	// sector is the agent code of an agent or title unit.
	sector string
	// term is the matched text, lowercased, for agent units.
	term string
	// poss reports a possessive "'s" right after the unit.
	poss bool
	// locative reports a locative preposition before the unit (determiners
	// and adjectives may stand between).
	locative bool
	// ethnic reports a demonym after "ethnic" ("ethnic Albanians"): a
	// people, whatever country they live in, not the country's actor.
	ethnic bool
}

// sentence holds the tokens of one sentence and their lookup keys.
type sentence struct {
	idx         int // sentence index
	first, last int // token range in the document
	keys        []string
}

// match finds the dictionary units and unknown names of one sentence.
func (st *state) match(s *sentence) []unit {
	r := st.r
	toks := st.d.Tokens
	var units []unit
	for i := s.first; i < s.last; {
		u, ok := st.longest(s, i)
		if !ok {
			u, ok = st.hyphenPrefix(s, i)
		} else if s.keys[i-s.first] == "the" && i+1 < s.last {
			// "the Gulf of Oman": a name after "the" that runs past a
			// name starting with "the" ("the Gulf") is the longer one.
			if v, ok2 := st.longest(s, i+1); ok2 && v.last > u.last {
				u = v
			}
		}
		if !ok {
			i++
			continue
		}
		units = append(units, u)
		i = u.last
	}
	// Unknown names in the gaps.
	var out []unit
	next := 0
	for i := s.first; i < s.last; {
		if next < len(units) && units[next].first == i {
			out = append(out, units[next])
			i = units[next].last
			next++
			continue
		}
		j := i
		limit := s.last
		if next < len(units) {
			limit = units[next].first
		}
		for j < limit {
			switch {
			case st.nameToken(s, j), j == s.first && st.initialSurname(s, j):
				j++
				continue
			case j > i && j+1 < limit && r.words.connector(s.keys[j-s.first]) && st.nameToken(s, j+1):
				j += 2
				continue
			case j+1 < limit && st.capitalised(j) && !r.words.notNames[s.keys[j-s.first]] && st.nameToken(s, j+1):
				// "Popular Liberation Front": a capitalised adjective in a name.
				j++
				continue
			}
			break
		}
		if j == i+1 {
			if u, ok := st.misspelt(s, i); ok {
				out = append(out, u)
				i = j
				continue
			}
		}
		if j > i {
			out = append(out, unit{first: i, last: j, kind: uName})
			i = j
			continue
		}
		i++
	}
	for k := range out {
		// "Delhi Police", "Federal Police": a capitalised agent noun after
		// a capitalised word is no namesake place.
		if u := &out[k]; u.kind == ePlace && u.last-u.first == 1 && u.first > s.first && st.capitalised(u.first-1) &&
			!(k > 0 && out[k-1].last == u.first && out[k-1].kind == eAgent) {
			for _, e := range u.cands {
				if e.kind == eAgent {
					u.kind, u.sector, u.term, u.cands = eAgent, e.sector, s.keys[u.first-s.first], []entry{e}
					break
				}
			}
		}
	}
	out = st.placeNouns(s, out)
	out = slices.DeleteFunc(out, func(u unit) bool {
		// "the Russian language": a language, not the country.
		return u.kind == eAdj && u.last < s.last && st.r.words.languageNouns[s.keys[u.last-s.first]]
	})
	for k := range out {
		u := &out[k]
		if u.last < s.last && s.keys[u.last-s.first] == "'s" {
			u.poss = true
		}
		u.locative = st.afterLocative(s, u.first)
		u.ethnic = u.kind == eAdj && u.first > s.first && s.keys[u.first-1-s.first] == "ethnic"
		_ = toks
	}
	return out
}

// placeNouns narrows place units by the noun naming what kind of place
// they are. A place right before a lowercase administrative noun ("Kunduz
// province", "Kharkiv oblast", "Idlib governorate"), or a capitalised one
// that ends the name ("Kaduna State"), is the region or area of that name
// and the unit takes in the noun; so is a place after such a noun and "of"
// ("the province of Kunar"). A place after "the town of", "the city of" or
// before a lowercase "city" is the city. When no place of the wanted kind
// shares the name, the unit is left as it is.
func (st *state) placeNouns(s *sentence, out []unit) []unit {
	w := &st.r.words
	for k := 0; k < len(out); k++ {
		u := &out[k]
		if u.kind != ePlace {
			continue
		}
		want := ""
		extend := false
		if n := u.last; n < s.last {
			key := s.keys[n-s.first]
			capNext := n+1 < s.last && st.capitalised(n+1)
			free := k+1 >= len(out) || out[k+1].first > n ||
				out[k+1].kind == uName && out[k+1].last == n+1
			switch {
			case w.adminNouns[key] && free && !capNext && (!st.capitalised(n) || key == "state" || key == "province" || key == "region" || key == "governorate" || key == "oblast" || key == "district"):
				want, extend = kb.PlaceRegion, true
			case w.townNouns[key] && free && !capNext && !st.capitalised(n):
				want, extend = kb.PlaceCity, true
			}
		}
		if want == "" && u.first-2 >= s.first && s.keys[u.first-1-s.first] == "of" {
			switch key := s.keys[u.first-2-s.first]; {
			case w.adminNouns[key]:
				want = kb.PlaceRegion
			case w.townNouns[key]:
				want = kb.PlaceCity
			}
		}
		if want == "" {
			continue
		}
		var keep []entry
		for _, e := range u.cands {
			if e.kind != ePlace {
				continue
			}
			pk := st.r.kb.Places[e.idx].Kind
			if pk == want || want == kb.PlaceRegion && pk == kb.PlaceArea {
				keep = append(keep, e)
			}
		}
		if len(keep) == 0 {
			continue
		}
		u.cands = keep
		if extend {
			if k+1 < len(out) && out[k+1].first == u.last {
				out = append(out[:k+1], out[k+2:]...)
			}
			u = &out[k]
			u.last++
		}
	}
	return out
}

// qualifiesThing reports whether token i stands before a noun of activity
// ("military operation", "military aid"), so that it is an adjective of
// that activity rather than an actor ("military bases" are the
// military's).
func (st *state) qualifiesThing(s *sentence, i int) bool {
	return i+1 < s.last && st.r.words.activityNouns[s.keys[i+1-s.first]]
}

// connector reports words that may join the parts of one name.
func (w *wordLists) connector(k string) bool {
	switch k {
	case "al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "der", "du", "la", "le", "-", "bint", "ben":
		return true
	}
	return false
}

// nameToken reports whether token j can be part of an unknown name.
func (st *state) nameToken(s *sentence, j int) bool {
	t := &st.d.Tokens[j]
	k := s.keys[j-s.first]
	if st.r.words.notNames[k] || st.r.words.titles[k] != "" {
		return false
	}
	if _, isTitle := st.r.words.titles[k]; isTitle {
		return false
	}
	rs := []rune(t.Text)
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) {
		return false
	}
	switch t.UPOS {
	case "PROPN", "X", "":
		return true
	case "NOUN", "ADJ":
		// Tagger errors on capitalised words mid-sentence, and all-caps
		// acronyms.
		return (j > s.first || st.initialAcronym(s, j) && (j+1 >= s.last || !st.capitalised(j+1))) && t.XPOS != "" && (t.XPOS[0] == 'N' || allUpper(rs)) && !st.r.words.notNames[k]
	}
	return false
}

// misspelt returns the country or demonym unit for token i, an unknown
// one-word name of six letters or more that misspells a country name or
// demonym by one letter added inside it ("Quatar", "Phillippines"), one
// left out of a name of seven letters or more ("Ethopia") or two swapped
// ("Britian"), the first letter kept. A letter added at the end makes
// another word ("Syriac", "Chinas"), and names the KB knows as surnames are
// left alone.
func (st *state) misspelt(s *sentence, i int) (unit, bool) {
	k := s.keys[i-s.first]
	if len(k) < 6 || len(st.r.surname[k]) > 0 || !st.capitalised(i) || allUpper([]rune(st.d.Tokens[i].Text)) {
		return unit{}, false
	}
	for _, sp := range st.r.misspell {
		if sp.key[0] == k[0] && oneEdit(k, sp.key) && !strings.HasPrefix(k, sp.key) &&
			(len(k) >= len(sp.key) || len(k) >= 7) {
			return unit{first: i, last: i + 1, kind: sp.e.kind, cands: []entry{sp.e}}, true
		}
	}
	return unit{}, false
}

// oneEdit reports whether a and b differ by one byte inserted or deleted,
// or by two adjacent bytes swapped.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return false
}

// initialSurname reports whether token j, the first of its sentence and
// tagged as a common word, is the surname of a KB person who can be meant
// here, standing right before its verb: "Baker said.", where the tagger
// reads a sentence-initial surname as a noun or an adverb.
func (st *state) initialSurname(s *sentence, j int) bool {
	k := s.keys[j-s.first]
	if len(k) < 3 || st.r.words.notNames[k] || len(st.r.surname[k]) == 0 || !st.capitalised(j) ||
		!st.beforeVerb(s, j) {
		return false
	}
	switch st.d.Tokens[j].UPOS {
	case "NOUN", "ADJ", "ADV", "PROPN", "X", "":
	default:
		return false
	}
	p := &part{unit: unit{first: j, last: j + 1, kind: uName}}
	if st.surnamePerson(s, p, nil, "") != nil {
		return true
	}
	_, cc := st.surnameShared(s, p)
	return cc != ""
}

// initialAcronym reports whether token i, the first of its sentence, is an
// all-capitals acronym in a sentence not written in capitals ("DHS
// returned ...", "IMA said"): a name, whatever the tagger says.
func (st *state) initialAcronym(s *sentence, i int) bool {
	return i == s.first && allUpper([]rune(st.d.Tokens[i].Text)) && !st.shouting(s)
}

// beforeVerb reports whether token j is followed by a finite verb or an
// auxiliary, as a one-word subject is ("Baker said", "Suharto has
// resigned").
func (st *state) beforeVerb(s *sentence, j int) bool {
	if j+1 >= s.last {
		return false
	}
	t := &st.d.Tokens[j+1]
	return (t.UPOS == "VERB" || t.UPOS == "AUX") && t.XPOS != "VBG"
}

// capitalised reports whether token j starts with an uppercase letter.
func (st *state) capitalised(j int) bool {
	for _, c := range st.d.Tokens[j].Text {
		return unicode.IsUpper(c)
	}
	return false
}

func allUpper(rs []rune) bool {
	n := 0
	for _, c := range rs {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// longest returns the longest dictionary match starting at token i.
func (st *state) longest(s *sentence, i int) (unit, bool) {
	r := st.r
	toks := st.d.Tokens
	n := int32(0)
	var best unit
	found := false
	for j := i; j < s.last; j++ {
		nx, ok := r.nodes[n].next[s.keys[j-s.first]]
		if !ok {
			break
		}
		n = nx
		if len(r.nodes[n].entries) == 0 {
			continue
		}
		var cands []entry
		for _, e := range r.nodes[n].entries {
			if st.accept(s, i, j+1, e) {
				cands = append(cands, e)
			}
		}
		if len(cands) == 0 {
			continue
		}
		best = unit{first: i, last: j + 1}
		// When one span matches several kinds, the first in this order is
		// the unit's kind.
		order := [...]uint8{ePerson, eOrg, eCountry, eAdj, eMetonym, ePlace, eAgent, eTitle}
		for _, k := range order {
			for _, e := range cands {
				if e.kind == k {
					if best.kind == 0 {
						best.kind = k
					}
					best.cands = append(best.cands, e)
				}
			}
		}
		if best.kind == eAgent || best.kind == eTitle {
			for _, e := range best.cands {
				if e.kind == best.kind {
					best.sector = e.sector
					break
				}
			}
			best.term = joinKeys(s.keys[i-s.first : j+1-s.first])
		}
		found = true
	}
	_ = toks
	return best, found
}

// hyphenPrefix matches a country name or demonym before a hyphen inside
// token i, as pre-tokenized text keeps it ("British-ruled", "U.S.-led"):
// a one-token unit of that kind.
func (st *state) hyphenPrefix(s *sentence, i int) (unit, bool) {
	k := s.keys[i-s.first]
	h := strings.IndexByte(k, '-')
	if h <= 0 || h == len(k)-1 {
		return unit{}, false
	}
	r := st.r
	nx, ok := r.nodes[0].next[k[:h]]
	if !ok {
		return unit{}, false
	}
	text := st.d.Tokens[i].Text
	if hb := strings.IndexByte(text, '-'); hb > 0 {
		text = text[:hb]
	}
	u := unit{first: i, last: i + 1}
	for _, kind := range [...]uint8{eCountry, eAdj} {
		for _, e := range r.nodes[nx].entries {
			if e.kind == kind && e.plen == 1 && caseOK(text, e.cases[0]) {
				if u.kind == 0 {
					u.kind = kind
				}
				u.cands = append(u.cands, e)
			}
		}
	}
	return u, u.kind != 0
}

func joinKeys(ks []string) string {
	if len(ks) == 1 {
		return ks[0]
	}
	n := 0
	for _, k := range ks {
		n += len(k) + 1
	}
	b := make([]byte, 0, n)
	for i, k := range ks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, k...)
	}
	return string(b)
}

// accept checks an entry's case constraints and part-of-speech conditions
// against tokens [i, j).
func (st *state) accept(s *sentence, i, j int, e entry) bool {
	toks := st.d.Tokens
	for k := i; k < j; k++ {
		// A particle inside a longer name is written either way ("al-Qaeda"
		// and "Al-Qaeda", "bin Laden" and "Bin Laden").
		if !caseOK(toks[k].Text, e.cases[k-i]) && !(j-i > 1 && st.r.words.connector(s.keys[k-s.first])) {
			return false
		}
	}
	if j-i > 1 {
		return true
	}
	t := &toks[i]
	switch e.kind {
	case eAgent:
		switch t.UPOS {
		case "VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "NUM":
			return false
		case "ADJ":
			switch s.keys[i-s.first] {
			case "military", "parliamentary", "legislative", "judicial", "displaced":
				// An agent unless it qualifies a noun that names no one:
				// "a military operation", "judicial reform".
				return !st.qualifiesThing(s, i)
			}
			return false
		}
	case ePlace, ePerson, eOrg:
		// An acronym is not a namesake place or person written in
		// capitals ("GAO" is not Gao, Mali), unless the sentence is.
		if e.kind != eOrg && e.cases[0] == caseUpper && allUpper([]rune(t.Text)) && !st.shouting(s) {
			return false
		}
		// A capitalised common word at the start of a sentence is not a name,
		// unless the document also capitalises it mid-sentence or it is a
		// person's or organisation's name right before its verb ("Suharto
		// resigned", "Farc has said").
		if i == s.first && t.UPOS != "" && t.UPOS != "PROPN" && t.UPOS != "X" && !st.midCaps[t.Text] &&
			!((e.kind == ePerson || e.kind == eOrg) && st.beforeVerb(s, i)) && !(e.kind == eOrg && st.initialAcronym(s, i)) {
			return false
		}
		if e.cases[0] == caseAny && t.UPOS != "" && t.UPOS != "PROPN" && t.UPOS != "NOUN" {
			return false
		}
	}
	return true
}

// shouting reports whether most words of a sentence are written in
// capitals, as in a headline.
func (st *state) shouting(s *sentence) bool {
	words, upper := 0, 0
	for k := s.first; k < s.last; k++ {
		rs := []rune(st.d.Tokens[k].Text)
		if len(rs) < 2 || !unicode.IsLetter(rs[0]) {
			continue
		}
		words++
		if allUpper(rs) {
			upper++
		}
	}
	return upper*2 > words
}

// afterLocative reports whether a locative preposition stands before token
// i, possibly with determiners, adjectives and numbers between.
func (st *state) afterLocative(s *sentence, i int) bool {
	toks := st.d.Tokens
	for k := i - 1; k >= s.first && k >= i-4; k-- {
		key := s.keys[k-s.first]
		if st.r.words.locative[key] {
			return true
		}
		switch toks[k].UPOS {
		case "DET", "ADJ", "NUM":
			continue
		}
		switch key {
		case "the", "southern", "northern", "eastern", "western", "central":
			continue
		}
		return false
	}
	return false
}

// tokenKeys fills the lookup keys of a sentence's tokens.
func tokenKeys(toks []doc.Token) []string {
	keys := make([]string, len(toks))
	for i := range toks {
		keys[i] = key(toks[i].Text)
	}
	return keys
}
