package depparse

import (
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/wordform"
)

// Feature extraction follows the rich non-local templates of Zhang and Nivre
// (2011) for arc-eager parsing: words and tags of the stack and buffer tops,
// heads and outermost dependents, distance, valency and label sets, plus a
// few templates over the second stack item, universal tags, the words next
// to the stack and buffer tops, and capitalisation.

// sentence holds the per-word hashes features are built from; index 0 is
// unused, n+1 is the root.
type sentence struct {
	word, tag, upos, suffix, shape []uint64
	// punct and verbs count punctuation and verbs up to each position, so
	// the words between two positions are counted in constant time.
	punct, verbs []int
}

const (
	hashNone = 0x9e3779b97f4a7c15
	hashRoot = 0x7f4a7c159e3779b9
)

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// normWord lowercases a word and maps digits to '0' so numbers share
// features.
func normWord(w string) string {
	hasUpperOrDigit := false
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			hasUpperOrDigit = true
			break
		}
	}
	if !hasUpperOrDigit {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte('0')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func suffix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[len(r)-n:])
}

// prepare fills s from words, XPOS and UPOS tags.
func (s *sentence) prepare(words, xpos, upos []string) {
	n := len(words)
	s.word = resize(s.word, n+2)
	s.tag = resize(s.tag, n+2)
	s.upos = resize(s.upos, n+2)
	s.suffix = resize(s.suffix, n+2)
	s.shape = resize(s.shape, n+2)
	s.word[0], s.tag[0], s.upos[0], s.suffix[0], s.shape[0] = hashNone, hashNone, hashNone, hashNone, hashNone
	for i := 0; i < n; i++ {
		w := normWord(wordform.Normalize(words[i]))
		s.word[i+1] = hashString(w)
		s.tag[i+1] = hashString(xpos[i])
		s.upos[i+1] = hashString(upos[i])
		s.suffix[i+1] = hashString(suffix(w, 3))
		s.shape[i+1] = shapeOf(words[i], i == 0)
	}
	s.word[n+1], s.tag[n+1], s.upos[n+1], s.suffix[n+1], s.shape[n+1] = hashRoot, hashRoot, hashRoot, hashRoot, hashRoot
	s.punct = resizeInts(s.punct, n+2)
	s.verbs = resizeInts(s.verbs, n+2)
	for i := 1; i <= n+1; i++ {
		s.punct[i], s.verbs[i] = s.punct[i-1], s.verbs[i-1]
		if i <= n {
			switch upos[i-1] {
			case "PUNCT":
				s.punct[i]++
			case "VERB", "AUX":
				s.verbs[i]++
			}
		}
	}
}

func resizeInts(xs []int, n int) []int {
	if cap(xs) < n {
		return make([]int, n)
	}
	return xs[:n]
}

// between returns the capped counts of punctuation and verbs strictly
// between positions a < b, as one feature value.
func (s *sentence) between(a, b int) uint64 {
	if a < 0 || b < 0 || b-a < 2 {
		return 0
	}
	p := min(s.punct[b-1]-s.punct[a], 3)
	v := min(s.verbs[b-1]-s.verbs[a], 2)
	return uint64(1 + p*3 + v)
}

func resize(xs []uint64, n int) []uint64 {
	if cap(xs) < n {
		return make([]uint64, n)
	}
	return xs[:n]
}

// featureSet accumulates hashed features. When split is set, the features
// of the templates that read only the buffer's first three words go to buf,
// and only when withBuffer is set: a parser scores them once per buffer
// front rather than at every move.
type featureSet struct {
	fs, buf    []uint64
	split      bool
	withBuffer bool
}

func hashFeature(tmpl uint64, a, b, c uint64) uint64 {
	h := tmpl*0x9e3779b97f4a7c15 + a
	h = mix(h) + b
	h = mix(h) + c
	return mix(h)
}

func (f *featureSet) add(tmpl uint64, a, b, c uint64) {
	f.fs = append(f.fs, hashFeature(tmpl, a, b, c))
}

// addBuffer adds a feature of a template that reads only the buffer.
func (f *featureSet) addBuffer(tmpl uint64, a, b, c uint64) {
	switch {
	case !f.split:
		f.fs = append(f.fs, hashFeature(tmpl, a, b, c))
	case f.withBuffer:
		f.buf = append(f.buf, hashFeature(tmpl, a, b, c))
	}
}

// at returns the hash of xs at position i, or hashNone.
func at(xs []uint64, i int) uint64 {
	if i < 0 {
		return hashNone
	}
	return xs[i]
}

func idx(xs []int, i int) int {
	if i < 0 {
		return none
	}
	return xs[i]
}

func labelHash(s *state, i int) uint64 {
	if i < 0 || s.label[i] < 0 {
		return hashNone
	}
	return uint64(s.label[i]) + 1
}

func distance(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	default:
		return 7
	}
}

func capCount(n int) uint64 {
	if n > 4 {
		return 4
	}
	return uint64(n)
}

// extract computes the features of configuration st into f.
func (f *featureSet) extract(sn *sentence, st *state) {
	f.fs = f.fs[:0]
	if f.withBuffer {
		f.buf = f.buf[:0]
	}
	s0 := st.stackAt(0)
	s1 := st.stackAt(1)
	n0 := st.bufAt(0)
	n1 := st.bufAt(1)
	n2 := st.bufAt(2)
	s0h := idx(st.head, s0)
	s0h2 := idx(st.head, s0h)
	s0l, s0l2 := idx(st.left1, s0), idx(st.left2, s0)
	s0r, s0r2 := idx(st.right1, s0), idx(st.right2, s0)
	n0l, n0l2 := idx(st.left1, n0), idx(st.left2, n0)

	w, p, u := sn.word, sn.tag, sn.upos
	S0w, S0p, N0w, N0p := at(w, s0), at(p, s0), at(w, n0), at(p, n0)
	N1w, N1p, N2w, N2p := at(w, n1), at(p, n1), at(w, n2), at(p, n2)
	const z = 0
	var t uint64
	next := func() uint64 { t++; return t }

	// Single words.
	f.add(next(), S0w, S0p, z)
	f.add(next(), S0w, z, z)
	f.add(next(), S0p, z, z)
	f.addBuffer(next(), N0w, N0p, z)
	f.addBuffer(next(), N0w, z, z)
	f.addBuffer(next(), N0p, z, z)
	f.addBuffer(next(), N1w, N1p, z)
	f.addBuffer(next(), N1w, z, z)
	f.addBuffer(next(), N1p, z, z)
	f.addBuffer(next(), N2w, N2p, z)
	f.addBuffer(next(), N2w, z, z)
	f.addBuffer(next(), N2p, z, z)
	// Word pairs.
	f.add(next(), S0w, S0p, mix(N0w^N0p))
	f.add(next(), S0w, S0p, N0w)
	f.add(next(), S0w, N0w, N0p)
	f.add(next(), S0w, S0p, N0p)
	f.add(next(), S0p, N0w, N0p)
	f.add(next(), S0w, N0w, z)
	f.add(next(), S0p, N0p, z)
	f.addBuffer(next(), N0p, N1p, z)
	// Three words.
	f.addBuffer(next(), N0p, N1p, N2p)
	f.add(next(), S0p, N0p, N1p)
	f.add(next(), at(p, s0h), S0p, N0p)
	f.add(next(), S0p, at(p, s0l), N0p)
	f.add(next(), S0p, at(p, s0r), N0p)
	f.add(next(), S0p, N0p, at(p, n0l))
	// Distance.
	d := distance(s0, n0)
	f.add(next(), S0w, d, z)
	f.add(next(), S0p, d, z)
	f.add(next(), N0w, d, z)
	f.add(next(), N0p, d, z)
	f.add(next(), S0w, N0w, d)
	f.add(next(), S0p, N0p, d)
	// Valency.
	var vl0, vr0, vln uint64
	if s0 >= 0 {
		vl0, vr0 = capCount(st.nleft[s0]), capCount(st.nright[s0])
	}
	if n0 >= 0 {
		vln = capCount(st.nleft[n0])
	}
	f.add(next(), S0w, vr0, z)
	f.add(next(), S0p, vr0, z)
	f.add(next(), S0w, vl0, z)
	f.add(next(), S0p, vl0, z)
	f.add(next(), N0w, vln, z)
	f.add(next(), N0p, vln, z)
	// Unigrams of heads and dependents.
	f.add(next(), at(w, s0h), z, z)
	f.add(next(), at(p, s0h), z, z)
	f.add(next(), labelHash(st, s0), z, z)
	f.add(next(), at(w, s0l), z, z)
	f.add(next(), at(p, s0l), z, z)
	f.add(next(), labelHash(st, s0l), z, z)
	f.add(next(), at(w, s0r), z, z)
	f.add(next(), at(p, s0r), z, z)
	f.add(next(), labelHash(st, s0r), z, z)
	f.add(next(), at(w, n0l), z, z)
	f.add(next(), at(p, n0l), z, z)
	f.add(next(), labelHash(st, n0l), z, z)
	// Third order.
	f.add(next(), at(w, s0h2), z, z)
	f.add(next(), at(p, s0h2), z, z)
	f.add(next(), labelHash(st, s0h), z, z)
	f.add(next(), at(w, s0l2), z, z)
	f.add(next(), at(p, s0l2), z, z)
	f.add(next(), labelHash(st, s0l2), z, z)
	f.add(next(), at(w, s0r2), z, z)
	f.add(next(), at(p, s0r2), z, z)
	f.add(next(), labelHash(st, s0r2), z, z)
	f.add(next(), at(w, n0l2), z, z)
	f.add(next(), at(p, n0l2), z, z)
	f.add(next(), labelHash(st, n0l2), z, z)
	f.add(next(), S0p, at(p, s0l), at(p, s0l2))
	f.add(next(), S0p, at(p, s0r), at(p, s0r2))
	f.add(next(), S0p, at(p, s0h), at(p, s0h2))
	f.add(next(), N0p, at(p, n0l), at(p, n0l2))
	// Label sets.
	var sl0, sr0, sln uint64
	if s0 >= 0 {
		sl0, sr0 = st.lset[s0], st.rset[s0]
	}
	if n0 >= 0 {
		sln = st.lset[n0]
	}
	f.add(next(), S0w, sr0, z)
	f.add(next(), S0p, sr0, z)
	f.add(next(), S0w, sl0, z)
	f.add(next(), S0p, sl0, z)
	f.add(next(), N0w, sln, z)
	f.add(next(), N0p, sln, z)
	// Second stack item, universal tags and suffixes.
	S1p := at(p, s1)
	f.add(next(), at(w, s1), S1p, z)
	f.add(next(), S1p, S0p, N0p)
	f.add(next(), S1p, S0p, z)
	f.add(next(), at(u, s0), at(u, n0), at(u, n1))
	f.add(next(), at(u, s1), at(u, s0), at(u, n0))
	f.add(next(), at(sn.suffix, s0), N0p, z)
	f.add(next(), S0p, at(sn.suffix, n0), z)
	f.add(next(), at(u, s0), at(u, n0), d)
	f.add(next(), boolHash(st.head[max(s0, 0)] != none && s0 >= 0), S0p, N0p)
	// What lies between the stack and buffer tops, the third stack item, and
	// buffer word bigrams.
	btw := sn.between(s0, n0)
	f.add(next(), btw, S0p, N0p)
	f.add(next(), btw, d, z)
	f.add(next(), btw, S0w, N0p)
	f.add(next(), btw, S0p, N0w)
	s2 := st.stackAt(2)
	f.add(next(), at(p, s2), S1p, S0p)
	f.addBuffer(next(), N0w, N1w, z)
	f.addBuffer(next(), N0p, N1w, z)
	f.addBuffer(next(), N0w, N1p, z)
	f.add(next(), S0w, N0w, N1p)
	f.add(next(), S1p, S0w, N0p)
	// Linear context of the stack top and the buffer front.
	if s0 >= 0 {
		f.add(next(), S0p, at(p, s0+1), N0p)
		f.add(next(), at(p, s0-1), S0p, N0p)
	} else {
		next()
		next()
	}
	if n0 >= 1 {
		f.add(next(), S0p, at(p, n0-1), N0p)
	} else {
		next()
	}
	// Capitalisation.
	f.add(next(), mix(at(sn.shape, s0)^at(sn.shape, n0)<<8), S0p, N0p)
	f.addBuffer(next(), mix(at(sn.shape, n0)^at(sn.shape, n1)<<8), N0p, N1p)
}

// shapeOf classifies a word's capitalisation: lower, capitalised (apart
// from the first word of a sentence), all capitals, or neither.
func shapeOf(w string, first bool) uint64 {
	var upper, lower, letters int
	firstUpper := false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
			letters++
		}
	}
	switch {
	case letters == 0:
		return 1
	case upper == 0:
		return 2
	case lower == 0 && upper > 1:
		return 3
	case firstUpper && first:
		return 4
	case firstUpper:
		return 5
	default:
		return 6
	}
}

func boolHash(b bool) uint64 {
	if b {
		return 2
	}
	return 1
}
