package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/lexicon"
)

// modifierOf returns the lexicon modifier token i is, if any: by its lemma
// with its particle, its lemma, or "going to".
func (c *Coder) modifierOf(s *sent, i int) (lexicon.Modifier, bool) {
	l := s.lemma(i)
	if p := s.child(i, "compound:prt"); p >= 0 {
		if m, ok := c.lex.Modifier(l + " " + s.lemma(p)); ok {
			return m, true
		}
	}
	// "called on Israel to withdraw", "appealed to them to leave": the
	// preposition of a prepositional modifier introduces the addressee.
	if s.child(i, "xcomp") >= 0 {
		for _, k := range s.kids[i] {
			if r := s.rel(k); r == "obl" || strings.HasPrefix(r, "obl:") {
				if m, ok := c.lex.Modifier(l + " " + s.caseOf(k)); ok && s.caseOf(k) != "" {
					return m, true
				}
			}
		}
	}
	if l == "go" && strings.ToLower(s.toks[i].Text) == "going" && s.child(i, "xcomp") >= 0 {
		return c.lex.Modifier("going to")
	}
	return c.lex.Modifier(l)
}

// governs reports whether modifier token i governs a predicate: an xcomp or
// ccomp, an infinitive the parser took for an adverbial clause
// ("threatened on Monday to break relations"), or an event noun as its
// object. It returns that predicate.
func (c *Coder) governs(s *sent, i int) (int, bool) {
	if k := s.child(i, "xcomp", "ccomp"); k >= 0 {
		return k, true
	}
	for _, k := range s.kids[i] {
		if s.rel(k) == "advcl" && s.toks[k].XPOS == "VB" && s.child(k, "nsubj") < 0 {
			if m := s.child(k, "mark"); m >= 0 && s.lemma(m) == "to" {
				return k, true
			}
		}
	}
	if k := s.child(i, "obj"); k >= 0 && s.toks[k].UPOS == "NOUN" && len(c.lex.Noun(s.lemma(k))) > 0 {
		return k, true
	}
	return -1, false
}

// roleTok returns the token filling a role of a verb frame, with the
// relation name used in explanations.
func (s *sent) roleTok(i int, role string, passive bool, prepTok int) (int, string) {
	switch role {
	case "subj":
		if passive {
			if k := s.oblique(i, []string{"by"}); k >= 0 {
				return k, "obl:agent"
			}
			return -1, ""
		}
		if k := s.gramSubj(i, 0); k >= 0 {
			if a := s.author(k); a >= 0 {
				return a, "nsubj>author"
			}
			return k, "nsubj"
		}
	case "obj":
		if passive {
			if k := s.gramSubj(i, 0); k >= 0 {
				return k, "nsubj:pass"
			}
			if h := s.head(i); s.rel(i) == "acl" && h >= 0 && s.ment[h] >= 0 && s.d.Mentions[s.ment[h]].Kind == doc.KindActor &&
				s.d.Mentions[s.ment[h]].Code != "" {
				return h, "acl>head" // "Iraqi forces, backed by coalition air strikes": the forces are backed
			}
			return -1, ""
		}
		if k := s.child(i, "obj"); k >= 0 {
			return k, "obj"
		}
	case "iobj":
		if k := s.child(i, "iobj"); k >= 0 {
			return k, "iobj"
		}
	case "prep":
		if prepTok >= 0 {
			return prepTok, "obl:" + s.caseOf(prepTok)
		}
	}
	return -1, ""
}

// commandsOther reports whether verb i is an order given to another party
// ("Israel's military ordered residents of Gaza to evacuate", "the junta
// ordered French troops to leave"): a modifier that enacts what it governs
// when it is an order to one's own people ("ordered its troops to
// withdraw"), and a verb of its own (a demand) with an object of another
// country whose complement it governs, which has then not happened yet.
func (c *Coder) commandsOther(s *sent, i int) bool {
	m, ok := c.modifierOf(s, i)
	if !ok || m.Effect != lexicon.Asserted || len(c.lex.Verbs(s.lemma(i))) == 0 || s.child(i, "xcomp") < 0 {
		return false
	}
	o := s.child(i, "obj")
	if o < 0 {
		return false
	}
	srcTok, _ := s.roleTok(i, "subj", s.passive(i), -1)
	src, obj := s.mentionsAt(srcTok, asSource), s.mentionsAt(o, asTarget)
	if len(src) == 0 || len(obj) == 0 {
		return false
	}
	for _, a := range src {
		for _, b := range obj {
			if ca, cb := s.d.Mentions[a].Country, s.d.Mentions[b].Country; ca == "" || cb == "" || ca == cb {
				return false
			}
		}
	}
	return true
}

// verb codes verb token i.
func (c *Coder) verb(s *sent, i int) (cand, bool) {
	lemma := s.lemma(i)
	if m, ok := c.modifierOf(s, i); ok {
		g, gov := c.governs(s, i)
		if gov && s.toks[g].UPOS == "NOUN" && s.ment[g] >= 0 {
			// "launched 120 drones": an event noun that names an actor
			// (the weapons) is not coded as a noun; the verb's frames are.
			gov = false
		}
		// A modifier without an event code is no event of its own, except a
		// verb that halts what it governs ("suspended talks": the verb's own
		// frames code the suspension) or governs a clause, which it cannot
		// modify ("suspended aid after the convoy was attacked").
		if gov && m.Event == "" && (m.Effect != lexicon.Negated && s.rel(g) != "ccomp" || len(c.lex.Verbs(lemma)) == 0) &&
			!c.commandsOther(s, i) {
			return cand{}, false
		}
		if gov && m.Event != "" && (s.speech(i, g, m.Event) || s.notDeliberation(i, m.Event) || s.asksAnonymity(i, m.Event)) {
			return cand{}, false
		}
		if gov && m.Event != "" && !c.multiwordFrame(s, i) {
			cd := cand{trigger: i, governed: g, lend: m.Effect == lexicon.Intended, code: m.Event, kind: "modifier", entry: m.Lemma, status: c.status(s, i, 0)}
			passive := s.passive(i)
			cd.srcTok, cd.srcRel = s.roleTok(i, "subj", passive, -1)
			cd.tgtTok, cd.tgtRel = s.roleTok(i, "obj", passive, -1)
			if w := strings.Fields(m.Lemma); cd.tgtTok < 0 && len(w) == 2 && s.child(i, "compound:prt") < 0 {
				if k := s.oblique(i, w[1:]); k >= 0 {
					cd.tgtTok, cd.tgtRel = k, "obl:"+w[1]
				}
			}
			cd.src, cd.tgt = s.mentionsAt(cd.srcTok, asSource), s.mentionsAt(cd.tgtTok, asTarget)
			c.fillTarget(s, &cd)
			return cd, true
		}
	}
	frames := c.lex.Verbs(lemma)
	if len(frames) == 0 {
		return cand{}, false
	}
	if receives(lemma) && !c.multiwordFrame(s, i) {
		if o := s.child(i, "obj"); o >= 0 && s.ment[o] < 0 && len(c.lex.Noun(s.lemma(o))) > 0 {
			// "received a phone call from the crown prince": the call is
			// the event, and the receiver its target (see noun).
			return cand{}, false
		}
	}
	particle := ""
	if p := s.child(i, "compound:prt"); p >= 0 {
		particle = s.lemma(p)
	} else if p := c.strayParticle(s, i, frames); p >= 0 {
		particle = s.lemma(p)
	}
	passive := s.passive(i)
	best, bestScore := cand{}, -1000
	var bestUsed []int
	for _, f := range frames {
		if f.Particle != particle {
			continue
		}
		used, ok := s.fixedWords(i, strings.Fields(f.Lemma)[1:])
		if !ok {
			continue
		}
		prepTok := -1
		if len(f.Preps) > 0 {
			prepTok = s.oblique(i, f.Preps)
			for _, u := range used {
				if prepTok < 0 {
					prepTok = s.oblique(u, f.Preps)
				}
			}
			if o := s.child(i, "obj"); prepTok < 0 && f.Target == "prep" && o >= 0 && len(c.lex.Noun(s.lemma(o))) == 0 {
				// "deliver tanks [to Ukraine]" with the recipient hung on
				// the thing delivered.
				prepTok = s.oblique(o, f.Preps)
			}
			// A multiword predicate is the event without its oblique ("held
			// talks", "reached an agreement"): the frame still matches,
			// with no prepositional target, below any frame that finds it.
			if prepTok < 0 && (len(used) == 0 || f.Target != "prep") {
				continue
			}
		}
		cd := cand{trigger: i, governed: -1, code: f.CAMEO, kind: "verb", entry: f.Lemma}
		cd.srcTok, cd.srcRel = s.roleTok(i, f.Source, passive, prepTok)
		cd.tgtTok, cd.tgtRel = s.roleTok(i, f.Target, passive, prepTok)
		cd.src, cd.tgt = s.mentionsAt(cd.srcTok, asSource), s.mentionsAt(cd.tgtTok, asTarget)
		score := 100 * len(used)
		if len(f.Preps) > 0 && prepTok < 0 {
			score -= 50
		}
		if prepTok >= 0 && (f.Source != "prep" && f.Target != "prep" || len(s.mentionsAt(prepTok, asTarget)) > 0) {
			score += 10 // an oblique of the frame's that is content, or holds an actor
		}
		if len(cd.src) > 0 {
			score += 3
		}
		if len(cd.tgt) > 0 {
			score += 3
		}
		if score > bestScore {
			best, bestScore, bestUsed = cd, score, used
		}
	}
	if bestScore < 0 || s.notDeliberation(i, best.code) || s.asksAnonymity(i, best.code) || s.removesThing(&best) {
		return cand{}, false
	}
	if best.code == "010" {
		if g := s.child(i, "ccomp"); g >= 0 && s.obliged(g) {
			// "Russia said Sudan must return the helicopter": a demand
			// whose content is the obligation.
			best.kind, best.code, best.governed, best.entry = "modifier", "100", g, best.entry+" that ... must"
			best.tgt, best.tgtTok, best.tgtRel = nil, -1, ""
			best.status = c.status(s, i, 0)
			c.fillTarget(s, &best)
			return best, true
		}
		if s.child(i, "ccomp", "parataxis") >= 0 || s.rel(i) == "parataxis" {
			return cand{}, false // reported speech: the embedded event is coded instead
		}
		if sb := s.child(i, "nsubj"); sb >= 0 && s.hasSlippedClause(sb) {
			return cand{}, false // the same, parsed as "X [did Y] said"
		}
	}
	for _, u := range bestUsed {
		s.consumed[u] = true
	}
	best.status = c.status(s, i, 0)
	c.fillTarget(s, &best)
	if best.code == "041" && best.entry == "call" && (len(best.tgt) == 0 || passive && s.child(i, "obl:agent") < 0) {
		// "what the president called a coup attempt", "called an
		// election": a call that reaches no one is no telephone call;
		// nor is being called with no caller ("a vaccine called
		// Gardasil", "were called to back the plan"), which names or
		// summons.
		return cand{}, false
	}
	return best, true
}

// strayParticle returns the word right after verb i that the parser took
// for an adverb inside the object ("handed [over 500] detainees to Iraq",
// read as "more than 500") when one of frames is the phrasal verb with
// that particle ("hand over"), or -1.
func (c *Coder) strayParticle(s *sent, i int, frames []lexicon.Verb) int {
	p := i + 1
	if p >= len(s.toks) || s.rel(p) != "advmod" || s.head(p) == i {
		return -1
	}
	if u := s.toks[p].UPOS; u != "ADV" && u != "ADP" && u != "PART" {
		return -1
	}
	for _, f := range frames {
		if f.Particle != "" && f.Particle == s.lemma(p) {
			return p
		}
	}
	return -1
}

// multiwordFrame reports whether a multiword frame of verb i finds its
// fixed words ("rejected the accusations", "declined to comment"): the
// frame is then more specific than the verb's reading as a modifier.
func (c *Coder) multiwordFrame(s *sent, i int) bool {
	particle := ""
	if p := s.child(i, "compound:prt"); p >= 0 {
		particle = s.lemma(p)
	}
	for _, f := range c.lex.Verbs(s.lemma(i)) {
		if w := strings.Fields(f.Lemma); len(w) > 1 && w[0] == s.lemma(i) && f.Particle == particle {
			if _, ok := s.fixedWords(i, w[1:]); ok {
				return true
			}
		}
	}
	return false
}

// fixedWords finds the fixed words of a multiword lemma among the
// descendants of i (two levels down), returning their tokens.
func (s *sent) fixedWords(i int, words []string) ([]int, bool) {
	return s.findFixed(i, words, true)
}

// fixedModifiers finds the fixed words of a multiword noun among the
// noun's own dependents and its compounds' ("nuclear weapons test"):
// "nuclear attack" is no "attack on its nuclear facilities".
func (s *sent) fixedModifiers(i int, words []string) ([]int, bool) {
	return s.findFixed(i, words, false)
}

// findFixed finds words among i's dependents and, when deep, theirs.
func (s *sent) findFixed(i int, words []string, deep bool) ([]int, bool) {
	var used []int
	for _, w := range words {
		found := -1
		for _, k := range s.kids[i] {
			if s.clausal(k) {
				continue // a word of another clause is no part of this predicate
			}
			if s.lemma(k) == w && !slices.Contains(used, k) {
				found = k
				break
			}
			if !deep && s.rel(k) != "compound" {
				continue // a noun's words hang on it or on its compounds ("nuclear weapons test")
			}
			for _, g := range s.kids[k] {
				if found < 0 && !s.clausal(g) && s.lemma(g) == w && !slices.Contains(used, g) {
					found = g
				}
			}
			if found >= 0 {
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		used = append(used, found)
	}
	return used, true
}

// clausal reports whether token k heads a clause of its own, not part of
// its head's predicate: a finite adverbial or complement clause, a
// parenthetical, a relative clause. An infinitive or gerund the parser
// called adverbial ("failed [to reach] a deal", "given up [fighting]") is
// still the predicate's complement.
func (s *sent) clausal(k int) bool {
	switch s.rel(k) {
	case "ccomp", "parataxis", "acl:relcl", "csubj", "list":
		return true
	case "advcl":
		if m := s.child(k, "mark"); m >= 0 && s.lemma(m) == "to" || s.toks[k].XPOS == "VBG" && s.child(k, "mark") < 0 {
			return false
		}
		return true
	}
	return false
}

// nounMarker returns the child of noun i introduced by marker: poss, by,
// amod, compound, or a preposition.
func (s *sent) nounMarker(i int, marker string) int {
	switch marker {
	case "poss":
		return s.child(i, "nmod:poss")
	case "amod":
		return s.child(i, "amod")
	case "compound":
		return s.child(i, "compound")
	}
	return s.oblique(i, []string{marker})
}

// noun codes event noun i.
func (c *Coder) noun(s *sent, i int) (cand, bool) {
	senses := c.lex.Noun(s.lemma(i))
	if len(senses) == 0 {
		senses = c.lex.Noun(strings.ToLower(s.toks[i].Text))
	}
	if len(senses) == 0 {
		return cand{}, false
	}
	var sense lexicon.Noun
	bestWords := -1
	for _, n := range senses {
		words := strings.Fields(n.Lemma)
		var extra []string
		for _, w := range words {
			if w != s.lemma(i) && w != strings.ToLower(s.toks[i].Text) && !isPrep(w) {
				extra = append(extra, w)
			}
		}
		if _, ok := s.fixedModifiers(i, extra); ok && len(extra) > bestWords {
			sense, bestWords = n, len(extra)
		}
	}
	if bestWords < 0 {
		return cand{}, false
	}
	cd := cand{trigger: i, governed: -1, code: sense.CAMEO, kind: "noun", entry: sense.Lemma, nominal: true,
		srcTok: -1, tgtTok: -1}
	// "Gabon's suspension", "Kolesnikova's arrest": a noun of an act done
	// to someone, whose of-object is its patient, has with none the
	// possessor for patient; "the UN's suspension of aid" keeps it for
	// agent, and "Iran's refusal" or "Hamas's return" are acts of their own.
	patientPoss := actsOnPerson(sense.CAMEO) && slices.Contains(sense.Target, "of") && s.oblique(i, []string{"of"}) < 0 &&
		s.oblique(i, []string{"by"}) < 0
	for _, m := range sense.Source {
		if m == "poss" && patientPoss {
			continue
		}
		if k := s.nounMarker(i, m); k >= 0 {
			if ms := s.mentionsAt(k, asSource); len(ms) > 0 && s.anyActorCode(ms) {
				cd.srcTok, cd.srcRel, cd.src = k, m, ms
				break
			}
		}
	}
	for _, m := range sense.Target {
		if k := s.nounMarker(i, m); k >= 0 && k != cd.srcTok {
			if ms := s.mentionsAt(k, asTarget); len(ms) > 0 && s.anyActorCode(ms) {
				cd.tgtTok, cd.tgtRel, cd.tgt = k, m, ms
				break
			}
		}
	}
	if cd.tgtTok < 0 {
		if k, m := s.ofObjectTarget(i, sense.Target); k >= 0 {
			cd.tgtTok, cd.tgtRel, cd.tgt = k, "of>"+m, s.mentionsAt(k, asTarget)
		}
	}
	if h := s.head(i); cd.tgtTok < 0 && h >= 0 && s.rel(i) == "obj" && receives(s.lemma(h)) {
		if k := s.gramSubj(h, 0); k >= 0 && k != cd.srcTok {
			cd.tgtTok, cd.tgtRel, cd.tgt = k, s.lemma(h)+">nsubj", s.mentionsAt(k, asTarget)
		}
	}
	if k := s.nounMarker(i, "poss"); cd.tgtTok < 0 && patientPoss && k >= 0 {
		if ms := s.mentionsAt(k, asTarget); len(ms) > 0 && s.anyActorCode(ms) {
			cd.tgtTok, cd.tgtRel, cd.tgt = k, "poss(patient)", ms
		}
	}
	if h := s.head(i); cd.srcTok < 0 && h >= 0 && strings.HasPrefix(s.rel(i), "obl") && s.toks[h].UPOS == "VERB" &&
		(s.caseOf(i) == "of" && c.accuses(s.lemma(h)) || s.caseOf(i) == "for" && c.judges(s.lemma(h))) {
		// "accused Russia of a cyberattack", "blamed Hun Sen for the
		// attack", "denounced Libya for a violation": the party accused,
		// blamed or judged did the deed.
		if o := s.child(h, "obj"); o >= 0 && s.ment[o] >= 0 {
			cd.srcTok, cd.srcRel, cd.src = o, s.lemma(h)+">obj", s.mentionsAt(o, asSource)
		}
	}
	if h := s.supportVerb(c, i); h >= 0 {
		// "ordered the deportation", "carried out strikes", "responded with
		// airstrikes": the support verb lends its subject, and the target
		// when the noun's oblique hangs on the verb ("imposed sanctions on Y").
		if cd.srcTok < 0 && !s.passive(h) {
			if k := s.gramSubj(h, 0); k >= 0 {
				cd.srcTok, cd.srcRel, cd.src = k, s.lemma(h)+">nsubj", s.mentionsAt(k, asSource)
			}
		}
		if cd.tgtTok < 0 {
			var preps []string
			for _, m := range sense.Target {
				if isPrep(m) && m != "of" {
					preps = append(preps, m)
				}
			}
			// The noun itself may be the verb's with-oblique ("responded
			// with airstrikes"); the target is another one ("resumed
			// talks with Israel").
			if k := s.oblique(h, preps); k >= 0 && k != cd.srcTok && k != i {
				if ms := s.mentionsAt(k, asTarget); len(ms) > 0 {
					cd.tgtTok, cd.tgtRel, cd.tgt = k, s.lemma(h)+">obl:"+s.caseOf(k), ms
				}
			}
		}
	}
	if cd.code[:2] == "19" && s.lemma(i) == "strike" && s.labourStrike(i, cd.src) {
		cd.code, cd.entry = "143", cd.entry+" (labour)"
	}
	cd.status = c.status(s, i, 0)
	c.fillTarget(s, &cd)
	return cd, true
}

// asksFor reports whether verb lemma asks for, demands, awaits or opposes
// what its for-phrase names rather than doing it: appeals, demands,
// threats, refusals (CAMEO roots 02, 10, 12, 13), and waiting.
func (c *Coder) asksFor(lemma string) bool {
	switch lemma {
	case "wait", "hope", "pray", "press", "push", "lobby", "campaign", "clamour", "clamor", "vote":
		return true
	}
	return c.codedAs(lemma, "02", "10", "12", "13")
}

// judges reports whether verb lemma judges, rewards or punishes its object
// for what a for-phrase names, which the object did: praise and approval,
// disapproval and accusation, coercion (CAMEO roots 05, 11, 17), and
// thanking or blaming.
func (c *Coder) judges(lemma string) bool {
	switch lemma {
	case "thank", "congratulate", "blame", "punish", "fine", "sue", "reward", "reprimand", "honour", "honor":
		return true
	}
	return c.codedAs(lemma, "05", "11", "17")
}

// exchangeFor reports whether token i is introduced by "in exchange for"
// or "in return for".
func (s *sent) exchangeFor(i int) bool {
	for _, k := range s.kids[i] {
		if s.rel(k) == "case" && s.lemma(k) == "for" && k >= 1 {
			if w := s.lemma(k - 1); w == "exchange" || w == "return" {
				return true
			}
		}
	}
	return false
}

// receives reports whether verb lemma receives what its object names, so
// that its subject is the target of the event noun it receives ("received
// a call from", "got aid from"); accepting is an answer of its own.
func receives(lemma string) bool {
	return lemma == "receive" || lemma == "get"
}

// actsOnPerson reports whether CAMEO code names an act done to a party:
// sanctions and expulsions, coercion, assault, killing (roots 16-20), the
// release of persons (0841) and findings of guilt (116).
func actsOnPerson(code string) bool {
	return code >= "16" && code < "21" || code == "0841" || strings.HasPrefix(code, "116")
}

// accuses reports whether verb lemma is one of accusing someone of a deed
// (CAMEO 112, 1121-1125): its object did what the of-phrase names.
func (c *Coder) accuses(lemma string) bool {
	return c.codedAs(lemma, "112")
}

// codedAs reports whether a frame of verb lemma has a CAMEO code starting
// with one of prefixes.
func (c *Coder) codedAs(lemma string, prefixes ...string) bool {
	for _, f := range c.lex.Verbs(lemma) {
		for _, p := range prefixes {
			if strings.HasPrefix(f.CAMEO, p) {
				return true
			}
		}
	}
	return false
}

// labourStrike reports whether the strike noun i, with source mentions
// src, is a work stoppage rather than a military strike: it is staged,
// held, called or gone on, or its source is no armed or state actor
// ("teachers", "the union", "students").
func (s *sent) labourStrike(i int, src []int) bool {
	if h := s.head(i); h >= 0 {
		switch s.lemma(h) {
		case "stage", "hold", "call", "go", "join", "end", "strike":
			return true
		}
	}
	for _, a := range s.actors(src) {
		switch a.Sector {
		case "LAB", "CVL", "OPP", "EDU", "BUS", "HLH", "AGR", "REF", "REL", "MED", "DEV", "HRI", "JUD", "LEG", "ELI":
			return true
		}
	}
	return false
}

func isPrep(w string) bool {
	switch w {
	case "of", "for", "in", "on", "to", "with", "against":
		return true
	}
	return false
}

// supportVerb returns the verb that supports event noun i, or -1: an
// asserting light verb whose object it is ("carried out strikes", "ordered
// the deportation"), or a verb of response whose with-oblique it is
// ("responded with airstrikes").
func (s *sent) supportVerb(c *Coder, i int) int {
	h := s.head(i)
	if h < 0 || s.toks[h].UPOS != "VERB" {
		return -1
	}
	switch r := s.rel(i); {
	case r == "obj":
		if m, ok := c.modifierOf(s, h); ok && m.Effect == lexicon.Asserted {
			return h
		}
		if c.statementVerb(s.lemma(h)) {
			return h // "reiterated its demand", "announced a ceasefire"
		}
	case (r == "obl" || r == "obl:with") && s.caseOf(i) == "with":
		switch s.lemma(h) {
		case "respond", "retaliate", "react", "reply", "answer", "hit":
			return h
		}
	case strings.HasPrefix(r, "obl"):
		if s.exchangeFor(i) {
			break // "laid down arms in exchange for an amnesty": what they get, not do
		}
		switch s.caseOf(i) {
		case "for", "during", "on":
			// "headed for Jordan for talks with King Hussein", "during a
			// visit to Hong Kong, Wang said": the traveller's talks and
			// visit, unless the verb asks for them or waits for them
			// ("called for talks", "waited for repatriation"), or judges
			// its object for them (above).
			if _, ok := c.modifierOf(s, h); !ok && !s.passive(h) && !c.statementVerb(s.lemma(h)) &&
				!c.asksFor(s.lemma(h)) && !c.judges(s.lemma(h)) {
				return h
			}
		}
	}
	return -1
}
