package coder

import "strings"

// A verb coded as weighing a policy option (CAMEO 014: "considering
// sanctions", "studying a proposal", "is considering doing so") is no such
// event in two other uses:
//
//   - a judgment with a secondary predicate: "considered the regime
//     legitimate", "are considered China's gypsies", "considers it to be
//     too broad", "considered France as an enemy";
//   - an intransitive use with no option weighed: "studied in
//     seminaries", "working or studying abroad".

// deliberationCode is the CAMEO code of considering a policy option.
const deliberationCode = "014"

// notDeliberation reports whether verb i, coded code, is a judgment or an
// intransitive use rather than the weighing of an option.
func (s *sent) notDeliberation(i int, code string) bool {
	if !strings.HasPrefix(code, deliberationCode) {
		return false
	}
	return s.secondaryPredicate(i) || s.weighsNothing(i)
}

// secondaryPredicate reports whether verb i predicates something of its
// object or passive subject: an adjectival or nominal xcomp, an xcomp
// "to be", or an "as" phrase.
func (s *sent) secondaryPredicate(i int) bool {
	for _, k := range s.kids[i] {
		switch r := s.rel(k); {
		case r == "xcomp":
			switch s.toks[k].UPOS {
			case "ADJ", "NOUN", "PROPN", "NUM", "PRON":
				return true
			}
			if s.lemma(k) == "be" || s.child(k, "cop") >= 0 {
				return true
			}
		case r == "obl" || strings.HasPrefix(r, "obl:"):
			// After the verb: a fronted "As part of ..." is an adjunct.
			if k > i && s.caseOf(k) == "as" {
				return true
			}
		}
	}
	return false
}

// weighsNothing reports whether verb i has nothing weighed: no object, no
// clausal complement, it is not passive (whose subject is the object),
// and no relative clause it is part of leaves its object out ("the
// resolution, which the council is due to consider").
func (s *sent) weighsNothing(i int) bool {
	if s.child(i, "obj", "ccomp", "xcomp", "csubj") >= 0 || s.passive(i) {
		return false
	}
	if k := s.child(i, "advcl"); k >= 0 && s.toks[k].XPOS == "VBG" && s.child(k, "mark") < 0 {
		return false // "considering sending aid", the gerund parsed as an adjunct
	}
	k := i
	for (s.rel(k) == "xcomp" || s.rel(k) == "ccomp" || s.rel(k) == "conj") && s.head(k) >= 0 {
		k = s.head(k)
	}
	switch s.rel(k) {
	case "acl:relcl":
		// Its relative pronoun is the subject ("who studied abroad"):
		// the object is not what it lacks.
		sb := s.child(k, "nsubj")
		return sb >= 0 && (s.toks[sb].XPOS == "WP" || s.toks[sb].XPOS == "WDT")
	case "acl":
		// A participle's noun is its subject ("people studying abroad").
		return s.toks[k].XPOS == "VBG"
	}
	return true
}
