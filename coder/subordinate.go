package coder

// A subordinate clause the parser made the sentence's main one is given
// back its place below the verb it depends on (see repairSubordinateRoot).

// subordinators open an adverbial clause; the parser may take one for the
// case of the clause's subject.
var subordinators = map[string]bool{
	"as": true, "while": true, "after": true, "before": true, "when": true, "because": true,
	"since": true, "although": true, "though": true, "until": true, "once": true, "whereas": true,
}

// repairSubordinateRoot undoes the slip of "A French minister threatened
// to impose restrictions as the leaders sought to ease tensions", parsed
// with "threatened" as a participle on "minister", "as the leaders" as an
// oblique, and "sought" as the sentence's verb with "minister" for
// subject. When a verb's subject carries a past participle or tense before
// a phrase opened by a subordinator that runs up to the verb, the
// participle is the predicate: it takes the verb's place and its subject,
// and the verb becomes its adverbial clause, with the phrase for subject
// and the subordinator for mark.
func (s *sent) repairSubordinateRoot() {
	for r := range s.heads {
		if s.toks[r].UPOS != "VERB" || !clauseRel(s.rels[r]) {
			continue
		}
		subj := s.lastDependent(r, "nsubj", 0, r)
		if subj < 0 {
			continue
		}
		for v := subj + 1; v < r; v++ {
			if s.heads[v] != subj || s.rels[v] != "acl" || s.toks[v].UPOS != "VERB" ||
				s.toks[v].XPOS != "VBD" && s.toks[v].XPOS != "VBN" {
				continue
			}
			n, c := s.subordinatePhrase(v, r)
			if n < 0 {
				continue
			}
			s.heads[v], s.rels[v] = s.heads[r], s.rels[r]
			s.heads[subj], s.rels[subj] = v, "nsubj"
			s.heads[r], s.rels[r] = v, "advcl"
			s.heads[n], s.rels[n] = r, "nsubj"
			s.heads[c], s.rels[c] = r, "mark"
			if len(s.heads)-1 > r {
				s.moveFinalPunct(r, v)
			}
			s.predicate[v] = true
			break
		}
	}
}

// subordinatePhrase returns the noun right after participle v's clause
// whose case is a subordinator, and that case, when the noun's phrase
// runs up to verb r and lies inside v's clause; -1, -1 otherwise.
func (s *sent) subordinatePhrase(v, r int) (int, int) {
	for n := v + 1; n < r; n++ {
		c := n - 1
		for c > v && s.heads[c] == n && s.rels[c] != "case" {
			c--
		}
		if s.heads[c] != n || s.rels[c] != "case" || !subordinators[s.lemmas[c]] {
			continue
		}
		if u := s.toks[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
			continue
		}
		inside := s.dominatesTree(v, n)
		for k := n + 1; k < r && inside; k++ {
			inside = s.heads[k] >= c && s.heads[k] < r
		}
		if inside {
			return n, c
		}
	}
	return -1, -1
}

// dominatesTree reports whether k lies below v in the tree being repaired.
func (s *sent) dominatesTree(v, k int) bool {
	for h, n := s.heads[k], 0; h >= 0 && n < len(s.heads); h, n = s.heads[h], n+1 {
		if h == v {
			return true
		}
	}
	return false
}
