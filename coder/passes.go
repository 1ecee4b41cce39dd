package coder

import (
	"slices"
	"strings"
)

// The passes over a sentence's candidates, once each is coded: statement
// verbs that only voice an event noun are dropped, targets are shared
// with events of the same source or purpose, included details are
// absorbed, embedded events marked and intending modifiers lent the
// target of what they govern.

// dropVoicing drops a statement verb whose object is a coded event noun:
// the noun is the event and takes the verb's subject as its source
// ("reiterated its demand that Israel ease restrictions").
func (c *Coder) dropVoicing(s *sent, cands []cand) []cand {
	nouns := map[int]bool{}
	for _, cd := range cands {
		if cd.kind == "noun" {
			nouns[cd.trigger] = true
		}
	}
	out := cands[:0]
	for _, cd := range cands {
		if o := s.child(cd.trigger, "obj"); cd.kind == "verb" && o >= 0 && nouns[o] && c.statementVerb(cd.entry) {
			continue
		}
		out = append(out, cd)
	}
	return out
}

// shareTargets gives an event noun without a target the target of another
// event of the sentence by the same source and of the same root ("firing
// rockets toward Israel and increasing its attacks": the attacks are on
// Israel), and an event without a target the target of its purpose
// clause ("staged rallies to demand the president's resignation"). A
// refusal of a request keeps its own target (refused).
func shareTargets(s *sent, cands []cand) {
	codes := func(ms []int) string {
		var cs []string
		for _, a := range s.actors(ms) {
			cs = append(cs, a.Code)
		}
		slices.Sort(cs)
		return strings.Join(cs, "+")
	}
	for k := range cands {
		cd := &cands[k]
		if len(cd.tgt) > 0 || len(cd.src) == 0 || cd.refused {
			continue
		}
		for _, o := range cands {
			if o.trigger == cd.trigger || len(o.tgt) == 0 {
				continue
			}
			same := cd.kind == "noun" && o.code[:2] == cd.code[:2] && codes(o.src) == codes(cd.src)
			if same || s.purposeOf(o.trigger, cd.trigger) || s.meansPurpose(o.trigger, cd.trigger) {
				cd.tgt, cd.tgtTok, cd.tgtRel = o.tgt, o.tgtTok, "implicit(target of "+s.toks[o.trigger].Text+")"
				break
			}
		}
	}
}

// absorbIncluded drops an event noun that only details another event noun
// of the same root it modifies ("airstrikes, including strikes in Beirut",
// "attacks such as bombings"), lending it its target when it has none.
func absorbIncluded(s *sent, cands []cand) []cand {
	at := map[int]int{}
	for k, cd := range cands {
		at[cd.trigger] = k
	}
	drop := map[int]bool{}
	for k, cd := range cands {
		if cd.kind != "noun" || !strings.HasPrefix(s.rel(cd.trigger), "nmod") {
			continue
		}
		if h, ok := at[s.head(cd.trigger)]; ok && cands[h].kind == "noun" && cands[h].code[:2] == cd.code[:2] {
			if len(cands[h].tgt) == 0 {
				cands[h].tgt, cands[h].tgtTok, cands[h].tgtRel = cd.tgt, cd.tgtTok, "including>"+cd.tgtRel
			}
			drop[k] = true
		}
	}
	out := cands[:0]
	for k, cd := range cands {
		if !drop[k] {
			out = append(out, cd)
		}
	}
	return out
}

// markEmbedded marks the candidates whose trigger lies below another
// candidate's trigger in the tree: the main event of a sentence is the one
// the others hang from ("demanded an admission that forces murdered"). A
// bare statement (010 without a target) embeds nothing: "X, Y's leading
// activist, staged a hunger strike, his lawyer said" keeps the strike the
// main event however the parser hung it below "said".
func markEmbedded(s *sent, cands []cand) {
	trig := map[int]bool{}
	support := map[int]int{} // candidate index -> the verb staging it
	for k, cd := range cands {
		if cd.code != "010" || len(cd.tgt) > 0 {
			// A bare statement ("his lawyer said") voices what hangs
			// below it however the parser attached it: it embeds nothing.
			trig[cd.trigger] = true
		}
		if h := s.head(cd.trigger); cd.kind == "noun" && h >= 0 && s.rel(cd.trigger) == "obj" && s.toks[h].UPOS == "VERB" {
			// The verb that stages a nominal event stands for it:
			// "staged rallies to demand reforms".
			trig[h], support[k] = true, h
		}
	}
	for k := range cands {
		for h, n := s.head(cands[k].trigger), 0; h >= 0 && n < len(s.toks); h, n = s.head(h), n+1 {
			if v, ok := support[k]; ok && v == h {
				continue
			}
			if trig[h] {
				cands[k].embedded = true
				break
			}
		}
	}
}

// lendTargets gives an intending modifier event without a target the target
// of the predicate it governs ("proposed holding talks with Israel": the proposal
// is made to Israel).
func lendTargets(cands []cand) {
	for i := range cands {
		m := &cands[i]
		if !m.lend || len(m.tgt) > 0 || m.governed < 0 {
			continue
		}
		for _, g := range cands {
			if g.trigger == m.governed && len(g.tgt) > 0 && !slices.Equal(g.tgt, m.src) {
				m.tgt, m.tgtTok, m.tgtRel = g.tgt, g.tgtTok, "xcomp>"+g.tgtRel
			}
		}
	}
}
