package tokenize

import (
	"github.com/sitrep/sitrep/doc"
)

// sentences groups d.Tokens into d.Sentences. spans carries the flags
// recorded while tokenizing; tx is the decoded text.
func (t *Tokenizer) sentences(d *doc.Doc, tx *text, spans []span) {
	n := len(d.Tokens)
	if n == 0 {
		return
	}
	d.Sentences = make([]doc.Sentence, 0, n/16+1)
	first := 0
	for k := 0; k < n; k++ {
		last := k
		if k+1 < n && spans[k+1].flags&flagPara == 0 {
			if !t.ends(tx, spans, k) {
				continue
			}
			// Closing quotes and brackets stay with the sentence they close.
			for last+1 < n && spans[last+1].flags&flagPara == 0 && isClosingTok(tx, spans[last+1]) {
				last++
			}
			if last+1 < n && spans[last+1].flags&flagPara == 0 && !t.startsSentence(tx, spans, last+1, spans[k]) {
				k = last
				continue
			}
		}
		s := doc.Sentence{
			Span:  doc.Span{Start: spans[first].start, End: spans[last].end},
			First: first,
			Last:  last + 1,
		}
		s.Text = tx.sub(s.Start, s.End)
		d.Sentences = append(d.Sentences, s)
		first, k = last+1, last
	}
}

// ends reports whether token k can end a sentence: sentence-final
// punctuation, or an abbreviation whose period may double as a full stop.
func (t *Tokenizer) ends(tx *text, spans []span, k int) bool {
	sp := spans[k]
	r := tx.runes[sp.start]
	if sp.flags&flagAbbrev != 0 {
		return true
	}
	return r == '.' || r == '!' || r == '?' || r == '\u2026'
}

// isClosingTok reports whether the token closes a quotation or bracket.
func isClosingTok(tx *text, sp span) bool {
	if sp.end-sp.start == 2 && tx.runes[sp.start] == '\'' && tx.runes[sp.start+1] == '\'' {
		return true
	}
	if sp.end-sp.start != 1 {
		return false
	}
	switch tx.runes[sp.start] {
	case ')', ']', '}', '\u201d', '\u2019', '\u00bb':
		return true
	case '"', '\'':
		// A straight quote attached to the punctuation before it closes.
		return sp.flags&flagSpace == 0
	}
	return false
}

// startsSentence reports whether token k, following a possible sentence end
// at token end (punctuation or abbreviation), looks like a sentence start.
func (t *Tokenizer) startsSentence(tx *text, spans []span, k int, end span) bool {
	sp := spans[k]
	r := tx.runes[sp.start]
	if isOpener(r) && (sp.end-sp.start == 1 || r == '`') {
		if k+1 >= len(spans) {
			return false
		}
		k++
		sp = spans[k]
		r = tx.runes[sp.start]
		if end.flags&flagAbbrev != 0 {
			return isUpper(r) || isDigit(r)
		}
	}
	if end.flags&flagAbbrev == 0 && end.end-end.start == 1 && tx.runes[end.start] == '.' && isLetter(r) {
		// A lone full stop ends a sentence even before a lower-case word;
		// abbreviations that keep their period are handled below.
		return true
	}
	if !isUpper(r) && !isDigit(r) {
		return false
	}
	if end.flags&flagAbbrev == 0 {
		return true
	}
	// After an abbreviation: titles and initials are followed by names, so
	// only split before a typical sentence opener.
	var buf [32]byte
	abbr := lowerKey(buf[:], tx.runes[end.start:end.end-1])
	if string(abbr) == "etc" {
		return true
	}
	if t.titles[string(abbr)] && !t.enders[string(abbr)] {
		return false
	}
	var wb [32]byte
	w := tx.runes[sp.start:sp.end]
	if len(w) > 12 {
		return false
	}
	return t.starters[string(lowerKey(wb[:], w))]
}
