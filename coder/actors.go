package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// The actors an argument token stands for: the mentions at it and its
// conjuncts, the coded actors qualifying it, or those inside its phrase.

// kinds of arguments the actors of an argument token may fill.
const (
	asSource = iota
	asTarget
)

// mentionsAt returns the mentions an argument token stands for: the mention
// at the token and at its conjuncts. Outlets never count; places count as
// targets, for their country, only when no actor does.
func (s *sent) mentionsAt(i, as int) []int {
	if i < 0 {
		return nil
	}
	if s.toks[i].UPOS == "NUM" && s.ment[i] < 0 && i+1 < len(s.toks) && s.ment[i+1] >= 0 {
		// "to 18 Rwandan rebels" with the count taken for the head: the
		// group counted.
		i = i + 1
	}
	var actors, places []int
	var walk func(int, int)
	walk = func(t, depth int) {
		if m := s.ment[t]; m >= 0 {
			mm := s.d.Mentions[m]
			switch {
			case mm.Kind == doc.KindActor && !slices.Contains(actors, m):
				actors = append(actors, m)
			case mm.Kind == doc.KindPlace && (mm.Code != "" || mm.Country != "") && !slices.Contains(places, m):
				places = append(places, m)
			}
		}
		if depth > 3 {
			return
		}
		for _, k := range s.kids[t] {
			if s.rel(k) == "conj" && !s.attributionPhrase(k) {
				walk(k, depth+1)
			}
			// "Pakistan, India agree": two countries in apposition are
			// a list, not one country named twice.
			if mk, mt := s.ment[k], s.ment[t]; s.rel(k) == "appos" && mk >= 0 && mt >= 0 && mk != mt &&
				countryActor(s.d.Mentions[mk]) && countryActor(s.d.Mentions[mt]) &&
				s.d.Mentions[mk].Country != s.d.Mentions[mt].Country && !slices.Contains(actors, mk) {
				actors = append(actors, mk)
			}
			// "Mali, Burkina Faso and Niger" with Mali taken for a
			// compound: a listed actor followed by a comma.
			if mk, mt := s.ment[k], s.ment[t]; s.rel(k) == "compound" && mk >= 0 && mk != mt && k+1 < len(s.toks) &&
				s.toks[k+1].Text == "," && s.d.Mentions[mk].Kind == doc.KindActor && s.d.Mentions[mk].Code != "" &&
				!slices.Contains(actors, mk) {
				actors = append(actors, mk)
			}
			// "the Chinese and Russian navies": a coordinated demonym
			// before the agent noun is an actor of the same kind.
			if mk, mt := s.ment[k], s.ment[t]; s.rel(k) == "amod" && mk >= 0 && mt >= 0 && mk != mt &&
				s.d.Mentions[mk].Kind == doc.KindActor && s.d.Mentions[mk].Sector != "" &&
				s.d.Mentions[mk].Sector == s.d.Mentions[mt].Sector && !slices.Contains(actors, mk) {
				actors = append(actors, mk)
			}
		}
	}
	walk(i, 0)
	uncoded := !s.anyCoded(actors) && (s.ment[i] < 0 || s.d.Mentions[s.ment[i]].Code == "")
	if uncoded {
		// An argument noun that names no actor itself takes the coded
		// actor that qualifies it: "a U.S. federal judge", "the Egyptian
		// affiliate", "Iran's envoy".
		for _, k := range s.kids[i] {
			if r := s.rel(k); r != "amod" && r != "compound" && r != "nmod:poss" {
				continue
			}
			if m := s.ment[k]; m >= 0 && m != s.ment[i] && !slices.Contains(actors, m) && s.d.Mentions[m].Kind == doc.KindActor && s.d.Mentions[m].Code != "" {
				if len(actors) > 0 && !s.anyCoded(actors) {
					actors = actors[:0]
				}
				actors = append(actors, m)
			}
		}
	}
	if uncoded && !s.anyCoded(actors) {
		if in := s.innerActors(i); len(in) > 0 {
			actors = in
		} else if in := s.leadingTitle(i); len(in) > 0 {
			actors = in
		}
	}
	if len(actors) == 0 && as == asTarget {
		return places
	}
	return actors
}

// anyActorCode reports whether some mention of ms yields an actor code in
// a record: its own code, a place's country, or an agent's role.
func (s *sent) anyActorCode(ms []int) bool {
	for _, a := range s.actors(ms) {
		if a.Code != "" {
			return true
		}
	}
	return false
}

func (s *sent) anyCoded(ms []int) bool {
	for _, m := range ms {
		if s.d.Mentions[m].Code != "" {
			return true
		}
	}
	return false
}

// innerActors returns the coded actors inside the noun phrase of argument
// noun i that is no mention and has no coded qualifier: an apposition
// naming an actor ("the prime minister, Nawaf Salam"), a name part (flat,
// compound) covered by a mention, and the group an "of/for/from" modifier
// names, which the head stands for ("a spokesman for the Taliban", "the
// leader of Hamas", "officials from Iran"), and the author a "by" names
// ("rejected calls by Belarus").
func (s *sent) innerActors(i int) []int {
	var out []int
	coded := func(k int) bool {
		m := s.ment[k]
		return m >= 0 && s.d.Mentions[m].Kind == doc.KindActor && s.d.Mentions[m].Code != "" && !slices.Contains(out, m)
	}
	for _, k := range s.kids[i] {
		if r := s.rel(k); (r == "appos" || r == "flat" || r == "flat:name") && coded(k) {
			out = append(out, s.ment[k])
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, k := range s.kids[i] {
		r := s.rel(k)
		if (r == "nmod" || strings.HasPrefix(r, "nmod:")) && r != "nmod:poss" && r != "nmod:tmod" {
			switch s.caseOf(k) {
			case "of", "for", "from", "by":
				for _, m := range s.mentionsAt(k, asSource) {
					if s.d.Mentions[m].Code != "" && !slices.Contains(out, m) {
						out = append(out, m)
					}
				}
			}
		}
	}
	return out
}

// actors converts mention indices to event actors.
func (s *sent) actors(ms []int) []event.Actor {
	var out []event.Actor
	for _, mi := range ms {
		m := s.d.Mentions[mi]
		switch {
		case m.Kind == doc.KindPlace && m.Code == "":
			m.Code = m.Country // a place stands for its country
		case m.Kind == doc.KindActor && m.Code == "" && m.Country == "" && m.Sector != "":
			// An agent of no known country is coded by its role alone,
			// as CAMEO does ("REB", "CVL", "OPP").
			m.Code = m.Sector
		}
		out = append(out, event.Actor{Text: m.Text, Start: m.Start, End: m.End, Code: m.Code,
			Country: m.Country, Sector: m.Sector, Name: m.Name, ID: m.ID, Via: m.Via})
	}
	return out
}

// leadingTitle returns the coded actors of the noun phrase that opens the
// sentence and describes the uncoded name at token i set off after it by
// a comma: "A member of the Syrian parliament, Mohammed Mamoun, started a
// hunger strike" (the parser hangs the phrase anywhere). Nil otherwise.
func (s *sent) leadingTitle(i int) []int {
	m := s.ment[i]
	if m < 0 || s.d.Mentions[m].Kind != doc.KindActor {
		return nil
	}
	f := s.d.Mentions[m].First - s.base
	if f < 2 || f > len(s.toks) || s.toks[f-1].Text != "," {
		return nil
	}
	head := -1
	for k := 0; k < f-1; k++ {
		if h := s.head(k); h < 0 || h >= f-1 {
			if head >= 0 || s.toks[k].UPOS != "NOUN" {
				return nil
			}
			head = k
		}
	}
	if head < 0 || s.ment[head] >= 0 {
		return nil
	}
	return s.innerActors(head)
}

// attributionPhrase reports whether token k heads an "according to"
// phrase, which names a source of the report, never an argument the
// parser may have coordinated it with.
func (s *sent) attributionPhrase(k int) bool {
	for _, c := range s.kids[k] {
		if s.rel(c) == "case" && (s.lemma(c) == "accord" || s.lemma(c) == "according") {
			return true
		}
	}
	return false
}

// countryActor reports whether m names a country as an actor ("India",
// not "Indian officials").
func countryActor(m doc.Mention) bool {
	return m.Kind == doc.KindActor && m.Code != "" && m.Code == m.Country
}
