package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// Reporters often leave the target of an event outside the frame's role:
// "gave the Ivory Coast aid" (the indirect object), "offered to hand over
// the suspects to Britain" (the governed predicate's oblique), "demanded
// that the US cancel the sale" (the governed clause's subject), "provide aid
// for Romania" (inside the object), "lifted the curfew in Darfur", "arrived
// in Amman" (the place, standing for its country). fillTarget looks there,
// in that order, when the frame found no target.

// recipientPrep reports whether p introduces obliques that may hold the
// target of an event whose frame names none.
func recipientPrep(p string) bool {
	switch p {
	case "to", "for", "with", "against", "on", "toward", "towards", "at", "into", "over", "upon", "between":
		return true
	}
	return false
}

// awayPrep reports whether p introduces the party an act withdraws from or
// removes someone from ("withdraw troops from Lebanon", "expelled from
// Iraq"): the target of yielding, reducing relations and coercion (roots
// 08, 16, 17); or the party something is asked of ("demanded an apology
// from Japan", "sought aid from the UN"): the target of appeals and
// demands (roots 02, 10).
func awayPrep(root, p string) bool {
	switch root {
	case "02", "08", "10", "16", "17":
		return p == "from"
	}
	return false
}

// placePrep reports whether p introduces obliques naming where an event
// happens.
func placePrep(p string) bool {
	switch p {
	case "in", "into", "at", "to", "across", "throughout", "inside", "near", "from":
		return true
	}
	return false
}

// fillTarget sets the target of cd, when it has none, from the places the
// package comment lists. The trigger's own obliques are tried for every
// event but statements; the governed predicate's arguments only for
// appeals, demands, intents, threats, whose content it is ("offered to
// hand over the suspects to Britain"), and refusals ("refused to lift the
// curfew on Palestinians"; with no such argument, a refusal's target is
// whoever asked, see the links); places stand for their country only for visits (042,
// 043: the host) and for material events and reactions to them (roots
// 06-20), where the place is the party acted on; a venue of talks is no
// party to them, nor the place in its own country where an actor yields
// without acting on anything (see yieldsTo).
func (c *Coder) fillTarget(s *sent, cd *cand) {
	s.victimPlace(cd) // "killed 23 people ... in Tel Aviv"
	s.envoyPosting(cd)
	if len(cd.tgt) > 0 || len(cd.code) < 2 {
		return
	}
	root := cd.code[:2]
	set := func(k int, rel string, ms []int) bool {
		ms = slices.DeleteFunc(slices.Clone(ms), func(m int) bool {
			return slices.Contains(cd.src, m) || s.sameAsSource(cd, m) || s.sameCodeAsSource(cd, m)
		})
		if len(ms) == 0 || !s.anyCoded(ms) && !s.anyPlace(ms) {
			return false
		}
		cd.tgt, cd.tgtTok, cd.tgtRel = ms, k, rel
		return true
	}
	i := cd.trigger
	if root == "09" {
		// "investigating crimes by the militia", "an investigation
		// into abuses committed by the police": whoever did the deed
		// investigated is investigated.
		if k := s.deedAgent(i, cd.kind == "noun"); k >= 0 && set(k, "deed>agent", s.actorsAt(k)) {
			return
		}
	}
	if root == "14" {
		// "staged a strike in protest of the government's refusal"
		if k, how := s.protestTarget(cd); k >= 0 && set(k, how, s.protested(cd, k)) {
			return
		}
	}
	if cd.kind == "noun" {
		// "airstrikes, including strikes in Beirut": the places of the
		// noun and of the nouns it includes.
		if root >= "14" && root <= "20" {
			for _, h := range append([]int{i}, s.kids[i]...) {
				if h != i && !strings.HasPrefix(s.rel(h), "nmod") {
					continue
				}
				if k := s.placeOblique(h); k >= 0 && set(k, "place:"+s.caseOf(k), s.placesAt(k)) {
					return
				}
			}
		}
		if root >= "10" && root <= "13" || root == "02" {
			// "its demand that Israel ease restrictions"
			if cl := s.child(i, "ccomp", "acl"); cl >= 0 && s.child(cl, "mark") >= 0 && s.lemma(s.child(cl, "mark")) == "that" {
				if k := s.child(cl, "nsubj", "nsubj:pass"); k >= 0 {
					set(k, "that>nsubj", s.actorsAt(k))
				}
			}
		}
		c.linearFallback(s, cd)
		return
	}
	if k := s.child(i, "iobj"); k >= 0 && set(k, "iobj", s.actorsAt(k)) {
		return
	}
	if root >= "10" && root <= "13" || root == "02" {
		// "expressed frustration that the administration has shown
		// little interest", "complained that Iran armed the rebels": the
		// subject of the content clause, of the trigger or of its object.
		for _, h := range []int{i, s.child(i, "obj")} {
			if h < 0 {
				continue
			}
			if cl := s.child(h, "ccomp", "acl"); cl >= 0 && s.child(cl, "mark") >= 0 && s.lemma(s.child(cl, "mark")) == "that" {
				if k := s.child(cl, "nsubj", "nsubj:pass"); k >= 0 && set(k, "that>nsubj", s.actorsAt(k)) {
					return
				}
			}
		}
	}
	if root == "13" {
		// "threatened to strike unless Israel withdrew": a threat is
		// aimed at whoever must meet its condition.
		if k := s.conditionSubject(i); k >= 0 && set(k, "condition>nsubj", s.actorsAt(k)) {
			return
		}
	}
	if root == "11" || root == "12" {
		// "were angered when Hezbollah joined the war": the actor of
		// the event reacted to.
		for _, k := range s.kids[i] {
			m := s.child(k, "mark", "advmod")
			if s.rel(k) != "advcl" || m < 0 {
				continue
			}
			switch s.lemma(m) {
			case "when", "after", "because", "as":
				if sb := s.child(k, "nsubj"); sb >= 0 && set(sb, "advcl:"+s.lemma(m)+">nsubj", s.actorsAt(sb)) {
					return
				}
			}
		}
	}
	g := cd.governed
	if g >= 0 && s.toks[g].UPOS != "NOUN" && (contentRoot(root) || root == "12") {
		// "demanded that the US cancel": the addressee of a demand or
		// appeal is the subject of the clause it governs.
		if r := root; (r == "02" || r == "10" || r == "13") && s.rel(g) == "ccomp" {
			if k := s.child(g, "nsubj"); k >= 0 && set(k, "ccomp>nsubj", s.actorsAt(k)) {
				return
			}
		}
		// The party the governed act is for comes before what it acts on
		// ("refused to extradite the rebels to Colombia").
		if k := s.obliqueWithActor(cd, g, recipientPrep); k >= 0 && set(k, "xcomp>obl:"+s.caseOf(k), s.actorsAt(k)) {
			return
		}
		if k := s.child(g, "iobj", "obj"); k >= 0 && set(k, "xcomp>obj", s.actorsAt(k)) {
			return
		}
	}
	if root == "05" || root == "11" || root == "12" || root == "02" || root == "10" || root == "08" && c.answersRequest(s, i) {
		// "rejected an Indian proposal", "welcomed Iran's offer",
		// "accepted the rebels' demands": a reaction to an act targets
		// its author; "demanded Israel's withdrawal": an appeal for an
		// act, whoever is to do it.
		if o := s.child(i, "obj"); o >= 0 && s.ment[o] < 0 && set(o, "obj>author", s.mentionsAt(o, asTarget)) {
			return
		}
	}
	if root == "01" {
		return
	}
	if s.child(i, "obj") < 0 {
		// "forced out on Wednesday more than 1,000 refugees": an
		// oblique without a preposition is the object the parser lost.
		for _, k := range s.kids[i] {
			if s.rel(k) == "obl" && s.caseOf(k) == "" && set(k, "obl(bare)", s.actorsAt(k)) {
				return
			}
		}
	}
	recipient := func(p string) bool {
		// "signed a deal at the White House", "met at the Kremlin": where
		return recipientPrep(p) && !(p == "at" && (root == "04" || root == "05"))
	}
	if k := s.obliqueWithActor(cd, i, recipient); k >= 0 && set(k, "obl:"+s.caseOf(k), s.actorsAt(k)) {
		return
	}
	away := func(p string) bool { return awayPrep(root, p) }
	if k := s.obliqueWithActor(cd, i, away); k >= 0 && set(k, "obl:from", s.actorsAt(k)) {
		return
	}
	if o := s.child(i, "obj"); o >= 0 && s.consumed[o] && s.ment[o] >= 0 && s.foreignTo(cd, s.ment[o]) {
		// "expelled two Russian diplomats": the object a multiword verb
		// fixes ("expel diplomat") names the country acted on.
		if set(o, "obj(fixed)", []int{s.ment[o]}) {
			return
		}
	}
	if o := s.child(i, "obj"); o >= 0 && s.consumed[o] && s.ment[o] < 0 {
		// "tightened the blockade of Gaza": the target of the event noun a
		// multiword verb fixes as its object.
		if k, m := c.fixedNounTarget(s, o); k >= 0 && set(k, "obj(fixed)>"+m, s.mentionsAt(k, asTarget)) {
			return
		}
	}
	if o := s.child(i, "obj"); o >= 0 && s.ment[o] < 0 && len(c.lex.Noun(s.lemma(o))) == 0 {
		// "demolished Palestinian homes", "expelled inspectors of the
		// IAEA": the actor the acted-on thing belongs to.
		if set(o, "obj>owner", s.mentionsAt(o, asTarget)) {
			return
		}
	}
	obj := s.child(i, "obj")
	if g >= 0 && obj < 0 {
		obj = s.child(g, "obj")
	}
	reaction := root == "05" || root == "11" || root == "12"
	if reaction && obj >= 0 && s.ment[obj] < 0 && len(c.lex.Noun(s.lemma(obj))) > 0 {
		// "condemned the visit by a US delegation", "welcomed the
		// decision taken by Iran": a reaction to a deed is aimed at its
		// author.
		a := s.authorOf(obj)
		if a < 0 && !s.passive(i) {
			a = s.oblique(i, []string{"by"}) // the deed's "by", hung on the active verb
		}
		if a >= 0 && set(a, "obj>author", s.actorsAt(a)) {
			return
		}
	}
	if obj >= 0 && s.ment[obj] < 0 && (!reaction || len(c.lex.Noun(s.lemma(obj))) == 0) {
		// "aid for Romania", "embargoes on sales to Iran"; when the
		// trigger reacts to an event noun, the noun's obliques are its own
		// ("welcomed the ban on Hezbollah").
		// One level further through an "of" ("70 million dollars of aid
		// for Romania").
		nmods := func(h int) []int {
			var out []int
			for _, k := range s.kids[h] {
				if r := s.rel(k); (r == "nmod" || strings.HasPrefix(r, "nmod:")) && r != "nmod:poss" {
					out = append(out, k)
				}
			}
			return out
		}
		for _, k := range nmods(obj) {
			if (recipientPrep(s.caseOf(k)) || awayPrep(root, s.caseOf(k))) && set(k, "obj>nmod:"+s.caseOf(k), s.actorsAt(k)) {
				return
			}
			if s.caseOf(k) == "of" && s.ment[k] < 0 {
				for _, g := range nmods(k) {
					if recipientPrep(s.caseOf(g)) && set(g, "obj>of>nmod:"+s.caseOf(g), s.actorsAt(g)) {
						return
					}
				}
			}
		}
	}
	if cd.code == "042" || cd.code == "043" || root >= "06" && root <= "20" {
		heads := []int{i, g, obj}
		if obj >= 0 {
			// "fired dozens of rockets at northern Israel": the place may
			// hang on what the object counts.
			heads = append(heads, s.oblique(obj, []string{"of"}))
		}
		for _, h := range heads {
			if h < 0 {
				continue
			}
			if k := s.placeOblique(h); k >= 0 && (root != "08" || s.yieldsTo(cd, obj, k)) && set(k, "place:"+s.caseOf(k), s.placesAt(k)) {
				return
			}
		}
	}
	c.linearFallback(s, cd)
}

// placeOblique returns the first obl or nmod child of h introduced by a
// place preposition that names a place with a country, or -1.
func (s *sent) placeOblique(h int) int {
	for _, k := range s.kids[h] {
		if r := s.rel(k); (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && placePrep(s.caseOf(k)) && len(s.placesAt(k)) > 0 {
			return k
		}
	}
	return -1
}

// actorsAt returns the actor mentions argument token k stands for (see
// mentionsAt), without place fallbacks.
func (s *sent) actorsAt(k int) []int {
	return slices.DeleteFunc(s.mentionsAt(k, asSource), func(m int) bool { return s.d.Mentions[m].Kind != doc.KindActor })
}

// placesAt returns the place mention at token k, or at its amod, compound
// or nmod ("the besieged Bosnian town", "the town of Gjilan"), when it has
// a country; a country named as an actor counts, a group in it does not.
func (s *sent) placesAt(k int) []int {
	for _, t := range append([]int{k}, s.kids[k]...) {
		if r := s.rel(t); t != k && r != "amod" && r != "compound" && r != "nmod" {
			continue
		}
		if m := s.ment[t]; m >= 0 {
			mm := s.d.Mentions[m]
			if (mm.Kind == doc.KindPlace || mm.Kind == doc.KindActor && mm.Sector == "") && (mm.Code != "" || mm.Country != "") {
				return []int{m}
			}
		}
	}
	return nil
}

// anyPlace reports whether some mention of ms is a place with a country.
func (s *sent) anyPlace(ms []int) bool {
	for _, m := range ms {
		if mm := s.d.Mentions[m]; mm.Kind == doc.KindPlace && (mm.Code != "" || mm.Country != "") {
			return true
		}
	}
	return false
}

// obliqueWithActor returns the first obl or nmod child of i whose case is
// accepted by prep and that holds a coded actor other than cd's sources
// ("restrictions on its labour market for new members" is aimed at the
// members), or -1. A helper is no party acted on: "with Albania's help",
// "with the support of the UN".
func (s *sent) obliqueWithActor(cd *cand, i int, prep func(string) bool) int {
	for _, k := range s.kids[i] {
		r := s.rel(k)
		if !(r == "obl" || r == "nmod" || strings.HasPrefix(r, "obl:") || strings.HasPrefix(r, "nmod:")) || r == "nmod:poss" ||
			!prep(s.caseOf(k)) || s.caseOf(k) == "with" && helperNouns[s.lemma(k)] {
			continue
		}
		ms := slices.DeleteFunc(s.actorsAt(k), func(m int) bool { return slices.Contains(cd.src, m) || s.sameAsSource(cd, m) })
		if s.anyCoded(ms) {
			return k
		}
	}
	return -1
}

// helperNouns name the help of a third party, whose with-phrase names a
// helper, not the party acted on.
var helperNouns = map[string]bool{
	"help": true, "support": true, "assistance": true, "backing": true, "aid": true, "blessing": true,
	"consent": true, "approval": true, "participation": true, "mediation": true,
}

// envoyPosting makes the target of an act on the source's own envoy the
// country the envoy is posted to: "Iran recalled its ambassador to New
// Zealand" acts on New Zealand, not on Iran's diplomat.
func (s *sent) envoyPosting(cd *cand) {
	k := cd.tgtTok
	if k < 0 || len(cd.tgt) == 0 || len(cd.src) == 0 || !envoyNoun(s.lemma(k)) {
		return
	}
	own := func(m int) bool {
		c := s.d.Mentions[m].Country
		return c != "" && slices.ContainsFunc(cd.src, func(src int) bool { return s.d.Mentions[src].Country == c })
	}
	if !slices.ContainsFunc(cd.tgt, own) {
		return
	}
	for _, n := range s.kids[k] {
		if r := s.rel(n); r != "nmod" && !strings.HasPrefix(r, "nmod:") || r == "nmod:poss" {
			continue
		}
		if p := s.caseOf(n); p != "to" && p != "in" && p != "at" {
			continue
		}
		ms := slices.DeleteFunc(append(s.actorsAt(n), s.placesAt(n)...), own)
		if len(ms) > 0 && (s.anyCoded(ms) || s.anyPlace(ms)) {
			cd.tgt, cd.tgtTok, cd.tgtRel = slices.Compact(ms), n, "envoy>"+s.caseOf(n)
			return
		}
	}
}

// envoyNoun reports whether lemma names a diplomat posted abroad.
func envoyNoun(lemma string) bool {
	switch lemma {
	case "ambassador", "envoy", "diplomat", "consul", "emissary", "charge", "chargé", "attache", "attaché", "representative":
		return true
	}
	return false
}

// sameCodeAsSource reports whether mention m is coded as one of cd's
// sources is ("Iran's foreign minister warned that Tehran would respond":
// Tehran is Iran's government again, not whom it warns).
func (s *sent) sameCodeAsSource(cd *cand, m int) bool {
	c := s.d.Mentions[m].Code
	return c != "" && slices.ContainsFunc(cd.src, func(k int) bool { return s.d.Mentions[k].Code == c })
}
