package attrib

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/doc"
)

// Finder finds attributions. The zero value is ready to use.
type Finder struct {
	// IsPerson reports whether a knowledge base id names a person; nil
	// guesses from the mention (a person's id is a hyphenated name).
	IsPerson func(id string) bool
}

// run is the state of one Find call.
type run struct {
	f     *Finder
	d     *doc.Doc
	atts  []Attribution
	runes []rune
	// quoteOpen records, for each sentence, whether a quotation is open
	// at its start (filled when first needed).
	quoteOpen []bool
	// report is the chain of the last attribution to a report of a named
	// author, which "the report" refers back to.
	report []Link
}

// Find returns the attributions of d, in text order of their cues. The
// document must be parsed and its mentions resolved.
func (f *Finder) Find(d *doc.Doc) []Attribution {
	r := &run{f: f, d: d}
	for si := range d.Sentences {
		s := newSent(d, si)
		n := len(r.atts)
		r.sentence(s)
		slices.SortStableFunc(r.atts[n:], func(a, b Attribution) int { return cmpSpan(a.anchor(), b.anchor()) })
	}
	r.dropNestedStances()
	r.nest()
	r.continuation()
	return r.atts
}

// dropNestedStances drops the stances (and noun cues, and the clauses of
// thinking verbs) whose cue lies inside the content of another
// attribution: "he says he wants to cut taxes" reports what he said; the
// wish is part of it, as is the belief of "said he believed that ...".
func (r *run) dropNestedStances() {
	keep := r.atts[:0:0]
	for bi, b := range r.atts {
		drop := false
		if nestable(b) {
			for ai := range r.atts {
				a := &r.atts[ai]
				if ai != bi && a.Rule != "stance" && a.Covers(b.Cue.Start, b.Cue.End) {
					drop = true
					break
				}
			}
		}
		if !drop {
			keep = append(keep, b)
		}
	}
	r.atts = keep
}

func cmpSpan(a, b doc.Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return a.End - b.End
}

// anchor is where an attribution is marked: its cue, else its hedge.
func (a *Attribution) anchor() doc.Span {
	if !a.Cue.IsZero() {
		return a.Cue
	}
	return a.Hedge
}

// sent is one sentence with the indexes the rules need; token indices are
// local to the sentence, from 0.
type sent struct {
	d    *doc.Doc
	idx  int
	base int
	toks []doc.Token
	kids [][]int
	low  []string // lower-case lemma (text when there is none)
	ment []int    // the mention a token heads or lies in, or -1
}

func newSent(d *doc.Doc, si int) *sent {
	toks := d.SentenceTokens(si)
	s := &sent{d: d, idx: si, base: d.Sentences[si].First, toks: toks,
		kids: make([][]int, len(toks)), low: make([]string, len(toks)), ment: make([]int, len(toks))}
	for i, t := range toks {
		l := t.Lemma
		if l == "" || l == "_" {
			l = t.Text
		}
		s.low[i] = strings.ToLower(l)
		if t.UPOS == "VERB" {
			s.low[i] = verbLemma(s.low[i], strings.ToLower(t.Text))
		}
		s.ment[i] = -1
		if h := t.Head - 1; h >= 0 && h < len(toks) && h != i {
			s.kids[h] = append(s.kids[h], i)
		}
	}
	// Mentions are in text order: find this sentence's by binary search.
	lo, _ := slices.BinarySearchFunc(d.Mentions, si, func(m doc.Mention, si int) int { return m.Sentence - si })
	for mi := lo; mi < len(d.Mentions) && d.Mentions[mi].Sentence == si; mi++ {
		m := d.Mentions[mi]
		for t := m.First; t < m.Last; t++ {
			if l := t - s.base; l >= 0 && l < len(toks) && s.ment[l] < 0 {
				s.ment[l] = mi
			}
		}
		if l := m.Head - s.base; l >= 0 && l < len(toks) {
			s.ment[l] = mi
		}
	}
	return s
}

func (s *sent) rel(i int) string { return s.toks[i].DepRel }

// base relation, without its subtype.
func (s *sent) brel(i int) string {
	r, _, _ := strings.Cut(s.toks[i].DepRel, ":")
	return r
}

func (s *sent) head(i int) int {
	h := s.toks[i].Head - 1
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

// child returns the first child of i with one of the relations, or -1.
func (s *sent) child(i int, rels ...string) int {
	for _, k := range s.kids[i] {
		if slices.Contains(rels, s.rel(k)) {
			return k
		}
	}
	return -1
}

func (s *sent) isVerb(i int) bool {
	return s.toks[i].UPOS == "VERB" || strings.HasPrefix(s.toks[i].XPOS, "VB")
}

func (s *sent) isPunct(i int) bool { return s.toks[i].UPOS == "PUNCT" || isPunctText(s.toks[i].Text) }

func isPunctText(t string) bool {
	for _, r := range t {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return t != ""
}

// subtree marks the tokens of the subtree of i in in (which it returns),
// skipping the subtrees rooted at tokens for which cut is true.
func (s *sent) subtree(i int, in []bool, cut func(int) bool) []bool {
	if in == nil {
		in = make([]bool, len(s.toks))
	}
	var walk func(int, int)
	walk = func(t, depth int) {
		if in[t] || depth > len(s.toks) {
			return
		}
		in[t] = true
		for _, k := range s.kids[t] {
			if cut == nil || !cut(k) {
				walk(k, depth+1)
			}
		}
	}
	walk(i, 0)
	return in
}

// extent returns the span from the first to the last marked token,
// punctuation at the edges trimmed; empty when none is marked.
func (s *sent) extent(in []bool) doc.Span {
	lo, hi := -1, -1
	for i, ok := range in {
		if ok && !s.isPunct(i) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return doc.Span{}
	}
	return doc.Span{Start: s.toks[lo].Start, End: s.toks[hi].End}
}

// span returns the span of tokens [i, j].
func (s *sent) span(i, j int) doc.Span { return doc.Span{Start: s.toks[i].Start, End: s.toks[j].End} }

// text returns the text of tokens [i, j].
func (s *sent) text(i, j int) string {
	var b strings.Builder
	for k := i; k <= j; k++ {
		b.WriteString(s.toks[k].Text)
		if k < j && s.toks[k].SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// textOf returns the text of the marked tokens from the first to the last,
// punctuation at the edges trimmed.
func (s *sent) textOf(in []bool) string {
	lo, hi := -1, -1
	for i, ok := range in {
		if ok && !s.isPunct(i) {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 {
		return ""
	}
	return s.text(lo, hi)
}

// sentence finds the attributions of one sentence.
func (r *run) sentence(s *sent) {
	for i := range s.toks {
		switch {
		case s.low[i] == "accord" || strings.EqualFold(s.toks[i].Text, "according"):
			if i+1 < len(s.toks) && strings.EqualFold(s.toks[i+1].Text, "to") {
				r.accordingTo(s, i)
			}
		case s.isVerb(i) && (cueVerb(s.low[i]) || speechVerb(s.low[i]) || stanceVerb(s.low[i]) || viewVerb(s.low[i])):
			r.verb(s, i)
		case s.isVerb(i) && s.low[i] == "make":
			r.makeClear(s, i)
		case s.isVerb(i) && s.low[i] == "speak":
			r.verb(s, i)
		case seemVerb(s.low[i]) && (s.isVerb(i) || s.toks[i].UPOS == "AUX"):
			r.seem(s, i)
		case s.isVerb(i) && s.child(i, "ccomp") >= 0 && s.child(i, "nsubj") >= 0 && !linkVerb(s.low[i]):
			// Any verb with a subject and a clause: a stance
			// ("insists", "figures", "bets that ...").
			r.verb(s, i)
		}
	}
	for i := range s.toks {
		if stanceAdjective(s.low[i]) && (s.toks[i].UPOS == "ADJ" || s.toks[i].UPOS == "VERB") {
			r.adjective(s, i)
		}
		if s.low[i] == "in" {
			r.inPoll(s, i)
		}
		if !s.isVerb(i) {
			r.mistagged(s, i)
		}
	}
	for i := range s.toks {
		if s.toks[i].UPOS == "NOUN" && (cueNoun(s.low[i]) || lightNoun(s.low[i]) && s.lightObject(i)) && !r.taken(s, i) {
			r.noun(s, i)
		}
	}
	r.headline(s)
	r.credit(s)
	for i := range s.toks {
		if hedgeAdverb(s.low[i]) || hedgeAdverb(strings.ToLower(s.toks[i].Text)) {
			r.hedge(s, i)
		}
	}
	r.citing(s)
}

// taken reports whether token i is the cue, or the object of the cue, of
// an attribution found already ("announced plans to").
func (r *run) taken(s *sent, i int) bool {
	h := s.head(i)
	for k := range r.atts {
		a := &r.atts[k]
		if a.Sentence != s.idx || a.Cue.IsZero() {
			continue
		}
		in := func(t int) bool { return t >= 0 && a.Cue.Start <= s.toks[t].Start && s.toks[t].End <= a.Cue.End }
		if in(i) || s.rel(i) == "obj" && in(h) {
			return true
		}
	}
	return false
}

// add appends a to the run's attributions unless one with the same cue is
// there already.
func (r *run) add(a Attribution) *Attribution {
	for i := range r.atts {
		if !a.Cue.IsZero() && r.atts[i].Cue == a.Cue {
			return nil
		}
	}
	r.atts = append(r.atts, a)
	return &r.atts[len(r.atts)-1]
}

// accordingTo handles "according to X": X is the source and the rest of
// the sentence the content.
func (r *run) accordingTo(s *sent, i int) {
	n := s.head(i)
	if n < 0 || n <= i+1 || s.isVerb(n) && s.toks[n].UPOS != "NOUN" {
		// The parse lost the phrase: take the first noun after "to".
		n = -1
		for k := i + 2; k < len(s.toks) && k < i+8; k++ {
			if u := s.toks[k].UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" {
				n = k
				if k+1 < len(s.toks) && (s.toks[k+1].UPOS == "NOUN" || s.toks[k+1].UPOS == "PROPN") {
					continue
				}
				break
			}
		}
		if n < 0 {
			return
		}
	}
	cut := func(k int) bool { return s.low[k] == "cite" && s.toks[k].XPOS == "VBG" || s.rel(k) == "acl:relcl" }
	src := s.subtree(n, nil, cut)
	src[i], src[i+1] = false, false
	if s.opens(i) {
		// "According to X, Y ...": the source ends at the comma, whatever
		// the parser hung on it.
		for k := i + 2; k < len(s.toks); k++ {
			if s.toks[k].Text == "," {
				for j := k; j < len(s.toks); j++ {
					src[j] = false
				}
				break
			}
		}
	}
	// The phrase: "according to" and the source.
	phrase := slices.Clone(src)
	phrase[i], phrase[i+1] = true, true
	lo, hi := i, i+1
	for k, ok := range phrase {
		if ok {
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	// Content: the rest of the sentence, or the clause the phrase is in
	// when it opens or closes the sentence.
	in := s.citingMask(lo)
	for k := range in {
		in[k] = !phrase[k] && !in[k]
	}
	content := s.extent(in)
	a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.span(i, i+1), Content: content, Rule: "according-to"}
	a.Chain = r.links(s, n, "according to", src)
	r.add(a)
}

// headline handles a headline or lead-in of the form "Source: claim"
// ("Graham: Trump's remarks hateful", "Q: And the wall?", "FALLIN: Well,
// I think ..."): a short name, noun phrase or speaker's label opening the
// sentence, a colon, and a claim with a verb or a quotation; or a
// quotation introduced by its author after a title and a dash ("Polls
// were early - Mark Blumenthal: “...”").
func (r *run) headline(s *sent) {
	if len(s.toks) == 0 || isQuote(s.toks[0].Text) {
		return
	}
	colon, lo := -1, 0
	for k := 1; k < len(s.toks) && k <= 6; k++ {
		if s.toks[k].Text == ":" {
			colon = k
			break
		}
		if u := s.toks[k].UPOS; u == "VERB" || u == "AUX" || s.isPunct(k) && s.toks[k].Text != "." {
			colon = -1
			break
		}
	}
	if colon < 0 {
		// "... - Name: “...”": the author after a dash.
		for k := 2; k+1 < len(s.toks); k++ {
			if s.toks[k].Text != ":" || !isQuote(s.toks[k+1].Text) {
				continue
			}
			j := k - 1
			for j > 0 && k-j < 6 && (s.npWord(j) || s.toks[j].UPOS == "CCONJ") {
				j--
			}
			if t := s.toks[j].Text; j < k-1 && (t == "-" || t == "—" || t == "–") {
				colon, lo = k, j+1
			}
			break
		}
	}
	if colon < 0 || colon+2 >= len(s.toks) {
		return
	}
	named, label, claim := false, true, false
	for k := lo; k < colon; k++ {
		if u := s.toks[k].UPOS; u == "PROPN" || s.ment[k] >= 0 || documentNoun(s.low[k]) {
			named = true
		}
		if t := s.toks[k].Text; strings.ToUpper(t) != t || !s.isPunct(k) && !strings.ContainsFunc(t, unicode.IsLetter) {
			label = false
		}
	}
	// A speaker's label: "Q", "A", "TAPPER".
	named = named || label && colon-lo <= 2
	if !named || s.low[colon-1] == "note" {
		return
	}
	for k := colon + 1; k < len(s.toks); k++ {
		if u := s.toks[k].UPOS; u == "VERB" || u == "AUX" || isQuote(s.toks[k].Text) {
			claim = true
		}
	}
	if !claim && s.idx == 0 && !label && colon+3 < len(s.toks) {
		// A title: "Lynch: No outside influence on FBI probe", its
		// verbs often tagged as names ("Trump: Cruz Has ...").
		claim = true
	}
	if !claim {
		return
	}
	src := make([]bool, len(s.toks))
	content := make([]bool, len(s.toks))
	for k := range s.toks {
		src[k], content[k] = k >= lo && k < colon, k > colon
	}
	n := colon - 1
	for k := lo; k < colon; k++ {
		if s.ment[k] >= 0 {
			n = k
		}
	}
	a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.span(colon, colon), Content: s.extent(content), Rule: "headline"}
	if a.Content.IsZero() {
		return
	}
	a.Chain = r.links(s, n, ":", src)
	r.add(a)
}

// opens reports whether token i opens its sentence, but for punctuation
// and conjunctions.
func (s *sent) opens(i int) bool {
	for k := range i {
		if !s.isPunct(k) && s.toks[k].UPOS != "CCONJ" {
			return false
		}
	}
	return true
}

// citingMask marks the tokens of the "citing ..." phrases after position
// from, which give the chain a link but are no part of the content.
func (s *sent) citingMask(from int) []bool {
	in := make([]bool, len(s.toks))
	for c := from; c < len(s.toks); c++ {
		if s.low[c] == "cite" && s.toks[c].XPOS == "VBG" && !in[c] {
			sub := s.subtree(c, nil, nil)
			last := c
			for k, ok := range sub {
				if ok {
					last = max(last, k)
				}
			}
			for k := c; k <= last; k++ {
				in[k] = true
			}
		}
	}
	return in
}

// verb handles a cue verb.
func (r *run) verb(s *sent, v int) {
	rel := s.rel(v)
	if rel == "amod" || rel == "compound" {
		// "''...,'' said Representative King": the parser took the
		// verb for a modifier of the name; only the words around it
		// tell, when a quotation closes right before it.
		if k := v - 1; k > 0 && isQuote(s.toks[k].Text) {
			for k > 0 && isQuote(s.toks[k].Text) {
				k--
			}
			if t := s.toks[k].Text; t == "," || t == "?" || t == "!" {
				r.surface(s, v)
			}
		}
		return
	}
	if s.infinitive(v) {
		return
	}
	if r.surface(s, v) || r.quoted(s, v) || r.participle(s, v) {
		// Inside a quotation, what the speaker says others said or
		// think is part of the quotation.
		return
	}
	passive := s.child(v, "aux:pass", "nsubj:pass", "csubj:pass") >= 0
	src, srcTok, cue := r.verbSource(s, v, passive)
	if src == nil && !passive {
		src, srcTok = s.nameBefore(v)
	}
	if srcTok >= 0 && s.personal(srcTok) && !(s.toks[v].XPOS == "VBD" && speechVerb(s.low[v])) && r.quoted(s, v) {
		// "I think", "you know": talk inside a quotation. Outside one
		// (an interview's answers, a column) the writer or speaker
		// holds the view.
		return
	}
	var content []bool
	rule := ""
	if c := s.child(v, "ccomp"); c >= 0 && !(passive && s.low[v] == "tell") {
		content, rule = s.subtree(c, nil, nil), "ccomp"
	}
	if content == nil && passive && raisingVerb(s.low[v]) && s.child(v, "obl:agent") < 0 {
		if x := s.child(v, "xcomp"); x >= 0 {
			// "X is said to have ...": X and the infinitive are the
			// content; no source; hedged.
			content = s.subtree(x, nil, nil)
			if sb := s.child(v, "nsubj:pass"); sb >= 0 {
				s.subtree(sb, content, nil)
			}
			r.add(Attribution{Sentence: s.idx, Cue: s.cueSpan(v), Content: s.extent(content), Hedged: true, Rule: "raising"})
			return
		}
	}
	if content == nil && passive && s.low[v] == "ask" && !r.quoted(s, v) {
		// "X was asked (by Y) whether ...", "was asked about the
		// case": the question put, its asker the source (rule "asked").
		content, rule = s.after(v, src), "asked"
		for _, k := range s.kids[v] {
			if c := s.child(k, "case"); k > v && s.brel(k) == "obl" && c >= 0 && s.low[c] == "about" {
				content = s.subtree(k, content, nil)
			}
		}
	}
	if content == nil && passive && expectVerb(s.low[v]) && s.child(v, "obl:agent") < 0 {
		if x := s.child(v, "xcomp"); x >= 0 {
			content = s.subtree(x, nil, nil)
			if sb := s.child(v, "nsubj:pass"); sb >= 0 {
				s.subtree(sb, content, nil)
			}
			r.add(Attribution{Sentence: s.idx, Cue: s.cueSpan(v), Content: s.extent(content), Rule: "expected"})
			return
		}
	}
	if content == nil && directiveVerb(s.low[v]) && !passive {
		if x := s.child(v, "xcomp"); x >= 0 && s.child(x, "mark") >= 0 {
			content, rule = s.subtree(x, nil, nil), "directive"
			if o := s.child(v, "obj", "iobj"); o >= 0 {
				s.subtree(o, content, nil)
			}
		}
	}
	if content == nil {
		if p := s.child(v, "parataxis"); p >= 0 && p > v && (speechVerb(s.low[v]) || s.quoted(p)) {
			content, rule = s.subtree(p, nil, nil), "parataxis"
		}
	}
	if content == nil && !passive {
		content, rule = s.asClause(v), "as"
	}
	if content == nil && !passive {
		// "reported that ..." however the parser hung the clause.
		content, rule = s.thatClause(v), "that"
	}
	if content == nil && (objectCueVerb(s.low[v]) || s.low[v] == "show" && !s.displays(v, srcTok)) && !passive {
		// "show" too: "the poll shows a close race".
		if o := s.child(v, "obj"); o >= 0 && s.toks[o].UPOS != "PRON" {
			content, rule = s.subtree(o, nil, nil), "object"
		}
	}
	if content == nil && s.low[v] == "find" && !passive && src != nil {
		// "the survey found Clinton leading", "found it difficult":
		// a finding, the object with what is said of it.
		o, x := s.child(v, "obj"), s.child(v, "xcomp")
		study := documentNoun(s.low[srcTok]) || pollNoun(s.low[srcTok])
		finite := s.toks[v].XPOS == "VBD" || s.toks[v].XPOS == "VBZ" || s.toks[v].XPOS == "VBP"
		if finite && s.child(v, "aux") < 0 && (x >= 0 && o >= 0 || study && o >= 0 && s.toks[o].UPOS != "PRON") {
			content, rule = s.after(v, src), "object"
		}
	}
	if content == nil && (stanceVerb(s.low[v]) || viewVerb(s.low[v])) && !passive && src != nil && !s.conditional(v) && !r.quoted(s, v) {
		content, rule = s.stance(v), "stance"
		if strings.EqualFold(s.toks[srcTok].Text, "you") || s.describing(v, srcTok) {
			// "Do you support ...?": a question put, no stance held;
			// "a PAC that attacks Clinton": a description.
			content = nil
		}
	}
	if content == nil && s.low[v] == "speak" && !passive && src != nil && !s.conditional(v) && !r.quoted(s, v) && !s.describing(v, srcTok) {
		// "spoke about the economy", "spoke out against the ban".
		content, rule = s.speaksOf(v), "stance"
	}
	if content == nil && passive && src != nil && (stanceVerb(s.low[v]) || viewVerb(s.low[v])) && !s.conditional(v) {
		// "was endorsed by the unions": the stance is on the subject.
		if sb := s.child(v, "nsubj:pass"); sb >= 0 {
			content, rule = s.subtree(sb, nil, func(k int) bool { return s.rel(k) == "acl:relcl" }), "stance"
		} else if s.brel(v) == "acl" && s.head(v) >= 0 {
			content, rule = s.subtree(s.head(v), nil, func(k int) bool { return k == v || s.rel(k) == "acl:relcl" }), "stance"
		}
	}
	if content == nil && speechVerb(s.low[v]) && !passive && !(s.low[v] == "add" && s.child(v, "obj") >= 0) {
		// The parser missed the clause (but "added 14 officials to the
		// list" adds things, it says nothing): what follows the verb in its
		// subtree ("says the movement is ..."), else what precedes the
		// verb and its subject ("'...,' he said").
		if !quoteOnlyVerb(s.low[v]) {
			content, rule = s.after(v, src), "after"
		}
		if content == nil {
			content, rule = s.around(v, src), "around"
		}
		if content == nil && src != nil && !quoteOnlyVerb(s.low[v]) && v+1 < len(s.toks) && !s.isPunct(v+1) {
			// The parse lost the clause altogether: what follows
			// the verb ("X said Y's acceptance was ...").
			content, rule = make([]bool, len(s.toks)), "after"
			for k := v + 1; k < len(s.toks); k++ {
				content[k] = !src[k]
			}
		}
	}
	if content == nil && !passive && src != nil && speechVerb(s.low[v]) {
		// "by saying, \"...\"", the quotation hung elsewhere.
		content, rule = s.quoteAfter(v), "after"
	}
	if content == nil && !passive && src != nil && (speechVerb(s.low[v]) || cueVerb(s.low[v]) || stanceVerb(s.low[v])) && s.colonAfter(v) && s.idx+1 < len(r.d.Sentences) {
		// "Cruz continued:" and what he said in the next sentence.
		nx := r.d.Sentences[s.idx+1]
		a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: s.cueSpan(v), Content: doc.Span{Start: nx.Start, End: nx.End}, Rule: "colon", lemma: s.low[v]}
		a.Cue.End = s.toks[v+1].End
		a.Chain = r.links(s, srcTok, cue, src)
		r.add(a)
		return
	}
	if content == nil {
		return
	}
	if s.underSaying(v) && rule != "ccomp" && rule != "parataxis" && rule != "that" {
		// "said he wants ...": part of what was said.
		return
	}
	a := Attribution{Sentence: s.idx, Cue: s.cueSpan(v), Content: s.extent(content), Rule: rule, lemma: s.low[v],
		main: s.brel(v) == "root" || s.brel(v) == "parataxis"}
	if l := s.likely(v); l >= 0 {
		// "were more likely to say": the phrase is the cue.
		lo := l
		for _, k := range s.kids[l] {
			if k < lo && (s.brel(k) == "advmod" || s.brel(k) == "cop") {
				lo = k
			}
		}
		a.Cue.Start = s.toks[lo].Start
	}
	if a.Content.IsZero() {
		return
	}
	if src != nil {
		a.Source = s.extent(src)
		a.Chain = r.links(s, srcTok, cue, src)
	}
	// "Sources told Axios that ...": the outlet told is the outer link.
	if s.low[v] == "tell" {
		if o := s.child(v, "obj", "iobj", "obl"); o >= 0 {
			if m := s.ment[o]; m >= 0 && s.d.Mentions[m].Kind == doc.KindOutlet {
				mm := s.d.Mentions[m]
				a.Chain = append([]Link{{Role: RoleOutlet, Name: nameOf(mm), Code: mm.Code, Country: mm.Country,
					Cue: s.toks[v].Text, Text: mm.Text, Span: mm.Span}}, a.Chain...)
			}
		}
	}
	if s.hedgedVerb(v) || srcTok >= 0 && s.bareSources(srcTok) {
		a.Hedged = true
	}
	r.add(a)
}

// surface handles a verb of saying by the words around it, whatever the
// parse, when they leave no doubt: "'...,' said X", "'...,' X said", "...,
// X said, ...", and "X said." closing a quotation of the sentence before.
// It reports whether it added an attribution.
func (r *run) surface(s *sent, v int) bool {
	if !surfaceVerb(s.low[v]) || v == 0 {
		return false
	}
	switch s.toks[v].XPOS {
	case "VBD", "VBZ":
	case "VBP":
		// "..., records show", "..., aides say".
	case "VBN":
		// "said" tagged as a participle, but with no auxiliary.
		if s.child(v, "aux", "aux:pass") >= 0 {
			return false
		}
	default:
		return false
	}
	n := len(s.toks)
	closes := func(k int) bool { return k < 0 || k >= n || s.isPunct(k) || s.toks[k].UPOS == "ADP" }
	srcLo, srcHi, left := -1, -1, -1
	if t := s.toks[v-1].Text; (t == "," || isQuote(t)) && v+1 < n && s.npWord(v+1) {
		// "..., said X": X runs to the next comma.
		srcLo, srcHi = v+1, v+1
		for srcHi+1 < n && (s.npWord(srcHi+1) || s.joiner(srcHi+1) || s.low[srcHi+1] == "of" && srcHi+2 < n && s.npWord(srcHi+2) && capitalised(s.toks[srcHi+2].Text) && s.toks[srcHi].UPOS == "PROPN") {
			// "Jason Gilbert of Cheyenne".
			srcHi++
		}
		if srcHi+1 < n && s.toks[srcHi+1].Text != "," && s.toks[srcHi+1].Text != "." && !isQuote(s.toks[srcHi+1].Text) {
			return false
		}
		left = v - 1
	} else {
		// "..., X said": X is the words of a name before the verb.
		srcHi = v - 1
		srcLo = srcHi
		for srcLo > 0 && (s.npWord(srcLo-1) || s.joiner(srcLo-1) || s.inSource(srcLo-1)) && v-srcLo < 10 {
			srcLo--
		}
		if !s.npWord(srcHi) || !closes(v+1) || v+1 < n && s.toks[v+1].UPOS == "ADP" && s.low[v+1] == "that" {
			return false
		}
		left = srcLo - 1
		if left >= 0 && s.toks[left].Text != "," && !isQuote(s.toks[left].Text) {
			return false
		}
	}
	content := make([]bool, n)
	any := false
	for k := 0; k < left; k++ {
		if !s.isPunct(k) {
			content[k], any = true, true
		}
	}
	// "The problem, she said, is ...": what follows the next comma too.
	if srcHi < v && v+1 < n && s.toks[v+1].Text == "," && any {
		for k := v + 2; k < n; k++ {
			content[k] = true
		}
	}
	a := Attribution{Sentence: s.idx, Cue: s.cueSpan(v), Rule: "surface", lemma: s.low[v]}
	if any {
		a.Content = s.extent(content)
	} else if s.idx > 0 && left < 0 && r.closesQuote(s.idx-1) {
		// "X said." after a quotation: the sentence before is what X said.
		p := r.d.Sentences[s.idx-1]
		a.Content = doc.Span{Start: p.Start, End: p.End}
	}
	if a.Content.IsZero() {
		return false
	}
	src := make([]bool, n)
	head := srcHi
	for k := srcLo; k <= srcHi; k++ {
		src[k] = true
		if s.head(k) < srcLo || s.head(k) > srcHi {
			head = k
		}
	}
	if s.personal(head) && s.toks[head].Text != "I" {
		return false
	}
	a.Source = s.extent(src)
	a.Chain = r.links(s, head, strings.ToLower(s.toks[v].Text), src)
	return r.add(a) != nil
}

// closesQuote reports whether sentence si ends with a quotation mark,
// in the paragraph of the sentence after it.
func (r *run) closesQuote(si int) bool {
	if si+1 >= len(r.d.Sentences) || r.newParagraph(si, si+1) {
		return false
	}
	sn := r.d.Sentences[si]
	for t := sn.Last - 1; t >= sn.First && t >= 0; t-- {
		switch tx := r.d.Tokens[t].Text; {
		case isQuote(tx):
			return true
		case !isPunctText(tx):
			return false
		}
	}
	return false
}

// npWord reports whether token k can be a word of a short source phrase:
// a name, noun, pronoun, determiner, adjective or number, or the "'s" or
// abbreviation dot inside one.
func (s *sent) npWord(k int) bool {
	switch s.toks[k].UPOS {
	case "PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM":
		return !s.isPunct(k) && s.low[k] != "that" && s.low[k] != "which"
	case "PART":
		return s.low[k] == "'s" || s.low[k] == "’s"
	}
	return false
}

// joiner reports whether token k is a hyphen inside a name, with no space
// around it ("Holtz-Eakin").
func (s *sent) joiner(k int) bool {
	switch s.toks[k].Text {
	case "-", "‐":
		return k > 0 && k+1 < len(s.toks) && !s.toks[k-1].SpaceAfter && !s.toks[k].SpaceAfter
	}
	return false
}

// inSource reports whether token k is a preposition inside a source
// phrase, after a word of it ("a source close to him", "people familiar
// with the talks").
func (s *sent) inSource(k int) bool {
	if s.toks[k].UPOS != "ADP" || k == 0 || !s.npWord(k-1) {
		return false
	}
	switch s.low[k] {
	case "to", "with", "of", "in", "at", "for", "from", "on":
		return true
	}
	return false
}

// conditional reports whether verb v heads a clause of an open question
// or an exception ("whether she backs the deal", "unless he supports
// it"): no stance the text reports. (Measured on news annotations: the
// stances of clauses of condition, time or cause, "if she wants to win",
// "because he sees Cruz as a uniter", are mostly annotated.)
func (s *sent) conditional(v int) bool {
	if s.brel(v) != "advcl" {
		return false
	}
	if m := s.child(v, "mark"); m >= 0 {
		switch s.low[m] {
		case "whether", "unless":
			return true
		}
	}
	return false
}

// quoted reports whether token v of s lies inside a quotation opened
// earlier in its paragraph: a stance there is part of what is quoted.
func (r *run) quoted(s *sent, v int) bool {
	if r.runes == nil {
		r.runes = []rune(r.d.Text)
	}
	if r.quoteOpen == nil {
		// The state at each sentence's start, in one pass over the text.
		r.quoteOpen = make([]bool, len(r.d.Sentences))
		in, k := false, 0
		for si, sn := range r.d.Sentences {
			for ; k < sn.Start && k < len(r.runes); k++ {
				in = quoteStep(in, r.runes, k)
			}
			r.quoteOpen[si] = in
		}
	}
	in := r.quoteOpen[s.idx]
	for k := r.d.Sentences[s.idx].Start; k < s.toks[v].Start && k < len(r.runes); k++ {
		in = quoteStep(in, r.runes, k)
	}
	return in
}

// quoteStep returns whether a quotation is open after rune k of text,
// given whether one was open before it: straight quotes toggle, curly
// ones open and close, a line break ends any.
func quoteStep(in bool, text []rune, k int) bool {
	switch text[k] {
	case '\n':
		return false
	case '"':
		return !in
	case '“':
		return true
	case '”':
		return false
	case '\'':
		// '' as a quotation mark: toggle on the first of the pair.
		if k+1 < len(text) && text[k+1] == '\'' && (k == 0 || text[k-1] != '\'') {
			return !in
		}
	}
	return in
}

// seem handles "X seems to ...", "it appears that ...": X is the source,
// the infinitive or clause the content, the verb the cue; a stance.
func (r *run) seem(s *sent, v int) {
	if s.infinitive(v) || s.conditional(v) || r.quoted(s, v) {
		return
	}
	c := s.child(v, "xcomp", "ccomp")
	if c < 0 {
		return
	}
	content := s.subtree(c, nil, nil)
	a := Attribution{Sentence: s.idx, Cue: s.cueSpan(v), Content: s.extent(content), Rule: "stance"}
	if a.Content.IsZero() {
		return
	}
	if src, srcTok, cue := r.verbSource(s, v, false); src != nil {
		a.Source = s.extent(src)
		a.Chain = r.links(s, srcTok, cue, src)
	}
	r.add(a)
}

// describing reports whether stance verb v, of subject srcTok, describes
// rather than reports a stance: a gerund after a preposition of reason or
// matter ("criticized him for supporting the ban"), or a relative clause
// that describes what it modifies, in the progressive ("who are calling
// for") or in the present of a thing or a group ("a super PAC that
// attacks Clinton", "a class which sees itself as", "the themes marketers
// hope to"). (Measured on news annotations: mostly passed over; "who
// supports" is kept.)
func (s *sent) describing(v, srcTok int) bool {
	if m := s.child(v, "mark"); m >= 0 && m < v && s.toks[v].XPOS == "VBG" {
		switch s.low[m] {
		case "for", "of", "about", "on", "against", "from", "without":
			// "criticized him for supporting", "accused of backing":
			// a reason or a charge, the matter of another word.
			return true
		}
	}
	if s.rel(v) != "acl:relcl" {
		return false
	}
	switch s.toks[v].XPOS {
	case "VBG":
		return true
	case "VBZ", "VBP":
		return s.toks[srcTok].UPOS == "NOUN" || s.low[srcTok] == "that" || s.low[srcTok] == "which" || s.low[srcTok] == "they"
	}
	return false
}

// stance marks what a stance verb is about: its object, infinitive or
// clause, or its prepositional object ("called for talks"); nil when it
// has none.
func (s *sent) stance(v int) []bool {
	var in []bool
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "obj", "xcomp", "ccomp", "iobj":
			in = s.subtree(k, in, nil)
		case "advcl":
			// "called for Trump to be banned", "talks about how she
			// pushed", "warned against cutting".
			if m := s.child(k, "mark"); m >= 0 && m > v && (stancePrep(s.low[m]) || s.low[m] == "to" && s.forObject(v, k)) {
				in = s.subtree(k, in, nil)
			}
		case "obl", "obl:arg":
			if c := s.child(k, "case", "mark"); c >= 0 {
				switch s.low[c] {
				case "for", "on", "about", "against", "of", "over", "with", "to":
					in = s.subtree(k, in, nil)
				}
			}
		}
	}
	return in
}

// forObject reports whether verb v has a "for" phrase before its clause k,
// which then gives the clause's subject ("called for Trump to be banned"
// parsed with Trump on the verb).
func (s *sent) forObject(v, k int) bool {
	for _, o := range s.kids[v] {
		if c := s.child(o, "case"); o < k && c >= 0 && s.low[c] == "for" && s.brel(o) == "obl" {
			return true
		}
	}
	return false
}

// speaksOf marks what verb v ("speak") is about: its prepositional object
// under "about", "of" or "against" ("spoke of his faith", "spoke out
// against the ban"); nil when it has none ("spoke to reporters", "spoke on
// condition of anonymity", "spoke for an hour").
func (s *sent) speaksOf(v int) []bool {
	var in []bool
	for _, k := range s.kids[v] {
		if s.brel(k) != "obl" && s.brel(k) != "advcl" || k < v {
			continue
		}
		if c := s.child(k, "case", "mark"); c >= 0 && c > v {
			switch s.low[c] {
			case "about", "of", "against":
				in = s.subtree(k, in, nil)
			}
		}
	}
	return in
}

// bareSources reports whether token n is a bare plural "sources" (or
// "reports"): no article, number or modifier says which ("sources say").
func (s *sent) bareSources(n int) bool {
	if s.low[n] != "source" && s.low[n] != "report" || !strings.HasSuffix(strings.ToLower(s.toks[n].Text), "s") {
		return false
	}
	for _, k := range s.kids[n] {
		if r := s.rel(k); r != "punct" && r != "conj" && r != "cc" {
			return false
		}
	}
	return true
}

// thatClause marks the rest of the sentence when "that" follows verb v,
// or its object ("told reporters that"); nil otherwise.
func (s *sent) thatClause(v int) []bool {
	k := v + 1
	for k < len(s.toks) && s.head(k) == v && (s.brel(k) == "advmod" || s.brel(k) == "compound") {
		k++
	}
	if o := s.child(v, "obj", "iobj"); o >= 0 && o >= k {
		sub := s.subtree(o, nil, nil)
		for k < len(s.toks) && sub[k] {
			k++
		}
	}
	if k+1 >= len(s.toks) || !strings.EqualFold(s.toks[k].Text, "that") || s.toks[k].UPOS != "SCONJ" {
		return nil
	}
	in := make([]bool, len(s.toks))
	for j := k; j < len(s.toks); j++ {
		in[j] = true
	}
	return in
}

// infinitive reports whether verb v is a bare or "to" infinitive under
// another verb ("declined to say", "wants you to know"): said by no one yet.
func (s *sent) infinitive(v int) bool {
	if s.brel(v) != "xcomp" && s.brel(v) != "advcl" && s.brel(v) != "acl" {
		return false
	}
	m := s.child(v, "mark")
	if m < 0 || s.low[m] != "to" || s.likely(v) >= 0 || s.goesOn(v) {
		return false
	}
	// The "to" is the verb's own ("to quickly say"), not one the parser
	// hung on it from elsewhere ("stick it to the rich," Clinton said).
	if m > v {
		return false
	}
	for k := m + 1; k < v; k++ {
		if u := s.toks[k].UPOS; u != "ADV" && u != "PART" && u != "AUX" {
			return false
		}
	}
	return true
}

// goesOn reports whether verb v is the infinitive of "went on to say":
// said, in the course of the same speech.
func (s *sent) goesOn(v int) bool {
	h := s.head(v)
	if h < 0 || s.low[h] != "go" || s.brel(v) != "xcomp" || !speechVerb(s.low[v]) {
		return false
	}
	for _, k := range s.kids[h] {
		if (s.rel(k) == "compound:prt" || s.rel(k) == "advmod") && s.low[k] == "on" && k < v {
			return true
		}
	}
	return false
}

// personal reports whether token i is a first or second person pronoun.
func (s *sent) personal(i int) bool {
	switch strings.ToLower(s.toks[i].Text) {
	case "i", "we", "you", "me", "us":
		return true
	}
	return false
}

// after marks the dependents of verb v that follow it and can be what was
// said (objects, clauses), outside the source; nil when there are none.
func (s *sent) after(v int, src []bool) []bool {
	var in []bool
	for _, k := range s.kids[v] {
		if k < v || src != nil && src[k] {
			continue
		}
		switch s.brel(k) {
		case "obj", "xcomp", "advcl", "dep", "conj", "ccomp", "parataxis":
			if s.brel(k) == "conj" && s.isVerb(k) && cueVerb(s.low[k]) {
				continue
			}
			in = s.subtree(k, in, nil)
		}
	}
	return in
}

// around marks the rest of the sentence when verb v and its source sit
// between commas or after a quotation ("'...,' he said", "X, he said, Y"):
// every token outside them and v's own modifiers; nil otherwise.
func (s *sent) around(v int, src []bool) []bool {
	lo := v
	if src != nil {
		for k, ok := range src {
			if ok {
				lo = min(lo, k)
				break
			}
		}
	}
	if lo == 0 || !(s.isPunct(lo-1) || isQuote(s.toks[lo-1].Text)) {
		return nil
	}
	own := s.subtree(v, nil, func(k int) bool {
		switch s.brel(k) {
		case "obl", "advmod", "nsubj", "punct", "aux", "obj", "iobj", "compound":
			return false
		}
		return true
	})
	in := make([]bool, len(s.toks))
	any := false
	for k := range in {
		if k >= lo && (own[k] || src != nil && src[k]) {
			continue
		}
		if k != v && !s.isPunct(k) {
			in[k] = true
			any = true
		}
	}
	if !any {
		return nil
	}
	return in
}

// cueSpan returns the cue of verb v: the verb with its auxiliaries and
// negation right before it and its particle ("has said", "pointed out").
func (s *sent) cueSpan(v int) doc.Span {
	lo, hi := v, v
	for k := v - 1; k >= 0; k-- {
		if s.head(k) != v {
			break
		}
		if r := s.brel(k); r != "aux" && r != "advmod" && r != "neg" {
			break
		}
		lo = k
	}
	for _, k := range s.kids[v] {
		if s.rel(k) == "compound:prt" && k == hi+1 {
			hi = k
		}
	}
	return s.span(lo, hi)
}

// hedgedVerb reports whether a hedge adverb modifies verb v.
func (s *sent) hedgedVerb(v int) bool {
	for _, k := range s.kids[v] {
		if s.rel(k) == "advmod" && hedgeAdverb(strings.ToLower(s.toks[k].Text)) {
			return true
		}
	}
	return false
}

// quoted reports whether the subtree of i starts right after, or with, a
// quotation mark.
func (s *sent) quoted(i int) bool {
	in := s.subtree(i, nil, nil)
	for k, ok := range in {
		if ok {
			return isQuote(s.toks[k].Text) || k > 0 && isQuote(s.toks[k-1].Text)
		}
	}
	return false
}

// quotedBefore reports whether the sentence opens with a quotation that
// ends before v.
func (s *sent) quotedBefore(v int) bool {
	if v < 2 || !isQuote(s.toks[0].Text) {
		return false
	}
	for k := 1; k < v; k++ {
		if isQuote(s.toks[k].Text) {
			return true
		}
	}
	return false
}

// before marks the tokens before the subject of v (or v itself).
func (s *sent) before(v int) []bool {
	end := v
	if sb := s.child(v, "nsubj"); sb >= 0 {
		in := s.subtree(sb, nil, nil)
		for k, ok := range in {
			if ok {
				end = min(end, k)
				break
			}
		}
	}
	in := make([]bool, len(s.toks))
	for k := range end {
		in[k] = true
	}
	return in
}

// verbSource returns the source of cue verb v: its subject, the agent of
// a passive, the subject of the verb it is coordinated with or that its
// participle hangs off ("..., adding that"), or the noun it modifies ("a
// statement saying"). It returns the source's tokens, its head and the cue
// word to name in the chain.
func (r *run) verbSource(s *sent, v int, passive bool) ([]bool, int, string) {
	cueWord := strings.ToLower(s.toks[v].Text)
	cut := func(k int) bool { return s.rel(k) == "acl:relcl" || s.rel(k) == "punct" && false }
	if passive {
		if ag := s.child(v, "obl:agent"); ag >= 0 {
			in := s.subtree(ag, nil, cut)
			for _, k := range s.kids[ag] {
				if s.rel(k) == "case" {
					in[k] = false
				}
			}
			// A title's name right after it that the parser hung
			// elsewhere ("by moderator Gerard Baker whether ...").
			if s.toks[ag].UPOS == "NOUN" {
				for k := ag + 1; k < len(s.toks) && s.toks[k].UPOS == "PROPN" && !in[k]; k++ {
					in[k] = true
				}
			}
			return in, ag, cueWord + " by"
		}
		return nil, -1, cueWord
	}
	for w, depth := v, 0; w >= 0 && depth < 4; depth++ {
		if sb := s.child(w, "nsubj"); sb >= 0 {
			return s.subtree(sb, nil, cut), sb, cueWord
		}
		switch s.brel(w) {
		case "conj", "advcl", "xcomp":
			h := s.head(w)
			if s.brel(w) == "conj" && s.quoteBetween(h, w) {
				// "'...,' Harry Reid told reporters" with told hung on the
				// quotation: the quoted subject is not the teller's.
				return nil, -1, cueWord
			}
			w = h
			continue

		case "acl":
			h := s.head(w)
			if h < 0 {
				return nil, -1, cueWord
			}
			return s.subtree(h, nil, func(k int) bool { return k == w || cut(k) }), h, cueWord
		}
		break
	}
	return nil, -1, cueWord
}

// quoteBetween reports whether a quotation closing with a comma, question
// or exclamation mark (",”") stands between tokens a < b.
func (s *sent) quoteBetween(a, b int) bool {
	for k := a + 2; k < b; k++ {
		switch s.toks[k].Text {
		case "”", "\"", "''", "’":
			switch s.toks[k-1].Text {
			case ",", "?", "!":
				return s.toks[k].UPOS == "PUNCT"
			}
		}
	}
	return false
}

// nameBefore returns the source of a finite verb of saying or of taking
// a stand that the parser left with no subject, by the words before it:
// a name or noun phrase right before it, opening the sentence or after a
// comma or quotation mark ("'...,' Senate minority leader Harry Reid told
// reporters", its name hung on the quotation), or else the noun phrase
// opening a sentence with no verb before v ("Sen. Ted Cruz (R-Texas), a
// GOP hopeful, called the KKK ..."). It returns nil and -1 when there is
// none.
func (s *sent) nameBefore(v int) ([]bool, int) {
	switch s.toks[v].XPOS {
	case "VBD", "VBZ", "VBP":
	default:
		return nil, -1
	}
	switch s.brel(v) {
	case "root", "parataxis", "conj", "xcomp", "ccomp", "dep", "list", "appos":
	default:
		return nil, -1
	}
	if v == 0 || s.child(v, "aux", "aux:pass", "mark", "expl") >= 0 {
		return nil, -1
	}
	word := func(k int) bool {
		return s.npWord(k) && s.toks[k].UPOS != "DET" && s.toks[k].UPOS != "ADJ" && !strings.HasPrefix(s.toks[k].XPOS, "PRP$") &&
			s.low[k] != "who" && s.low[k] != "it" && s.low[k] != "there"
	}
	lo, hi := -1, -1
	if word(v - 1) {
		hi = v - 1
		lo = hi
		for lo > 0 && (s.npWord(lo-1) || s.joiner(lo-1)) && v-lo < 8 {
			lo--
		}
		if lo > 0 && !s.isPunct(lo-1) && !isQuote(s.toks[lo-1].Text) {
			lo = -1
		}
	}
	if lo < 0 {
		// The noun phrase opening the sentence, to its first comma or
		// bracket, when no verb comes before v.
		for k := range v {
			if u := s.toks[k].UPOS; u == "VERB" || u == "AUX" || u == "SCONJ" || s.low[k] == "that" || s.low[k] == "which" || isQuote(s.toks[k].Text) {
				return nil, -1
			}
		}
		lo, hi = 0, -1
		for k := 0; k < v && (s.npWord(k) || s.joiner(k) || s.inSource(k)); k++ {
			hi = k
		}
		if hi < 0 || !word(hi) || hi+1 < v && s.toks[hi+1].Text != "," && s.toks[hi+1].Text != "(" {
			return nil, -1
		}
	}
	src := make([]bool, len(s.toks))
	head := hi
	for k := lo; k <= hi; k++ {
		src[k] = true
		if h := s.head(k); h < lo || h > hi {
			head = k
		}
	}
	return src, head
}

// hedge handles a hedging adverb: it hedges the attribution whose cue it
// modifies, or else makes the clause it modifies a hedged attribution of
// no named source.
func (r *run) hedge(s *sent, i int) {
	h := s.head(i)
	if h < 0 {
		return
	}
	var cut func(int) bool
	for k := range r.atts {
		a := &r.atts[k]
		// A stance ("reportedly proposed talks") is passed over: the hedge
		// is on the act itself, an event in its own right. So it is for
		// the other attributions that only record a stance or a directive
		// ("are reportedly concerned", "reportedly asked him to"): they
		// are hedged, and so is the clause, which is the event, without
		// what the stance is about.
		if a.Sentence == s.idx && a.Rule != "stance" && a.Cue.Start <= s.toks[h].Start && s.toks[h].End <= a.Cue.End {
			a.Hedged = true
			a.Hedge = s.span(i, i)
			if !stanceRule(a.Rule) {
				return
			}
			about := a.Content
			cut = func(k int) bool { return about.Start <= s.toks[k].Start && s.toks[k].End <= about.End }
			break
		}
	}
	// A verb the parser took for a modifier ("reportedly proposed talks"
	// as an adjective) stands for the clause it modifies.
	for depth := 0; depth < 3 && s.head(h) >= 0; depth++ {
		if r := s.brel(h); r != "amod" && r != "compound" && r != "advmod" {
			break
		}
		h = s.head(h)
	}
	in := s.subtree(h, nil, cut)
	r.add(Attribution{Sentence: s.idx, Hedge: s.span(i, i), Content: s.extent(in), Hedged: true, Rule: "hedge"})
}

// citing adds the sources a "citing ..." phrase names to the chain of the
// attribution of the sentence whose source it follows ("according to a
// report by Axios citing five sources").
func (r *run) citing(s *sent) {
	for c := range s.toks {
		if s.low[c] != "cite" || s.toks[c].XPOS != "VBG" {
			continue
		}
		o := s.child(c, "obj")
		if o < 0 {
			continue
		}
		var best *Attribution
		for k := range r.atts {
			a := &r.atts[k]
			if a.Sentence == s.idx && !a.Cue.IsZero() && a.Cue.End <= s.toks[c].Start &&
				!(a.Content.Start <= s.toks[c].Start && s.toks[c].End <= a.Content.End) {
				best = a
			}
		}
		if best == nil {
			continue
		}
		in := s.subtree(o, nil, nil)
		best.Chain = append(best.Chain, r.links(s, o, "citing", in)...)
	}
}

// nest gives each attribution inside the content of another the outer
// one's chain before its own, and its hedge.
func (r *run) nest() {
	order := make([]int, len(r.atts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return r.atts[b].Content.Len() - r.atts[a].Content.Len() })
	for _, bi := range order {
		b := &r.atts[bi]
		an := b.anchor()
		var outer *Attribution
		for ai := range r.atts {
			a := &r.atts[ai]
			if ai == bi || a.Content.Len() <= b.Content.Len() || !a.Covers(an.Start, an.End) {
				continue
			}
			if stanceRule(a.Rule) && !stanceRule(b.Rule) {
				// A stance is no one's report of what it contains: "Lebanon
				// proposed talks, according to Axios" is on Axios's word,
				// not Lebanon's.
				continue
			}
			if outer == nil || a.Content.Len() < outer.Content.Len() {
				outer = a
			}
		}
		if outer == nil {
			continue
		}
		b.Chain = append(slices.Clone(outer.Chain), b.Chain...)
		b.Hedged = b.Hedged || outer.Hedged
	}
}

// continuation gives a hedge of no source ("reportedly") right after a
// sentence of the same paragraph attributed as a whole (its root covered)
// the chain of that attribution: "According to an official cited by
// Axios, ... Lebanon reportedly proposed ..." stays on Axios's word.
func (r *run) continuation() {
	for bi := range r.atts {
		b := &r.atts[bi]
		if len(b.Chain) > 0 || !b.Cue.IsZero() || b.Sentence == 0 {
			continue
		}
		prev := b.Sentence - 1
		if r.newParagraph(prev, b.Sentence) {
			continue
		}
		root := r.root(prev)
		if root < 0 {
			continue
		}
		t := r.d.Tokens[root]
		var best *Attribution
		for ai := range r.atts {
			a := &r.atts[ai]
			if a.Sentence == prev && len(a.Chain) > 0 && a.Covers(t.Start, t.End) {
				best = a
			}
		}
		if best != nil {
			b.Chain = slices.Clone(best.Chain)
			b.Continued = true
		}
	}
}

// root returns the index in Doc.Tokens of the root of sentence si, or -1.
func (r *run) root(si int) int {
	sn := r.d.Sentences[si]
	for t := sn.First; t < sn.Last; t++ {
		if r.d.Tokens[t].Head == 0 && r.d.Tokens[t].DepRel != "" {
			return t
		}
	}
	return -1
}

// newParagraph reports whether a line break separates sentences a and b.
func (r *run) newParagraph(a, b int) bool {
	if r.runes == nil {
		r.runes = []rune(r.d.Text)
	}
	from, to := r.d.Sentences[a].End, r.d.Sentences[b].Start
	for k := max(from, 0); k < to && k < len(r.runes); k++ {
		if r.runes[k] == '\n' {
			return true
		}
	}
	return false
}

// nestable reports whether attribution b is dropped when its cue lies
// inside the content of another: a stance, a noun cue, a feeling ("said
// they were worried that"), or the clause of a thinking verb. A stance
// heading the main clause of its sentence ("Trump wants a wall, he said")
// and a directive ("said he urged them to vote") are kept: annotators
// mostly mark them, nested.
func nestable(b Attribution) bool {
	switch b.Rule {
	case "stance":
		return !b.main
	case "noun", "adjective":
		return true
	case "ccomp":
		return thinkVerb(b.lemma)
	}
	return false
}

// underSaying reports whether token v heads the clause a verb of saying
// introduces ("said they were worried", "says he wants"): what it states
// is part of what was said.
func (s *sent) underSaying(v int) bool {
	h := s.head(v)
	return s.brel(v) == "ccomp" && h >= 0 && s.isVerb(h) && (cueVerb(s.low[h]) || speechVerb(s.low[h]))
}

// likely returns the adjective "likely" or "unlikely" whose infinitive verb
// v is ("Republicans were more likely to say ..."), a finding about what
// its subject says or wants; -1 when there is none.
func (s *sent) likely(v int) int {
	h := s.head(v)
	if h < 0 || s.brel(v) != "xcomp" || s.toks[h].UPOS != "ADJ" {
		return -1
	}
	switch s.low[h] {
	case "likely", "unlikely":
		if s.child(h, "cop") >= 0 && s.child(h, "nsubj") >= 0 {
			return h
		}
	}
	return -1
}

// makeClear handles "made (it) clear that ..." and "made the case that
// (for) ...": the subject is the source, the verb through "clear" or
// "case" the cue, the clause (or what the case is for) the content (rule
// "light").
func (r *run) makeClear(s *sent, v int) {
	if s.infinitive(v) || r.quoted(s, v) || s.underSaying(v) {
		return
	}
	w := -1
	for _, k := range s.kids[v] {
		if k > v && (s.low[k] == "clear" && s.brel(k) == "xcomp" || s.low[k] == "case" && s.brel(k) == "obj") {
			w = k
			break
		}
	}
	if w < 0 {
		return
	}
	var content []bool
	if c := s.child(v, "ccomp"); c >= 0 && c > w {
		content = s.subtree(c, nil, nil)
	} else if c := s.child(w, "ccomp", "acl", "nmod"); c >= 0 && c > w {
		content = s.subtree(c, nil, nil)
		if p := s.child(c, "case"); p >= 0 && s.low[p] == "for" {
			content[p] = false
		}
	}
	if content == nil {
		return
	}
	src, srcTok, cue := r.verbSource(s, v, false)
	if src == nil {
		return
	}
	c := s.cueSpan(v)
	c.End = s.toks[w].End
	a := Attribution{Sentence: s.idx, Source: s.extent(src), Cue: c, Content: s.extent(content), Rule: "light", lemma: "make"}
	if a.Content.IsZero() || a.Source.IsZero() {
		return
	}
	a.Chain = r.links(s, srcTok, cue, src)
	r.add(a)
}

// asClause marks the clause that an "as" clause of saying comments on
// ("As Politico reported, Trump would win"): the clause it modifies, but
// for itself; nil when v heads no such clause.
func (s *sent) asClause(v int) []bool {
	h := s.head(v)
	if h < 0 || s.brel(v) != "advcl" || s.child(v, "obj", "ccomp", "xcomp") >= 0 {
		return nil
	}
	if m := s.child(v, "mark"); m < 0 || s.low[m] != "as" || m > v {
		return nil
	}
	if !cueVerb(s.low[v]) && !speechVerb(s.low[v]) {
		return nil
	}
	own := s.subtree(v, nil, nil)
	in := s.subtree(h, nil, func(k int) bool { return k == v })
	for k := range in {
		in[k] = in[k] && !own[k]
	}
	return in
}

// colonAfter reports whether verb v is followed by a colon and nothing
// else but punctuation ("Cruz continued:").
func (s *sent) colonAfter(v int) bool {
	if v+1 >= len(s.toks) || s.toks[v+1].Text != ":" {
		return false
	}
	for k := v + 2; k < len(s.toks); k++ {
		if !s.isPunct(k) {
			return false
		}
	}
	return true
}
