package mention

import (
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
)

// emitPlace emits a place: a KB place, or a country or capital used as a
// location.
//
// A country used as a location ("aid to families in Yemen") keeps its actor
// identity: Code and Country are the country code, since in CAMEO practice
// the country is the event's target when no other target is named. So does
// a named area that stands for part of one country's territory as a whole
// (kb.PlaceArea with a country and no enclosing place: "Gaza Strip", "West
// Bank", "Donbas"). Cities, capitals used as locations, regions and areas
// inside another place carry the country only, without an actor code.
func (st *state) emitPlace(s *sentence, u unit) {
	k := st.r.kb
	c := cand{class: cPlace, m: doc.Mention{Kind: doc.KindPlace}}
	prefer := st.dominant
	cands := u.cands
	if isCountryKind(u.kind) {
		// A country or capital name is a place of that country, never a
		// namesake elsewhere ("Lebanon" is not Lebanon, Tennessee).
		prefer = k.Countries[u.cands[0].idx].Code
		cands = nil
		for _, e := range u.cands {
			if e.kind == ePlace && k.Places[e.idx].Country == prefer {
				cands = append(cands, e)
			}
		}
	}
	if p := st.pickPlace(cands, prefer); p != nil {
		c.m.Name, c.m.ID, c.m.Country = p.Name, p.ID, p.Country
		c.m.Lat, c.m.Lon, c.m.HasCoords = p.Lat, p.Lon, p.Lat != 0 || p.Lon != 0
		if countryArea(p) || st.regionActs(s, u, p) {
			c.m.Code = p.Country
		}
	} else if isCountryKind(u.kind) {
		cc := &k.Countries[u.cands[0].idx]
		c.m.Country = cc.Code
		if u.kind == eCountry {
			c.m.Name, c.m.ID, c.m.Code = cc.Name, cc.Code, cc.Code
			c.countryPlace = true
			if ll, ok := st.r.coords[cc.Code]; ok {
				c.m.Lat, c.m.Lon, c.m.HasCoords = ll[0], ll[1], true
			}
		} else {
			c.m.Name = st.spanText(u.first, u.last)
		}
	}
	st.emit(s, u.first, u.last, c)
}

// regionActs reports whether a region or area of a country, not after a
// locative preposition, is the subject of its clause: it stands for its
// authorities, an actor of its country ("South Kordofan and Blue Nile have
// agreed to allow access").
func (st *state) regionActs(s *sentence, u unit, p *kb.Place) bool {
	if p.Kind == kb.PlaceCity || p.Country == "" || u.locative || u.poss {
		return false
	}
	if n := u.last; n < s.last {
		switch st.d.Tokens[n].UPOS {
		case "PROPN", "NOUN", "ADJ", "NUM":
			return false // "Illinois Governor Rod Blagojevich": a modifier
		}
	}
	rel := st.d.Tokens[st.head(s, u.first, u.last)].DepRel
	return rel == "nsubj" || rel == "conj" && st.conjSubject(s, u)
}

// conjSubject reports whether unit u is a conjunct of a clause subject
// ("South Kordofan and Blue Nile have agreed").
func (st *state) conjSubject(s *sentence, u unit) bool {
	toks := st.d.Tokens
	h := st.head(s, u.first, u.last)
	g := s.first + toks[h].Head - 1
	return toks[h].Head != 0 && g >= s.first && g < s.last && toks[g].DepRel == "nsubj"
}

// countryArea reports whether a place stands for a country as an actor: a
// named area of one country that no other place encloses.
func countryArea(p *kb.Place) bool {
	return p.Kind == kb.PlaceArea && p.Country != "" && p.Parent == ""
}

// bigCity is the population from which a city outranks a region of the
// same name.
const bigCity = 100000

// pickPlace chooses among places sharing a name: in the preferred country
// first, then cities of at least bigCity people before regions before
// smaller cities before areas, then the most populous ("Colorado" is the
// US state, not the Brazilian town).
func (st *state) pickPlace(cands []entry, prefer string) *kb.Place {
	var best *kb.Place
	score := func(p *kb.Place) int {
		s := 0
		if p.Country != "" && p.Country == prefer {
			s += 1 << 40
		}
		switch {
		case p.Kind == kb.PlaceCity && p.Population >= bigCity:
			s += 4 << 36
		case p.Kind == kb.PlaceCity:
			s += 2 << 36
		case p.Kind == kb.PlaceRegion:
			s += 3 << 36
		default:
			s += 1 << 36
		}
		if p.Kind == kb.PlaceCity {
			if c, ok := st.r.kb.Country(p.Country); ok && c.Capital == p.Name {
				s += 1 << 38 // capitals are what a bare name usually means
			}
		}
		return s + min(p.Population, 1<<35)
	}
	for _, e := range cands {
		if e.kind != ePlace {
			continue
		}
		p := &st.r.kb.Places[e.idx]
		if best == nil || score(p) > score(best) {
			best = p
		}
	}
	return best
}

// extras adds the pronouns and definite descriptions of a sentence that no
// mention covers, for coreference to resolve, and links appositions.
func (st *state) extras(s *sentence) {
	toks := st.d.Tokens
	w := &st.r.words
	covered := make([]bool, s.last-s.first)
	firstCand := len(st.cands)
	for i := range st.cands {
		c := &st.cands[i]
		if c.m.Sentence == s.idx {
			firstCand = min(firstCand, i)
			for k := c.m.First; k < c.m.Last; k++ {
				covered[k-s.first] = true
			}
		}
	}
	for i := s.first; i < s.last; i++ {
		if covered[i-s.first] {
			continue
		}
		key := s.keys[i-s.first]
		switch key {
		case "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "we", "us", "our":
			if toks[i].UPOS != "" && toks[i].UPOS != "PRON" && toks[i].UPOS != "DET" {
				continue
			}
			st.emit(s, i, i+1, cand{class: cPron, word: key,
				plural: key == "they" || key == "them" || key == "their" || firstPersonPlural(key)})
		case "the":
			// "the group", "the country", "the armed group", "the group's".
			for j := i + 1; j < s.last && j <= i+3; j++ {
				kj := s.keys[j-s.first]
				if covered[j-s.first] {
					break
				}
				if w.groupNouns[kj] || w.countryNouns[kj] {
					if toks[j].UPOS == "" || toks[j].UPOS == "NOUN" {
						c := cand{class: cDescr, word: kj, definite: true}
						if w.countryNouns[kj] && st.afterLocative(s, i) {
							c.m.Kind = doc.KindPlace
						}
						st.emit(s, i, j+1, c)
					}
					break
				}
				if u := toks[j].UPOS; u != "ADJ" && u != "" {
					break
				}
			}
		}
	}
	st.appositions(s, firstCand)
	st.bracketed(s, firstCand)
}

// titleAfter reports whether tokens from k of s are a title closing an
// apposition: one to five capitalised words or agent nouns, then a comma,
// a full stop or the end of the sentence ("Emergency Relief Coordinator,",
// "'s humanitarian chief,").
func (st *state) titleAfter(s *sentence, k int) bool {
	n := 0
	for ; k < s.last && n <= 5; k++ {
		switch s.keys[k-s.first] {
		case ",", ".":
			return n > 0
		case "'s":
			continue
		}
		if !st.capitalised(k) && st.d.Tokens[k].UPOS != "NOUN" && st.d.Tokens[k].UPOS != "ADJ" {
			return false
		}
		n++
	}
	return n > 0 && k == s.last
}

// bracketed links a name and the acronym or other name in brackets right
// after it ("International Labor Office (ILO)", "Nigerian Air Force
// (NAF)"): when only one of them is coded, the other, an unresolved name,
// takes its code. A bracketed name refers back to the first; a first name
// takes the bracketed one's code compositionally.
func (st *state) bracketed(s *sentence, from int) {
	for i := from; i < len(st.cands); i++ {
		a := &st.cands[i]
		k := a.m.Last
		if a.m.Sentence != s.idx || a.m.Kind != doc.KindActor || k+2 >= s.last || s.keys[k-s.first] != "(" {
			continue
		}
		for j := from; j < len(st.cands); j++ {
			b := &st.cands[j]
			if b.m.Sentence != s.idx || b.m.First != k+1 {
				continue
			}
			if b.m.Kind != doc.KindActor || b.m.Last >= s.last || s.keys[b.m.Last-s.first] != ")" {
				break
			}
			switch {
			case a.m.Code != "" && (unresolvedName(b) || b.class == cPerson && a.class != cPerson && a.m.Last-a.m.First > 1):
				// "Montenegro Municipality Association (AKK)": the
				// acronym of the name, not a person known by initials.
				b.appos = a.id + 1
			case b.m.Code != "" && unresolvedName(a):
				a.m.Code, a.m.Country, a.m.Sector = b.m.Code, b.m.Country, b.m.Sector
				a.m.Name, a.m.ID, a.m.Type = b.m.Name, b.m.ID, b.m.Type
				a.m.Via = doc.ViaCompositional
				a.class, a.orgKind, a.nameOnly, a.surname = b.class, b.orgKind, false, b.surname
			}
			break
		}
	}
}

// unresolvedName reports whether c is a name the KB does not know and
// nothing coded: not a bare agent noun, which has a sector.
func unresolvedName(c *cand) bool {
	return c.m.Code == "" && c.m.Via == doc.ViaUnresolved && c.m.Sector == "" && (c.class == cOrg || c.class == cPerson)
}

// appositions links "Nawaf Salam, the prime minister": a person followed by
// a comma and a bare or compositional title phrase. The person takes the
// title's code when the KB does not know them; the title refers back to the
// person.
func (st *state) appositions(s *sentence, from int) {
	if from >= len(st.cands) {
		return
	}
	for i := from; i < len(st.cands); i++ {
		a := &st.cands[i]
		if a.class != cPerson || a.m.Sentence != s.idx {
			continue
		}
		k := a.m.Last
		if k >= s.last || s.keys[k-s.first] != "," {
			continue
		}
		k++
		det := k // a mention may start with its determiner ("the United Nations")
		if k < s.last {
			switch s.keys[k-s.first] {
			case "the", "a", "an":
				k++
			}
		}
		for j := from; j < len(st.cands); j++ {
			b := &st.cands[j]
			if b.m.Sentence == s.idx && (b.m.First == k || b.m.First == det) && b.class == cOrg && b.m.Code != "" && a.m.Code == "" &&
				st.titleAfter(s, b.m.Last) {
				// "Kenzo Oshima, the United Nations Emergency Relief
				// Coordinator,": an official of the organisation.
				a.m.Code, a.m.Country, a.m.Sector = b.m.Code, b.m.Country, b.m.Sector
				a.m.Via = doc.ViaCompositional
				break
			}
			if b.m.Sentence != s.idx || b.m.First != k || b.class != cAgent {
				continue
			}
			if e := b.m.Last; e < s.last && s.keys[e-s.first] != "," && s.keys[e-s.first] != "." {
				break
			}
			if a.m.Code == "" && b.m.Sector != "" {
				a.m.Sector = b.m.Sector
				if b.m.Country != "" {
					a.m.Country, a.m.Code = b.m.Country, b.m.Code
					a.m.Via = doc.ViaCompositional
				}
			}
			b.appos = a.id + 1
			break
		}
	}
	st.titleFirst(s, from)
}

// titleFirst codes "Peru's interim president, Manuel Merino,": a person
// the KB does not know, in apposition after a coded title naming one
// person, takes the title's code.
func (st *state) titleFirst(s *sentence, from int) {
	for i := from; i < len(st.cands); i++ {
		b := &st.cands[i]
		if b.class != cAgent || b.m.Sentence != s.idx || b.m.Code == "" || b.plural || !st.r.words.personHeads[b.word] {
			continue
		}
		k := b.m.Last
		if k+1 >= s.last || s.keys[k-s.first] != "," {
			continue
		}
		for j := i + 1; j < len(st.cands); j++ {
			a := &st.cands[j]
			if a.m.Sentence != s.idx || a.m.First != k+1 {
				continue
			}
			if a.class != cPerson || a.m.Code != "" || a.m.Type != "person" {
				break
			}
			if e := a.m.Last; e < s.last && s.keys[e-s.first] != "," && s.keys[e-s.first] != "." {
				break
			}
			a.m.Code, a.m.Country, a.m.Sector = b.m.Code, b.m.Country, b.m.Sector
			a.m.Via = doc.ViaCompositional
			break
		}
	}
}
