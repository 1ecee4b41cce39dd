package mention

import (
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
)

// pronounWindow is how many sentences back a pronoun looks for its
// antecedent.
const pronounWindow = 2

// coref resolves, in text order, surnames, appositions, definite
// descriptions and pronouns to earlier mentions of the document. The
// candidates are sorted in text order.
func (st *state) coref() {
	pos := make(map[int]int, len(st.cands))
	for i := range st.cands {
		pos[st.cands[i].id] = i
	}
	for i := range st.cands {
		c := &st.cands[i]
		switch {
		case c.appos > 0:
			if j, ok := pos[c.appos-1]; ok && j < i {
				st.link(i, j)
			}
		case c.class == cPron && firstPersonPlural(c.word):
			// after the loop: the speaker may be a pronoun resolved later
		case c.class == cPron:
			st.pronoun(i)
		case c.class == cDescr:
			st.description(i)
		case c.class == cOrg && c.m.Code == "" && c.nameOnly:
			st.sameName(i)
		case c.nameOnly || (c.class == cPlace && c.m.Via == doc.ViaDictionary && c.m.Last-c.m.First == 1):
			st.surname(i)
			if c.class == cPerson && c.m.Code == "" && c.m.Country == "" && c.m.Sector != "" && !st.possessor(i) {
				st.inferCountry(i)
			}
		case c.class == cAgent && c.m.Code == "":
			if !st.possessor(i) && !st.npCountry(i) && c.definite {
				st.definiteAgent(i)
			}
			if c.m.Code == "" && c.m.Country == "" {
				st.inferCountry(i)
			}
		}
	}
}

// link makes candidate i refer back to candidate j, copying its resolution.
func (st *state) link(i, j int) {
	c, a := &st.cands[i], &st.cands[j]
	c.m.Code, c.m.Country, c.m.Sector = a.m.Code, a.m.Country, a.m.Sector
	c.m.Name, c.m.ID, c.m.Type = a.m.Name, a.m.ID, a.m.Type
	c.m.Via = doc.ViaCoreference
	c.m.Antecedent = j
	if c.class == cPron || c.class == cDescr || c.class == cPlace {
		c.class = a.class
		c.orgKind = a.orgKind
	}
	c.surname = a.surname
	c.nameOnly = false
	if c.m.Kind == doc.KindPlace && !a.countryPlace && a.class != cCountry && a.class != cPlace {
		c.m.Kind = doc.KindActor
	}
	if c.m.Kind == doc.KindPlace && !c.m.HasCoords {
		if ll, ok := st.r.coords[a.m.Country]; ok {
			c.m.Lat, c.m.Lon, c.m.HasCoords = ll[0], ll[1], true
		}
	}
}

// surname resolves a name known only in part ("Barrack", "President
// Aoun") to the nearest earlier person mention with the same last name; a
// one-word place that is the surname of an earlier person is that person.
func (st *state) surname(i int) {
	c := &st.cands[i]
	last := c.surname
	if c.class == cPlace {
		if c.m.First > 0 && st.r.words.locative[key(st.d.Tokens[c.m.First-1].Text)] {
			return
		}
		last = key(c.m.Text)
	}
	if last == "" {
		return
	}
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.class != cPerson || a.drop || a.surname != last || a.m.Last-a.m.First < 1 {
			continue
		}
		if a.m.ID == "" && a.m.Name == c.m.Name && c.m.Code == "" && a.m.Code == "" {
			continue // the same unknown name again: nothing to gain
		}
		st.link(i, j)
		c.m.Kind = doc.KindActor
		c.class = cPerson
		c.m.Lat, c.m.Lon, c.m.HasCoords = 0, 0, false
		return
	}
}

// sameName resolves an unknown organisation name ("the NAF said") to the
// nearest earlier coded mention written the same way, such as one an
// apposition coded ("Nigerian Air Force (NAF)").
func (st *state) sameName(i int) {
	c := &st.cands[i]
	for j := i - 1; j >= 0; j-- {
		if a := &st.cands[j]; !a.drop && a.m.Code != "" && a.m.Kind == doc.KindActor && a.m.Text == c.m.Text {
			st.link(i, j)
			return
		}
	}
}

// description resolves "the group" to the nearest organisation within
// groupWindow sentences, an international body only for nouns naming one
// ("the alliance", not "the movement"), and "the country" to the most
// salient country (see salientCountry); it is dropped when nothing fits.
func (st *state) description(i int) {
	c := &st.cands[i]
	w := &st.r.words
	c.drop = true
	if w.countryNouns[c.word] {
		if j := st.salientCountry(i); j >= 0 {
			kind := c.m.Kind
			st.link(i, j)
			a := &st.cands[j]
			// "the country" names the country itself, whatever sector of it
			// the antecedent was; after a locative it stays a place.
			c.m.Code, c.m.Sector, c.m.Kind = a.m.Country, "", kind
			if cc, ok := st.r.kb.Country(a.m.Country); ok {
				c.m.Name, c.m.ID = cc.Name, cc.Code
			}
			if ll, ok := st.r.coords[a.m.Country]; ok && kind == doc.KindPlace {
				c.m.Lat, c.m.Lon, c.m.HasCoords = ll[0], ll[1], true
			}
			c.drop = false
		}
		return
	}
	if !w.groupNouns[c.word] {
		return
	}
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.m.Sentence < c.m.Sentence-groupWindow {
			return
		}
		intl := a.orgKind == kb.KindIGO || a.orgKind == kb.KindAgency
		if a.drop || a.class != cOrg || a.m.Code == "" || a.orgKind == kb.KindOutlet || intl && !w.blocNouns[c.word] {
			continue
		}
		st.link(i, j)
		c.drop = false
		return
	}
}

// groupWindow is how many sentences back "the group" looks for the
// organisation it names; a common noun does not refer across unrelated
// text.
const groupWindow = 3

// descrWindow is how many sentences back "the country" weighs candidates by
// salience; beyond it the nearest country is taken.
const descrWindow = 1

// salientCountry returns the candidate "the country" (candidate i) refers
// to, or -1. Among the mentions carrying a country in the current and the
// previous descrWindow sentences, it prefers, in this order of weight: the
// subject of a main clause (the topic), any subject, a country that other
// actors of the current sentence belong to ("Lebanese officials fear ...
// Hezbollah ... Israel ... across the country" is Lebanon), and the nearer
// mention. Without any in the window, the nearest earlier country.
func (st *state) salientCountry(i int) int {
	c := &st.cands[i]
	// Actors of the current sentence by country, other than the candidate.
	same := map[string]int{}
	for j := range st.cands {
		a := &st.cands[j]
		if j != i && a.m.Sentence == c.m.Sentence && !a.drop && a.m.Kind == doc.KindActor && a.m.Country != "" {
			same[a.m.Country]++
		}
	}
	best, bestScore := -1, 0
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.drop || a.m.Country == "" || (a.class != cCountry && !a.countryPlace && a.class != cAgent) {
			continue
		}
		dist := c.m.Sentence - a.m.Sentence
		if dist > descrWindow {
			if best < 0 {
				return j
			}
			break
		}
		score := 100 - 20*dist - (i - j)
		switch {
		case a.topic:
			score += 15
		case a.subject:
			score += 5
		}
		n := same[a.m.Country]
		if a.m.Sentence == c.m.Sentence && a.m.Kind == doc.KindActor {
			n-- // the candidate itself
		}
		score += 6 * min(n, 3)
		if best < 0 || score > bestScore {
			best, bestScore = j, score
		}
	}
	return best
}

// definiteAgent resolves "the military commander" to the nearest person of
// that sector, and "the army" to the army of the nearest country.
func (st *state) definiteAgent(i int) {
	c := &st.cands[i]
	if st.r.words.personHeads[c.word] {
		for j := i - 1; j >= 0; j-- {
			a := &st.cands[j]
			if a.class == cPerson && !a.drop && a.m.Sector == c.m.Sector && a.m.Code != "" {
				st.link(i, j)
				c.class = cPerson
				return
			}
		}
		return
	}
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.drop || a.m.Country == "" || (a.class != cCountry && !a.countryPlace && a.class != cAgent) {
			continue
		}
		sector := c.m.Sector
		st.link(i, j)
		c.m.Sector, c.m.Code = sector, a.m.Country+sector
		c.m.Name, c.m.ID = "", ""
		return
	}
}

// possessor codes a bare agent noun or a titled person of unknown country
// by its possessor: "Hezbollah's military" is Hezbollah, "Syria's army"
// Syrian, "Aleppo's residents" and "Catalonia's former leader Carles
// Puigdemont" of the place's country, "its forces" and "his troops" of the
// country of whatever "its" or "his" refers to. It comes before any country
// the noun phrase names after the noun ("its forces in Crimea" are the
// possessor's) and before the document's countries.
func (st *state) possessor(i int) bool {
	c := &st.cands[i]
	if c.poss == 0 {
		return false
	}
	k := c.poss - 1
	want := k + 1 // a possessive determiner: the pronoun ends after it
	if key(st.d.Tokens[k].Text) == "'s" {
		want = k // the possessor ends before "'s"
	}
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.m.Sentence != c.m.Sentence {
			return false
		}
		if a.m.Last != want || a.drop || a.m.First >= c.m.First {
			continue
		}
		switch {
		case a.m.Kind == doc.KindActor && a.class == cOrg && a.m.Code != "":
			c.m.Code, c.m.Country = a.m.Code, a.m.Country
			if c.class != cPerson {
				c.m.Name, c.m.ID = a.m.Name, a.m.ID
				c.class, c.orgKind = cOrg, a.orgKind
			}
		case a.m.Country != "" && (a.m.Kind == doc.KindActor && (a.class == cCountry || a.class == cAgent || a.class == cPerson) ||
			a.m.Kind == doc.KindPlace && a.class == cPlace):
			c.m.Country, c.m.Code = a.m.Country, a.m.Country+c.m.Sector
			if cc, ok := st.r.kb.Country(a.m.Country); ok && c.class != cPerson {
				c.m.Name = cc.Name
			}
		default:
			return false
		}
		c.m.Via = doc.ViaCompositional
		return true
	}
	return false
}

// pronoun resolves a pronoun to the nearest compatible mention in its
// sentence or the previous pronounWindow ones, preferring subjects;
// unresolved pronouns are dropped.
func (st *state) pronoun(i int) {
	c := &st.cands[i]
	c.drop = true
	best, bestScore := -1, 0
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if a.m.Sentence < c.m.Sentence-pronounWindow {
			break
		}
		if a.drop || a.m.Kind != doc.KindActor || !st.compatible(c, a) || st.ownSubject(c, a) {
			continue
		}
		score := 100 - 20*(c.m.Sentence-a.m.Sentence) - (i - j)
		if a.subject {
			score += 8
		}
		if best < 0 || score > bestScore {
			best, bestScore = j, score
		}
	}
	if best >= 0 {
		st.link(i, best)
		c.drop = false
	}
}

// ownSubject reports whether pronoun c is the object of a verb whose
// subject is mention a: "Armenia accused it" cannot mean Armenia (that
// would be "itself").
func (st *state) ownSubject(c, a *cand) bool {
	if c.m.Sentence != a.m.Sentence {
		return false
	}
	// Heads are numbered within the sentence, which both are in.
	p, s := &st.d.Tokens[c.m.Head], &st.d.Tokens[a.m.Head]
	if p.DepRel != "obj" && p.DepRel != "iobj" || p.Head == 0 {
		return false
	}
	return (s.DepRel == "nsubj" || s.DepRel == "nsubj:pass") && s.Head == p.Head
}

// compatible reports whether pronoun c may refer to mention a.
func (st *state) compatible(c, a *cand) bool {
	switch c.word {
	case "he", "him", "his", "she", "her":
		return a.class == cPerson
	case "it", "its":
		switch a.class {
		case cOrg:
			return true
		case cCountry:
			return !a.plural
		case cAgent:
			return !a.plural && !st.r.words.personHeads[a.word]
		case cPron:
			return !a.plural && a.word != "he" && a.word != "she" && a.word != "his" && a.word != "him" && a.word != "her"
		}
	case "they", "them", "their":
		switch a.class {
		case cOrg:
			return a.orgKind != "igo"
		case cAgent, cPron, cCountry:
			return a.plural
		}
	}
	return false
}

// inferSector reports whether sector is one of a country's state and society whose bare
// agent nouns ("police said", "the government announced", "troops opened
// fire", "the rebels", "residents") take a country from the document, as
// CAMEO codes them country + role. Sectors whose bare nouns are as often
// foreign or international are left uncoded: refugees (coded by origin),
// settlers, unidentified gunmen, peacekeepers and monitors, aid agencies,
// rights and environmental groups.
func inferSector(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "LEG", "JUD", "SPY", "REB", "SEP", "OPP", "PTY", "CRM",
		"CVL", "BUS", "MED", "EDU", "HLH", "LAB", "AGR", "ELI", "REL", "MOD", "RAD":
		return true
	}
	return false
}

// stateSector reports whether sector is one of a state's own
// institutions, which a religious qualifier rules out (see religious).
func stateSector(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "LEG", "JUD", "SPY":
		return true
	}
	return false
}

// religious reports whether a religious adjective ("Jewish", "Muslim",
// "Shiite") stands right before candidate c, perhaps after another
// modifier: a community's figures, not the document country's state.
func (st *state) religious(c *cand) bool {
	for k := c.m.First - 1; k >= 0 && k >= c.m.First-2; k-- {
		if st.r.words.religions[key(st.d.Tokens[k].Text)] {
			return true
		}
	}
	return false
}

// inferSkip reports whether an agent term is a weapon or equipment, which
// is fired or flown by whoever the sentence says, not by the document's
// country.
func inferSkip(word string) bool {
	switch word {
	case "drone", "drones", "warplane", "warplanes", "fighter jets", "warship", "warships", "gunboats",
		"tank", "tanks", "artillery", "air defence", "air defense":
		return true
	}
	return false
}

// inferCountry codes a bare agent noun or a titled person of unknown
// country (candidate i, with a sector inferSector accepts and no country) from
// the document, in this order:
//
//  1. the nearest earlier actor of the same sector that carries a country
//     ("Kenyan police ... police said" is KENCOP);
//  2. the document's dominant country, the one named most often, when no
//     other country is named as often (ties leave the mention uncoded);
//  3. when the document names no country at all, the country of its first
//     place that has one (the dateline or first city named).
//
// The mention takes the country and country + sector as its code. It is
// Via coreference, with Antecedent the mention that supplied the country
// (the same-sector actor, else the nearest earlier mention of the dominant
// country, else the first place), when that mention comes earlier in the
// text; when the country is only named later, it is Via compositional with
// no antecedent.
func (st *state) inferCountry(i int) {
	c := &st.cands[i]
	sector := c.m.Sector
	if !inferSector(sector) || inferSkip(c.word) {
		return
	}
	toks := st.d.Tokens
	switch toks[c.m.Head].DepRel {
	case "compound", "amod", "nmod:poss":
		return // a modifier, not a referent: "guerrilla warfare"
	}
	if f := c.m.First; f > 0 {
		switch key(toks[f-1].Text) {
		case "as":
			return // a role, not a referent: "serve as a mediator"
		case "a", "an":
			if f > 1 && key(toks[f-2].Text) == "as" {
				return
			}
		}
	}
	if stateSector(sector) && st.religious(c) {
		// "Jewish leaders" are no state's officials but a community's
		// religious figures.
		if sector != "GOV" {
			return
		}
		sector = "REL"
		c.m.Sector = sector
	}
	cc, from := "", -1
	for j := i - 1; j >= 0; j-- {
		a := &st.cands[j]
		if !a.drop && a.m.Kind == doc.KindActor && a.m.Sector == sector && a.m.Country != "" &&
			a.m.Code == a.m.Country+sector {
			cc, from = a.m.Country, j
			break
		}
	}
	if cc == "" && st.dominantUnique {
		cc = st.dominant
		for j := i - 1; j >= 0; j-- {
			if a := &st.cands[j]; !a.drop && a.m.Country == cc {
				from = j
				break
			}
		}
	}
	if cc == "" && st.noCountry {
		for j := range st.cands {
			if a := &st.cands[j]; a.m.Kind == doc.KindPlace && a.m.Country != "" {
				cc = a.m.Country
				if j < i {
					from = j
				}
				break
			}
		}
	}
	if cc == "" {
		return
	}
	c.m.Country, c.m.Code = cc, cc+sector
	if k, ok := st.r.kb.Country(cc); ok && c.class != cPerson {
		c.m.Name = k.Name
	}
	if from >= 0 {
		c.m.Via, c.m.Antecedent = doc.ViaCoreference, from
	} else {
		c.m.Via = doc.ViaCompositional
	}
}

// npCountry codes a bare agent noun (candidate i) by a country its own noun
// phrase names after it, read from the parse: a prepositional modifier with
// "in", "from" or "of" ("protesters in the eastern Kosovan town of Gjilan",
// "troops from Chad", "officials of the Syrian government") whose noun is a
// country, a place or an actor with a country, or is modified by one (a
// demonym, or a place after "of" or "in"), up to two modifiers deep; after
// "of" or "for", an organisation ("fighters of Hamas", "a spokesman for
// the UN") gives its code, as a possessor does. Without a parse it is the country right after the noun
// (countryAfter), which compose already tried for nouns without a
// possessor. A group that fled a country is that country's (fledCountry).
func (st *state) npCountry(i int) bool {
	c := &st.cands[i]
	if c.m.Sentence < 0 || c.m.Sentence >= len(st.sents) {
		return false
	}
	s := &st.sents[c.m.Sentence]
	if s.keys == nil {
		return false
	}
	toks := st.d.Tokens
	if toks[c.m.Head].DepRel == "" {
		if c.poss == 0 {
			return false
		}
		cc := st.countryAfter(s, c.m.Last)
		if cc == nil {
			return false
		}
		c.m.Code, c.m.Country, c.m.Name = cc.Code+c.m.Sector, cc.Code, cc.Name
		c.m.Via = doc.ViaCompositional
		return true
	}
	j := st.modifierCountry(s, c.m.Head, c.m.Last, 0)
	if j < 0 {
		j = st.fledCountry(s, c.m.Head)
	}
	if j < 0 {
		return false
	}
	a := &st.cands[j]
	if a.class == cOrg && a.m.Code != a.m.Country {
		c.m.Code, c.m.Country, c.m.Name, c.m.ID = a.m.Code, a.m.Country, a.m.Name, a.m.ID
		c.class, c.orgKind = cOrg, a.orgKind
	} else {
		c.m.Country, c.m.Code = a.m.Country, a.m.Country+c.m.Sector
		if cc, ok := st.r.kb.Country(a.m.Country); ok {
			c.m.Name = cc.Name
		}
	}
	c.m.Via = doc.ViaCompositional
	return true
}

// npDepth is how many modifiers deep modifierCountry looks.
const npDepth = 2

// modifierCountry returns the candidate that gives token h (a noun of
// sentence s) a country through its modifiers at or after token from, or
// -1: see npCountry. A prepositional modifier may be a country, a place or
// an actor with a country, or an organisation after "of". Only a modifier
// naming a kind of place (geoNouns: "town", "nation") or the members of a
// body ("diplomats of the member states of ASEAN") is looked through,
// since "donor of assistance in Iraq" is not Iraqi; its own modifiers may
// be an adjective or compound that is a country or a country's area ("the
// Kosovan town", "the Gaza town"), not any place name used as a word
// ("Central"), or a prepositional modifier as above ("of Gjilan").
func (st *state) modifierCountry(s *sentence, h, from, depth int) int {
	toks := st.d.Tokens
	heads := st.candHeads()
	var nmods [8]int
	n := 0
	for k := max(from, s.first); k < s.last; k++ {
		if s.first+toks[k].Head-1 != h || toks[k].Head == 0 {
			continue
		}
		rel := toks[k].DepRel
		prep := ""
		switch {
		case rel == "nmod":
			prep = st.caseWord(s, k)
			if prep != "in" && prep != "from" && prep != "of" && prep != "for" {
				continue
			}
			if n < len(nmods) {
				nmods[n] = k
				n++
			}
		case depth > 0 && (rel == "amod" || rel == "compound"):
		default:
			continue
		}
		j := heads[k]
		if j < 0 {
			continue
		}
		a := &st.cands[j]
		switch {
		case a.drop || a.m.Kind != doc.KindActor && a.m.Kind != doc.KindPlace:
		case prep == "":
			if a.m.Country != "" && (a.class == cCountry || a.class == cPlace && a.m.Code != "") {
				return j
			}
		case a.class == cOrg && a.m.Code != "" && (prep == "of" || prep == "for") && a.m.Kind == doc.KindActor:
			return j
		case prep == "for":
			// "a spokesman for the UN" speaks for it; "aid for Syria" is not Syrian.
		case a.m.Country != "" && (a.class == cCountry || a.class == cPlace || a.class == cAgent):
			return j
		}
	}
	if depth+1 < npDepth {
		for _, k := range nmods[:n] {
			if w := s.keys[k-s.first]; !st.r.words.geoNouns[w] && !st.r.words.memberNouns[w] {
				continue
			}
			if j := st.modifierCountry(s, k, s.first, depth+1); j >= 0 {
				return j
			}
		}
	}
	return -1
}

// caseWord returns the key of the preposition ("case" dependent) of token
// k, or "".
func (st *state) caseWord(s *sentence, k int) string {
	toks := st.d.Tokens
	for j := k - 1; j >= s.first && j >= k-8; j-- {
		if toks[j].DepRel == "case" && s.first+toks[j].Head-1 == k {
			return s.keys[j-s.first]
		}
	}
	return ""
}

// candHeads returns, for each token of the document, the first kept
// candidate headed by it, or -1; the candidates must be in their final
// order.
func (st *state) candHeads() []int {
	if st.headCand != nil {
		return st.headCand
	}
	st.headCand = make([]int, len(st.d.Tokens))
	for k := range st.headCand {
		st.headCand[k] = -1
	}
	for j := range st.cands {
		if h := st.cands[j].m.Head; h >= 0 && h < len(st.headCand) && st.headCand[h] < 0 && !st.cands[j].drop {
			st.headCand[h] = j
		}
	}
	return st.headCand
}
