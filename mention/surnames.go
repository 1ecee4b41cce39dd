package mention

// surnameSubject reports whether a one-word place unit, not after a
// locative preposition, is the active subject of its clause and the
// surname of exactly one KB person with a role on the article's date, or
// of several of one country (see surnameShared).
func (st *state) surnameSubject(s *sentence, u unit) bool {
	if u.last-u.first != 1 || u.locative || u.poss || st.d.Tokens[u.first].DepRel != "nsubj" {
		return false
	}
	if u.first > s.first && s.keys[u.first-1-s.first] == "-" || u.last < s.last && s.keys[u.last-s.first] == "-" {
		return false // part of a double name: "Lopez-Gatell"
	}
	if st.surnamePerson(s, &part{unit: u}, nil, "") != nil {
		return true
	}
	_, cc := st.surnameShared(s, &part{unit: u})
	return cc != ""
}

// surnameAgent reports whether the one-word place units[i] stands right
// before a government noun ("administration", "regime", "government") and
// is the surname of KB people of one country.
func (st *state) surnameAgent(s *sentence, units []unit, i int) bool {
	u := units[i]
	if u.last-u.first != 1 || u.locative || u.poss || i+1 >= len(units) {
		return false
	}
	v := units[i+1]
	if v.first != u.last || v.kind != eAgent || v.sector != "GOV" || st.r.words.personHeads[v.term] {
		return false
	}
	return st.surnameCountry(s, &part{unit: u}, "") != ""
}

// surnameTitle reports whether unit v, a one-word person title such as
// "King" or "Bishop", is the surname of the one-word unknown name prev it
// follows without a gap ("Defence Secretary Tom King").
func (st *state) surnameTitle(s *sentence, prev, v unit) bool {
	if prev.kind != uName || prev.last-prev.first != 1 || v.first != prev.last || v.last-v.first != 1 ||
		!st.r.words.personHeads[v.term] || !st.capitalised(v.first) {
		return false
	}
	if v.last < s.last && st.capitalised(v.last) {
		return false // "Labor Minister Maurizio Sacconi": a title before a name
	}
	if w := s.keys[prev.first-s.first]; st.r.words.modifiers[w] {
		return false // "Chief Minister"
	}
	if b := prev.first - 1; b >= s.first {
		switch s.keys[b-s.first] {
		case "the", "a", "an", "former":
			return false // "the Deputy Minister"
		}
	}
	switch st.d.Tokens[v.first].UPOS {
	case "PROPN", "":
		return true
	}
	return false
}
