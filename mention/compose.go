package mention

import (
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
)

// part is a unit inside an actor phrase; to marks a country after "to" in
// a title ("Ambassador to Turkey"), which is not the actor's country.
type part struct {
	unit
	to bool
}

// compose turns the units of one sentence into mentions: outlets and places
// alone, and actor phrases that combine countries, agents, titles, names
// and organisations.
func (st *state) compose(s *sentence, units []unit) {
	for i := 0; i < len(units); {
		if units[i].kind == eMetonym {
			units[i] = st.namesakeCapital(units[i])
		}
		u := units[i]
		switch {
		case u.kind == eOrg && st.r.kb.Orgs[u.cands[0].idx].Kind == kb.KindOutlet:
			o := &st.r.kb.Orgs[u.cands[0].idx]
			st.emit(s, u.first, u.last, cand{class: cOutlet, m: doc.Mention{Kind: doc.KindOutlet,
				Code: o.Code, Country: o.Country, Name: o.Name, ID: o.ID}})
			i++
			continue
		case u.kind == ePlace && st.surnameSubject(s, u):
			// "Bolton said": a one-word town that is the subject and
			// the surname of one KB person in office is that person.
			u.kind = uName
			st.resolve(s, []part{{unit: u}})
			i++
			continue
		case u.kind == ePlace && st.surnameAgent(s, units, i):
			// "the Bush administration": a one-word place before a
			// government noun, and the surname of a KB person, names
			// that person's government.
			units[i].kind = uName
			u = units[i]
		case (u.kind == ePlace || u.kind == eMetonym) && st.placeModifier(s, units, i):
			// "Delhi Police", "Tokyo Stock Exchange": a city naming the
			// country of the body after it.
			units[i] = st.asCountry(u)
			u = units[i]
		case u.kind == ePlace:
			st.emitPlace(s, u)
			i++
			continue
		case (u.kind == eCountry || u.kind == eMetonym) && u.locative:
			st.emitPlace(s, u)
			i++
			continue
		case u.kind == eMetonym && !st.actsAsGovernment(s, u):
			st.emitPlace(s, u)
			i++
			continue
		}
		parts := st.extend(s, units, i)
		if len(parts) == 1 && u.kind == eAdj {
			// "Ukrainian and Russian negotiators": the first demonym shares
			// the agent noun of the phrase it is coordinated with.
			if agent, ok := st.sharedAgent(s, units, i); ok {
				st.resolveSpan(s, []part{parts[0], {unit: agent}}, u.first, u.last)
				i++
				continue
			}
		}
		// Units may have merged into one part ("Tom King"): skip past the
		// phrase's last token.
		for end := parts[len(parts)-1].last; i < len(units) && units[i].first < end; i++ {
		}
		st.resolve(s, parts)
	}
}

// namesakeCapital returns a capital's name as a place of the document's
// country when that country has a place of the same name and the
// capital's own country is not named in the document: in an article about
// Lebanon, "Tripoli" is the Lebanese city, not Libya's government or
// capital. Otherwise it returns u unchanged.
func (st *state) namesakeCapital(u unit) unit {
	cc := st.r.kb.Countries[u.cands[0].idx].Code
	if !st.dominantUnique || st.dominant == cc || st.counts[cc] > st.metonyms[cc] {
		return u
	}
	var keep []entry
	for _, e := range u.cands {
		if e.kind == ePlace && st.r.kb.Places[e.idx].Country == st.dominant {
			keep = append(keep, e)
		}
	}
	if len(keep) == 0 {
		return u
	}
	u.kind, u.cands = ePlace, keep
	return u
}

// placeModifier reports whether units[i], a capital, a region or a city
// of at least bigCity people, written as a proper noun and not after a
// locative preposition nor possessive, stands right
// before an agent noun or an unknown organisation name ("Delhi Police",
// "Baghdad police", "Tokyo Stock Exchange").
func (st *state) placeModifier(s *sentence, units []unit, i int) bool {
	u := units[i]
	if u.locative || u.poss || i+1 >= len(units) || units[i+1].first != u.last || st.placeCountry(u) == nil {
		return false
	}
	if u.kind == ePlace {
		// Not a common word that names some town ("Federal Government").
		if t := &st.d.Tokens[u.last-1]; t.UPOS != "PROPN" && t.UPOS != "" || st.r.words.modifiers[s.keys[u.last-1-s.first]] {
			return false
		}
		if p := st.pickPlace(u.cands, st.dominant); p.Kind == kb.PlaceCity && p.Population < bigCity {
			return false
		}
	}
	if b := u.first - 1; b >= s.first && (st.r.words.placeWord[s.keys[b-s.first]] || st.capitalised(b) && !st.r.words.notNames[s.keys[b-s.first]]) {
		return false // "at Delhi police stations"; inside a longer name: "Kachin Independence Organization"
	}
	switch v := units[i+1]; v.kind {
	case eAgent:
		return v.sector != "" && !st.r.words.personHeads[v.term]
	case uName:
		return st.r.words.orgWords[s.keys[v.last-1-s.first]]
	}
	return false
}

// placeCountry returns the country of a place or capital unit.
func (st *state) placeCountry(u unit) *kb.Country {
	k := st.r.kb
	if u.kind == eMetonym {
		return &k.Countries[u.cands[0].idx]
	}
	p := st.pickPlace(u.cands, st.dominant)
	if p == nil || p.Country == "" {
		return nil
	}
	c, _ := k.Country(p.Country)
	return c
}

// asCountry returns a place or capital unit as a unit of its country.
func (st *state) asCountry(u unit) unit {
	c := st.placeCountry(u)
	u.kind = eCountry
	u.cands = []entry{{kind: eCountry, idx: st.r.countryIdx[c.Code]}}
	return u
}

// actsAsGovernment reports whether a capital or seat of government names
// the government: a subject or object, a possessive, or followed by a verb.
func (st *state) actsAsGovernment(s *sentence, u unit) bool {
	if hasPlace(u) == nil {
		return true // "White House", "Kremlin": not places in the KB
	}
	if u.poss {
		return true
	}
	toks := st.d.Tokens
	h := st.head(s, u.first, u.last)
	switch rel := toks[h].DepRel; {
	case len(rel) >= 5 && rel[:5] == "nsubj", rel == "obj", rel == "iobj":
		return true
	}
	if u.last < s.last {
		switch toks[u.last].UPOS {
		case "VERB", "AUX":
			return true
		}
	}
	return false
}

// hasPlace returns the first place entry of a unit, or nil.
func hasPlace(u unit) *entry {
	for i := range u.cands {
		if u.cands[i].kind == ePlace {
			return &u.cands[i]
		}
	}
	return nil
}

// isCountryKind reports whether a unit kind names a country.
func isCountryKind(k uint8) bool { return k == eCountry || k == eAdj || k == eMetonym }

// extend returns the units of the actor phrase that starts at units[i].
func (st *state) extend(s *sentence, units []unit, i int) []part {
	first := units[i]
	parts := []part{{unit: first}}
	if first.kind == eTitle && first.sector == "" &&
		(i+1 >= len(units) || units[i+1].first != first.last || (units[i+1].kind != uName && units[i+1].kind != ePerson)) {
		return parts
	}
	hasCountry := isCountryKind(first.kind)
	hasPerson := first.kind == ePerson || first.kind == uName
	hasOrg := first.kind == eOrg
	hasAgent := first.kind == eAgent || first.kind == eTitle
	prev := first
loop:
	for j := i + 1; j < len(units); j++ {
		v := units[j]
		to, ok := st.gap(s, prev, v)
		if !ok {
			break
		}
		if v.kind == eAgent && v.sector == "PTY" && v.first == prev.last+2 && s.keys[prev.last-s.first] == "-" &&
			s.keys[prev.last+1-s.first] == "led" {
			v.sector = "MIL" // "the Saudi-led coalition": an armed one, not a government's parties
		}
		if to {
			if !isCountryKind(v.kind) && v.kind != eOrg {
				break
			}
			parts = append(parts, part{unit: v, to: true})
			prev = v
			continue
		}
		switch v.kind {
		case eAgent, eTitle:
			if prev.kind == uName && len(parts) == 2 && isCountryKind(first.kind) && v.first == prev.last &&
				prev.last-prev.first == 1 && allUpper([]rune(st.d.Tokens[prev.first].Text)) && !st.r.words.personHeads[v.term] {
				// "Soviet NKVD security forces": an acronym naming a body
				// of the country modifies the agent noun.
				hasAgent = true
				break
			}
			if st.surnameTitle(s, prev, v) {
				// "Tom King": a capitalised title right after a first
				// name is the surname.
				parts[len(parts)-1].last = v.last
				prev = parts[len(parts)-1].unit
				continue
			}
			if hasPerson && (len(parts) > 1 || st.r.words.personHeads[v.term]) {
				break loop
			}
			hasAgent = true
		case ePerson, uName:
			if st.ethnicQualifier(s, units, i, j) {
				// "Turkish Kurd refugees", "Nigerian Ijaw militants": an
				// unknown people's name between a demonym and an agent
				// noun; the group is the demonym's country's.
				prev = v
				continue
			}
			if hasPerson || hasOrg && !hasAgent {
				break loop
			}
			hasPerson = true
		case ePlace:
			if hasAgent && prev.kind == uName && v.first == prev.last && v.last-v.first == 1 &&
				prev.last-prev.first <= 3 && st.capitalised(v.first) {
				// "Prime Minister Ryutaro Hashimoto", "President Otto
				// Pérez Molina": a one-word place right after a titled
				// first name is (part of) the surname.
				parts[len(parts)-1].last = v.last
				prev = parts[len(parts)-1].unit
				continue
			}
			// A one-word place right after a title is a name: "President Aoun".
			if hasPerson || !hasAgent || v.last-v.first != 1 || (prev.kind != eAgent && prev.kind != eTitle) {
				break loop
			}
			v.kind = uName
			hasPerson = true
		case eOrg:
			if hasOrg || hasPerson || st.r.kb.Orgs[v.cands[0].idx].Kind == kb.KindOutlet ||
				!(isCountryKind(prev.kind) || prev.kind == eAgent) {
				break loop
			}
			hasOrg = true
		case eAdj:
			// "Bosnian Serbs", "Kosovo Albanians": a people named by where
			// it lives, the first country.
			if len(parts) != 1 || !isCountryKind(first.kind) || first.ethnic || first.poss ||
				v.first != first.last || !st.peopleNoun(s, v) && !st.ethnicQualifier(s, units, i, j) {
				break loop
			}
		case eCountry, eMetonym:
			break loop
		default:
			break loop
		}
		parts = append(parts, part{unit: v})
		prev = v
	}
	_ = hasCountry
	return parts
}

// gap reports whether the tokens between units a and b may stand inside
// one actor phrase, and whether they are "to" introducing a country in a
// title.
func (st *state) gap(s *sentence, a, b unit) (to, ok bool) {
	if b.first == a.last {
		return false, !a.poss
	}
	w := &st.r.words
	k := a.last
	if a.poss {
		if !isCountryKind(a.kind) && a.kind != ePerson && a.kind != uName {
			return false, false
		}
		if b.kind != eAgent && b.kind != eOrg && b.kind != eTitle {
			return false, false
		}
		k++
	}
	if k < b.first && s.keys[k-s.first] == "to" && k+1 == b.first && a.kind == eAgent && w.liaison[a.term] {
		return true, true
	}
	if k+2 == b.first && isCountryKind(a.kind) && !a.ethnic && s.keys[k-s.first] == "-" && s.keys[k+1-s.first] == "led" &&
		(b.kind == eAgent || b.kind == eOrg) {
		return false, true // "US-led forces", "Saudi-led coalition": the leader's
	}
	adjs := 0
	for ; k < b.first; k++ {
		if w.modifiers[s.keys[k-s.first]] || w.religions[s.keys[k-s.first]] {
			continue
		}
		if isCountryKind(a.kind) && b.kind == eAgent && adjs < 2 && st.plainAdjective(k) {
			adjs++ // "Irish nationalist guerrillas", "Iranian political prisoner"
			continue
		}
		if isCountryKind(a.kind) && !a.ethnic && !a.poss && b.kind == eAgent && b.sector != "" && k == a.last && k+1 == b.first && st.peopleAdjective(k) {
			continue // "Iraqi Kurdish fighters", "Sri Lankan Tamil refugees": where the people lives
		}
		return false, false
	}
	return false, true
}

// plainAdjective reports whether token k is a lowercase adjective, or a
// word naming a political leaning, that may qualify an agent noun after a
// demonym.
func (st *state) plainAdjective(k int) bool {
	t := &st.d.Tokens[k]
	if st.capitalised(k) {
		return false
	}
	if st.r.words.leanings[key(t.Text)] {
		return true // "nationalist", tagged a noun
	}
	return t.UPOS == "ADJ" && t.XPOS != "JJR" && t.XPOS != "JJS"
}
