package attrib

import "unicode"

// isCreditDash reports whether t is a dash that credits a quotation to a
// speaker ("...” ― Sonya Herridge", "...\" -- the minister").
func isCreditDash(t string) bool {
	switch t {
	case "―", "—", "--", "–":
		return true
	}
	return false
}

// credit finds a quotation credited with a dash: a closing quotation mark,
// a dash, then a capitalised name ("How did we get this low?” ― Jacklyn
// Ashley"). The dash is the cue, the name the source, and the quotation,
// back to its opening mark in the sentence (else to the sentence's start),
// the content.
func (r *run) credit(s *sent) {
	n := len(s.toks)
	for d := 2; d+1 < n; d++ {
		if !isCreditDash(s.toks[d].Text) || !s.closingDouble(d-1) {
			continue
		}
		hi := d + 1
		for hi < n && hi-d <= 4 && s.capitalised(hi) && s.toks[hi].UPOS != "PRON" {
			hi++
		}
		if hi == d+1 {
			continue // no name after the dash
		}
		lo := 0
		for k := d - 2; k >= 0; k-- {
			if isQuote(s.toks[k].Text) && k < d-1 {
				lo = k
				break
			}
		}
		content := make([]bool, n)
		words := 0
		for k := lo; k < d-1; k++ {
			if !s.isPunct(k) {
				content[k] = true
				words++
			}
		}
		if words < 3 {
			continue // no quotation to credit ("tweet-date=\" — ...")
		}
		src := make([]bool, n)
		for k := d + 1; k < hi; k++ {
			src[k] = true
		}
		a := Attribution{Sentence: s.idx, Cue: s.span(d, d), Content: s.extent(content), Source: s.extent(src), Rule: "credit"}
		a.Chain = r.links(s, d+1, s.toks[d].Text, src)
		r.add(a)
	}
}

// capitalised reports whether token k starts with a capital letter.
func (s *sent) capitalised(k int) bool {
	for _, c := range s.toks[k].Text {
		return unicode.IsUpper(c)
	}
	return false
}

// closingDouble reports whether token k closes a double quotation: a
// right double quotation mark, or a straight one written against the word
// before it.
func (s *sent) closingDouble(k int) bool {
	switch s.toks[k].Text {
	case "”", "''":
		return true
	case "\"":
		return k > 0 && !s.toks[k-1].SpaceAfter
	}
	return false
}
