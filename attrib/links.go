package attrib

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// laterConj reports whether one of kids is a nominal conjunct.
func laterConj(s *sent, kids []int) bool {
	for _, k := range kids {
		if s.rel(k) == "conj" && s.toks[k].UPOS != "VERB" {
			return true
		}
	}
	return false
}

// links returns the chain links of the source phrase headed by token n of
// s (src marks the phrase), introduced by cue: one per coordinated source,
// anonymous ones merged into one link whose count is the sum of theirs
// ("a US official, an Israeli official, and three additional sources":
// five), and the sources that cite them ("cited by Axios") before them.
func (r *run) links(s *sent, n int, cue string, src []bool) []Link {
	conj := []int{n}
	for i := 0; i < len(conj) && len(conj) < 12; i++ {
		kids := s.kids[conj[i]]
		for j, k := range kids {
			switch {
			case s.rel(k) == "conj" && s.toks[k].UPOS != "VERB":
				conj = append(conj, k)
			case s.rel(k) == "appos" && laterConj(s, kids[j+1:]):
				// "A, B, and C" with B hung on A as an apposition: a
				// member of the list.
				conj = append(conj, k)
			}
		}
	}
	var outer, own []Link
	for _, c := range conj {
		o, l := r.link(s, c, cue, len(conj) > 1)
		outer = append(outer, o...)
		own = append(own, l...)
	}
	var anon []int
	for i, l := range own {
		if l.Role == RoleAnonymous {
			anon = append(anon, i)
		}
	}
	if len(anon) > 1 {
		m := own[anon[0]]
		m.Text, m.Span = s.textOf(src), s.extent(src)
		all := true
		m.Count = 0
		for _, i := range anon {
			if own[i].Count == 0 {
				all = false
			}
			m.Count += own[i].Count
			for _, a := range own[i].Affiliations {
				if !slices.Contains(m.Affiliations, a) {
					m.Affiliations = append(m.Affiliations, a)
				}
			}
		}
		if !all {
			m.Count = 0
		}
		if len(m.Affiliations) != 1 {
			m.Country, m.Code = "", ""
		}
		var merged []Link
		for i, l := range own {
			switch {
			case i == anon[0]:
				merged = append(merged, m)
			case l.Role != RoleAnonymous:
				merged = append(merged, l)
			}
		}
		own = merged
	} else if len(own) == 1 && own[0].Role != RoleDocument && !own[0].resolved {
		own[0].Text, own[0].Span = s.textOf(src), s.extent(src)
	}
	for i := range own {
		own[i].resolved = false
	}
	return append(outer, own...)
}

// link returns the links of one source noun c: the sources citing it
// (outer) and its own. A report or statement stands for its author ("a
// report by Axios", "an Axios report"); "the report" refers back to the
// last report of a named author.
func (r *run) link(s *sent, c int, cue string, coordinated bool) (outer, own []Link) {
	// "an official cited by Axios", "a source quoted by Reuters"
	for _, k := range s.kids[c] {
		if (s.low[k] == "cite" || s.low[k] == "quote") && strings.HasPrefix(s.rel(k), "acl") {
			if ag := s.child(k, "obl:agent", "obl"); ag >= 0 {
				in := s.subtree(ag, nil, nil)
				for _, x := range s.kids[ag] {
					if s.rel(x) == "case" {
						in[x] = false
					}
				}
				_, l := r.link(s, ag, strings.ToLower(s.toks[k].Text)+" by", false)
				for i := range l {
					if !l[i].resolved {
						l[i].Text, l[i].Span = s.textOf(in), s.extent(in)
					}
					l[i].resolved = false
				}
				outer = append(outer, l...)
			}
		}
	}
	cut := func(k int) bool {
		switch s.rel(k) {
		case "conj", "cc", "acl:relcl", "punct", "case":
			return true
		}
		return s.low[k] == "cite" || s.low[k] == "quote"
	}
	in := s.subtree(c, nil, cut)
	l := Link{Cue: cue, Text: s.textOf(in), Span: s.extent(in)}
	if documentNoun(s.low[c]) {
		if o := r.owner(s, c); o >= 0 {
			// The cue runs to the owner: "according to a report by".
			first := c
			for k, ok := range in {
				if ok {
					first = k
					break
				}
			}
			ocue := cue
			if cs := s.child(o, "case"); cs >= 0 && cs > first {
				ocue = strings.TrimSpace(cue + " " + s.text(first, cs))
			}
			_, ol := r.link(s, o, ocue, false)
			for i := range ol {
				ol[i].resolved = true
			}
			r.report = slices.Clone(ol)
			return outer, ol
		}
		if d := s.child(c, "det"); d >= 0 && r.report != nil {
			switch s.low[d] {
			case "the", "this", "that":
				ch := slices.Clone(r.report)
				for i := range ch {
					ch[i].resolved = true
				}
				return outer, ch
			}
		}
		l.Role = RoleDocument
		return outer, []Link{l}
	}
	if m := s.ment[c]; m >= 0 {
		mm := s.d.Mentions[m]
		l.Code, l.Country = mm.Code, mm.Country
		switch {
		case mm.Kind == doc.KindOutlet:
			l.Role, l.Name = RoleOutlet, nameOf(mm)
		case r.person(mm):
			l.Role, l.Name = RolePerson, nameOf(mm)
		case anonymousNoun(s.low[c]) && s.toks[c].UPOS != "PROPN":
			l.Role, l.Count = RoleAnonymous, s.count(c)
			if mm.Country != "" {
				l.Affiliations = []string{mm.Country}
			}
		case mm.Kind == doc.KindActor:
			l.Role, l.Name = RoleOrganisation, nameOf(mm)
		default:
			l.Role = RoleOther
		}
		return outer, []Link{l}
	}
	if anonymousNoun(s.low[c]) && s.toks[c].UPOS != "PROPN" {
		l.Role, l.Count = RoleAnonymous, s.count(c)
		for _, k := range s.kids[c] {
			if m := s.ment[k]; m >= 0 && s.d.Mentions[m].Country != "" {
				l.Affiliations = []string{s.d.Mentions[m].Country}
				l.Country = s.d.Mentions[m].Country
				break
			}
		}
		return outer, []Link{l}
	}
	l.Role = RoleOther
	return outer, []Link{l}
}

// owner returns the author of document noun c: the noun of a "by", "from"
// or "of" modifier, a possessive, or an outlet or actor compound ("an
// Axios report"); -1 when it has none.
func (r *run) owner(s *sent, c int) int {
	for _, k := range s.kids[c] {
		switch s.rel(k) {
		case "nmod", "nmod:agent":
			if cs := s.child(k, "case"); cs >= 0 {
				switch s.low[cs] {
				case "by", "from", "of":
					if s.ment[k] >= 0 || anonymousNoun(s.low[k]) || s.toks[k].UPOS == "PROPN" {
						return k
					}
				}
			}
		case "nmod:poss", "compound":
			if m := s.ment[k]; m >= 0 && m != s.ment[c] {
				return k
			}
		}
	}
	return -1
}

// count returns the number of sources noun c stands for, when the text
// gives it: its number ("five sources"), its article ("a source"), or 1
// for a singular noun; 0 otherwise.
func (s *sent) count(c int) int {
	for _, k := range s.kids[c] {
		switch s.rel(k) {
		case "nummod", "det":
			if n := number(s.toks[k].Text); n > 0 {
				return n
			}
		}
	}
	if n := number(s.toks[c].Text); n > 0 {
		return n
	}
	if s.toks[c].XPOS == "NN" || s.toks[c].XPOS == "NNP" || strings.Contains(s.toks[c].Feats, "Number=Sing") {
		return 1
	}
	return 0
}

// person reports whether a mention names a person.
func (r *run) person(m doc.Mention) bool {
	if m.Kind != doc.KindActor {
		return false
	}
	if m.Type == "person" {
		return true
	}
	if m.ID == "" {
		return false
	}
	if r.f.IsPerson != nil {
		return r.f.IsPerson(m.ID)
	}
	// A person's knowledge base id is the hyphenated name.
	return strings.Contains(m.ID, "-") && strings.Contains(m.Name, " ") &&
		strings.EqualFold(strings.ReplaceAll(m.ID, "-", " "), m.Name)
}

// nameOf returns the canonical name of a mention, else its text.
func nameOf(m doc.Mention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Text
}
