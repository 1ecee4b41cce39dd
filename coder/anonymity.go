package coder

import "strings"

// anonymityVerbs are the verbs whose passive names a source: asking "not
// to be named" is asking for anonymity.
var anonymityVerbs = map[string]bool{"name": true, "identify": true, "quote": true, "cite": true}

// asksAnonymity reports whether verb i, coded code, is a source's request
// for anonymity rather than an appeal (CAMEO 02): "an official who asked
// not to be named", "asking not to be identified", "requested anonymity".
func (s *sent) asksAnonymity(i int, code string) bool {
	if !strings.HasPrefix(code, "02") {
		return false
	}
	if i+1 < len(s.toks) && s.lemma(i+1) == "anonymity" {
		return true // whatever the parser made of it
	}
	for _, k := range s.kids[i] {
		switch s.rel(k) {
		case "xcomp", "ccomp", "advcl":
			if anonymityVerbs[s.lemma(k)] && s.child(k, "aux:pass") >= 0 {
				return true
			}
		}
	}
	return false
}
