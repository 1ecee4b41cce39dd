package coder

import "github.com/sitrep/sitrep/doc"

// repairListSubject undoes a parser slip on coordinated subjects: "A, B
// and C were angered" parsed with A as the head of the clause and the
// predicate as A's conjunct ("and C were angered"), so that only C is its
// subject. A predicate that is the conjunct of an actor named before its
// own subject (coded actors both), with its coordinating conjunction between the two, takes A's
// place in the tree; A becomes a conjunct of the subject, and so do the
// other actors named in A's phrase ("President A, Prime Minister B, and
// C"), so that all are its subjects. It reports whether it changed the
// tree; kids must then be rebuilt.
func (s *sent) repairListSubject() bool {
	changed := false
	for v := range s.heads {
		h := s.heads[v]
		if h < 0 || s.rels[v] != "conj" || !s.actorAt(h) {
			continue
		}
		n, cc := -1, -1
		for k, hk := range s.heads {
			switch {
			case hk != v:
			case (s.rels[k] == "nsubj" || s.rels[k] == "nsubj:pass") && k < v:
				n = k
			case s.rels[k] == "cc" && k < v:
				cc = k
			}
		}
		if n < 0 || cc < 0 || !(h < cc && cc < n) {
			continue
		}
		s.heads[v], s.rels[v] = s.heads[h], s.rels[h]
		s.heads[h], s.rels[h] = n, "conj"
		seen := map[int]bool{s.ment[h]: true, s.ment[n]: true}
		for k, hk := range s.heads {
			switch {
			case hk != h:
			case k > v:
				s.heads[k] = v // the rest of the clause
			case s.ment[k] >= 0 && !seen[s.ment[k]] && s.actorAt(k):
				// Another actor named in A's phrase, as a name part or
				// title of A: a conjunct of its own.
				seen[s.ment[k]] = true
				s.rels[k] = "conj"
			}
		}
		changed = true
	}
	return changed
}

// actorAt reports whether token k lies in an actor mention with a code
// (an unresolved name may be a piece of a longer one: "Mine Safety and
// Health Administration").
func (s *sent) actorAt(k int) bool {
	return s.ment[k] >= 0 && s.d.Mentions[s.ment[k]].Kind == doc.KindActor && s.d.Mentions[s.ment[k]].Code != ""
}

// rebuildKids indexes the children of each token again from heads.
func (s *sent) rebuildKids() {
	for i := range s.kids {
		s.kids[i] = s.kids[i][:0]
	}
	for i, h := range s.heads {
		if h >= 0 {
			s.kids[h] = append(s.kids[h], i)
		}
	}
}
