// Package mention finds the actors, places and news outlets named in a
// parsed document and resolves them against the knowledge base: the longest
// dictionary match over tokens (countries, capitals used for their
// governments, organisations, people, places, outlets), compositional coding
// of a country or demonym with an agent noun or title ("Lebanese officials"
// is LBNGOV), people resolved by the role they held on the article's date,
// appositions, countries and country areas used as locations kept as places
// that carry the country's actor code, unknown capitalised names kept as
// unresolved mentions, and
// coreference within the document (surnames, definite descriptions,
// pronouns).
//
// A bare surname ("Putin said") is the one KB person of that surname who
// held a role on the article's date. A bare agent noun or title with no
// country takes it first from its own noun phrase: its possessor ("its
// forces", "his troops", "Catalonia's former leader Carles Puigdemont"),
// else a country or place its prepositional modifier names ("officials in
// Tehran", "protesters in the Kosovan town of Gjilan"; see npCountry).
// "X-led forces" are X's. A demonym after "ethnic" names a people, coded by
// where it lives, not the demonym's country. Otherwise a bare agent noun or
// title ("police said", "the government announced", "the rebels",
// "Defence Minister Peter Kamau") takes its country from the document: the
// nearest earlier actor of the same sector with a country, else the country
// named most often when no other is named as often, else, when no country
// is named at all, the country of the first place. It is then Via
// coreference with Antecedent the mention that supplied the country, or Via
// compositional when that mention only comes later in the text. Sectors
// whose bare nouns are as often foreign (refugees, peacekeepers, aid
// agencies), weapons ("drones"), nouns modifying nouns ("guerrilla
// warfare") and roles after "as" stay uncoded (see inferCountry).
//
// Names the KB does not know are read from their phrase: an official
// after an organisation ("Arab League Secretary-General Chedli Klibi") or in
// apposition to its title takes its code, a name and its bracketed acronym
// share whichever code one of them has, an unknown name ending in an
// organisation word is an organisation of the phrase's country and sector
// ("Liberian Peace Council"), a demonym before a plural people noun names
// that people where it lives ("Iraqi Kurds", "Bosnian Serbs"), and a surname
// shared by KB officials of one country gives that country ("the Assad
// regime"). A one-word place is a person's name when it completes a titled
// name or is an official's surname as subject or before "administration";
// an all-capitals acronym is never a namesake place or person. A religious
// qualifier makes officials religious figures ("Jewish leaders"). A
// country name or demonym misspelt by one letter ("Ethopia") is still
// that country; a city before an agent noun or unknown organisation names
// its country ("Delhi Police"); a KB surname or name opening a sentence
// before its verb is a name however it is tagged ("Baker said."); and a
// party name many countries share ("Democratic Party") follows the
// phrase's country, else the article's when that is clearly another.
//
// A Resolver is built once from a knowledge base and is safe for concurrent
// use; Process fills Doc.Mentions of one parsed document.
package mention

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/wordform"
	"github.com/sitrep/sitrep/kb"
)

// Entry kinds in the dictionary.
const (
	eCountry = iota + 1 // a country name or alias
	eAdj                // a demonym adjective or person noun ("Lebanese", "Israelis")
	eMetonym            // a name standing for a country's government
	eOrg                // an organisation name or alias
	ePerson             // a person's name or alias
	ePlace              // a place name or alias
	eAgent              // a sector agent term
	eTitle              // an abbreviated title ("Gen.", "Mr.")
)

// Case constraints a text token must meet, per token of a dictionary name.
const (
	caseAny   = iota // lowercase in the dictionary: any case matches
	caseUpper        // capitalised in the dictionary: the text must be too
	caseAcro         // an acronym: the text must be all capitals
)

// entry is one dictionary name: what it names and the case it must have.
type entry struct {
	kind  uint8
	idx   int32  // index into the KB slice of its kind; agent index for eAgent
	plen  uint8  // number of tokens
	cases []byte // one case constraint per token
	// sector is the agent code of an eAgent or eTitle entry.
	sector string
}

// node is a trie node keyed by normalised token text.
type node struct {
	next    map[string]int32
	entries []entry
}

// Resolver finds and resolves mentions. Build one with New; it is read-only
// afterwards and safe for concurrent use.
type Resolver struct {
	kb    *kb.KB
	nodes []node
	// surname maps the lowercase last word of a person's name to persons.
	surname map[string][]int32
	// coords locates each country by code, for country names used as places.
	coords map[string][2]float64
	// words are the closed word lists the rules use.
	words wordLists
	// misspell holds the one-word country names and demonyms of five
	// letters or more, for names misspelled in the text ("Ethopia").
	misspell []spelling
	// countryIdx maps a country code to its index in the KB.
	countryIdx map[string]int32
}

// spelling is a one-word country name or demonym and its entry.
type spelling struct {
	key string
	e   entry
}

// New builds a Resolver over k: a token trie of every name, alias, demonym,
// metonym and agent term, and the indexes the rules need.
func New(k *kb.KB) *Resolver {
	r := &Resolver{kb: k, nodes: []node{{}}, surname: map[string][]int32{}, words: newWordLists(),
		countryIdx: make(map[string]int32, len(k.Countries))}
	for i, c := range k.Countries {
		if _, ok := r.countryIdx[c.Code]; !ok {
			r.countryIdx[c.Code] = int32(i)
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			r.add(n, entry{kind: eCountry, idx: int32(i)})
		}
		for _, n := range c.Adjectives {
			r.add(n, entry{kind: eAdj, idx: int32(i)})
		}
		for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Adjectives...) {
			if k := key(n); len(k) >= 5 && !strings.ContainsAny(k, " .-'") && caseOf(n) == caseUpper {
				kind := uint8(eCountry)
				if slices.Contains(c.Adjectives, n) {
					kind = eAdj
				}
				r.misspell = append(r.misspell, spelling{key: k, e: entry{kind: kind, idx: int32(i), plen: 1, cases: []byte{caseUpper}}})
			}
		}
		for _, n := range c.People {
			r.add(n, entry{kind: eAdj, idx: int32(i)})
		}
		for _, n := range c.Metonyms {
			r.add(n, entry{kind: eMetonym, idx: int32(i)})
		}
	}
	for i, o := range k.Orgs {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			r.add(n, entry{kind: eOrg, idx: int32(i)})
		}
	}
	for i, p := range k.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			r.add(n, entry{kind: ePerson, idx: int32(i)})
		}
		// The surname index holds the last word of the name, and of each
		// alias that only respells it ("Recep Tayyip Erdogan" for "Recep
		// Tayyip Erdoğan": the same words before it), once per person.
		ws := strings.Fields(p.Name)
		if len(ws) < 2 {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			as := strings.Fields(n)
			if len(as) != len(ws) || strings.Join(as[:len(as)-1], " ") != strings.Join(ws[:len(ws)-1], " ") {
				continue
			}
			if last := key(as[len(as)-1]); !seen[last] {
				seen[last] = true
				r.surname[last] = append(r.surname[last], int32(i))
			}
		}
	}
	for i, p := range k.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			r.add(n, entry{kind: ePlace, idx: int32(i)})
		}
	}
	r.regionForms(k)
	for i, a := range k.Agents {
		for _, t := range a.Terms {
			r.add(t, entry{kind: eAgent, idx: int32(i), sector: a.Code})
		}
	}
	for t, sector := range r.words.titles {
		r.add(t, entry{kind: eTitle, idx: -1, sector: sector})
	}
	r.coords = countryCoords(k)
	return r
}

// regionForms adds, for each region or area named "X Governorate", "X
// Province", "X Oblast", "X Region", "X State" and the like, the forms the
// text uses too: X before a lowercase "province", "governorate", "region"
// or its own noun, and X alone. A form that already names another place, a
// country or anything else in the dictionary is not added, nor an X that
// is only a direction ("Northern State", "Central District").
func (r *Resolver) regionForms(k *kb.KB) {
	for i, p := range k.Places {
		if p.Kind != kb.PlaceRegion && p.Kind != kb.PlaceArea {
			continue
		}
		ws := strings.Fields(p.Name)
		if len(ws) < 2 {
			continue
		}
		noun := strings.ToLower(ws[len(ws)-1])
		if !r.words.adminNouns[noun] {
			continue
		}
		stem := strings.Join(ws[:len(ws)-1], " ")
		if caseOf(ws[0]) != caseUpper || r.words.stemStops[strings.ToLower(stem)] {
			continue
		}
		forms := []string{stem + " " + noun}
		for _, n := range [...]string{"province", "governorate", "region"} {
			if n != noun && (noun == "province" || noun == "governorate" || noun == "region" || noun == "oblast" || noun == "state") {
				forms = append(forms, stem+" "+n)
			}
		}
		forms = append(forms, stem)
		for j, f := range forms {
			owner := r.lookup(f)
			if j == len(forms)-1 && len(owner) > 0 {
				continue // X alone already names something
			}
			other := false
			for _, e := range owner {
				other = other || e.kind != ePlace || e.idx != int32(i)
			}
			if !other {
				r.add(f, entry{kind: ePlace, idx: int32(i)})
			}
		}
	}
}

// lookup returns the dictionary entries of a name, nil when none.
func (r *Resolver) lookup(name string) []entry {
	n := int32(0)
	for _, t := range nameTokens(name) {
		nx, ok := r.nodes[n].next[key(t)]
		if !ok {
			return nil
		}
		n = nx
	}
	return r.nodes[n].entries
}

// add inserts a name, split into tokens as the tokenizer splits text.
func (r *Resolver) add(name string, e entry) {
	toks := nameTokens(name)
	if len(toks) == 0 || len(toks) > 255 {
		return
	}
	e.plen = uint8(len(toks))
	e.cases = make([]byte, len(toks))
	n := int32(0)
	for i, t := range toks {
		e.cases[i] = caseOf(t)
		k := key(t)
		if e.kind == eAgent || e.kind == eTitle {
			e.cases[i] = caseAny
		}
		nx, ok := r.nodes[n].next[k]
		if !ok {
			if r.nodes[n].next == nil {
				r.nodes[n].next = map[string]int32{}
			}
			nx = int32(len(r.nodes))
			r.nodes[n].next[k] = nx
			r.nodes = append(r.nodes, node{})
		}
		n = nx
	}
	for _, old := range r.nodes[n].entries {
		if old.kind == e.kind && old.idx == e.idx && string(old.cases) == string(e.cases) {
			return // the same name again; a respelling in other case is kept ("FARC", "Farc")
		}
	}
	r.nodes[n].entries = append(r.nodes[n].entries, e)
}

// nameTokens splits a dictionary name the way the tokenizer splits running
// text: at spaces, before a possessive "'s" and a plural possessive's
// apostrophe, around hyphens between letters
// and around commas and brackets.
func nameTokens(name string) []string {
	var out []string
	for _, w := range strings.Fields(wordform.Normalize(name)) {
		var tail []string
		for len(w) > 1 && strings.ContainsRune(",()\"", rune(w[len(w)-1])) {
			tail = append([]string{w[len(w)-1:]}, tail...)
			w = w[:len(w)-1]
		}
		for len(w) > 1 && strings.ContainsRune("(\"", rune(w[0])) {
			out = append(out, w[:1])
			w = w[1:]
		}
		if len(w) > 2 && strings.HasSuffix(w, "'s") {
			tail = append([]string{"'s"}, tail...)
			w = w[:len(w)-2]
		} else if len(w) > 2 && strings.HasSuffix(w, "s'") {
			tail = append([]string{"'"}, tail...) // "Kurdistan Workers' Party"
			w = w[:len(w)-1]
		}
		if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 && !isLowerWord(w[:i]) {
			parts := strings.Split(w, "-")
			for j, p := range parts {
				if j > 0 {
					out = append(out, "-")
				}
				if p != "" {
					out = append(out, p)
				}
			}
		} else {
			out = append(out, w)
		}
		out = append(out, tail...)
	}
	return out
}

// isLowerWord reports whether w is a short lowercase prefix the tokenizer
// keeps attached ("pro-", "anti-"), as opposed to a name part ("al-Qaeda" is
// split because the tokenizer splits it).
func isLowerWord(w string) bool {
	switch w {
	case "pro", "anti", "non", "ex", "post", "pre", "co":
		return true
	}
	return false
}

// key is the lookup form of a token: typographic variants mapped to plain
// ones, lowercased.
func key(t string) string {
	return strings.ToLower(wordform.Normalize(t))
}

// caseOf returns the case constraint a dictionary token imposes.
func caseOf(t string) byte {
	letters, upper := 0, 0
	first := true
	firstUpper := false
	for _, c := range t {
		if !unicode.IsLetter(c) {
			continue
		}
		letters++
		if unicode.IsUpper(c) {
			upper++
		}
		if first {
			firstUpper = unicode.IsUpper(c)
			first = false
		}
	}
	switch {
	case letters >= 2 && upper == letters && letters <= 6:
		return caseAcro
	case firstUpper:
		return caseUpper
	}
	return caseAny
}

// caseOK reports whether a text token meets a case constraint.
func caseOK(text string, c byte) bool {
	switch c {
	case caseUpper:
		for _, r := range text {
			if unicode.IsLetter(r) {
				return unicode.IsUpper(r)
			}
		}
		return true
	case caseAcro:
		for _, r := range text {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// countryCoords locates countries for place mentions: a place with the
// country's name, else its capital city, else the mean of its regions.
func countryCoords(k *kb.KB) map[string][2]float64 {
	out := make(map[string][2]float64, len(k.Countries))
	byName := map[string][2]float64{}
	sums := map[string][3]float64{}
	for _, p := range k.Places {
		if p.Lat == 0 && p.Lon == 0 {
			continue
		}
		if p.Kind == kb.PlaceCity || p.Kind == "country" {
			byName[p.Country+"\x00"+strings.ToLower(p.Name)] = [2]float64{p.Lat, p.Lon}
		}
		if p.Kind == kb.PlaceRegion && p.Country != "" {
			s := sums[p.Country]
			sums[p.Country] = [3]float64{s[0] + p.Lat, s[1] + p.Lon, s[2] + 1}
		}
	}
	for _, c := range k.Countries {
		if ll, ok := byName[c.Code+"\x00"+strings.ToLower(c.Name)]; ok {
			out[c.Code] = ll
		} else if s, ok := sums[c.Code]; ok {
			out[c.Code] = [2]float64{s[0] / s[2], s[1] / s[2]}
		} else if ll, ok := byName[c.Code+"\x00"+strings.ToLower(c.Capital)]; ok {
			out[c.Code] = ll
		}
	}
	return out
}
