package attrib

import "strings"

// adjective handles a predicative adjective of stance or feeling with
// what it is about ("is supportive of the plan", "are hostile to",
// "was confident that", "is eager to run"): the subject is the source, the
// copula, the adjective and the preposition after it the cue, the clause,
// infinitive or prepositional object the content. The attribution is a
// stance (rule "adjective").
func (r *run) adjective(s *sent, a int) {
	cop := s.child(a, "cop")
	sb := s.child(a, "nsubj")
	if cop < 0 || sb < 0 || s.conditional(a) || r.quoted(s, a) || s.underSaying(a) {
		return
	}
	switch s.low[sb] {
	case "it", "this", "that", "what", "which", "there":
		return
	}
	var content []bool
	prep := -1
	for _, k := range s.kids[a] {
		if k < a {
			continue
		}
		switch s.brel(k) {
		case "ccomp", "xcomp":
			content = s.subtree(k, content, nil)
		case "advcl":
			if m := s.child(k, "mark"); m >= 0 && (s.low[m] == "that" || s.low[m] == "to") {
				content = s.subtree(k, content, nil)
			}
		case "obl", "nmod":
			if c := s.child(k, "case"); c >= 0 {
				switch s.low[c] {
				case "of", "about", "to", "with", "on", "toward", "towards", "over", "in":
					content = s.subtree(k, content, nil)
					if c == a+1 {
						prep = c
					}
				}
			}
		}
	}
	if content == nil {
		return
	}
	src := s.subtree(sb, nil, func(k int) bool { return s.rel(k) == "acl:relcl" })
	lo, hi := cop, a
	if cop > a {
		lo = a
	}
	if prep >= 0 {
		hi = prep
		content[prep] = false
	}
	for k, ok := range src {
		if ok {
			content[k] = false
		}
	}
	at := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.span(lo, hi), Content: s.extent(content), Rule: "adjective"}
	if at.Content.IsZero() || at.Source.IsZero() {
		return
	}
	at.Chain = r.links(s, sb, strings.ToLower(s.toks[a].Text), src)
	r.add(at)
}

// stanceAdjective reports whether an adjective lemma, predicated of
// someone, states a stance or feeling toward what follows it
// ("supportive of", "confident that", "eager to").
func stanceAdjective(l string) bool {
	switch l {
	case "supportive", "worried", "hostile", "critical", "confident", "concerned",
		"aware", "skeptical", "sceptical", "eager", "sure", "open", "hopeful", "convinced",
		"angry", "proud", "wary", "upset", "shocked", "nervous", "interested", "glad", "certain",
		"unhappy", "unaware", "thrilled", "optimistic", "pessimistic", "happy", "determined",
		"adamant", "vocal", "upbeat", "surprised", "scared", "satisfied", "pleased", "leery",
		"afraid", "fearful", "opposed", "committed", "dismissive", "doubtful", "unsure",
		"uncertain", "frustrated", "furious", "outraged", "disappointed", "enthusiastic",
		"excited", "grateful", "sympathetic", "reluctant", "unwilling", "keen", "anxious",
		"insistent", "appreciative", "receptive", "resistant", "cautious", "unconvinced",
		"agnostic", "ambivalent", "indifferent", "disgusted", "troubled", "alarmed", "annoyed":
		return true
	}
	return false
}

// inPoll handles a poll named by "in" ("in the latest Post-ABC poll,
// Clinton leads"): the poll is the source, "in" the cue, the rest of the
// clause the content (rule "in-poll").
func (r *run) inPoll(s *sent, i int) {
	n := s.head(i)
	if n < 0 || n < i || s.rel(i) != "case" || !pollNoun(s.low[n]) {
		return
	}
	if strings.HasSuffix(strings.ToLower(s.toks[n].Text), "s") && !s.recent(n) {
		// "leads in the polls": the standing, not a poll's finding.
		return
	}
	src := s.subtree(n, nil, func(k int) bool { return s.rel(k) == "acl:relcl" || s.rel(k) == "acl" })
	src[i] = false
	phrase := s.subtree(n, nil, nil)
	in := s.citingMask(i)
	for k := range in {
		in[k] = !phrase[k] && !in[k]
	}
	a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.span(i, i), Content: s.extent(in), Rule: "in-poll"}
	if a.Content.IsZero() || a.Source.IsZero() {
		return
	}
	a.Chain = r.links(s, n, "in", src)
	r.add(a)
}

// pollNoun reports whether a noun lemma names a poll or survey whose
// findings an "in" phrase attributes to it.
func pollNoun(l string) bool {
	switch l {
	case "poll", "survey", "polling", "tracking":
		return true
	}
	return false
}

// recent reports whether noun n has a modifier that picks out particular
// ones ("the latest polls", "recent surveys").
func (s *sent) recent(n int) bool {
	for _, k := range s.kids[n] {
		switch s.low[k] {
		case "latest", "recent", "new", "last", "early", "late", "several", "two", "three", "both":
			return true
		}
	}
	return false
}
