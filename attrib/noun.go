package attrib

import (
	"strings"
)

// noun handles a noun cue: a noun of saying, thinking or taking a stand
// whose holder and whose matter the phrase names ("Trump's criticism of
// the judge", "a statement from the White House that ...", "his decision
// to leave"). The possessor, or the "by"/"from" phrase, is the source; the
// "of"/"for"/"on" phrase, the infinitive or the "that" clause is the
// content; the noun and the preposition right after it are the cue. A noun
// that is the object of a light verb ("made the decision to", "voiced
// support for") takes the verb's subject as its source and the verb into
// its cue. The attribution is a stance (rule "noun"): an event inside it is
// not reported on the holder's word.
func (r *run) noun(s *sent, n int) {
	if s.rel(n) == "compound" || r.quoted(s, n) {
		return
	}
	content, prep := s.nounContent(n)
	if content == nil {
		return
	}
	var src []bool
	srcTok, cueWord := -1, strings.ToLower(s.toks[n].Text)
	cueLo, cueHi := n, n
	if prep > n && prep == cueHi+1 {
		cueHi = prep
	}
	for _, k := range s.kids[n] {
		switch s.rel(k) {
		case "nmod:poss":
			src, srcTok = s.subtree(k, nil, func(j int) bool { return s.rel(j) == "case" || s.rel(j) == "acl:relcl" }), k
		case "nmod":
			if src != nil || k < n {
				continue
			}
			if c := s.child(k, "case"); c >= 0 && (s.low[c] == "by" || s.low[c] == "from") {
				src, srcTok = s.subtree(k, nil, func(j int) bool { return j == c || s.rel(j) == "acl:relcl" }), k
				cueWord += " " + s.low[c]
			}
		}
	}
	if src == nil {
		// "made the decision to", "voiced support for": the light
		// verb's subject holds the stance.
		if h := s.head(n); h >= 0 && h < n && s.rel(n) == "obj" && lightVerb(s.low[h]) && !s.infinitive(h) {
			if vs, vt, _ := r.verbSource(s, h, false); vs != nil {
				src, srcTok = vs, vt
				cueLo = s.cueSpan(h).Start
				cueLo = s.tokenAt(cueLo)
			}
		}
	}
	if srcTok >= 0 && (s.personal(srcTok) || ownPronoun(s.low[srcTok])) {
		return // "my view", "our plan": talk inside a quotation
	}
	if !s.heldNoun(n, prep, srcTok >= 0) {
		return
	}
	for k, ok := range src {
		if ok && content[k] {
			content[k] = false
		}
	}
	a := Attribution{Sentence: s.idx, Cue: s.span(cueLo, cueHi), Content: s.extent(content), Rule: "noun"}
	if a.Content.IsZero() {
		return
	}
	if src != nil {
		a.Source = s.extent(src)
		a.Chain = r.links(s, srcTok, cueWord, src)
	}
	r.add(a)
}

// heldNoun reports whether cue noun n, its preposition prep (or -1) and
// whether the phrase names its holder leave it a stance the text reports.
// (Measured on news annotations: the phrases below are mostly passed over.)
// A noun that is itself the matter of a preposition of topic ("focused on
// his attack on", "the case for the decision to") is a topic, not a
// report; an attack or a decision, claim, statement or view of no holder
// is mostly an act ("the attack on the compound", "the decision to
// delay"); a plan for something is a policy.
func (s *sent) heldNoun(n, prep int, held bool) bool {
	if c := s.child(n, "case"); c >= 0 && c < n {
		switch s.low[c] {
		case "on", "for", "about", "over", "against", "as":
			return false
		}
	}
	switch s.low[n] {
	case "attack", "decision", "claim", "statement", "view":
		return held
	case "plan":
		return prep < 0 || s.low[prep] != "for"
	}
	return true
}

// tokenAt returns the index of the token of s that starts at code point
// off, or -1.
func (s *sent) tokenAt(off int) int {
	for k, t := range s.toks {
		if t.Start == off {
			return k
		}
	}
	return -1
}

// nounContent marks what cue noun n is about: its "of"/"for"/"on" phrase,
// its infinitive ("decision to leave") or its "that" clause ("the claim
// that ..."), and returns the preposition's token (or -1); nil when it
// has none.
func (s *sent) nounContent(n int) ([]bool, int) {
	for _, k := range s.kids[n] {
		if k < n {
			continue
		}
		switch s.rel(k) {
		case "nmod":
			c := s.child(k, "case")
			if c < 0 || !nounPrep(s.low[n], s.low[c]) {
				continue
			}
			in := s.subtree(k, nil, nil)
			in[c] = false
			// "a plea for the party to unite": the infinitive whose
			// subject the for-phrase gives may hang on the noun.
			if s.low[c] == "for" {
				for _, v := range s.kids[n] {
					if m := s.child(v, "mark"); v > k && s.rel(v) == "acl" && m >= 0 && s.low[m] == "to" {
						in = s.subtree(v, in, nil)
					}
				}
			}
			return in, c
		case "acl", "ccomp":
			m := s.child(k, "mark")
			if m >= 0 && (s.low[m] == "to" || s.low[m] == "that") || s.rel(k) == "ccomp" {
				return s.subtree(k, nil, nil), -1
			}
		case "acl:relcl":
			// "the claim that she sent no emails", parsed as a
			// relative clause: "that" right after the noun opens
			// what is claimed.
			if k > n+1 && strings.EqualFold(s.toks[n+1].Text, "that") && s.head(n+1) == k && (thatNoun(s.low[n]) || lightNoun(s.low[n])) {
				return s.subtree(k, nil, nil), -1
			}
		}
	}
	// "Clinton's claim that she sent ... was false" parsed with the noun as
	// the subject of the clause that "that" opens: the clause without the
	// noun is what is claimed.
	if n+1 < len(s.toks) && strings.EqualFold(s.toks[n+1].Text, "that") && s.rel(n+1) == "mark" {
		if v := s.head(n + 1); v > n+1 && s.head(n) == v && strings.HasPrefix(s.rel(n), "nsubj") && (thatNoun(s.low[n]) || lightNoun(s.low[n])) {
			in := s.subtree(v, nil, func(k int) bool { return k == n || k == n+1 })
			return in, -1
		}
	}
	return nil, -1
}

// participle handles a cue verb as a present participle after a comma
// that follows a clause ("..., he said, referring to the convention",
// "Cruz weighed in, calling the behavior a fireable offense", "..., adding
// that ..."): its source is that of the attribution before it in the
// sentence, else the subject of the clause it hangs off. What it says
// (its clause) is a report of its own (rule "participle"); what it is
// about (its object, "referring to" what) a stance (rule
// "participle-stance"), which is not dropped inside the content before it.
// It reports whether it added an attribution.
func (r *run) participle(s *sent, v int) bool {
	if s.toks[v].XPOS != "VBG" || v < 2 {
		return false
	}
	comma := v - 1
	if s.brel(comma) == "advmod" && s.head(comma) == v {
		comma--
	}
	for comma > 0 && isQuote(s.toks[comma].Text) {
		comma--
	}
	if comma < 1 || s.toks[comma].Text != "," {
		return false
	}
	switch s.brel(v) {
	case "advcl", "xcomp", "conj", "dep", "parataxis", "ccomp", "root":
	default:
		return false
	}
	var src []bool
	srcTok, cueWord := -1, strings.ToLower(s.toks[v].Text)
	for k := len(r.atts) - 1; k >= 0; k-- {
		a := &r.atts[k]
		if a.Sentence == s.idx && !a.Source.IsZero() && a.Cue.End <= s.toks[v].Start {
			src = make([]bool, len(s.toks))
			for j, t := range s.toks {
				if t.Start >= a.Source.Start && t.End <= a.Source.End {
					src[j] = true
					if srcTok < 0 || s.head(j) < 0 || t.Start < a.Source.Start || !(s.toks[s.head(j)].Start >= a.Source.Start && s.toks[s.head(j)].End <= a.Source.End) {
						srcTok = j
					}
				}
			}
			break
		}
	}
	if src == nil {
		src, srcTok, _ = r.verbSource(s, v, false)
	}
	if src == nil || srcTok < 0 || s.personal(srcTok) {
		return false
	}
	rule := "participle"
	var content []bool
	if c := s.child(v, "ccomp"); c >= 0 {
		content = s.subtree(c, nil, nil)
	} else if content = s.thatClause(v); content == nil {
		if speechVerb(s.low[v]) && !stanceVerb(s.low[v]) {
			content = s.after(v, src)
			if content == nil {
				content = s.quoteAfter(v)
			}
		} else if stanceVerb(s.low[v]) && s.stance(v) != nil {
			// What it is about runs to the end of its phrase ("citing
			// the latest polls from Iowa").
			content, rule = s.subtree(v, nil, func(k int) bool { return k < v || s.rel(k) == "punct" }), "participle-stance"
			content[v] = false
		}
	}
	if content == nil {
		return false
	}
	cue := s.cueSpan(v)
	if v+1 < len(s.toks) && s.rel(v+1) == "case" && s.head(v+1) >= 0 && content[s.head(v+1)] {
		// "referring to": the preposition is part of the cue.
		cue.End, content[v+1] = s.toks[v+1].End, false
	}
	a := Attribution{Sentence: s.idx, Cue: cue, Content: s.extent(content), Source: s.extent(src), Rule: rule, lemma: s.low[v]}
	if a.Content.IsZero() || a.Source.IsZero() {
		return false
	}
	a.Chain = r.links(s, srcTok, cueWord, src)
	return r.add(a) != nil
}

// quoteAfter marks the rest of the sentence when a quotation opens right
// after verb v and a comma or colon ("saying, \"...\"", "writing: \"...\""),
// however the parser hung it; nil otherwise.
func (s *sent) quoteAfter(v int) []bool {
	k := v + 1
	if k < len(s.toks) && (s.toks[k].Text == "," || s.toks[k].Text == ":") {
		k++
	}
	if k+1 >= len(s.toks) || !isQuote(s.toks[k].Text) {
		return nil
	}
	in := make([]bool, len(s.toks))
	for j := k; j < len(s.toks); j++ {
		in[j] = true
	}
	return in
}

// lightObject reports whether noun n is the object of a light verb ("made
// no mention of", "made a plea for").
func (s *sent) lightObject(n int) bool {
	h := s.head(n)
	return h >= 0 && h < n && s.rel(n) == "obj" && lightVerb(s.low[h])
}
