package coder

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// Refusals of orders and appeals. When an actor refuses, rejects, resists
// or defies an order, call or demand to do something ("resisted orders to
// deploy troops", "defied the government's order to attack", "rejected
// calls to resign"), the act asked for is not done: it is negated
// (denialStatus), and the refusal is the event (a 12x code from the
// verb's own frame). Its target is the author of the order: the one the
// noun names ("the government's order", "orders from the ministry"), or,
// for orders of no named author refused by a soldier, policeman or
// intelligence officer, the refuser's own superior, the government of its
// country, as the document names it. Otherwise the target stays what the
// tree gives.

// refusalVerb reports whether a verb lemma refuses what its object asks.
func refusalVerb(l string) bool {
	switch l {
	case "refuse", "reject", "decline", "resist", "defy", "disobey", "ignore", "flout", "spurn",
		"rebuff", "dismiss", "disregard", "turn down", "brush aside", "snub", "buck":
		return true
	}
	return false
}

// orderNoun reports whether a noun names an order, which one's superiors
// give.
func orderNoun(l string) bool {
	switch l {
	case "order", "command", "directive", "instruction":
		return true
	}
	return false
}

// verbLemma returns the lemma of verb v with its particle ("turn down").
func (s *sent) verbLemma(v int) string {
	if p := s.child(v, "compound:prt"); p >= 0 {
		return s.lemma(v) + " " + s.lemma(p)
	}
	return s.lemma(v)
}

// refusedRequest returns the noun of order or appeal whose requested act
// predicate i is, when a refusal verb has that noun as its object ("refused
// orders [to fire]", also parsed with the infinitive on the verb: "resisted
// orders [to deploy]"); else -1.
func (c *Coder) refusedRequest(s *sent, i int) int {
	h := s.head(i)
	if h < 0 || s.child(i, "mark") < 0 || s.lemma(s.child(i, "mark")) != "to" {
		return -1
	}
	switch s.rel(i) {
	case "acl":
		if s.toks[h].UPOS == "NOUN" && s.rel(h) == "obj" && s.head(h) >= 0 && refusalVerb(s.verbLemma(s.head(h))) && c.requestNoun(s.lemma(h)) {
			return h
		}
	case "advcl", "xcomp":
		if o := s.child(h, "obj"); o >= 0 && o < i && refusalVerb(s.verbLemma(h)) && c.requestNoun(s.lemma(o)) {
			return o
		}
	}
	return -1
}

// requestNoun reports whether a noun asks for an act it governs: an order,
// or a noun of appeal or demand ("call", "appeal", "demand", "request").
func (c *Coder) requestNoun(l string) bool {
	if orderNoun(l) {
		return true
	}
	for _, n := range c.lex.Noun(l) {
		if r := n.CAMEO[:2]; r == "02" || r == "10" {
			return true
		}
	}
	return false
}

// refusalTargets gives a refusal of an order or appeal its author as
// target (see above).
func (c *Coder) refusalTargets(s *sent, cands []cand) {
	for k := range cands {
		cd := &cands[k]
		if cd.kind == "noun" || !strings.HasPrefix(cd.code, "12") || !refusalVerb(s.verbLemma(cd.trigger)) {
			continue
		}
		o := s.child(cd.trigger, "obj")
		if o < 0 || !c.requestNoun(s.lemma(o)) {
			continue
		}
		cd.refused = true
		if a := s.requestAuthor(o); a >= 0 {
			if ms := s.mentionsAt(a, asTarget); s.anyActorCode(ms) {
				cd.tgt, cd.tgtTok, cd.tgtRel = ms, a, "obj>author"
			}
			continue
		}
		if !orderNoun(s.lemma(o)) {
			continue
		}
		if g := s.superior(cd.src); g >= 0 {
			cd.tgt, cd.tgtTok, cd.tgtRel = []int{g}, o, "superior(giving the)"
		}
	}
}

// requestAuthor returns the token naming the author of request noun o: a
// possessive, or a "by" or "from" modifier; -1 when none does.
func (s *sent) requestAuthor(o int) int {
	if k := s.child(o, "nmod:poss"); k >= 0 {
		return k
	}
	for _, k := range s.kids[o] {
		if r := s.rel(k); (r == "nmod" || strings.HasPrefix(r, "nmod:")) && (s.caseOf(k) == "by" || s.caseOf(k) == "from") {
			return k
		}
	}
	return -1
}

// superior returns the mention of the government over the source mentions
// src when they are state agents under orders (military, police,
// intelligence) of one country: the nearest mention of that government in
// the document, before the sentence's end; -1 when there is none.
func (s *sent) superior(src []int) int {
	country := ""
	for _, a := range s.actors(src) {
		switch a.Sector {
		case "MIL", "COP", "SPY":
		default:
			return -1
		}
		if a.Country == "" || country != "" && a.Country != country {
			return -1
		}
		country = a.Country
	}
	if country == "" {
		return -1
	}
	end := s.base + len(s.toks)
	best := -1
	for mi, m := range s.d.Mentions {
		if m.Kind == doc.KindActor && m.Code == country+"GOV" && m.First < end && (best < 0 || m.First > s.d.Mentions[best].First) {
			best = mi
		}
	}
	return best
}
