package timex

import (
	"time"

	"github.com/sitrep/sitrep/doc"
	"unicode"
	"unicode/utf8"
)

// word is one unit of matching: usually a token, sometimes several (an ISO
// date written "2026-03-09" is three tokens or more). Hyphens between words
// written without spaces ("third-quarter") are dropped and recorded in hyph.
type word struct {
	tok, end int   // tokens [tok, end) in Doc.Tokens
	e        entry // lexicon entry; kind kNone when the word is not in it
	num      int   // value of a number written in digits, -1 otherwise
	ndig     int   // number of digits of num
	ord      int   // value of an ordinal written in digits ("23rd"), 0 otherwise
	decade   int   // 1990 for "1990s", 80 for "80s" (century unknown), -1 otherwise
	half     bool  // "1/2"
	clock    string
	day      time.Time // a full date written in digits
	cap      bool      // starts with an upper-case letter
	hyph     bool      // joined to the previous word by a hyphen, no spaces
	glued    bool      // no space between the previous word and this one
	mid      bool      // a "mid-" prefix was stripped ("mid-November")
	comma    bool      // a number written with thousands separators ("1,000")
}

// is reports whether the word is function word f.
func (w *word) is(f int) bool { return w.e.kind == kFunc && int(w.e.val) == f }

// words appends to ws the words of tokens [first, last).
func (m *matcher) words(ws []word, first, last int) []word {
	toks := m.d.Tokens
	hyph := false
	for k := first; k < last; k++ {
		tk := &toks[k]
		if isDash(tk.Text) && k > first && k+1 < last && !toks[k-1].SpaceAfter && !tk.SpaceAfter && len(ws) > 0 && !hyph {
			hyph = true
			continue
		}
		w := word{tok: k, end: k + 1, hyph: hyph, num: -1, decade: -1}
		w.glued = k > first && !toks[k-1].SpaceAfter
		hyph = false
		if day, n := isoDate(toks, k, last); n > 0 {
			w.day = day
			w.end = k + n
			k += n - 1
			ws = append(ws, w)
			continue
		}
		m.t.classify(&w, tk.Text)
		ws = append(ws, w)
	}
	return ws
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "‐" || s == "‑" }

// isoDate reports the date and number of tokens of an ISO date
// (2026-03-09) starting at toks[k], or 0.
func isoDate(toks []doc.Token, k, last int) (time.Time, int) {
	if k+4 >= last {
		return time.Time{}, 0
	}
	a, h1, b, h2, c := toks[k].Text, toks[k+1].Text, toks[k+2].Text, toks[k+3].Text, toks[k+4].Text
	if len(a) != 4 || len(b) != 2 || len(c) != 2 || !isDash(h1) || !isDash(h2) {
		return time.Time{}, 0
	}
	for i := k; i < k+4; i++ {
		if toks[i].SpaceAfter {
			return time.Time{}, 0
		}
	}
	y, m, d := digits(a), digits(b), digits(c)
	if !valid(y, m, d) {
		return time.Time{}, 0
	}
	return date(y, time.Month(m), d), 5
}

// digits returns the value of an all-digit string, or -1.
func digits(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// classify fills in what the word's text says.
func (t *Tagger) classify(w *word, s string) {
	if s == "" {
		return
	}
	r, _ := utf8.DecodeRuneInString(s)
	w.cap = unicode.IsUpper(r)
	if '0' <= s[0] && s[0] <= '9' {
		classifyDigits(w, s)
		return
	}
	var buf [24]byte
	if len(s) > len(buf) {
		return
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	key := buf[:n]
	if e, ok := t.lex[string(key)]; ok {
		w.e = e
	} else if n > 4 && string(key[:4]) == "mid-" {
		w.mid = true
		rest := s[4:]
		if '0' <= rest[0] && rest[0] <= '9' {
			classifyDigits(w, rest)
			return
		}
		if e, ok := t.lex[string(key[4:])]; ok {
			w.e = e
			r, _ := utf8.DecodeRuneInString(rest)
			w.cap = unicode.IsUpper(r)
		}
	}
	if (w.e.kind == kMonth || w.e.kind == kWeekday) && !w.cap {
		w.e = entry{}
	}
}

// classifyDigits reads a word that starts with a digit.
func classifyDigits(w *word, s string) {
	i := 0
	n := 0
	nd := 0
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			if nd < 9 {
				n = n*10 + int(c-'0')
			}
			nd++
			i++
			continue
		}
		// Thousands separators: "1,000".
		if c == ',' && nd > 0 && i+4 <= len(s) && allDigits(s[i+1:i+4]) && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			w.comma = true
			i++
			continue
		}
		break
	}
	rest := s[i:]
	switch {
	case rest == "":
		w.num, w.ndig = n, nd
	case rest == "s" || rest == "'s" || rest == "’s":
		if nd == 4 && n%10 == 0 {
			w.decade = n
		} else if nd == 2 && n%10 == 0 {
			w.decade = n
		}
	case rest == "st" || rest == "nd" || rest == "rd" || rest == "th":
		if nd <= 3 {
			w.ord = n
		}
	case rest == "/2" && n == 1:
		w.half = true
	case len(rest) >= 3 && rest[0] == ':' && nd <= 2 && n <= 24:
		mm := digits(rest[1:3])
		if mm >= 0 && mm < 60 && (len(rest) == 3 || (rest[3] == ':' && len(rest) == 6 && digits(rest[4:6]) >= 0)) {
			w.clock = string([]byte{byte('0' + n/10), byte('0' + n%10), ':', rest[1], rest[2]})
		}
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
