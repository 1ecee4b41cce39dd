package coder

import "strings"

// Reported speech: which verbs of saying only report another event, which
// make a demand of what they report, and who speaks through a document.

// speech reports whether modifier i with event code code, governing g, only
// reports what another actor may do: a warning, promise or statement
// ("analysts warned that Israel could strike") whose clause has a subject
// of its own. Demands and appeals stay events ("demanded that Japan
// withdraw"); so do threats and promises about the speaker itself ("vowed
// that it would retaliate").
func (s *sent) speech(i, g int, code string) bool {
	switch code[:2] {
	case "01", "03", "13":
	default:
		return false
	}
	if s.rel(g) != "ccomp" {
		return false
	}
	subj, own := s.child(g, "nsubj", "nsubj:pass"), s.gramSubj(i, 0)
	if subj < 0 || s.toks[subj].UPOS == "PRON" {
		return false
	}
	if own < 0 || s.ment[subj] < 0 || s.ment[own] < 0 {
		return true
	}
	a, b := s.d.Mentions[s.ment[subj]], s.d.Mentions[s.ment[own]]
	if code[:2] == "13" && a.Country != "" && a.Country == b.Country && a.Sector != "" && b.Sector != "" && isState(a.Sector) && isState(b.Sector) {
		return false // "the security chief warned that police will no longer tolerate rallies": the state warns
	}
	return a.Code != b.Code
}

// isState reports whether sector is an arm of the state.
func isState(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "SPY", "JUD", "LEG":
		return true
	}
	return false
}

// reportedFuture reports whether predicate i is the complement of a verb
// of speech and has no condition of its own, so that its "would" is the
// backshifted "will" of reported speech ("Iraq said it would allow the
// inspectors back") rather than a conditional ("would strike if attacked").
func (s *sent) reportedFuture(i int) bool {
	if s.rel(i) != "ccomp" || s.head(i) < 0 {
		return false
	}
	for _, k := range s.kids[i] {
		if s.rel(k) == "advcl" {
			if m := s.child(k, "mark"); m >= 0 {
				switch s.lemma(m) {
				case "if", "unless", "should":
					return false
				}
			}
		}
	}
	switch s.lemma(s.head(i)) {
	case "say", "announce", "state", "declare", "tell", "add", "confirm", "indicate", "report", "insist", "stress", "reiterate", "promise", "pledge", "vow", "warn", "threaten", "signal", "agree", "decide":
		return true
	}
	return false
}

// obliged reports whether predicate i is stated as an obligation of its
// subject: a "must" or "have to"/"need to" ("Sudan must return the
// helicopter", "Iraq has to comply").
func (s *sent) obliged(i int) bool {
	for _, k := range s.kids[i] {
		if s.rel(k) == "aux" && s.lemma(k) == "must" {
			return true
		}
	}
	switch s.lemma(i) {
	case "have", "need":
		x := s.child(i, "xcomp")
		return x >= 0 && s.toks[x].XPOS == "VB" && s.child(i, "nsubj") >= 0
	}
	return false
}

// author returns, for a document noun k that a verb takes as object
// ("issued a statement calling on ...", "released a report that
// accuses ..."), that verb's subject, whom the document speaks for; else
// -1.
func (s *sent) author(k int) int {
	if s.toks[k].UPOS != "NOUN" || s.ment[k] >= 0 || s.rel(k) != "obj" {
		return -1
	}
	switch s.lemma(k) {
	case "statement", "report", "letter", "declaration", "resolution", "communique", "message", "note", "decree", "order", "ruling", "verdict", "memo", "document", "bill", "law", "petition":
	default:
		return -1
	}
	if h := s.head(k); h >= 0 && s.toks[h].UPOS == "VERB" {
		return s.gramSubj(h, 0)
	}
	return -1
}

// statementVerb reports whether every frame of verb lemma codes a public
// statement (CAMEO 01): such a verb only voices the event noun it takes as
// object ("expressed frustration", "issued a warning").
func (c *Coder) statementVerb(lemma string) bool {
	n := 0
	for _, f := range c.lex.Verbs(lemma) {
		if f.Lemma != lemma {
			continue // a multiword row under its head ("reiterate demand")
		}
		if !strings.HasPrefix(f.CAMEO, "01") {
			return false
		}
		n++
	}
	return n > 0
}
