package coder

import "strings"

// The parser's slips that cost events are undone before the rules read the
// tree: a past tense taken for an adjective or a participle, a sentence hung
// on a noun, a subordinate clause's subject taken for an oblique (and its
// verb for the sentence's), an object taken for the apposition of a day,
// "up to" before a number taken for a particle.

// repairTree undoes a parser slip common in news, where a past tense
// verb is tagged as a participle and hung on the noun after it as an
// adjective, and that noun takes the verb's subject: "police in Jericho
// [confiscated] weapons", "the government [donated] goods to Nepal". The
// verb becomes the predicate: it takes the noun's place in the tree, the
// noun becomes its object, and the subject and the noun's prepositional
// modifiers that name a party ("to Nepal", "from the groups") move to the
// verb.
func (s *sent) repairTree() {
	for v := range s.heads {
		n := s.heads[v]
		if n < 0 || s.rels[v] != "amod" || n != v+1 || s.toks[v].UPOS != "VERB" || s.toks[n].UPOS != "NOUN" {
			continue
		}
		subj := -1 // on the noun, or already on the verb
		for k, h := range s.heads {
			if (h == n || h == v) && (s.rels[k] == "nsubj" || s.rels[k] == "nsubj:pass") && k < v {
				subj = k
			}
		}
		if subj < 0 {
			continue
		}
		s.promote(v, n, n, subj)
	}
}

// repairVerbless gives a sentence whose root the parser made a noun its
// verb back: "European Union foreign ministers on Monday extended sanctions on
// Belarus", tagged with "extended" as an adjective of "sanctions" and
// parsed with the subject as the root. The first past participle after the
// root noun that modifies a later noun becomes the predicate, the root its
// subject, the modified noun its object, and the root's modifiers after it
// its obliques.
func (s *sent) repairVerbless() {
	root := -1
	for i, h := range s.heads {
		if h < 0 {
			root = i
		}
	}
	if root < 0 || s.toks[root].UPOS != "NOUN" && s.toks[root].UPOS != "PROPN" {
		return // the parser found a verb to hang the sentence on
	}
	for k, h := range s.heads {
		if h == root && s.rels[k] == "acl" && s.toks[k].UPOS == "VERB" && s.hasDependent(k, "obj", "obl") {
			// "Turkish police [detained dozens of protesters]": the verb
			// hangs on its subject, and the subject's reading finds it.
			return
		}
	}
	for v := root + 1; v < len(s.heads); v++ {
		n := s.heads[v]
		if s.rels[v] != "amod" || n <= v || !strings.HasSuffix(strings.ToLower(s.toks[v].Text), "ed") {
			continue
		}
		s.heads[v], s.rels[v] = -1, "root"
		s.heads[root], s.rels[root] = v, "nsubj"
		for k, h := range s.heads {
			if h == root && k > v && k != n && (strings.HasPrefix(s.rels[k], "nmod") || s.rels[k] == "punct") {
				s.heads[k], s.rels[k] = v, "obl"
			}
		}
		if s.heads[n] == root || s.rels[n] != "obj" {
			s.heads[n], s.rels[n] = v, "obj"
		}
		s.predicate[v] = true
		return
	}
}

// repairSubordinate undoes another slip: "lodged a protest after North
// Korea fired a missile" parsed with "after North Korea" as an oblique and
// "fired" as a clause without a subject. A subordinating preposition's
// noun right before a subjectless adverbial clause, an oblique of the same
// head or a modifier of a noun before it, is the clause's subject.
func (s *sent) repairSubordinate() {
	for v := range s.heads {
		if s.rels[v] != "advcl" || s.toks[v].UPOS != "VERB" || v == 0 {
			continue
		}
		n, h := v-1, s.heads[v]
		oblique := s.heads[n] == h && strings.HasPrefix(s.rels[n], "obl") ||
			s.heads[n] >= 0 && s.heads[n] < n && strings.HasPrefix(s.rels[n], "nmod") // "recalled its ambassador after police stormed"
		if !oblique || s.toks[n].UPOS != "PROPN" && s.toks[n].UPOS != "NOUN" && s.toks[n].UPOS != "PRON" {
			continue
		}
		hasSubj := false
		for k, hk := range s.heads {
			if hk == v && strings.HasPrefix(s.rels[k], "nsubj") {
				hasSubj = true
			}
		}
		if hasSubj {
			continue
		}
		for c := range s.heads {
			if s.heads[c] != n || s.rels[c] != "case" {
				continue
			}
			switch s.lemmas[c] {
			case "after", "before", "until", "since", "as", "because", "when", "while", "once":
				s.heads[n], s.rels[n] = v, "nsubj"
				s.heads[c], s.rels[c] = v, "mark"
			}
		}
	}
}

// repairNounObject undoes a slip where the parser made the subject noun
// the root and hung both the verb (as a participle on it) and the verb's
// object on it: "Ethiopian forces [regained] control of the city" with
// "control" the object of "forces". The verb becomes the root, the noun its
// subject, and the noun's dependents after the verb its own.
func (s *sent) repairNounObject() {
	for v := 1; v < len(s.heads); v++ {
		n := s.heads[v]
		if n < 0 || n >= v || s.rels[v] != "acl" || s.toks[v].UPOS != "VERB" || s.heads[n] >= 0 ||
			s.toks[n].UPOS != "NOUN" && s.toks[n].UPOS != "PROPN" {
			continue
		}
		if s.lastDependent(n, "obj", v+1, len(s.heads)) < 0 || s.hasDependent(v, "obj") {
			continue
		}
		s.heads[v], s.rels[v] = -1, "root"
		s.heads[n], s.rels[n] = v, "nsubj"
		for k, h := range s.heads {
			if h == n && k > v {
				s.heads[k] = v
			}
		}
		return
	}
}

// repairParticipleRoot undoes a slip where a participle modifying the
// object became the root and took the sentence's subject, whose verb the
// parser hung on it: "police [arrested five Serbs] suspected of attacking
// officers" with "suspected" the root. The verb becomes the root, the
// participle a modifier of the object.
func (s *sent) repairParticipleRoot() {
	for v := 1; v < len(s.heads); v++ {
		n := s.heads[v]
		if n < 0 || s.rels[v] != "acl" || s.toks[v].UPOS != "VERB" || n >= v || s.rels[n] != "nsubj" {
			continue
		}
		r := s.heads[n]
		if r < 0 || r <= v || s.heads[r] >= 0 || s.toks[r].XPOS != "VBN" || s.hasDependent(r, "aux", "aux:pass", "cop") {
			continue
		}
		o := s.lastDependent(v, "obj", 0, r)
		if o < 0 {
			continue
		}
		s.heads[v], s.rels[v] = -1, "root"
		s.heads[n] = v
		s.heads[r], s.rels[r] = o, "acl"
		s.moveFinalPunct(r, v)
		return
	}
}

// lastDependent returns the last token k, from <= k < to, that hangs on h
// with relation rel, or -1.
func (s *sent) lastDependent(h int, rel string, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if s.heads[k] == h && s.rels[k] == rel {
			return k
		}
	}
	return -1
}

// moveFinalPunct hangs the sentence's last token on to when it is
// punctuation hung on from (the full stop follows the new root).
func (s *sent) moveFinalPunct(from, to int) {
	if k := len(s.heads) - 1; k >= 0 && s.heads[k] == from && s.rels[k] == "punct" {
		s.heads[k] = to
	}
}

// repairHave undoes the slip of "it had expelled two diplomats" parsed
// with "had" as a main verb and the participle hung elsewhere: a form of
// "have" tagged as a verb, without an object, right before a past
// participle is the participle's auxiliary; the participle takes its
// place in the tree and its dependents.
func (s *sent) repairHave() {
	for h := 0; h+1 < len(s.toks); h++ {
		v := h + 1
		if s.lemmas[h] != "have" || s.toks[h].UPOS != "VERB" || s.toks[v].XPOS != "VBN" || s.toks[v].UPOS != "VERB" {
			continue
		}
		if s.hasDependent(h, "obj", "xcomp", "ccomp") {
			continue
		}
		s.heads[v], s.rels[v] = s.heads[h], s.rels[h]
		for k, hk := range s.heads {
			if hk == h && k != v {
				s.heads[k] = v
			}
		}
		s.heads[h], s.rels[h] = v, "aux"
	}
}

// hasDependent reports whether token h has a dependent with one of rels
// in the tree being repaired.
func (s *sent) hasDependent(h int, rels ...string) bool {
	for k, hk := range s.heads {
		if hk == h {
			for _, r := range rels {
				if s.rels[k] == r {
					return true
				}
			}
		}
	}
	return false
}

// repairPastModifier undoes a wider form of the slip repairTree undoes: a
// past tense in -ed right after a subject, tagged as an adjective or a
// participle and hung as a modifier on the head of its object, which the
// parser then made a clause without a verb: "guerrillas wounded two
// soldiers" with the soldiers as the object of "guerrillas", "the
// government on Monday reduced food supplies to the camps" with the
// government as the subject of "supplies", "police in the city
// confiscated weapons" with "police" as a compound of "weapons". Between
// the word and the noun only the noun's own modifiers may stand; the
// subject is the noun phrase ending right before the word, with no
// preposition of its own. The word becomes the predicate and takes the
// clause's place, the subject and object its dependents, and the
// clause's other dependents after the object its own.
func (s *sent) repairPastModifier(verbLemma func(form, lemma string) string) {
	for v := 1; v < len(s.heads); v++ {
		n := s.heads[v]
		if s.rels[v] != "amod" || n <= v || !strings.HasSuffix(strings.ToLower(s.toks[v].Text), "ed") {
			continue
		}
		if u := s.toks[v].UPOS; u != "ADJ" && u != "VERB" || s.toks[n].UPOS != "NOUN" && s.toks[n].UPOS != "PROPN" {
			continue
		}
		if !s.insidePhrase(v+1, n, n) {
			continue
		}
		t := v - 1
		for s.heads[t] >= 0 && s.heads[t] < v {
			t = s.heads[t]
		}
		if u := s.toks[t].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" || s.hasDependent(t, "case") {
			continue
		}
		clause := -1
		switch {
		case s.heads[t] == n && strings.HasPrefix(s.rels[t], "nsubj") && !s.hasDependent(n, "cop"):
			clause = n // "the government reduced supplies": a noun with a subject
		case s.heads[n] == t && s.rels[n] == "obj":
			clause = t // "guerrillas wounded soldiers": a noun with an object
		case s.heads[t] == n && (s.rels[t] == "compound" || s.rels[t] == "nmod:poss") && (t < v-1 || s.ment[t] >= 0) &&
			clauseRel(s.rels[n]):
			// "police in Jericho confiscated weapons", "Beijing imposed
			// sanctions", "police in Dhaka fired rubber bullets" (taken
			// for the bullets' owner)
			clause = n
		case s.heads[t] == v && strings.HasPrefix(s.rels[t], "nsubj") && (clauseRel(s.rels[n]) || s.rels[n] == "nsubj" && s.heads[n] > n):
			// "warships conducted drills near Taiwan, the ministry said",
			// with the drills the subject of "said"
			clause = n
		}
		if clause < 0 {
			continue
		}
		s.promote(v, clause, n, t)
		if s.rels[v] == "nsubj" {
			s.rels[v] = "ccomp" // what the later verb says
		}
		s.predicate[v] = true
		if verbLemma != nil {
			s.lemmas[v] = verbLemma(s.toks[v].Text, strings.TrimSuffix(strings.ToLower(s.toks[v].Text), "ed"))
		}
	}
}

// insidePhrase reports whether tokens [from, to) all hang, directly or
// through each other, on token n: they are modifiers of n's phrase.
func (s *sent) insidePhrase(from, to, n int) bool {
	for k := from; k < to; k++ {
		h := s.heads[k]
		if h < from || h > n {
			return false
		}
		switch s.rels[k] {
		case "det", "nummod", "amod", "compound", "advmod", "flat", "nmod:poss", "case", "punct", "fixed", "cc", "conj":
		default:
			return false
		}
	}
	return true
}

// clauseRel reports whether a word with relation r stands where a clause
// would: the root, or a clause of a speech verb.
func clauseRel(r string) bool {
	return r == "root" || r == "ccomp" || r == "parataxis"
}

// promote makes v the predicate of the clause the parser hung on token
// clause: v takes the clause's place in the tree, n becomes its object and
// subj its subject, and the clause's dependents after n that belong to a
// verb move to v: obliques naming a party or a time ("to Nepal", "from
// the groups", "during the raid"), punctuation and clauses.
func (s *sent) promote(v, clause, n, subj int) {
	s.heads[v], s.rels[v] = s.heads[clause], s.rels[clause]
	s.heads[n], s.rels[n] = v, "obj"
	s.heads[subj], s.rels[subj] = v, "nsubj"
	for k, h := range s.heads {
		if h != clause || k <= n {
			continue
		}
		switch r := s.rels[k]; {
		case r == "nmod" || r == "obl":
			switch s.caseLemma(k) {
			case "to", "from", "for", "with", "against", "on", "into", "in", "at", "during", "after":
				s.heads[k], s.rels[k] = v, "obl"
			}
		case r == "punct" || r == "ccomp" || r == "parataxis" || r == "advcl" || r == "conj" || r == "cc":
			s.heads[k] = v
		}
	}
}

// nominalTo reports whether token j is "to" tagged an infinitive marker
// before a noun phrase, a preposition the tagger slipped on ("aid to
// refugees fleeing the war" with "refugees" taken for a clause).
func (s *sent) nominalTo(j int) bool {
	if s.lemma(j) != "to" || s.toks[j].UPOS != "PART" || j+1 >= len(s.toks) {
		return false
	}
	switch s.toks[j+1].UPOS {
	case "NOUN", "PROPN", "DET", "NUM":
		return true
	}
	return false
}

// dayWords name the day of an event, which the parser may take for the
// object of the verb they follow.
var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// repairDayObject undoes a slip after a day named right after a verb:
// "rejected Thursday a UN appeal", parsed with the appeal as an apposition
// of "Thursday". The apposition becomes the verb's object when the verb
// has none.
func (s *sent) repairDayObject() {
	for k, t := range s.heads {
		if t < 0 || s.rels[k] != "appos" || !dayWords[strings.ToLower(s.toks[t].Text)] || !strings.HasPrefix(s.rels[t], "obl") {
			continue
		}
		v := s.heads[t]
		if v < 0 || s.toks[v].UPOS != "VERB" || s.toks[k].UPOS != "NOUN" {
			continue
		}
		hasObj := false
		for j, h := range s.heads {
			hasObj = hasObj || h == v && (s.rels[j] == "obj" || s.rels[j] == "ccomp")
		}
		if !hasObj {
			s.heads[k], s.rels[k] = v, "obj"
		}
	}
}

// repairUpTo undoes the slip of "kidnapped up to 16 advisers", parsed with
// "up" as the verb's particle and the counted noun as a to-oblique: "up
// to" before a number is the count's modifier, and the noun the verb's
// object when it has none.
func (s *sent) repairUpTo() {
	for p, v := range s.heads {
		if v < 0 || s.rels[p] != "compound:prt" || s.lemmas[p] != "up" || p+2 >= len(s.heads) ||
			s.lemmas[p+1] != "to" || s.toks[p+2].UPOS != "NUM" {
			continue
		}
		k := s.heads[p+1]
		if k < 0 || s.heads[k] != v || !strings.HasPrefix(s.rels[k], "obl") || s.hasDependent(v, "obj") {
			continue
		}
		s.heads[k], s.rels[k] = v, "obj"
		s.heads[p], s.rels[p] = p+2, "advmod"
		s.heads[p+1], s.rels[p+1] = p, "fixed"
	}
}

// repairInfinitiveNoun takes a noun that the tree makes an infinitive for a
// verb ("is expected to sanction Taiwan", sanction tagged as a noun but
// given the mark "to" and an object) as the verb it is there.
func (s *sent) repairInfinitiveNoun(verbLemma func(form, lemma string) string) {
	for v := range s.toks {
		if s.toks[v].UPOS != "NOUN" || s.toks[v].XPOS != "NN" || v == 0 || !strings.EqualFold(s.toks[v-1].Text, "to") ||
			s.heads[v-1] != v || s.rels[v-1] != "mark" || !s.hasDependent(v, "obj") {
			continue
		}
		s.predicate[v] = true
		if verbLemma != nil {
			s.lemmas[v] = verbLemma(s.toks[v].Text, s.lemmas[v])
		}
	}
}
