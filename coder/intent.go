package coder

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// The CAMEO codebook codes what an actor says it will do, not the deed: an
// offer, promise or plan to meet, cooperate, give aid or yield is an
// expression of intent to cooperate (03), one to use force or coercion is a
// threat (13). An appeal or demand (02, 10), a proposal (03) or a threat
// (13) is one event whose content is the predicate it governs ("urged
// Israel to withdraw" is an appeal for withdrawal, not a withdrawal).

// contentRoot reports whether a modifier event of this root takes the
// predicate it governs as its content, so that the governed predicate is
// no event of its own.
func contentRoot(root string) bool {
	switch root {
	case "02", "03", "10", "13":
		return true
	}
	return false
}

// intentCode returns the CAMEO code of an expressed intention to do what
// code names: 03x for cooperation, meetings, aid and yielding (04-08), 13x
// for coercion and force (14-20); "" when the codebook has no such code.
func intentCode(code string) string {
	if len(code) < 2 {
		return ""
	}
	switch code[:2] {
	case "04":
		return "036" // meet or negotiate
	case "05":
		return "032" // diplomatic cooperation
	case "06":
		return pick(code, map[string]string{"061": "0311", "062": "0312", "063": "0313", "064": "0314"}, "031")
	case "07":
		return pick(code, map[string]string{"071": "0331", "072": "0332", "073": "0333", "074": "0334"}, "033")
	case "08":
		return pick(code, map[string]string{
			"081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
			"0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
		}, "035")
	case "14":
		return "133" // political dissent, protest
	case "16":
		return pick(code, map[string]string{"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136"}, "131")
	case "17":
		return pick(code, map[string]string{"172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324"}, "137")
	case "18", "20":
		return "1383" // unconventional violence
	case "19":
		return pick(code, map[string]string{"191": "1381", "192": "1382"}, "1384")
	}
	return ""
}

// refusalCode returns the CAMEO code of a refusal to do what code names
// ("will not lift the curfew", "would not meet their demands"): 12x for
// cooperation, meetings, aid and yielding (03-08); "" otherwise.
func refusalCode(code string) string {
	if len(code) < 2 {
		return ""
	}
	switch code[:2] {
	case "03", "05":
		return "120"
	case "04":
		return "125" // reject a proposal to meet or negotiate
	case "06":
		return pick(code, map[string]string{"061": "1211", "062": "1212", "063": "1213", "064": "1214"}, "121")
	case "07":
		return pick(code, map[string]string{"071": "1221", "072": "1222", "073": "1223", "074": "1224"}, "122")
	case "08":
		return pick(code, map[string]string{
			"081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
			"084": "1243", "085": "1244", "086": "1245", "087": "1246",
		}, "124")
	}
	return ""
}

// pick returns the value of the longest prefix of code in m, else def.
func pick(code string, m map[string]string, def string) string {
	for n := len(code); n >= 3; n-- {
		if v, ok := m[code[:n]]; ok {
			return v
		}
	}
	return def
}

// intentions applies the codebook's treatment of intentions to the
// candidates of a sentence (codes already refined): a predicate governed by
// an appeal, demand, proposal or threat is dropped as that event's content;
// a modifier of intent (promise, vow, agree) governing force or coercion
// becomes a threat of it; a predicate of the subject's own intent ("will
// visit", "plans to send aid") becomes the matching 03 or 13 code, and one
// it says it will not do ("will not lift the curfew") the matching refusal
// (12). Events
// of 01-03 and 09-13 keep their codes: intending to speak, appeal or
// accuse is coded as the speech act.
func intentions(s *sent, cands []cand) []cand {
	content := map[int]bool{}
	for k := range cands {
		m := &cands[k]
		if m.kind != "modifier" || m.governed < 0 || !contentRoot(m.code[:2]) {
			continue
		}
		content[m.governed] = true
		if m.code[:2] != "03" {
			continue
		}
		for _, g := range cands {
			if g.trigger == m.governed && g.code >= "14" {
				if t := intentCode(g.code); t != "" {
					m.code = t // "vowed to retaliate": a threat
				}
			}
		}
	}
	out := cands[:0]
	for _, cd := range cands {
		if content[cd.trigger] && cd.kind != "modifier" {
			continue
		}
		if cd.status == event.Negated && cd.kind == "verb" && s.willNot(cd.trigger) {
			if t := refusalCode(cd.code); t != "" {
				cd.code, cd.status = t, event.Asserted // the refusal is stated
			}
		}
		if cd.status == event.Hypothetical && cd.kind == "verb" && cd.code >= "14" && s.conditional(cd.trigger) {
			// "may halt mediation if cooperation founders", "would strike
			// if attacked": a punitive act made conditional is a threat.
			if t := intentCode(cd.code); t != "" {
				cd.code = t
			}
		}
		if cd.status == event.Intended && cd.kind != "modifier" && !s.decided(cd.trigger) && !s.notYet(cd.trigger) {
			if t := intentCode(cd.code); t != "" {
				cd.code = t
			}
		}
		out = append(out, cd)
	}
	return slices.Clip(out)
}

// notYet reports whether predicate i is what its subject has yet to do
// ("has yet to respond"): not done so far, which expresses no intent.
func (s *sent) notYet(i int) bool {
	h := s.head(i)
	return h >= 0 && (s.rel(i) == "xcomp" || s.rel(i) == "advcl") && s.yetTo(h)
}

// willNot reports whether predicate i is negated future: "will not",
// "would not", "won't".
func (s *sent) willNot(i int) bool {
	future, not := false, false
	for _, k := range s.kids[i] {
		switch l := s.lemma(k); {
		case s.rel(k) == "aux" && (l == "will" || l == "would" || l == "shall" || l == "wo"):
			future = true
		case l == "not" || l == "never" || strings.ToLower(s.toks[k].Text) == "n't":
			not = true
		}
	}
	return future && not
}

// punitive reports whether lemma names a punishment one party calls for
// against another.
func punitive(lemma string) bool {
	switch lemma {
	case "sanction", "boycott", "embargo", "punishment", "prosecution", "isolation", "expulsion", "suspension", "ban", "condemnation":
		return true
	}
	return false
}

// punitiveAppeals recodes an appeal or demand for punishment of a named
// party ("called for sanctions against Nigeria", "urged a boycott of
// Israeli goods") as disapproval of that party (110), whom it targets: the
// addressee of such an appeal is incidental, the party it turns against is
// not.
func punitiveAppeals(s *sent, cands []cand) {
	for k := range cands {
		cd := &cands[k]
		if len(cd.code) < 2 || cd.code[:2] != "02" && cd.code[:2] != "10" {
			continue
		}
		for _, o := range s.kids[cd.trigger] {
			if r := s.rel(o); !(r == "obj" || strings.HasPrefix(r, "obl")) || !punitive(s.lemma(o)) {
				continue
			}
			for _, a := range s.kids[o] {
				r := s.rel(a)
				if !(r == "nmod" || strings.HasPrefix(r, "nmod:") || r == "amod") || r == "nmod:poss" {
					continue
				}
				if cs := s.caseOf(a); r == "amod" || cs == "against" || cs == "on" || cs == "of" {
					if ms := s.actorsAt(a); s.anyCoded(ms) {
						cd.code, cd.tgt, cd.tgtTok, cd.tgtRel = "110", ms, a, s.lemma(o)+">"+cs
						break
					}
					if cs == "against" {
						cd.code = "110" // "sanctions against those responsible": no party named
					}
				}
			}
		}
	}
}

// decided reports whether predicate i is what its subject decided, tried or
// voted to do ("decided to ease restrictions", "tried to hack"): the
// codebook codes such a decision or attempt as the act itself, not as a
// statement of intent.
func (s *sent) decided(i int) bool {
	h := s.head(i)
	if h < 0 || s.rel(i) != "xcomp" && s.rel(i) != "acl" {
		return false
	}
	switch s.lemma(h) {
	case "decide", "try", "attempt", "resolve", "vote", "move", "choose", "opt", "seek", "bid", "decision":
		return true // "tried to hack", "an attempt to assassinate"
	}
	return false
}

// conditional reports whether predicate i has a condition clause ("if",
// "unless").
func (s *sent) conditional(i int) bool {
	for _, k := range s.kids[i] {
		if s.rel(k) != "advcl" {
			continue
		}
		if m := s.child(k, "mark"); m >= 0 && (s.lemma(m) == "if" || s.lemma(m) == "unless") {
			return true
		}
	}
	return false
}
