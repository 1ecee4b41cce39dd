package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes.

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(r) || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// isHyphen reports whether r joins the parts of a hyphenated word: the
// hyphen-minus, the Unicode hyphen and the non-breaking hyphen.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isDoubledQuote reports whether rs[i:e] starts with a typewriter
// quotation mark: two grave accents (opening) or two apostrophes (closing).
func isDoubledQuote(rs []rune, i, e int) bool {
	return i+1 < e && (rs[i] == '`' || rs[i] == '\'') && rs[i+1] == rs[i]
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '<', '"', '\'', '\u201c', '\u2018', '\u00ab', '\u201e', '`':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '>', '"', '\'', '\u201d', '\u2019', '\u00bb':
		return true
	}
	return false
}

func lower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// lowerKey writes the lower-cased runes of rs into buf and returns the bytes;
// callers index maps with string(key) so that no string is allocated.
func lowerKey(buf []byte, rs []rune) []byte {
	buf = buf[:0]
	for _, r := range rs {
		buf = utf8.AppendRune(buf, lower(r))
	}
	return buf
}

// chunk tokenizes the whitespace-free run of code points rs[s:e] and appends
// the tokens to out.
func (t *Tokenizer) chunk(rs []rune, s, e int, out []span) []span {
	if cs, ce, ok := urlCore(rs, s, e); ok {
		out = t.puncts(rs, s, cs, out)
		out = append(out, span{start: cs, end: ce})
		return t.puncts(rs, ce, e, out)
	}
	return t.puncts(rs, s, e, out)
}

// puncts tokenizes rs[s:e], which holds no URL.
func (t *Tokenizer) puncts(rs []rune, s, e int, out []span) []span {
	for i := s; i < e; {
		r := rs[i]
		j := i + 1
		switch {
		case isWordRune(r) || (r == '#' || r == '@') && j < e && isAlnum(rs[j]) && (i == s || !isWordRune(rs[i-1])):
			var abbr bool
			j, abbr = t.wordEnd(rs, i, e)
			if abbr {
				out = append(out, span{start: i, end: j, flags: flagAbbrev})
			} else {
				out = t.word(rs, i, j, out)
			}
		case isDoubledQuote(rs, i, e):
			// Typewriter quotation marks, `` and '', are one token each.
			j = i + 2
			out = append(out, span{start: i, end: j})
		case isApostrophe(r) && i > s && (isWordRune(rs[i-1]) || rs[i-1] == '.'):
			j = cliticEnd(rs, i, e)
			out = append(out, span{start: i, end: j})
		case r == '.' || r == '!' || r == '?':
			for j < e && (rs[j] == '.' || rs[j] == '!' || rs[j] == '?') {
				j++
			}
			out = append(out, span{start: i, end: j})
		case r == '-' || r == '*' || r == '=' || r == '<' || r == '>' || r == '~' || r == '#' || r == '+' || r == '_' || r == '$':
			for j < e && rs[j] == r {
				j++
			}
			out = append(out, span{start: i, end: j})
		case r == ':' || r == ';':
			j = emoticonEnd(rs, i, e)
			out = append(out, span{start: i, end: j})
		default:
			out = append(out, span{start: i, end: j})
		}
		i = j
	}
	return out
}

// emoticonEnd returns the end of an emoticon such as ":)" or ":-(" starting
// at i, or i+1 when there is none.
func emoticonEnd(rs []rune, i, e int) int {
	j := i + 1
	if j < e && rs[j] == '-' {
		j++
	}
	if j < e && (rs[j] == ')' || rs[j] == '(' || rs[j] == 'D' || rs[j] == 'P') && (j+1 == e || !isAlnum(rs[j+1])) {
		return j + 1
	}
	return i + 1
}

// cliticEnd returns the end of a clitic ('s, 'll, ...) that starts with the
// apostrophe at i, or i+1 when the apostrophe stands alone.
func cliticEnd(rs []rune, i, e int) int {
	j := i + 1
	for j < e && isLetter(rs[j]) {
		j++
	}
	if j < e && isWordRune(rs[j]) {
		return i + 1
	}
	if isClitic(rs[i+1 : j]) {
		return j
	}
	return i + 1
}

// isClitic reports whether rs (after the apostrophe) is s, m, d, re, ve or ll.
func isClitic(rs []rune) bool {
	switch len(rs) {
	case 1:
		c := lower(rs[0])
		return c == 's' || c == 'm' || c == 'd'
	case 2:
		a, b := lower(rs[0]), lower(rs[1])
		return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l'
	}
	return false
}

// wordEnd scans the word starting at i and returns its end; abbr reports
// that the word is an abbreviation and the end includes its final period.
func (t *Tokenizer) wordEnd(rs []rune, i, e int) (end int, abbr bool) {
	j, seg, dots := i+1, i, 0
	var buf [32]byte
scan:
	for j < e {
		r := rs[j]
		if isWordRune(r) {
			j++
			continue
		}
		if j+1 >= e {
			break
		}
		prev, next := rs[j-1], rs[j+1]
		switch {
		case r == '.' && isAlnum(next):
			dots++
		case (r == ',' || r == ':' || r == '/') && isDigit(prev) && isDigit(next):
		case r == '&' && isUpper(prev) && isUpper(next):
		case isApostrophe(r) && isLetter(prev) && isLetter(next):
		case isHyphen(r) && isAlnum(next):
			if !(seg == i && t.prefixes[string(lowerKey(buf[:], rs[i:j]))]) && !phoneGroup(rs, seg, j, e) {
				break scan
			}
			seg = j + 1
		default:
			break scan
		}
		j++
	}
	if j < e && rs[j] == '.' && (j+1 == e || rs[j+1] != '.' || j+2 == e || rs[j+2] != '.') && t.isAbbrev(rs, i, j, dots) {
		return j + 1, true
	}
	return j, false
}

// phoneGroup reports whether the hyphen at h joins digit groups of a
// telephone number ("571-9571", "3-5213", "713-853-1234").
func phoneGroup(rs []rune, seg, h, e int) bool {
	if h-seg > 3 || !allDigits(rs[seg:h]) {
		return false
	}
	k := h + 1
	for k < e && isDigit(rs[k]) {
		k++
	}
	if k < e && isAlnum(rs[k]) {
		return false
	}
	switch k - h - 1 {
	case 4:
		return true
	case 3:
		// Two groups of three are a range ("100-200") unless a last group follows.
		return h-seg == 3 && k+5 <= e && isHyphen(rs[k]) && allDigits(rs[k+1:k+5]) && (k+5 == e || !isAlnum(rs[k+5]))
	}
	return false
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}

// isAbbrev reports whether the word rs[i:j], followed by a period, is an
// abbreviation that keeps the period: an initial ("J."), a dotted
// abbreviation ("U.S", "e.g") or a listed title or abbreviation.
func (t *Tokenizer) isAbbrev(rs []rune, i, j, dots int) bool {
	w := rs[i:j]
	if len(w) == 1 {
		return isLetter(w[0])
	}
	if dots > 0 {
		// Every part between the dots is one to three letters: "U.S", "Ph.D".
		n := 0
		for _, r := range w {
			switch {
			case r == '.':
				if n == 0 {
					return false
				}
				n = 0
			case isLetter(r):
				n++
				if n > 3 {
					return false
				}
			default:
				return false
			}
		}
		return n > 0
	}
	if len(w) > 8 {
		return false
	}
	var buf [32]byte
	k := string(lowerKey(buf[:], w))
	switch k {
	case "vs", "etc", "cf", "approx", "viz":
		return true
	case "no", "nos":
		return isUpper(w[0]) && nextVisibleDigit(rs, j+1)
	}
	return isUpper(w[0]) && (t.titles[k] || t.enders[k])
}

// nextVisibleDigit reports whether the first non-space code point from i on
// is a digit.
func nextVisibleDigit(rs []rune, i int) bool {
	for ; i < len(rs); i++ {
		if !isSpace(rs[i]) {
			return isDigit(rs[i])
		}
	}
	return false
}

// word appends the syntactic words of the word rs[i:j]: contractions and
// possessives are split ("do" "n't", "Elena" "'s"), as are the whole words
// EWT splits ("can" "not", "gon" "na") and times like "5pm".
func (t *Tokenizer) word(rs []rune, i, j int, out []span) []span {
	n := j - i
	if n >= 2 && n <= 8 {
		var buf [32]byte
		if lens, ok := t.whole[string(lowerKey(buf[:], rs[i:j]))]; ok {
			for _, l := range lens {
				out = append(out, span{start: i, end: i + l})
				i += l
			}
			return out
		}
	}
	if n >= 4 && lower(rs[j-3]) == 'n' && isApostrophe(rs[j-2]) && lower(rs[j-1]) == 't' {
		return append(out, span{start: i, end: j - 3}, span{start: j - 3, end: j})
	}
	for a := j - 1; a > i && a >= j-3; a-- {
		if isApostrophe(rs[a]) {
			if isClitic(rs[a+1 : j]) {
				return append(out, span{start: i, end: a}, span{start: a, end: j})
			}
			break
		}
	}
	if n >= 3 && isDigit(rs[i]) {
		l0, l1 := lower(rs[j-2]), lower(rs[j-1])
		if (l0 == 'a' || l0 == 'p') && l1 == 'm' && isDigit(rs[j-3]) {
			return append(out, span{start: i, end: j - 2}, span{start: j - 2, end: j})
		}
	}
	return append(out, span{start: i, end: j})
}

// urlCore finds a URL or e-mail address in the chunk rs[s:e] and returns its
// extent without surrounding punctuation.
func urlCore(rs []rune, s, e int) (cs, ce int, ok bool) {
	cs, ce = s, e
	for cs < ce && isOpener(rs[cs]) {
		cs++
	}
	for ce > cs && (isCloser(rs[ce-1]) || isSentencePunct(rs[ce-1])) {
		ce--
	}
	if ce-cs < 5 {
		return s, e, false
	}
	w := rs[cs:ce]
	if hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "ftp://") || hasPrefixFold(w, "www.") && isAlnum(w[4]) {
		return cs, ce, true
	}
	at := -1
	for k, r := range w {
		if r == '@' {
			if at >= 0 {
				return s, e, false
			}
			at = k
		}
	}
	if at <= 0 || !isAlnum(w[at-1]) || at+1 >= len(w) || !isAlnum(w[at+1]) {
		return s, e, false
	}
	for k := at + 1; k < len(w)-1; k++ {
		if w[k] == '.' && isLetter(w[k+1]) {
			return cs, ce, true
		}
	}
	return s, e, false
}

func isSentencePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

func hasPrefixFold(w []rune, p string) bool {
	if len(w) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lower(w[k]) != rune(p[k]) {
			return false
		}
	}
	return true
}
