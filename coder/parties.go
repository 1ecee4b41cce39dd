package coder

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// Some targets are found through another clause or phrase than the
// event's own arguments: the party a threat's condition names, the doer of
// the deed an investigation looks into, the country of an object a
// multiword verb fixes.

// conditionSubject returns the subject of a condition ("unless", "if") set
// on predicate i or on the clauses it governs, or -1: "threatened to strike
// unless Israel withdrew", "threatened to stop the talks if the US deploys".
//
// A clause the parser calls a complement is a condition too when "unless"
// opens it ("to hold a strike [unless Israel rescinded ...]"); one that
// "if" opens may be an embedded question ("asked if Israel would ...").
func (s *sent) conditionSubject(i int) int {
	for k := range s.toks {
		if r := s.rel(k); r != "advcl" && r != "ccomp" || !s.dominates(i, k, 3) {
			continue
		}
		m := s.child(k, "mark")
		if m >= 0 && (s.lemma(m) == "unless" || s.lemma(m) == "if" && s.rel(k) == "advcl") {
			return s.child(k, "nsubj", "nsubj:pass")
		}
	}
	return -1
}

// dominates reports whether k lies below i in the tree, at most depth
// levels down.
func (s *sent) dominates(i, k, depth int) bool {
	for h, n := s.head(k), 0; h >= 0 && n < depth; h, n = s.head(h), n+1 {
		if h == i {
			return true
		}
	}
	return false
}

// foreignTo reports whether mention m is an actor whose country its own
// words name (not one inferred from the document) and that is not the
// country of a source of cd.
func (s *sent) foreignTo(cd *cand, m int) bool {
	mm := s.d.Mentions[m]
	if mm.Kind != doc.KindActor || mm.Country == "" || mm.Via == doc.ViaCoreference {
		return false
	}
	for _, k := range cd.src {
		if s.d.Mentions[k].Country == mm.Country {
			return false
		}
	}
	return true
}

// deedNouns returns the into/of/on modifiers of investigation noun i, the
// deeds it looks into.
func (s *sent) deedNouns(i int) []int {
	var out []int
	for _, k := range s.kids[i] {
		if r := s.rel(k); strings.HasPrefix(r, "nmod") && r != "nmod:poss" {
			switch s.caseOf(k) {
			case "into", "of", "on":
				out = append(out, k)
			}
		}
	}
	return out
}

// deedAgent returns the agent of the deed that investigation i looks
// into, or -1: a by-phrase on the deed noun ("crimes by the militia"), or
// the agent of a participle on it ("abuses committed by the police"). The
// deed is a verb's object, or a noun's into/of/on modifier; an active
// verb's own by-phrase is its deed's, which the parser attached higher.
func (s *sent) deedAgent(i int, noun bool) int {
	var deeds []int
	for _, k := range s.kids[i] {
		r := s.rel(k)
		switch {
		case !noun && r == "obj" && s.consumed[k]:
			deeds = append(deeds, s.deedNouns(k)...) // "opened an inquiry into killings"
		case !noun && r == "obj":
			deeds = append(deeds, k)
		case !noun && strings.HasPrefix(r, "obl") && s.caseOf(k) == "by" && !s.passive(i) && s.child(i, "obj") >= 0:
			return k // "investigating crimes by the militia", "by" misattached
		}
	}
	if noun {
		deeds = s.deedNouns(i)
	}
	for _, d := range deeds {
		if a := s.authorOf(d); a >= 0 {
			return a
		}
	}
	return -1
}

// authorOf returns the author of the deed or thing noun x names, or -1:
// its by-phrase ("violations by the police"), or the agent of a
// participle on it ("abuses committed by the police", "a bill signed by
// the minister").
func (s *sent) authorOf(x int) int {
	for _, k := range s.kids[x] {
		switch r := s.rel(k); {
		case strings.HasPrefix(r, "nmod") && s.caseOf(k) == "by":
			return k
		case r == "acl":
			for _, a := range s.kids[k] {
				if ra := s.rel(a); ra == "obl:agent" || strings.HasPrefix(ra, "obl") && s.caseOf(a) == "by" {
					return a
				}
			}
		}
	}
	return -1
}

// ofObjectTarget returns the argument that names the target of event noun
// i through the noun's of-object, and its marker, or -1: a phrase the
// parser hung on the of-object with a preposition of the noun's target
// markers belongs to the event ("the withdrawal of troops from Lebanon",
// "the transfer of arms to the rebels").
func (s *sent) ofObjectTarget(i int, markers []string) (int, string) {
	of := s.oblique(i, []string{"of"})
	if of < 0 {
		return -1, ""
	}
	for _, m := range markers {
		if m == "of" || !isPrep(m) && m != "from" {
			continue
		}
		if k := s.oblique(of, []string{m}); k >= 0 {
			if ms := s.mentionsAt(k, asTarget); len(ms) > 0 && s.anyActorCode(ms) {
				return k, m
			}
		}
	}
	return -1, ""
}

// fixedNounTarget returns the argument that names the target of the
// event noun o a multiword verb fixes as its object, with the marker, or
// -1: the noun's own target markers name it ("tightened the blockade of
// the port", "lifted the embargo on Iraq").
func (c *Coder) fixedNounTarget(s *sent, o int) (int, string) {
	for _, n := range c.lex.Noun(s.lemma(o)) {
		for _, m := range n.Target {
			if k := s.nounMarker(o, m); k >= 0 {
				if ms := s.mentionsAt(k, asTarget); len(ms) > 0 && s.anyActorCode(ms) {
					return k, m
				}
			}
		}
	}
	return -1, ""
}

// yieldsTo reports whether the place at argument k stands for the party a
// yielding act (root 08) with object obj (or -1) is done to: the place
// something is acted on in ("lifted restrictions in the north"), the place
// withdrawn from ("pulled its troops out of Gaza"), or a foreign place ("a
// ceasefire in Syria" declared by Turkey). Rebels who surrender or declare
// a truce in their own country yield in it, not to it.
func (s *sent) yieldsTo(cd *cand, obj, k int) bool {
	if obj >= 0 && !s.consumed[obj] || s.caseOf(k) == "from" {
		return true
	}
	src := map[string]bool{}
	for _, a := range s.actors(cd.src) {
		src[a.Country] = true
	}
	for _, a := range s.actors(s.placesAt(k)) {
		if a.Country != "" && src[a.Country] {
			return false
		}
	}
	return true
}

// answersRequest reports whether the object of trigger i is an event noun
// of a request, proposal or demand (roots 02, 03, 10): yielding to it
// ("accepted the demands", "met the request") answers its author.
func (c *Coder) answersRequest(s *sent, i int) bool {
	o := s.child(i, "obj")
	if o < 0 {
		return false
	}
	for _, n := range c.lex.Noun(s.lemma(o)) {
		if len(n.CAMEO) >= 2 && answered(n.CAMEO[:2]) {
			return true
		}
	}
	return false
}
