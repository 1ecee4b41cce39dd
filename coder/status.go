package coder

import (
	"strings"

	"github.com/sitrep/sitrep/event"
)

// Status: whether a predicate is asserted, negated, intended or
// hypothetical, from its own markers and the words governing it.

// status returns the status of predicate i: its own markers, the effect of
// a modifier governing it, and the status of that modifier's own clause
// when negated or hypothetical.
func (c *Coder) status(s *sent, i, depth int) event.Status {
	st := event.Asserted
	conditional := false
	for _, k := range s.kids[i] {
		if !markerRel(s.rel(k)) {
			continue
		}
		l := s.lemma(k)
		if strings.ToLower(s.toks[k].Text) == "n't" {
			l = "not"
		}
		if m, ok := c.lex.Modifier(l); ok && m.Effect != "" {
			eff := event.Status(m.Effect)
			if l == "would" && s.reportedFuture(i) {
				eff = event.Intended // "said it would allow": will, reported
			}
			conditional = conditional || s.rel(k) == "mark" && eff == event.Hypothetical
			st = stronger(st, eff)
		}
	}
	if conditional && st == event.Negated {
		// "if Israel does not withdraw": a condition asserts nothing,
		// not even that the act did not happen.
		st = event.Hypothetical
	}
	h := s.head(i)
	if h < 0 || depth > 4 {
		return st
	}
	st = stronger(st, c.denialStatus(s, i))
	if s.rel(i) == "acl" && s.toks[h].UPOS == "NOUN" && s.child(i, "mark") >= 0 && s.lemma(s.child(i, "mark")) == "to" && c.announcing(s.lemma(h)) {
		// "orders to deploy troops", "the decision to expel": what a noun
		// of decision or appeal announces with an infinitive has not
		// happened yet (a "strike to protest" is a purpose, not a plan).
		st = stronger(st, event.Intended)
	}
	if s.aimedAt(i) {
		// "its focus remains on eliminating Hezbollah", "the plan is to
		// withdraw": what an aim names as its object is intended.
		st = stronger(st, event.Intended)
	}
	r := s.rel(i)
	if m := s.child(i, "mark"); r == "advcl" && m >= 0 && s.lemma(m) == "to" && s.callsOn(h) >= 0 {
		r = "xcomp" // "called on them to withdraw", the infinitive taken for an adverbial clause
	}
	if r == "advcl" && s.toks[i].XPOS == "VBG" && s.child(i, "mark") >= 0 {
		switch s.lemma(s.child(i, "mark")) {
		case "at", "on", "toward", "towards":
			r = "xcomp" // "aimed at opening talks": a complement
		}
	}
	switch {
	case r == "obj" && s.toks[i].UPOS == "NOUN" && s.ownAuthor(i):
		// "rejected calls by Belarus": another actor's act, which
		// happened whatever the governing verb says of it.
	case r == "xcomp" || r == "ccomp" || r == "acl" || (r == "obj" && s.toks[i].UPOS == "NOUN"):
		if m, ok := c.modifierOf(s, h); ok {
			eff := event.Status(m.Effect)
			if r == "xcomp" && c.commandsOther(s, h) {
				eff = event.Intended // ordered to another party: not done yet
			}
			st = stronger(st, eff)
			hs := c.status(s, h, depth+1)
			if hs == event.Negated || hs == event.Hypothetical || hs == event.Intended && eff == event.Asserted {
				// "agreed to resume visits": what "resume" carries out is
				// as intended as the resuming.
				st = stronger(st, hs)
			}
		}
	case r == "conj" && s.child(i, "nsubj", "nsubj:pass") < 0:
		st = stronger(st, c.status(s, h, depth+1))
	}
	return st
}

// aimedAt reports whether predicate i is what a noun of aim ("focus",
// "goal", "aim", "plan", "priority", "objective", "intention") names: the
// predicate itself or the verb it complements ("remains on", "is to") has
// that noun as its subject.
func (s *sent) aimedAt(i int) bool {
	aim := func(k int) bool {
		if k < 0 || s.toks[k].UPOS != "NOUN" {
			return false
		}
		switch s.lemma(k) {
		case "focus", "goal", "aim", "plan", "priority", "objective", "intention", "target", "mission":
			return true
		}
		return false
	}
	if aim(s.child(i, "nsubj")) && s.child(i, "cop") >= 0 {
		return true
	}
	if h := s.head(i); h >= 0 && (s.rel(i) == "advcl" || s.rel(i) == "xcomp") {
		switch s.lemma(h) {
		case "remain", "be", "lie", "stay":
			return aim(s.child(h, "nsubj"))
		}
	}
	return false
}

// ownAuthor reports whether event noun i names its own author: a
// possessive, or a "by" or "from" modifier ("Belarus's calls", "calls by
// Belarus", "an appeal from the UN").
func (s *sent) ownAuthor(i int) bool {
	if s.child(i, "nmod:poss") >= 0 {
		return true
	}
	for _, k := range s.kids[i] {
		if r := s.rel(k); (r == "nmod" || strings.HasPrefix(r, "nmod:")) && (s.caseOf(k) == "by" || s.caseOf(k) == "from") {
			return true
		}
	}
	return false
}

// markerRel reports whether rel is the relation of a word that marks a
// predicate's own status: auxiliaries, negation and other adverbs,
// conditional marks, determiners of event nouns ("no talks").
func markerRel(rel string) bool {
	switch rel {
	case "aux", "advmod", "mark", "det", "neg":
		return true
	}
	return false
}

// announcing reports whether noun lemma announces an act to come when it
// takes an infinitive: a modifier noun of the lexicon ("plan", "effort",
// "decision"), a noun of appeal, proposal, demand or threat ("call",
// "offer", "demand"), or an order, permission or mandate.
func (c *Coder) announcing(lemma string) bool {
	if _, ok := c.lex.Modifier(lemma); ok {
		return true
	}
	for _, n := range c.lex.Noun(lemma) {
		if contentRoot(n.CAMEO[:2]) {
			return true
		}
	}
	switch lemma {
	case "order", "permission", "authorization", "authorisation", "mandate", "right", "agreement", "deal", "vote", "resolution", "motion", "bill", "law":
		return true
	}
	return false
}
