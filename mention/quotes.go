package mention

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// First-person pronouns in quotations: "we", "us" and "our" stand for the
// side of whoever the sentence says is speaking.

// firstPerson resolves "we", "us" and "our" inside a quotation to the
// speaker the sentence names outside it ("\"We will not allow it,\" the
// Israeli prime minister said": Israel's government); unresolved ones are
// dropped.
func (st *state) firstPerson() {
	for i := range st.cands {
		c := &st.cands[i]
		if c.class != cPron || !firstPersonPlural(c.word) || !c.drop && c.m.Code != "" {
			continue
		}
		c.drop = true
		j := st.quoteSpeaker(c)
		if j < 0 {
			continue
		}
		st.link(i, j)
		c.drop = false
		if j > i {
			// The speaker is named after the quotation: the code is
			// theirs, but coreference points back only (as inferCountry).
			c.m.Via, c.m.Antecedent = doc.ViaCompositional, -1
		}
	}
}

// firstPersonPlural reports whether pronoun w is "we", "us" or "our".
func firstPersonPlural(w string) bool { return w == "we" || w == "us" || w == "our" }

// quoteSpeaker returns the candidate that speaks the quotation pronoun c
// stands in: an actor of c's sentence, outside the quotation, that is the
// subject of a verb of saying; -1 when c is in no quotation or no one is
// named.
func (st *state) quoteSpeaker(c *cand) int {
	toks := st.d.Tokens
	sent := st.d.Sentences[c.m.Sentence]
	open, start, end := false, -1, -1
	for k := sent.First; k < sent.Last; k++ {
		if !quoteMark(toks[k].Text) {
			continue
		}
		switch {
		case !open && k < c.m.First:
			open, start = true, k
		case open && k < c.m.First:
			open, start = false, -1
		case open && k >= c.m.Last && end < 0:
			end = k
		}
	}
	if start < 0 || end < 0 {
		return -1
	}
	// The speaker whose verb stands nearest the quotation ("Gingrich
	// said: \"we ...\"", not who "had told him" earlier).
	best, bestDist := -1, 0
	for j := range st.cands {
		a := &st.cands[j]
		if a.m.Sentence != c.m.Sentence || a.m.Kind != doc.KindActor || a.m.Head >= start && a.m.Head <= end {
			continue
		}
		h := &toks[a.m.Head]
		if h.DepRel != "nsubj" || h.Head == 0 {
			continue
		}
		v := sent.First + h.Head - 1
		switch strings.ToLower(toks[v].Lemma) {
		case "say", "tell", "add", "state", "declare", "warn", "insist", "stress", "write", "announce":
		default:
			continue
		}
		dist := min(abs(v-start), abs(v-end))
		if best < 0 || dist < bestDist {
			best, bestDist = j, dist
		}
	}
	if best >= 0 && (st.cands[best].drop || st.cands[best].m.Code == "") {
		return -1 // the speaker is known, but not who they speak for
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// quoteMark reports whether a token is a quotation mark.
func quoteMark(t string) bool {
	switch t {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}
