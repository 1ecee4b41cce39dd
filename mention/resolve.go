package mention

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
)

// resolve codes one actor phrase and emits it.
func (st *state) resolve(s *sentence, parts []part) {
	st.resolveSpan(s, parts, parts[0].first, parts[len(parts)-1].last)
}

// resolveSpan is resolve with the mention's tokens given: [first, last).
func (st *state) resolveSpan(s *sentence, parts []part, first, last int) {
	k := st.r.kb
	var (
		country  *kb.Country
		metonym  bool
		sector   string
		term     string
		person   *part
		org      *kb.Org
		orgPart  *part
		modifier bool // a person's name modifies a following agent noun
		people   bool // a people named after the country it lives in
	)
	for i := range parts {
		p := &parts[i]
		switch {
		case p.to:
		case p.ethnic:
			// "ethnic Albanians": a people, coded by where they live; a
			// civilian population unless an agent noun follows.
			if sector == "" {
				sector, term = "CVL", joinKeys(s.keys[p.first-s.first:p.last-s.first])
			}
		case isCountryKind(p.kind):
			if country == nil {
				country = &k.Countries[p.cands[0].idx]
				metonym = p.kind == eMetonym
			} else {
				people = true // "Bosnian Serbs"
			}
		case p.kind == eAgent || p.kind == eTitle:
			if p.sector != "" {
				sector, term = p.sector, p.term
			}
			if person != nil {
				modifier = true
			}
		case p.kind == ePerson || p.kind == uName:
			person = p
		case p.kind == eOrg:
			org, orgPart = &k.Orgs[p.cands[0].idx], p
		}
	}
	c := cand{word: term}
	c.plural = term != "" && strings.HasSuffix(term, "s") && !strings.HasSuffix(term, "ss")
	switch {
	case person != nil && !modifier:
		if country == nil && sector != "" && last < s.last {
			if k := s.keys[last-s.first]; k == "of" || k == "from" {
				country = st.countryAfter(s, last) // "King Hassan of Morocco"
			}
		}
		st.resolvePerson(s, &c, person, country, sector)
		if c.m.Code == "" && org != nil && c.m.Country == "" {
			// "Arab League Secretary-General Chedli Klibi": an official
			// the KB does not know is coded by the organisation, and so
			// is a body of it ("U.S. Senate Intelligence Committee").
			c.m.Code, c.m.Country = org.Code, org.Country
			c.m.Sector = sectorOf(org.Code, org.Country)
			c.m.Via = doc.ViaCompositional
		}
		if c.m.Code == "" && country == nil && sector != "" {
			c.poss = st.possessive(s, first) + 1 // "Catalonia's leader Carles Puigdemont"
		}
	case org != nil:
		c.class, c.orgKind = cOrg, org.Kind
		c.m.Code, c.m.Country, c.m.Name, c.m.ID = org.Code, org.Country, org.Name, org.ID
		c.m.Sector = sectorOf(org.Code, org.Country)
		if cc := st.partyCountry(s, org, orgPart, country); cc != nil {
			// "Democratic Party" in an article about Japan: Japan's.
			c.m.Code, c.m.Country, c.m.Name, c.m.ID = cc.Code+"PTY", cc.Code, cc.Name, ""
			c.m.Sector, c.m.Via = "PTY", doc.ViaCompositional
		}
	case person != nil: // "Trump administration"
		c.class = cAgent
		c.m.Sector = sector
		cc := ""
		if country != nil && person.kind == uName {
			cc = country.Code // "Soviet NKVD security forces"
		} else if p := st.surnamePerson(s, person, country, ""); p != nil {
			if r, ok := st.role(p, "", ""); ok {
				cc = r.Country
			}
		} else if country == nil {
			// "the Assad regime": several Assads, all Syrian.
			cc = st.surnameCountry(s, person, "")
		}
		if cc != "" {
			c.m.Country = cc
			c.m.Code = cc + sector
			c.m.Via = doc.ViaCompositional
			if kc, ok := k.Country(cc); ok {
				c.m.Name = kc.Name
			}
		}
		if c.m.Code == "" {
			c.m.Via = doc.ViaUnresolved
			c.poss = st.possessive(s, first) + 1 // "Myanmar's Rohingya community"
		}
	case country != nil && sector != "":
		c.class = cAgent
		if sector == "GOV" && st.religiousSpan(s, first, last) {
			sector = "REL" // "Palestinian Christian leaders"
		}
		c.m.Code, c.m.Country, c.m.Sector, c.m.Name = country.Code+sector, country.Code, sector, country.Name
		c.m.Via = doc.ViaCompositional
	case country != nil:
		c.class = cCountry
		c.m.Code, c.m.Country, c.m.Name, c.m.ID = country.Code, country.Code, country.Name, country.Code
		// "Palestinians": the people, whom "they" may stand for.
		c.plural = last-first == 1 && slices.Contains(country.People, st.d.Tokens[first].Text) &&
			strings.HasSuffix(s.keys[first-s.first], "s")
		if people {
			c.class, c.plural, c.m.ID, c.m.Via = cAgent, true, "", doc.ViaCompositional
		}
		if metonym {
			c.m.Code, c.m.Sector = country.Code+"GOV", "GOV"
		}
	case sector != "":
		c.class = cAgent
		c.m.Sector = sector
		c.m.Via = doc.ViaUnresolved
		// A possessed noun ("its forces in Crimea") belongs to its
		// possessor, which coreference resolves first (see possessor).
		c.poss = st.possessive(s, first) + 1
		if cc := st.countryAfter(s, last); cc != nil && c.poss == 0 {
			c.m.Code, c.m.Country, c.m.Name = cc.Code+sector, cc.Code, cc.Name
			c.m.Via = doc.ViaCompositional
		}
		c.definite = first > s.first && s.keys[first-1-s.first] == "the"
	default:
		return
	}
	st.emit(s, first, last, c)
	for _, p := range parts {
		if p.to && isCountryKind(p.kind) {
			// "its ambassador to New Zealand": the country of the posting
			// is a mention of its own inside the envoy's, so that an act
			// on the envoy can be aimed at it.
			cc := &k.Countries[p.cands[0].idx]
			st.emit(s, p.first, p.last, cand{class: cCountry, m: doc.Mention{Code: cc.Code, Country: cc.Code,
				Name: cc.Name, ID: cc.Code}})
		}
	}
}

// partyCountry returns the country a party named by a name many countries'
// parties share ("Democratic Party", "Labour", "Social Democrats") belongs
// to when it is not the KB party's country: the country of its own phrase
// ("Japan's Democratic Party"), else the document's dominant country when
// it is named at least twice and the KB party's country not at all.
// Otherwise nil.
func (st *state) partyCountry(s *sentence, org *kb.Org, p *part, country *kb.Country) *kb.Country {
	if org.Kind != kb.KindParty || p == nil || org.Country == "" {
		return nil
	}
	for k := p.first; k < p.last; k++ {
		if !st.r.words.partyWords[s.keys[k-s.first]] {
			return nil
		}
	}
	if country != nil {
		if country.Code == org.Country {
			return nil
		}
		return country
	}
	if !st.dominantUnique || st.dominant == org.Country || st.counts[org.Country] > 0 || st.counts[st.dominant] < 2 {
		return nil
	}
	cc, _ := st.r.kb.Country(st.dominant)
	return cc
}

// resolvePerson codes a phrase around a person's name.
func (st *state) resolvePerson(s *sentence, c *cand, p *part, country *kb.Country, sector string) {
	k := st.r.kb
	c.class = cPerson
	cc := ""
	if country != nil {
		cc = country.Code
	}
	var kp *kb.Person
	if p.kind == ePerson {
		kp = st.pickPerson(p.cands, cc, sector)
	} else if sector != "" || country != nil {
		kp = st.surnamePerson(s, p, country, sector)
		c.nameOnly = true
	} else if p.last-p.first == 1 && !p.locative && st.d.Tokens[p.first].DepRel != "compound" {
		// A bare surname ("Putin said") is the one KB person of that
		// surname with a role on the article's date; several, none. Not
		// a name modifying a noun ("Qassem rockets").
		kp = st.surnamePerson(s, p, nil, "")
		c.nameOnly = true
		if kp == nil {
			// "Bush said", undated: two Presidents Bush, one code.
			if code, cc := st.surnameShared(s, p); cc != "" {
				c.m.Name, c.m.Type = st.spanText(p.first, p.last), "person"
				c.m.Code, c.m.Country, c.m.Sector = code, cc, sectorOf(code, cc)
				c.m.Via = doc.ViaCompositional
				c.surname = s.keys[p.last-1-s.first]
				return
			}
		}
	}
	if kp != nil {
		c.m.Name, c.m.ID = kp.Name, kp.ID
		c.surname = lastWord(kp.Name)
		if r, ok := st.role(kp, cc, sector); ok {
			c.m.Code, c.m.Country = r.Code, r.Country
			c.m.Sector = sectorOf(r.Code, r.Country)
		}
		if c.m.Code == "" && cc != "" && sector != "" {
			c.m.Code, c.m.Country, c.m.Sector = cc+sector, cc, sector
		}
		return
	}
	if country == nil && sector != "" && p.kind == uName {
		// "President George Herbert Walker Bush": two Presidents Bush,
		// both American.
		if cc := st.surnameCountry(s, p, sector); cc != "" {
			if kc, ok := k.Country(cc); ok {
				country = kc
			}
		}
	}
	name := st.spanText(p.first, p.last)
	c.nameOnly = true
	c.surname = lastWord(name)
	c.m.Name = name
	c.m.Type = "person"
	if p.kind == uName && st.r.words.orgWords[s.keys[p.last-1-s.first]] {
		// "Government Accountability Office", "Pakistani Foreign Office":
		// an organisation the KB does not know, not a titled person; an
		// agent noun in the name gives its sector ("Junior Doctors
		// Association"), and the country may come from the document.
		c.class, c.m.Type, c.m.Via, c.m.Sector = cOrg, "org", doc.ViaUnresolved, sector
		c.nameOnly, c.surname = false, ""
		if sector != "" {
			c.class = cAgent
		}
		if country != nil {
			// "Liberian Peace Council": the country's, in a sector when
			// the name has an agent noun.
			c.m.Country, c.m.Code, c.m.Via = country.Code, country.Code+sector, doc.ViaCompositional
		}
		return
	}
	if country != nil && sector == "" && st.people(s, p) {
		// "Iraqi Kurds", "Syrian Alawites": a people of the country.
		c.class, c.plural, c.nameOnly, c.surname = cAgent, true, false, ""
		c.m.Type, c.m.Name, c.m.Code, c.m.Country = "", country.Name, country.Code, country.Code
		c.m.Via = doc.ViaCompositional
		return
	}
	if sector == "" && country == nil && !st.titled(s, p.first) {
		c.m.Type = st.guessType(s, p.unit)
		switch c.m.Type {
		case "org":
			c.class = cOrg
		case "place":
			c.class = cPlace
			c.m.Kind = doc.KindPlace
		}
	}
	c.m.Sector = sector
	c.m.Via = doc.ViaUnresolved
	if country != nil {
		c.m.Country = country.Code
		if sector != "" {
			c.m.Code = country.Code + sector
			c.m.Via = doc.ViaCompositional
		}
	}
	_ = k
}

// titled reports whether a courtesy title stands right before token i.
func (st *state) titled(s *sentence, i int) bool {
	if i == s.first {
		return false
	}
	_, ok := st.r.words.titles[s.keys[i-1-s.first]]
	return ok
}

// guessType guesses what an unknown name is: an organisation when it ends
// in an organisation word, a place after a locative preposition, a person
// when it looks like "First Last", else an organisation for acronyms.
func (st *state) guessType(s *sentence, u unit) string {
	w := &st.r.words
	lastKey := s.keys[u.last-1-s.first]
	switch {
	case w.orgWords[lastKey]:
		return "org"
	case u.locative:
		return "place"
	case u.first > s.first && w.placeWord[s.keys[u.first-1-s.first]]:
		return "place"
	}
	toks := st.d.Tokens
	if n := u.last - u.first; n >= 2 && n <= 4 {
		for k := u.first; k < u.last; k++ {
			if allUpper([]rune(toks[k].Text)) {
				return "org"
			}
		}
		return "person"
	}
	if allUpper([]rune(toks[u.first].Text)) {
		return "org"
	}
	return "person"
}

// pickPerson chooses among persons sharing a name: one with a role on the
// article's date that fits the phrase's country and sector, else the first.
func (st *state) pickPerson(cands []entry, country, sector string) *kb.Person {
	var first *kb.Person
	for _, e := range cands {
		if e.kind != ePerson {
			continue
		}
		p := &st.r.kb.People[e.idx]
		if first == nil {
			first = p
		}
		if r, ok := st.role(p, country, sector); ok && st.roleNow(p, r) {
			return p
		}
	}
	return first
}

// surnamePerson finds the KB person whose last name is the last word of a
// name part, who held a role fitting country and sector on the article's
// date.
func (st *state) surnamePerson(s *sentence, p *part, country *kb.Country, sector string) *kb.Person {
	ids := st.r.surname[s.keys[p.last-1-s.first]]
	cc := ""
	if country != nil {
		cc = country.Code
	}
	var found *kb.Person
	for _, id := range ids {
		kp := &st.r.kb.People[id]
		r, ok := st.role(kp, cc, sector)
		if !ok || !st.roleNow(kp, r) || cc != "" && r.Country != cc || sector != "" && sectorOf(r.Code, r.Country) != sector {
			continue
		}
		if found != nil {
			return nil // ambiguous
		}
		found = kp
	}
	return found
}

// religiousSpan reports whether a religious adjective stands among tokens
// [first, last) of s.
func (st *state) religiousSpan(s *sentence, first, last int) bool {
	for k := first; k < last; k++ {
		if st.r.words.religions[s.keys[k-s.first]] {
			return true
		}
	}
	return false
}

// surnameShared returns the code and country shared by every KB person
// with the last name of p who holds a role on the article's date (any
// role, without a date), coded by the role they would be coded with: the
// common code, or only the country when the codes differ; empty when there
// is no such person or their countries differ.
func (st *state) surnameShared(s *sentence, p *part) (code, country string) {
	n := 0
	for _, id := range st.r.surname[s.keys[p.last-1-s.first]] {
		kp := &st.r.kb.People[id]
		r, ok := st.role(kp, "", "")
		if !ok || !st.roleNow(kp, r) || r.Country == "" {
			continue
		}
		switch {
		case n == 0:
			code, country = r.Code, r.Country
		case r.Country != country:
			return "", ""
		case r.Code != code:
			code = country
		}
		n++
	}
	return code, country
}

// surnameCountry returns the country that every KB person with the last
// name of p who held a role (of the sector, when given) on the article's
// date (or ever, without a date) held it in, or "" when there is none or
// several.
func (st *state) surnameCountry(s *sentence, p *part, sector string) string {
	cc := ""
	for _, id := range st.r.surname[s.keys[p.last-1-s.first]] {
		kp := &st.r.kb.People[id]
		r, ok := st.role(kp, "", sector)
		if !ok || !st.roleNow(kp, r) || sector != "" && sectorOf(r.Code, r.Country) != sector {
			continue
		}
		if cc != "" && r.Country != cc {
			return ""
		}
		cc = r.Country
	}
	return cc
}

// people reports whether an unknown name after a demonym is a plural noun
// naming a people ("Iraqi Kurds"): one capitalised word tagged a plural
// proper noun, or ending in "s" when the tagger says nothing.
func (st *state) people(s *sentence, p *part) bool {
	return p.kind == uName && st.peopleNoun(s, p.unit)
}

// countryNow reports whether country c exists on the article's date, or,
// without a date, still exists.
func (st *state) countryNow(c *kb.Country) bool {
	if st.date.IsZero() {
		return c.End == (kb.Date{})
	}
	return kb.During(st.date, c.Start, c.End)
}

// roleNow reports whether r is held on the article's date (always true
// without a date).
func (st *state) roleNow(p *kb.Person, r kb.Role) bool {
	return st.date.IsZero() || kb.During(st.date, r.Start, r.End)
}

// role returns the role of p to code a mention with: among the roles held
// on the article's date (or all roles when it is unknown), the latest one
// fitting country and sector, else the latest; without any role on the
// date, the latest role begun by then.
func (st *state) role(p *kb.Person, country, sector string) (kb.Role, bool) {
	var roles []kb.Role
	if st.date.IsZero() {
		roles = p.Roles
	} else {
		roles = p.RolesAt(st.date)
	}
	if len(roles) == 0 && !st.date.IsZero() {
		for _, r := range p.Roles {
			if r.Start.StartsBy(st.date) {
				roles = append(roles, r)
			}
		}
	}
	var best kb.Role
	bestScore := -1
	for _, r := range roles {
		score := 0
		if country != "" && r.Country == country {
			score += 2
		}
		if sector != "" && sectorOf(r.Code, r.Country) == sector {
			score++
		}
		if score > bestScore || score == bestScore && r.Start.Compare(best.Start) >= 0 {
			best, bestScore = r, score
		}
	}
	return best, bestScore >= 0
}

// sectorOf returns the sector part of an actor code: what follows the
// country ("LBNREBHEZ" -> "REB"), or the code's first three letters for
// international bodies ("IGOUNO" -> "IGO").
func sectorOf(code, country string) string {
	if country != "" && strings.HasPrefix(code, country) && len(code) >= len(country)+3 {
		return code[len(country) : len(country)+3]
	}
	if country == "" && len(code) >= 3 {
		return code[:3]
	}
	return ""
}

// lastWord returns the lowercase last word of a name.
func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return key(f[len(f)-1])
}

// possessive returns the token of a possessive determiner ("its",
// "their", "his", "her", "our") or a possessive "'s" before token first, with at
// most three modifiers between ("former", "top", or by the parse an
// adjective or compound: "the EU's chief Brexit negotiator"), or -1.
func (st *state) possessive(s *sentence, first int) int {
	toks := st.d.Tokens
	for k := first - 1; k >= s.first && k >= first-4; k-- {
		switch key := s.keys[k-s.first]; {
		case key == "its" || key == "their" || key == "his" || key == "her" || key == "our" || key == "'s":
			return k
		case st.r.words.modifiers[key], toks[k].DepRel == "amod", toks[k].DepRel == "compound":
		default:
			return -1
		}
	}
	return -1
}

// countryAfter returns the country of a phrase right after a bare agent
// noun: "officials in Washington", "troops from Chad".
func (st *state) countryAfter(s *sentence, i int) *kb.Country {
	if i+1 >= s.last {
		return nil
	}
	switch s.keys[i-s.first] {
	case "in", "from", "of":
	default:
		return nil
	}
	n := int32(0)
	var found *kb.Country
	for j := i + 1; j < s.last; j++ {
		nx, ok := st.r.nodes[n].next[s.keys[j-s.first]]
		if !ok {
			break
		}
		n = nx
		for _, e := range st.r.nodes[n].entries {
			if st.accept(s, i+1, j+1, e) {
				switch e.kind {
				case eCountry, eMetonym:
					// "a court in Moscow": Russia's, unless the article
					// is dated while the Soviet Union stood.
					if c := &st.r.kb.Countries[e.idx]; found == nil || !st.countryNow(found) && st.countryNow(c) {
						found = c
					}
				case ePlace:
					if c, ok := st.r.kb.Country(st.r.kb.Places[e.idx].Country); ok && found == nil {
						found = c
					}
				}
			}
		}
	}
	return found
}
