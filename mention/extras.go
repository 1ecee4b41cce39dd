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
		if countryArea(p) {
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

// countryArea reports whether a place stands for a country as an actor: a
// named area of one country that no other place encloses.
func countryArea(p *kb.Place) bool {
	return p.Kind == kb.PlaceArea && p.Country != "" && p.Parent == ""
}

// pickPlace chooses among places sharing a name: in the preferred country
// first, then cities before regions before areas, then the most populous.
func (st *state) pickPlace(cands []entry, prefer string) *kb.Place {
	var best *kb.Place
	score := func(p *kb.Place) int {
		s := 0
		if p.Country != "" && p.Country == prefer {
			s += 1 << 40
		}
		switch p.Kind {
		case kb.PlaceCity:
			s += 3 << 36
		case kb.PlaceRegion:
			s += 2 << 36
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
		case "he", "him", "his", "she", "her", "it", "its", "they", "them", "their":
			if toks[i].UPOS != "" && toks[i].UPOS != "PRON" && toks[i].UPOS != "DET" {
				continue
			}
			st.emit(s, i, i+1, cand{class: cPron, word: key,
				plural: key == "they" || key == "them" || key == "their"})
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
		if k < s.last {
			switch s.keys[k-s.first] {
			case "the", "a", "an":
				k++
			}
		}
		for j := from; j < len(st.cands); j++ {
			b := &st.cands[j]
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
}
