package mention

import "strings"

// sharedAgent returns the agent noun or title of the phrase that the lone
// demonym units[i] is coordinated with ("Ukrainian and Russian
// negotiators", "Ukrainian, Russian and Turkish officials").
func (st *state) sharedAgent(s *sentence, units []unit, i int) (unit, bool) {
	if i+1 >= len(units) || units[i+1].kind != eAdj || !st.coordinated(s, units[i].last, units[i+1].first) {
		return unit{}, false
	}
	parts := st.extend(s, units, i+1)
	for _, p := range parts {
		if (p.kind == eAgent || p.kind == eTitle) && p.sector != "" {
			return p.unit, true
		}
	}
	if len(parts) == 1 {
		return st.sharedAgent(s, units, i+1)
	}
	return unit{}, false
}

// coordinated reports whether only a coordinator stands between token
// positions a (exclusive end of one unit) and b (start of the next): "and",
// "or", a comma, or a comma and "and".
func (st *state) coordinated(s *sentence, a, b int) bool {
	key := func(k int) string { return s.keys[k-s.first] }
	switch b - a {
	case 1:
		switch key(a) {
		case "and", "or", ",":
			return true
		}
	case 2:
		return key(a) == "," && (key(a+1) == "and" || key(a+1) == "or")
	}
	return false
}

// peopleNoun reports whether a one-word unit is a plural noun naming a
// people ("Serbs", "Albanians", "Kurds"), not an adjective: tagged a
// plural noun, or ending in "s" when the tagger says nothing.
func (st *state) peopleNoun(s *sentence, u unit) bool {
	if u.last-u.first != 1 {
		return false
	}
	switch st.d.Tokens[u.first].XPOS {
	case "NNPS", "NNS":
		return true
	case "":
		k := s.keys[u.first-s.first]
		return len(k) > 3 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss")
	}
	return false
}

// ethnicQualifier reports whether units[j], one word right after the lone
// demonym or country units[i], is a people's name (a demonym, or an
// unknown capitalised name) qualifying the group agent noun right after
// it: "Bosnian Serb forces", "Kosovo Albanian leaders", "Turkish Kurd
// refugees". The group is coded by the first country, where it lives.
func (st *state) ethnicQualifier(s *sentence, units []unit, i, j int) bool {
	first, v := units[i], units[j]
	if j != i+1 || !isCountryKind(first.kind) || first.ethnic || first.poss || v.first != first.last ||
		v.last-v.first != 1 || j+1 >= len(units) {
		return false
	}
	if v.kind == uName && !st.capitalised(v.first) {
		return false
	}
	a := units[j+1]
	return a.first == v.last && a.kind == eAgent && a.sector != "" && !st.r.words.personHeads[a.term]
}

// peopleAdjective reports whether token k, which no knowledge-base entry
// matched, is a capitalised adjective or proper noun that may name a
// people between a demonym and an agent noun ("Kurdish", "Tamil").
func (st *state) peopleAdjective(k int) bool {
	t := &st.d.Tokens[k]
	return st.capitalised(k) && !st.r.words.notNames[key(t.Text)] && (t.UPOS == "ADJ" || t.UPOS == "PROPN")
}
