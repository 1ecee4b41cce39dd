// Package wordform maps the typographic variants of news text to the plain
// forms that dominate the training treebank, so that models see "’s" as
// "'s", “ as ", a non-breaking hyphen as "-" and an em dash as "--". The
// document text itself is never changed; only the models' view of a word is.
package wordform

import "strings"

// Normalize returns the plain form of a word. It returns w itself, without
// allocating, when w has nothing to map.
func Normalize(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	changed := false
	for _, r := range w {
		if s, ok := plainForm(r); ok {
			b.WriteString(s)
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return w
	}
	return b.String()
}

func plainForm(r rune) (string, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4':
		return "'", true
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return "\"", true
	case '\u2010', '\u2011', '\u2012', '\u2212', '\u00ad':
		return "-", true
	case '\u2013', '\u2014', '\u2015':
		return "--", true
	case '\u2026':
		return "...", true
	case '\u00a0', '\u202f':
		return " ", true
	}
	return "", false
}
