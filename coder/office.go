package coder

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// officeCode is the CAMEO code of a change in leadership: removing,
// replacing or dismissing an official (0831).
const officeCode = "0831"

// removesThing reports whether the record of verb cd, coded as a change in
// leadership, removes or replaces a thing rather than a person: its target
// is a common noun that names no actor ("removed the last hitch",
// "replace the turnover tax", "surgery to remove a tumor", "remove
// subsidies"). An official removed is a mention (an agent noun, a name) or
// a pronoun.
func (s *sent) removesThing(cd *cand) bool {
	if !strings.HasPrefix(cd.code, officeCode) || cd.tgtTok < 0 || len(cd.tgt) > 0 {
		return false
	}
	t := s.toks[cd.tgtTok]
	// A capitalised noun may be a name the tagger took for a noun.
	first, _ := utf8.DecodeRuneInString(t.Text)
	return t.UPOS == "NOUN" && s.ment[cd.tgtTok] < 0 && !unicode.IsUpper(first)
}
