// Package tokenize is sitrep's news tokenizer and sentence splitter.
//
// It splits a document's body into syntactic words following the Universal
// Dependencies English-EWT conventions (contractions and possessives split
// into words, "don't" -> "do" "n't"; hyphens, dashes, quotes and brackets as
// tokens of their own; abbreviations, initials, numbers, URLs, e-mail
// addresses and hashtags kept whole) and groups the tokens into sentences
// with rules written for news text (titles such as "Gen." do not end a
// sentence, paragraph breaks always do, closing quotes stay with their
// sentence). Offsets are Unicode code points into the unchanged text.
package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// Tokenizer splits documents into tokens and sentences. Its tables are built
// once by New and only read afterwards, so one Tokenizer is safe for
// concurrent use.
type Tokenizer struct {
	titles   map[string]bool  // abbreviations that precede names and numbers
	enders   map[string]bool  // abbreviations that may end a sentence
	prefixes map[string]bool  // hyphen prefixes kept attached to their word
	whole    map[string][]int // whole words split into several words
	starters map[string]bool  // words that typically open a sentence
}

// New returns a Tokenizer; it is safe for concurrent use (no mutable state
// after construction).
func New() *Tokenizer {
	t := &Tokenizer{
		titles:   wordSet(titleAbbrevs),
		enders:   wordSet(enderAbbrevs),
		prefixes: wordSet(hyphenPrefixes),
		starters: wordSet(starters),
		whole:    make(map[string][]int),
	}
	for _, f := range strings.Fields(wholeWords) {
		w, lens, _ := strings.Cut(f, ":")
		var ls []int
		for _, l := range strings.Split(lens, ",") {
			ls = append(ls, int(l[0]-'0')) // lengths are single digits
		}
		t.whole[w] = ls
	}
	return t
}

// Token flags recorded while tokenizing, used by the sentence splitter.
const (
	flagPara   uint8 = 1 << iota // a blank line precedes the token
	flagLine                     // a line break precedes the token
	flagSpace                    // whitespace precedes the token
	flagAbbrev                   // the token is a word with its final period
)

// span is a token's range in code points within the text being processed.
type span struct {
	start, end int
	flags      uint8
}

// text holds a document's code points and their byte offsets.
type text struct {
	s     string
	runes []rune
	bytes []int // bytes[i] is the byte offset of rune i; bytes[len(runes)] == len(s)
}

func decode(s string) text {
	n := utf8.RuneCountInString(s)
	tx := text{s: s, runes: make([]rune, n), bytes: make([]int, n+1)}
	i := 0
	for b, r := range s {
		tx.runes[i] = r
		tx.bytes[i] = b
		i++
	}
	tx.bytes[n] = len(s)
	return tx
}

// sub returns the substring of code points [start, end).
func (tx *text) sub(start, end int) string { return tx.s[tx.bytes[start]:tx.bytes[end]] }

// Process splits d.Text, from code point offset d.BodyStart on, into
// d.Sentences and d.Tokens (replacing any there).
func (t *Tokenizer) Process(d *doc.Doc) {
	d.Sentences, d.Tokens = nil, nil
	tx := decode(d.Text)
	n := len(tx.runes)
	from := min(max(d.BodyStart, 0), n)
	spans := make([]span, 0, (n-from)/4+1)

	var pre uint8 // flags for the next token from the whitespace before it
	newlines := 0
	for i := from; i < n; {
		r := tx.runes[i]
		if isSpace(r) {
			pre |= flagSpace
			if r == '\n' || r == '\u2029' || r == '\u2028' || r == '\r' && (i+1 == n || tx.runes[i+1] != '\n') {
				newlines++
				pre |= flagLine
				if newlines >= 2 || r == '\u2029' {
					pre |= flagPara
				}
			}
			i++
			continue
		}
		j := i + 1
		for j < n && !isSpace(tx.runes[j]) {
			j++
		}
		first := len(spans)
		spans = t.chunk(tx.runes, i, j, spans)
		if first < len(spans) {
			spans[first].flags |= pre
		}
		pre, newlines = 0, 0
		i = j
	}

	d.Tokens = make([]doc.Token, len(spans))
	for k, sp := range spans {
		d.Tokens[k] = doc.Token{
			Text:       tx.sub(sp.start, sp.end),
			Start:      sp.start,
			End:        sp.end,
			SpaceAfter: sp.end < n && isSpace(tx.runes[sp.end]),
		}
	}
	t.sentences(d, &tx, spans)
}
