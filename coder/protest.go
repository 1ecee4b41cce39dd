package coder

import (
	"slices"
	"strings"
)

// A protest (root 14) is aimed at whoever its purpose names, which
// reporters give in a handful of fixed phrases rather than as an argument
// of the protest: "staged a hunger strike in protest of the government's
// refusal", "blocked streets in defiance of the authorities", "blocked a
// road to show their disapproval of US policies", "blocked roads to press
// their demands from the government", "walked out to protest the
// ministry's decision", "stopped work over a bill signed by the minister".
// What is protested may be a deed or a thing: its author is the target
// (the possessor, the by-phrase, the agent of a participle on it).

// protestNouns head the prepositional phrases that state a protest's
// purpose: "in protest of/against/at/over X", "in defiance of X", "in
// opposition to X".
var protestNouns = map[string]bool{
	"protest": true, "defiance": true, "opposition": true, "condemnation": true, "denunciation": true,
}

// protestVerbs, governing a purpose clause, name what is protested as
// their object: "to protest the decision", "to denounce the arrests".
var protestVerbs = map[string]bool{
	"protest": true, "denounce": true, "condemn": true, "oppose": true, "decry": true, "defy": true,
	"challenge": true, "reject": true,
}

// grievanceNouns, the object of a verb of showing in a purpose clause,
// name what is protested in a phrase of their own: "to show their
// disapproval of X", "to express anger at X", "to vent frustration over X".
var grievanceNouns = map[string]bool{
	"disapproval": true, "anger": true, "opposition": true, "discontent": true, "displeasure": true,
	"outrage": true, "frustration": true, "dissatisfaction": true, "protest": true, "indignation": true,
	"rejection": true, "resentment": true, "fury": true, "grievance": true, "grievances": true,
}

// showingVerbs show a grievance: "to show their disapproval".
var showingVerbs = map[string]bool{
	"show": true, "express": true, "voice": true, "register": true, "vent": true, "air": true,
	"demonstrate": true, "signal": true,
}

// pressingVerbs press demands on whom a from-phrase names: "to press their
// demands for reforms from the government".
var pressingVerbs = map[string]bool{
	"press": true, "demand": true, "seek": true, "push": true, "wrest": true, "extract": true,
}

// grievancePreps introduce what a protest or grievance is about.
func grievancePrep(p string) bool {
	switch p {
	case "of", "against", "at", "over", "for", "with", "to", "about":
		return true
	}
	return false
}

// protestTarget returns the token naming the target of protest cd, and
// how it was found, or -1: see the comment above. The phrases are read on
// the trigger, on the verb staging a nominal protest, on the trigger's
// object and its participles (where the parser often hangs a purpose
// clause: "blocked roads leading to the centre to press demands"), and on
// the noun a protest verb taken for a modifier qualifies ("people blocked
// streets in defiance of ...").
func (s *sent) protestTarget(cd *cand) (int, string) {
	i := cd.trigger
	heads := []int{i}
	if h := s.head(i); h >= 0 {
		switch r := s.rel(i); {
		case r == "obj" || r == "xcomp" || r == "amod" || r == "acl":
			heads = append(heads, h) // "staged a strike in protest of"
		}
	}
	for _, h := range slices.Clone(heads) {
		for _, k := range s.kids[h] {
			if r := s.rel(k); r == "obj" || r == "xcomp" {
				heads = append(heads, k) // "stopped work over a bill"
				for _, a := range s.kids[k] {
					if s.rel(a) == "acl" && (s.toks[a].XPOS == "VBG" || s.toks[a].XPOS == "VBN") {
						heads = append(heads, a) // "roads leading to ..."
					}
				}
			}
		}
	}
	take := func(x int) int {
		if x < 0 {
			return -1
		}
		if ms := s.protested(cd, x); len(ms) > 0 {
			return x
		}
		if a := s.authorOf(x); a >= 0 && len(s.protested(cd, a)) > 0 {
			return a
		}
		return -1
	}
	for _, h := range heads {
		for _, k := range s.kids[h] {
			r := s.rel(k)
			switch {
			case (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && r != "nmod:poss" &&
				protestNouns[s.lemma(k)] && (s.caseOf(k) == "in" || s.caseOf(k) == "as"):
				// "in protest of X", "in defiance of X"
				for _, x := range s.kids[k] {
					if strings.HasPrefix(s.rel(x), "nmod") && grievancePrep(s.caseOf(x)) {
						if t := take(x); t >= 0 {
							return t, "protest>in " + s.lemma(k) + " " + s.caseOf(x)
						}
					}
				}
			case h != i && k != i && (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && r != "nmod:poss" &&
				(s.caseOf(k) == "over" || s.caseOf(k) == "against"):
				// "stopped work over a bill signed by the minister"
				if t := take(k); t >= 0 {
					return t, "protest>" + s.caseOf(k)
				}
			case r == "advcl" || r == "acl" || r == "xcomp":
				if t, how := s.purposeTarget(cd, k, take); t >= 0 {
					return t, how
				}
			}
		}
	}
	return -1, ""
}

// purposeTarget returns the token naming what purpose clause p protests,
// or -1: the object of a protest verb ("to protest the decision",
// "protesting the ban"), the phrase on a grievance shown ("to show their
// disapproval for X"), or the party demands are pressed from ("to press
// their demands from the government").
func (s *sent) purposeTarget(cd *cand, p int, take func(int) int) (int, string) {
	m := s.child(p, "mark")
	if !(m >= 0 && s.lemma(m) == "to" || m < 0 && s.toks[p].XPOS == "VBG") {
		return -1, ""
	}
	l := s.lemma(p)
	switch {
	case protestVerbs[l]:
		if t := take(s.child(p, "obj")); t >= 0 {
			return t, "purpose:" + l + ">obj"
		}
	case showingVerbs[l]:
		o := s.child(p, "obj")
		if o < 0 || !grievanceNouns[s.lemma(o)] {
			return -1, ""
		}
		for _, h := range []int{o, p} { // the parser hangs the phrase on either
			for _, x := range s.kids[h] {
				if r := s.rel(x); (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && r != "nmod:poss" && grievancePrep(s.caseOf(x)) {
					if t := take(x); t >= 0 {
						return t, "purpose:" + l + " " + s.lemma(o) + ">" + s.caseOf(x)
					}
				}
			}
		}
	case pressingVerbs[l]:
		for k := range s.toks {
			if s.caseOf(k) == "from" && s.dominates(p, k, 3) && s.rel(k) != "case" {
				if t := take(k); t >= 0 {
					return t, "purpose:" + l + ">from"
				}
			}
		}
	}
	return -1, ""
}

// protested returns the coded actors token x names as what a protest is
// aimed at, leaving out cd's own sources.
func (s *sent) protested(cd *cand, x int) []int {
	ms := slices.DeleteFunc(s.actorsAt(x), func(m int) bool { return slices.Contains(cd.src, m) || s.sameAsSource(cd, m) })
	if !s.anyCoded(ms) {
		return nil
	}
	return ms
}
