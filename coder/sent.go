package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// sent is one sentence with the indexes the rules need. Token indices are
// local to the sentence, from 0.
type sent struct {
	d    *doc.Doc
	idx  int
	base int
	toks []doc.Token
	kids [][]int
	// ment maps a token to the mention it heads or lies in, or -1.
	ment []int
	// consumed marks tokens used as fixed words of a multiword verb.
	consumed []bool
	// verbPrefix marks the first part of a hyphenated verb
	// (joinHyphenVerbs), which is not a verb of its own.
	verbPrefix []bool
	// lemmas holds the lower-case lemma of each token, verbs repaired by
	// the lexicon (Lexicon.VerbLemma).
	lemmas []string
	// heads and rels are the tree the rules read: the parser's, with the
	// repairs of repairTree (local head index, -1 for the root).
	heads []int
	rels  []string
	// predicate marks a word the repairs made the sentence's verb although
	// the tagger called it an adjective.
	predicate []bool
}

// verbLexicon is what newSent asks of the lexicon: the lexicon's lemma of
// a verb form, and whether it knows a lemma.
type verbLexicon interface {
	VerbLemma(form, lemma string) string
	KnownVerb(lemma string) bool
}

// newSent indexes sentence si of d; lex, when not nil, repairs the lemmas
// of verbs and joins hyphenated verbs it knows.
func newSent(d *doc.Doc, si int, lex verbLexicon) *sent {
	var verbLemma func(form, lemma string) string
	if lex != nil {
		verbLemma = lex.VerbLemma
	}
	toks := d.SentenceTokens(si)
	s := &sent{d: d, idx: si, base: d.Sentences[si].First, toks: toks,
		kids: make([][]int, len(toks)), ment: make([]int, len(toks)), consumed: make([]bool, len(toks)),
		verbPrefix: make([]bool, len(toks))}
	s.lemmas = make([]string, len(toks))
	for i, t := range toks {
		s.lemmas[i] = strings.ToLower(t.Text)
		if t.Lemma != "" && t.Lemma != "_" {
			s.lemmas[i] = strings.ToLower(t.Lemma)
		}
		if verbLemma != nil && (t.UPOS == "VERB" || strings.HasPrefix(t.XPOS, "VB") || participle(t)) {
			s.lemmas[i] = verbLemma(t.Text, s.lemmas[i])
		}
		s.ment[i] = -1
	}
	s.heads, s.rels = make([]int, len(toks)), make([]string, len(toks))
	for i, t := range toks {
		s.heads[i], s.rels[i] = t.Head-1, t.DepRel
		if h := s.heads[i]; h < 0 || h >= len(toks) || h == i {
			s.heads[i] = -1
		}
	}
	// Mentions first: some repairs ask whether a word names an actor.
	for mi, m := range d.Mentions {
		if m.Sentence != si {
			continue
		}
		for t := m.First; t < m.Last; t++ {
			if l := t - s.base; l >= 0 && l < len(toks) && s.ment[l] < 0 {
				s.ment[l] = mi
			}
		}
	}
	for mi, m := range d.Mentions {
		if l := m.Head - s.base; m.Sentence == si && l >= 0 && l < len(toks) {
			s.ment[l] = mi
		}
	}
	s.predicate = make([]bool, len(toks))
	if lex != nil {
		s.joinHyphenVerbs(lex)
	}
	s.repairTree()
	s.repairNounObject()
	s.repairParticipleRoot()
	s.repairHave()
	s.repairPastModifier(verbLemma)
	s.repairVerbless()
	s.repairSubordinate()
	s.repairSubordinateRoot()
	s.repairUpTo()
	s.repairInfinitiveNoun(verbLemma)
	s.repairDayObject()
	for i, h := range s.heads {
		if h >= 0 {
			s.kids[h] = append(s.kids[h], i)
		}
	}
	if s.repairListSubject() {
		s.rebuildKids()
	}
	return s
}

// joinHyphenVerbs reads a verb written with a hyphen, which the tokenizer
// splits ("tear - gassed"), as the one verb the lexicon knows
// ("tear-gas"): the verb takes the joined lemma, and when the parser made
// the first part the head, its place in the tree; the first part becomes
// the verb's compound and is not read as a verb of its own.
func (s *sent) joinHyphenVerbs(lex verbLexicon) {
	for i := 2; i < len(s.toks); i++ {
		first, hyph, t := s.toks[i-2], s.toks[i-1], s.toks[i]
		if hyph.Text != "-" || first.End != hyph.Start || hyph.End != t.Start ||
			t.UPOS != "VERB" && !strings.HasPrefix(t.XPOS, "VB") {
			continue
		}
		prefix := strings.ToLower(first.Text) + "-"
		l := lex.VerbLemma(prefix+strings.ToLower(t.Text), prefix+s.lemmas[i])
		if !lex.KnownVerb(l) {
			continue
		}
		s.lemmas[i] = l
		if s.heads[i] == i-2 {
			s.heads[i], s.rels[i] = s.heads[i-2], s.rels[i-2]
			for k, h := range s.heads {
				if h == i-2 {
					s.heads[k] = i
				}
			}
		}
		s.heads[i-2], s.rels[i-2] = i, "compound"
		s.heads[i-1], s.rels[i-1] = i, "punct"
		s.verbPrefix[i-2] = true
	}
}

// lemma returns the lower-case lemma of token i (its text when
// unlemmatized), a verb's as the lexicon repaired it.
func (s *sent) lemma(i int) string { return s.lemmas[i] }

// rel returns the relation of token i.
func (s *sent) rel(i int) string { return s.rels[i] }

// head returns the local index of the head of i, or -1 for the root.
func (s *sent) head(i int) int { return s.heads[i] }

// caseLemma returns the lemma of the case marker among the tokens before k
// that hang on it, or "".
func (s *sent) caseLemma(k int) string {
	for j := k - 1; j >= 0; j-- {
		if s.heads[j] == k && s.rels[j] == "case" {
			return s.lemmas[j]
		}
	}
	return ""
}

// child returns the first child of i with one of the relations, or -1.
func (s *sent) child(i int, rels ...string) int {
	for _, k := range s.kids[i] {
		if slices.Contains(rels, s.rel(k)) {
			return k
		}
	}
	return -1
}

// caseOf returns the lemma of the case (or mark) child of i, or "".
func (s *sent) caseOf(i int) string {
	if k := s.child(i, "case", "mark"); k >= 0 {
		return s.lemma(k)
	}
	return ""
}

// oblique returns a child of i that is an obl or nmod (any subtype) whose
// case is one of preps, or -1.
func (s *sent) oblique(i int, preps []string) int {
	for _, k := range s.kids[i] {
		r := s.rel(k)
		if (r == "obl" || r == "nmod" || strings.HasPrefix(r, "obl:") || r == "nmod:tmod") &&
			slices.Contains(preps, s.caseOf(k)) {
			return k
		}
	}
	return -1
}

// gramSubj returns the grammatical subject of predicate i (nsubj or
// nsubj:pass), inherited through xcomp (the governor's object, else its
// subject), conj and relative clauses; -1 when there is none.
func (s *sent) gramSubj(i, depth int) int {
	if k := s.child(i, "nsubj", "nsubj:pass", "csubj"); k >= 0 {
		if s.rel(i) == "acl:relcl" && s.toks[k].UPOS == "PRON" && relPronoun(s.lemma(k)) {
			return s.head(i)
		}
		return k
	}
	if k := s.child(i, "expl"); k >= 0 && s.ment[k] >= 0 {
		return k // "it is willing to", with "it" taken for an expletive
	}
	h := s.head(i)
	if h < 0 || depth > 4 {
		return -1
	}
	switch s.rel(i) {
	case "xcomp":
		if o := s.child(h, "obj", "iobj"); o >= 0 && s.toks[h].UPOS == "VERB" {
			return o
		}
		// "called on Israel to withdraw", "appealed to them to leave": the
		// addressee of an appeal controls the complement.
		if o := s.oblique(h, []string{"on", "upon", "to"}); o >= 0 && s.toks[h].UPOS == "VERB" && s.ment[o] >= 0 {
			return o
		}
		if o := s.callsOn(h); o >= 0 {
			return o // "called on member states to recognise": they, not the caller
		}
		return s.gramSubj(h, depth+1)
	case "conj":
		if s.child(i, "det", "case") >= 0 {
			return -1 // "including some arrested during the protests": a participle standing for people
		}
		return s.gramSubj(h, depth+1)
	case "acl":
		// A root noun with a participle that has an object is a parser
		// slip for subject and verb ("The army attacked X" parsed as
		// "army [attacked X]"): the noun is the subject.
		if s.toks[h].UPOS != "VERB" && s.head(h) < 0 && s.child(i, "obj") >= 0 {
			return h
		}
		// The same with coordinated subjects, the verb hung on the last
		// ("the government and the rebels [resumed talks]"): all of them.
		if r := s.head(h); r >= 0 && s.rel(h) == "conj" && s.head(r) < 0 && s.toks[r].UPOS != "VERB" &&
			s.toks[h].UPOS != "VERB" && s.child(i, "obj") >= 0 {
			return r
		}
		// The same slip before a postposed speech verb: "Israeli tanks
		// fired shells at X, witnesses said" parsed as "tanks [fired ...]"
		// subject of "said".
		if s.slippedClause(i) {
			return h
		}
		// "arrested students calling for reform": a present participle
		// on a noun naming actors has that noun as its subject.
		if (s.toks[i].XPOS == "VBG" || s.toks[i].XPOS == "" && strings.HasSuffix(s.toks[i].Text, "ing")) && s.toks[h].UPOS != "VERB" && s.ment[h] >= 0 && s.d.Mentions[s.ment[h]].Kind == doc.KindActor {
			return h
		}
		fallthrough
	case "advcl":
		if m := s.child(i, "mark"); m >= 0 && (s.lemma(m) == "of" || s.lemma(m) == "for") && s.toks[i].XPOS == "VBG" && s.toks[h].UPOS == "VERB" {
			// "accused Iran of arming Hezbollah", "arrested them for
			// protesting": the object did it, when it names a party ("drew
			// criticism for cracking down" is the subject's deed).
			if o := s.child(h, "obj"); o >= 0 && s.ment[o] >= 0 {
				return o
			}
			if n := s.head(h); s.rel(h) == "acl" && n >= 0 && s.ment[n] >= 0 && s.child(h, "obj") < 0 {
				return n // "five Serbs suspected of attacking officers": the Serbs
			}
		}
		if m := s.child(i, "mark"); m >= 0 && s.lemma(m) == "to" {
			// "called on member states to recognise", the infinitive
			// taken for an adverbial clause: whom the call is on.
			if o := s.callsOn(h); o >= 0 {
				return o
			}
		}
		// "..., firing rockets at Y", "took the step of banning", "made the
		// decision to expel": the subject of the clause the participle
		// hangs on, unless the participle's noun names actors (above).
		if s.toks[h].UPOS == "NOUN" {
			if s.rel(h) != "obj" || s.head(h) < 0 || s.toks[i].XPOS == "VBG" && opposes(s.lemma(s.head(h))) {
				// "vetoed a resolution demanding a ceasefire": who opposes
				// a text does not speak through it.
				return -1
			}
			h = s.head(h)
		}
		return s.gramSubj(h, depth+1)
	}
	return -1
}

// callsOn returns the party verb h calls on ("called on member states",
// "prevailed upon the rebels"), or -1.
func (s *sent) callsOn(h int) int {
	switch s.lemma(h) {
	case "call", "prevail":
		if s.toks[h].UPOS == "VERB" {
			return s.oblique(h, []string{"on", "upon"})
		}
	}
	return -1
}

// opposes reports whether verb lemma acts against what its object says
// or proposes, rather than saying it.
func opposes(lemma string) bool {
	switch lemma {
	case "veto", "reject", "block", "oppose", "condemn", "denounce", "criticize", "criticise", "scrap",
		"shelve", "dismiss", "refuse", "rebuff", "spurn", "ignore", "sink", "derail":
		return true
	}
	return false
}

func relPronoun(l string) bool { return l == "which" || l == "who" || l == "that" }

// participle reports whether t is a past participle tagged as an
// adjective ("were angered", "is concerned").
func participle(t doc.Token) bool {
	return t.UPOS == "ADJ" && strings.HasSuffix(strings.ToLower(t.Text), "ed")
}

// predicateAdjective reports whether i is an adjective used as a
// predicate with a subject ("were skeptical", "is critical of").
func (s *sent) predicateAdjective(i int) bool {
	return s.toks[i].UPOS == "ADJ" && s.child(i, "cop") >= 0 && s.child(i, "nsubj") >= 0
}

// adjectivalPassive reports whether i is a participle used as a predicate
// adjective, a passive in all but its tag ("were angered by the move").
func (s *sent) adjectivalPassive(i int) bool {
	return participle(s.toks[i]) && s.predicateAdjective(i)
}

// passive reports whether predicate i is in the passive voice. A
// participle of state without an agent ("is opposed to", "were engaged in")
// is not: its subject is the one opposed or engaged.
func (s *sent) passive(i int) bool {
	if s.stateParticiple(i) || s.slippedClause(i) {
		return false
	}
	if s.child(i, "nsubj:pass", "aux:pass") >= 0 || s.adjectivalPassive(i) {
		return true
	}
	if s.rel(i) == "acl" && s.child(i, "nsubj", "mark", "obj") < 0 && (s.toks[i].XPOS == "VBN" ||
		strings.Contains(s.toks[i].Feats, "Tense=Past") && strings.Contains(s.toks[i].Feats, "VerbForm=Part")) {
		return true // "the convoy attacked by Israel"
	}
	if s.rel(i) == "xcomp" && s.toks[i].XPOS == "VBN" && s.child(i, "nsubj", "mark", "aux", "obj") < 0 {
		return true // "executed a man convicted of spying": the man was convicted
	}
	return s.child(i, "nsubj", "nsubj:pass") < 0 && s.rel(i) == "conj" && s.head(i) >= 0 && s.passive(s.head(i))
}

// statusRank orders statuses: a stronger one wins when markers combine.
func statusRank(st event.Status) int {
	switch st {
	case event.Negated:
		return 3
	case event.Hypothetical:
		return 2
	case event.Intended:
		return 1
	}
	return 0
}

func stronger(a, b event.Status) event.Status {
	if statusRank(b) > statusRank(a) {
		return b
	}
	return a
}

// slippedClause reports whether acl i is a main clause the parser hung on
// its subject noun, which it made the subject (or complement) of a later
// speech verb ("Israeli tanks fired shells at X, witnesses said"): a
// finite or participle verb with an object or oblique, on a noun that is
// the nsubj (or ccomp) of
// a verb of saying to its right.
func (s *sent) slippedClause(i int) bool {
	if s.rel(i) != "acl" || s.child(i, "nsubj", "mark") >= 0 || s.child(i, "obj", "obl") < 0 {
		return false
	}
	if x := s.toks[i].XPOS; x != "VBD" && x != "VBN" && x != "" {
		return false
	}
	h := s.head(i)
	for h >= 0 && s.toks[h].UPOS != "VERB" && strings.HasPrefix(s.rel(h), "nmod") {
		h = s.head(h) // "Thousands of Kurds [demonstrated ...], witnesses said"
	}
	// The noun is the speech verb's subject, or its complement when the
	// parser took the whole clause for what was said ("Israeli troops
	// [arrested 15 Palestinians], the society said").
	if h < 0 || s.toks[h].UPOS == "VERB" || s.rel(h) != "nsubj" && s.rel(h) != "ccomp" {
		return false
	}
	v := s.head(h)
	if v < 0 || v < i {
		return false
	}
	switch s.lemma(v) {
	case "say", "tell", "report", "claim", "add", "confirm", "state", "announce", "allege":
		return true
	}
	return false
}

// mainClause reports whether token i heads the sentence's main clause: the
// root, a conjunct of it, or the clause a root verb of saying reports
// ("Israel struck X, officials said").
func (s *sent) mainClause(i int) bool {
	for n := 0; n < 3; n++ {
		h := s.head(i)
		if h < 0 {
			return true
		}
		switch r := s.rel(i); {
		case r == "conj" || r == "parataxis":
		case r == "ccomp" && s.head(h) < 0 && s.toks[h].UPOS == "VERB":
			switch s.lemma(h) {
			case "say", "tell", "report", "add", "state", "announce", "confirm":
			default:
				return false
			}
		default:
			return false
		}
		i = h
	}
	return false
}

// stateParticiple reports whether i is a participle that names its
// subject's state rather than an act done to it: "opposed to", "committed
// to", "engaged in", "involved in", with no "by" agent.
func (s *sent) stateParticiple(i int) bool {
	switch s.lemma(i) {
	case "oppose", "commit", "engage", "involve", "dedicate", "devote":
	default:
		return false
	}
	if s.oblique(i, []string{"by"}) >= 0 {
		return false
	}
	return s.oblique(i, []string{"to", "in"}) >= 0 || s.child(i, "xcomp") >= 0
}

// hasSlippedClause reports whether the noun phrase of subject sb holds a
// slipped main clause (see slippedClause), on its head or on a noun it
// governs through nmod.
func (s *sent) hasSlippedClause(sb int) bool {
	for _, k := range s.kids[sb] {
		if s.slippedClause(k) || strings.HasPrefix(s.rel(k), "nmod") && s.toks[k].UPOS != "VERB" && s.hasSlippedClause(k) {
			return true
		}
	}
	return false
}
