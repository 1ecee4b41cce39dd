package coder

import (
	"github.com/sitrep/sitrep/event"
)

// Acts that did not happen. Besides the negation words of the lexicon
// ("not", "never", "refused to", "failed to"), English denies or defers an
// act through the words around it:
//
//   - a noun of disposition or evidence with a negative quantifier: "showed
//     little interest in mediating", "has no intention of sending troops",
//     "shows no sign of withdrawing" (negated); the same noun without one
//     ("expressed interest in buying") announces an intention;
//   - "short of": "stopped short of imposing sanctions" (negated);
//   - "has yet to", "is yet to": not yet done (intended);
//   - the act an order or appeal asks for, when the actor it is asked of
//     refuses, resists or defies it: "resisted orders to deploy troops",
//     "defied calls to resign" (negated; see refusal.go for the refusal).

// denialStatus returns the status predicate i takes from the words around
// it (see above), or asserted.
func (c *Coder) denialStatus(s *sent, i int) event.Status {
	h := s.head(i)
	if h < 0 {
		return event.Asserted
	}
	st := event.Asserted
	if s.shortOf(i) {
		st = event.Negated
	}
	if r := s.rel(i); (r == "xcomp" || r == "advcl") && s.yetTo(h) {
		st = stronger(st, event.Intended)
	}
	if s.complementOf(i) && s.toks[h].UPOS == "NOUN" {
		switch {
		case (dispositionNoun(s.lemma(h)) || evidenceNoun(s.lemma(h)) || c.announcing(s.lemma(h))) && s.negQuantified(h):
			st = stronger(st, event.Negated)
		case dispositionNoun(s.lemma(h)):
			st = stronger(st, event.Intended)
		}
	}
	if c.refusedRequest(s, i) >= 0 {
		st = stronger(st, event.Negated)
	}
	return st
}

// complementOf reports whether predicate i complements its head noun: a
// clause ("interest in mediating", "intention to send") or an event noun
// in a prepositional modifier ("no sign of a withdrawal").
func (s *sent) complementOf(i int) bool {
	switch s.rel(i) {
	case "acl", "nmod", "nmod:of", "nmod:in", "nmod:for", "nmod:to":
		return true
	}
	return false
}

// dispositionNoun reports whether a noun names its holder's inclination
// toward an act it governs ("interest in", "intention of", "desire to").
func dispositionNoun(l string) bool {
	switch l {
	case "interest", "intention", "intent", "desire", "willingness", "readiness", "appetite", "inclination", "eagerness", "wish":
		return true
	}
	return false
}

// evidenceNoun reports whether a noun names a sign that the act it governs
// happens or will ("no sign of withdrawing", "no indication of talks"):
// denied, the act is; asserted, it is no more than likely.
func evidenceNoun(l string) bool {
	switch l {
	case "sign", "indication", "evidence", "hint", "prospect", "chance", "likelihood", "question":
		return true
	}
	return false
}

// negQuantified reports whether noun n is quantified as none or next to
// none: "no", "little" (but not "a little"), "scant", "zero", "nor any".
func (s *sent) negQuantified(n int) bool {
	indefinite := false
	for _, k := range s.kids[n] {
		if s.rel(k) == "det" && s.lemma(k) == "a" {
			indefinite = true
		}
	}
	for _, k := range s.kids[n] {
		switch r := s.rel(k); {
		case r != "det" && r != "amod" && r != "advmod" && r != "nummod":
		case s.lemma(k) == "no" || s.lemma(k) == "zero" || s.lemma(k) == "scant" || s.lemma(k) == "scarce":
			return true
		case s.lemma(k) == "little" && !indefinite:
			return true
		}
	}
	return false
}

// shortOf reports whether predicate i is what its actor stopped or fell
// short of: an "of" complement of "short" ("stopped short of imposing
// sanctions", "fell short of a formal recognition").
func (s *sent) shortOf(i int) bool {
	h := s.head(i)
	if h < 0 || s.lemma(h) != "short" {
		return false
	}
	return s.caseOf(i) == "of"
}

// yetTo reports whether verb h is "have" or "be" with the adverb "yet"
// governing an infinitive: "has yet to respond", "is yet to decide".
func (s *sent) yetTo(h int) bool {
	if l := s.lemma(h); l != "have" && l != "be" {
		return false
	}
	for _, k := range s.kids[h] {
		if s.rel(k) == "advmod" && s.lemma(k) == "yet" {
			return true
		}
	}
	return false
}
