package attrib

import "strings"

// mistaggedVerb returns the lemma of a written form of a verb of saying or
// of taking a stand that the tagger often takes for a name, noun or
// interjection, mostly in headlines and polls ("Bellwether County Says
// Trump Should Win", "Super PAC blasts Trump", "one in five say they
// would"), or "" when text is none. bare reports whether the form is a
// bare one ("say"), which must be followed by a clause to count.
func mistaggedVerb(text string) (lemma string, bare bool) {
	t := strings.ToLower(text)
	switch t {
	case "said", "says":
		return "say", false
	case "told", "tells":
		return "tell", false
	case "say", "argue", "warn", "predict", "show":
		return t, true
	}
	stem := strings.TrimSuffix(t, "s")
	if stem == t {
		return "", false
	}
	if y, ok := strings.CutSuffix(stem, "ie"); ok {
		stem = y + "y"
	}
	switch stem {
	case "argue", "warn", "predict", "suggest", "deny", "reveal", "insist", "explain", "announce",
		"admit", "declare", "concede", "add", "write", "praise", "slam", "blast", "urge", "accuse",
		"criticize", "tout", "dismiss", "note", "show", "quote", "endorse":
		return stem, false
	}
	return "", false
}

// ambiguousForm reports whether the -s form of a mistagged verb lemma is
// often a plural noun ("the blasts", "his praises"), so that only a name,
// noun or pronoun before it makes it a verb.
func ambiguousForm(l string) bool {
	switch l {
	case "praise", "slam", "blast", "urge", "tout", "add", "write", "dismiss", "note", "show", "quote":
		return true
	}
	return false
}

// mistagged handles a verb of saying the tagger did not take for a verb
// (rule "mistagged", "mistagged-stance" for a verb of taking a stand),
// by the words around it: a source phrase right before it (a name, noun
// phrase or pronoun starting the sentence or a clause) and a clause,
// "that" or an object after it, or the end of the sentence after a
// quotation or a comma ("..., Trevor Noah Says.").
func (r *run) mistagged(s *sent, i int) {
	n := len(s.toks)
	switch s.toks[i].UPOS {
	case "NOUN", "PROPN", "INTJ", "ADJ", "X":
	default:
		return
	}
	l, bare := mistaggedVerb(s.toks[i].Text)
	if l == "" || i == 0 || r.taken(s, i) || r.quoted(s, i) {
		return
	}
	hi := i - 1
	switch {
	case !s.npWord(hi) || s.toks[hi].UPOS == "DET" || strings.HasPrefix(s.toks[hi].XPOS, "PRP$") ||
		s.toks[hi].UPOS == "PART" || strings.HasSuffix(s.toks[hi].Text, "’s") || strings.HasSuffix(s.toks[hi].Text, "'s"):
		return
	case ambiguousForm(l) && s.toks[hi].UPOS != "PROPN" && s.toks[hi].UPOS != "NOUN" && s.toks[hi].UPOS != "PRON":
		return
	}
	lo := hi
	for lo > 0 && (s.npWord(lo-1) || s.joiner(lo-1) || s.inSource(lo-1)) && i-lo < 10 {
		lo--
	}
	if lo > 0 {
		switch b := lo - 1; {
		case s.isPunct(b), isQuote(s.toks[b].Text):
		case s.toks[b].UPOS == "CCONJ", s.toks[b].UPOS == "SCONJ", s.toks[b].UPOS == "ADV":
		default:
			return
		}
	}
	content := make([]bool, n)
	any := false
	f := i + 1
	switch {
	case f >= n || s.isPunct(f) && !isQuote(s.toks[f].Text):
		// "..., Trevor Noah Says.": what comes before.
		if bare || lo < 2 || s.toks[lo-1].Text != "," && !isQuote(s.toks[lo-1].Text) {
			return
		}
		for k := 0; k < lo-1; k++ {
			if !s.isPunct(k) {
				content[k], any = true, true
			}
		}
		if f < n && s.toks[f].Text == "," && s.toks[lo-1].Text == "," {
			// "Democrats, Frank notes, applaud ...": what follows too.
			for k := f + 1; k < n; k++ {
				content[k] = true
			}
		}
	default:
		if bare {
			switch s.toks[f].UPOS {
			case "PRON", "SCONJ":
			default:
				return
			}
		}
		if ambiguousForm(l) && s.toks[hi].UPOS == "NOUN" {
			// "television shows and movies": a plural noun unless a
			// clause or an object follows.
			switch s.toks[f].UPOS {
			case "PRON", "SCONJ", "DET", "PROPN", "NUM":
			default:
				if !isQuote(s.toks[f].Text) {
					return
				}
			}
		}
		for k := f; k < n; k++ {
			content[k] = true
			any = any || !s.isPunct(k)
		}
	}
	if !any {
		return
	}
	src := make([]bool, n)
	head := hi
	for k := lo; k <= hi; k++ {
		src[k] = true
		if h := s.head(k); h < lo || h > hi {
			head = k
		}
	}
	rule := "mistagged"
	if !speechVerb(l) {
		rule = "mistagged-stance"
	}
	a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.span(i, i), Content: s.extent(content), Rule: rule, lemma: l}
	if a.Content.IsZero() || a.Source.IsZero() {
		return
	}
	a.Chain = r.links(s, head, strings.ToLower(s.toks[i].Text), src)
	r.add(a)
}
