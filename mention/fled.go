package mention

import "github.com/sitrep/sitrep/doc"

// fleeWords are the lemmas and forms of the verbs by which people leave a
// country they belong to ("refugees fleeing Syria", "people who fled the
// fighting in Darfur", "migrants escaping from Libya"). Forms are listed
// too, for irregular pasts the lemmatizer may miss.
var fleeWords = map[string]bool{
	"flee": true, "fleeing": true, "fled": true, "escape": true, "escaping": true, "escaped": true,
}

// fledCountry returns the candidate that names the country the group noun
// at token h fled, through a participle or relative clause of a fleeing
// verb (or a participle right after the noun, hung on the noun's verb): its
// object ("refugees fleeing Syria"), a from- or in-phrase of the
// verb ("escaping from Libya", "fleeing the war in Liberia" with the
// phrase on the verb), or an in- or from-phrase of its object ("fleeing
// the fighting in Darfur"); or -1. Where they flee to is not theirs.
func (st *state) fledCountry(s *sentence, h int) int {
	toks := st.d.Tokens
	heads := st.candHeads()
	kids := func(p int) []int {
		var out []int
		for k := s.first; k < s.last; k++ {
			if toks[k].Head != 0 && s.first+toks[k].Head-1 == p {
				out = append(out, k)
			}
		}
		return out
	}
	country := func(k int) int {
		j := heads[k]
		if j < 0 {
			return -1
		}
		a := &st.cands[j]
		if a.drop || a.m.Country == "" || a.m.Kind != doc.KindActor && a.m.Kind != doc.KindPlace {
			return -1
		}
		if a.class == cCountry || a.class == cPlace {
			return j
		}
		return -1
	}
	// The fleeing verb modifies the group noun, or is a participle right
	// after it that the parser hung on the verb whose object the noun is
	// ("sheltered refugees fleeing Somalia", fleeing an advcl of sheltered).
	verbs := kids(h)
	if toks[h].DepRel == "obj" && toks[h].Head != 0 {
		for _, v := range kids(s.first + toks[h].Head - 1) {
			if v == h+1 && toks[v].DepRel == "advcl" {
				verbs = append(verbs, v)
			}
		}
	}
	for _, v := range verbs {
		if r := toks[v].DepRel; r != "acl" && r != "acl:relcl" && r != "advcl" ||
			!fleeWords[key(toks[v].Lemma)] && !fleeWords[key(toks[v].Text)] {
			continue
		}
		for _, k := range kids(v) {
			switch toks[k].DepRel {
			case "obj":
				if j := country(k); j >= 0 {
					return j
				}
				for _, m := range kids(k) {
					if p := st.caseWord(s, m); toks[m].DepRel == "nmod" && (p == "in" || p == "from") {
						if j := country(m); j >= 0 {
							return j
						}
					}
				}
			case "obl":
				if p := st.caseWord(s, k); p == "in" || p == "from" || p == "of" {
					if j := country(k); j >= 0 {
						return j
					}
				}
			}
		}
	}
	return -1
}
