package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the FNV-1a hash of its template id
// followed by the template's parts; the ids are part of the saved model's
// meaning, so they must never be renumbered.
const (
	tBias = iota + 1
	tWord
	tPrefix1
	tPrefix2
	tPrefix3
	tSuffix1
	tSuffix2
	tSuffix3
	tSuffix4
	tShape
	tFlags
	tPrev1Word
	tPrev2Word
	tNext1Word
	tNext2Word
	tPrev1Suffix3
	tNext1Suffix3
	tAmb
	tPrev1Amb
	tNext1Amb
	tNext2Amb
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagWord
	tPrevTagNextWord
	tWordNextWord
	tPrevWordWord
	tNext1Shape
	tPrevTagNextAmb
	tPrevTagAmb
	tWordExact
	tPrevNextWord
	tWordCase
	tNextAmbs
	tPrev1Shape
	tAmbNextAmb
	tPrevAmbAmb
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hStart(template byte) uint64 {
	return (fnvOffset ^ uint64(template)) * fnvPrime
}

func hStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	// A separator keeps "ab"+"c" apart from "a"+"bc".
	return (h ^ 0xff) * fnvPrime
}

func hNum(h uint64, v uint64) uint64 {
	for i := 0; i < 4; i++ {
		h = (h ^ (v & 0xffff)) * fnvPrime
		v >>= 16
	}
	return h
}

// Word flags used by the tFlags template.
const (
	flagInitUpper = 1 << iota
	flagAllUpper
	flagHasUpper
	flagHasDigit
	flagHasHyphen
	flagHasApos
	flagFirst
	flagAllDigitPunct
)

// word holds the per-token values that feature extraction needs.
type word struct {
	lower string
	flags uint64
	shape uint64 // hash of the collapsed shape
	amb   uint64 // ambiguity class of the lowercased form; 0 when unknown
}

// Boundary words stand for positions before the start and after the end.
const (
	startLower = "-START-"
	endLower   = "-END-"
)

// wordAt returns the analysed word at position j, or a boundary word.
func wordAt(ws []word, j int) word {
	switch {
	case j < 0:
		return word{lower: startLower, shape: 1, amb: 1}
	case j >= len(ws):
		return word{lower: endLower, shape: 2, amb: 2}
	}
	return ws[j]
}

func analyse(text string, first bool, amb map[string]uint64) word {
	w := word{lower: strings.ToLower(text)}
	var flags uint64
	upper, letters, other := 0, 0, 0
	h := uint64(fnvOffset)
	var last rune = -1
	n := 0
	for i, r := range text {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if i == 0 {
				flags |= flagInitUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flagHasDigit
		default:
			c = r
			other++
			switch r {
			case '-':
				flags |= flagHasHyphen
			case '\'', '’':
				flags |= flagHasApos
			}
		}
		if c != last && n < 8 {
			h = (h ^ uint64(c)) * fnvPrime
			n++
		}
		last = c
	}
	if upper > 0 {
		flags |= flagHasUpper
		if upper == letters {
			flags |= flagAllUpper
		}
	}
	if letters == 0 && text != "" {
		flags |= flagAllDigitPunct
	}
	if first {
		flags |= flagFirst
	}
	w.flags = flags
	w.shape = h
	w.amb = amb[w.lower]
	return w
}

// prefix returns the first n runes of s (all of s when shorter).
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// suffix returns the last n runes of s (all of s when shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return s
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// staticFeatures appends the features of position i that do not depend on
// predicted tags. ws holds the analysed words of the sentence.
func staticFeatures(dst []uint64, ws []word, i int, text string) []uint64 {
	w := &ws[i]
	p1, p2, n1, n2 := wordAt(ws, i-1), wordAt(ws, i-2), wordAt(ws, i+1), wordAt(ws, i+2)
	lw := w.lower
	dst = append(dst,
		hStart(tBias),
		hStr(hStart(tWord), lw),
		hStr(hStart(tPrefix1), prefix(lw, 1)),
		hStr(hStart(tPrefix2), prefix(lw, 2)),
		hStr(hStart(tPrefix3), prefix(lw, 3)),
		hStr(hStart(tSuffix1), suffix(lw, 1)),
		hStr(hStart(tSuffix2), suffix(lw, 2)),
		hStr(hStart(tSuffix3), suffix(lw, 3)),
		hStr(hStart(tSuffix4), suffix(lw, 4)),
		hNum(hStart(tShape), w.shape),
		hNum(hStart(tFlags), w.flags),
		hStr(hStart(tPrev1Word), p1.lower),
		hStr(hStart(tPrev2Word), p2.lower),
		hStr(hStart(tNext1Word), n1.lower),
		hStr(hStart(tNext2Word), n2.lower),
		hStr(hStart(tPrev1Suffix3), suffix(p1.lower, 3)),
		hStr(hStart(tNext1Suffix3), suffix(n1.lower, 3)),
		hNum(hStart(tAmb), w.amb),
		hNum(hStart(tPrev1Amb), p1.amb),
		hNum(hStart(tNext1Amb), n1.amb),
		hNum(hStart(tNext2Amb), n2.amb),
		hStr(hStr(hStart(tWordNextWord), lw), n1.lower),
		hStr(hStr(hStart(tPrevWordWord), p1.lower), lw),
		hNum(hStart(tNext1Shape), n1.shape),
		hStr(hStart(tWordExact), text),
		hStr(hStr(hStart(tPrevNextWord), p1.lower), n1.lower),
		hNum(hStr(hStart(tWordCase), lw), w.flags&(flagInitUpper|flagAllUpper|flagFirst)),
		hNum(hNum(hStart(tNextAmbs), n1.amb), n2.amb),
		hNum(hStart(tPrev1Shape), p1.shape),
		hNum(hNum(hStart(tAmbNextAmb), w.amb), n1.amb),
		hNum(hNum(hStart(tPrevAmbAmb), p1.amb), w.amb),
	)
	return dst
}

// dynamicFeatures appends the features of position i that depend on the two
// previously predicted classes (p1, p2; -1 and -2 stand for the start).
func dynamicFeatures(dst []uint64, ws []word, i int, p1, p2 int) []uint64 {
	t1, t2 := uint64(p1+3), uint64(p2+3)
	next := wordAt(ws, i+1)
	n1, n1amb := next.lower, next.amb
	dst = append(dst,
		hNum(hStart(tPrevTag), t1),
		hNum(hStart(tPrev2Tag), t2),
		hNum(hNum(hStart(tPrevTags), t1), t2),
		hStr(hNum(hStart(tPrevTagWord), t1), ws[i].lower),
		hStr(hNum(hStart(tPrevTagNextWord), t1), n1),
		hNum(hNum(hStart(tPrevTagNextAmb), t1), n1amb),
		hNum(hNum(hStart(tPrevTagAmb), t1), ws[i].amb),
	)
	return dst
}
