// Package lemma assigns lemmas to tagged tokens, following the conventions
// of Universal Dependencies English (EWT): "The" -> "the", "ran" -> "run",
// proper nouns keep their form.
//
// A lemma is produced by a rewrite rule: optionally lowercase the form, cut
// a number of final characters and append a string. Rules come from an
// exception lexicon keyed by lowercased form and tag, learned from training
// data by majority, and, for words the lexicon lacks, from suffix rules per
// tag: the rule seen most often (counting word types) with the longest
// known suffix of the word.
package lemma

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// maxSuffix is the longest suffix, in characters, that suffix rules key on.
const maxSuffix = 6

// Lemmatizer assigns lemmas. It is read-only after training or loading and
// safe for concurrent use.
type Lemmatizer struct {
	// lexicon maps lowercased form + "\t" + tag key to a rule; it holds
	// only the entries the suffix rules get wrong.
	lexicon map[string]rule
	// suffixes maps tag key + "\t" + lowercased suffix to a rule.
	suffixes map[string]rule
}

// rule rewrites a form into a lemma.
type rule struct {
	// lower lowercases the form first.
	lower bool
	// cut is the number of final characters (runes) removed.
	cut int
	// add is appended after cutting.
	add string
}

// apply returns the lemma of form under r, and false when form is too short.
func (r rule) apply(form string) (string, bool) {
	if r.lower {
		form = strings.ToLower(form)
	}
	i := len(form)
	for k := 0; k < r.cut; k++ {
		if i == 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(form[:i])
		i -= size
	}
	if r.add == "" {
		return form[:i], true
	}
	return form[:i] + r.add, true
}

// tagKey returns the key of a token's tags: its XPOS, or its UPOS marked
// with "u:" when it has no XPOS.
func tagKey(upos, xpos string) string {
	if xpos != "" {
		return xpos
	}
	return "u:" + upos
}

// Lemmatize sets Lemma of each token from its Text, UPOS and XPOS.
func (l *Lemmatizer) Lemmatize(toks []doc.Token) {
	var buf []byte
	for i := range toks {
		t := &toks[i]
		t.Lemma = l.lemma(t.Text, tagKey(t.UPOS, t.XPOS), &buf)
	}
}

// lemma returns the lemma of form with tag key tag; buf is scratch space
// for building map keys.
func (l *Lemmatizer) lemma(form, tag string, buf *[]byte) string {
	lf := strings.ToLower(form)
	b := append((*buf)[:0], lf...)
	b = append(b, '\t')
	b = append(b, tag...)
	*buf = b
	if r, ok := l.lexicon[string(b)]; ok {
		if s, ok := r.apply(form); ok {
			return s
		}
	}
	if r, ok := l.suffixRule(lf, tag, buf); ok {
		if s, ok := r.apply(form); ok {
			return s
		}
	}
	return form
}

// suffixRule returns the rule of the longest suffix of lf known for tag.
func (l *Lemmatizer) suffixRule(lf, tag string, buf *[]byte) (rule, bool) {
	// starts[k] is the byte offset of the suffix of k runes.
	var starts [maxSuffix + 1]int
	n := 0
	i := len(lf)
	starts[0] = i
	for n < maxSuffix && i > 0 {
		_, size := utf8.DecodeLastRuneInString(lf[:i])
		i -= size
		n++
		starts[n] = i
	}
	for k := n; k >= 0; k-- {
		b := append((*buf)[:0], tag...)
		b = append(b, '\t')
		b = append(b, lf[starts[k]:]...)
		*buf = b
		if r, ok := l.suffixes[string(b)]; ok {
			return r, true
		}
	}
	return rule{}, false
}
