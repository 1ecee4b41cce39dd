package lemma

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/conllu"
)

// minSuffixVotes is how many word types must vote for a suffix rule
// (other than the rule of the empty suffix) for it to be kept.
const minSuffixVotes = 2

// makeRule returns the rule that rewrites form into lemma with the fewest
// cut characters, preferring to lowercase first on ties so that rules
// learned from lowercase words also lowercase capitalised ones.
func makeRule(form, lemma string) rule {
	lowered := diff(strings.ToLower(form), lemma)
	lowered.lower = true
	kept := diff(form, lemma)
	if kept.cut < lowered.cut {
		return kept
	}
	return lowered
}

// diff returns the rule (without lowercasing) that rewrites src into dst:
// cut what follows their longest common prefix, append the rest of dst.
func diff(src, dst string) rule {
	p := 0
	for p < len(src) && p < len(dst) && src[p] == dst[p] {
		p++
	}
	for p > 0 && (p < len(src) && !utf8.RuneStart(src[p]) || p < len(dst) && !utf8.RuneStart(dst[p])) {
		p--
	}
	return rule{cut: utf8.RuneCountInString(src[p:]), add: dst[p:]}
}

// counter counts rules per key.
type counter map[string]map[rule]int

func (c counter) add(key string, r rule, n int) {
	m := c[key]
	if m == nil {
		m = map[rule]int{}
		c[key] = m
	}
	m[r] += n
}

// best returns the most frequent rule of key; ties go to the rule that
// sorts first, for determinism.
func (c counter) best(key string) rule {
	var out rule
	n := -1
	for r, k := range c[key] {
		if k > n || (k == n && ruleLess(r, out)) {
			out, n = r, k
		}
	}
	return out
}

func ruleLess(a, b rule) bool {
	if a.cut != b.cut {
		return a.cut < b.cut
	}
	if a.lower != b.lower {
		return a.lower
	}
	return a.add < b.add
}

// Train learns a lemmatizer from sentences with gold lemmas and tags.
func Train(train []*conllu.Sentence) (*Lemmatizer, error) {
	words := counter{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Text == "" {
				continue
			}
			r := makeRule(w.Text, w.Lemma)
			lf := strings.ToLower(w.Text)
			words.add(lf+"\t"+tagKey("", w.XPOS), r, 1)
			words.add(lf+"\t"+tagKey(w.UPOS, ""), r, 1)
		}
	}
	if len(words) == 0 {
		return nil, errors.New("lemma: train: no lemmatised words")
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	lexicon := make(map[string]rule, len(keys))
	// Suffix rules count word types: each (form, tag) votes once.
	sfx := counter{}
	for _, k := range keys {
		r := words.best(k)
		lexicon[k] = r
		lf, tag, _ := strings.Cut(k, "\t")
		i := len(lf)
		for n := 0; ; n++ {
			sfx.add(tag+"\t"+lf[i:], r, 1)
			if n == maxSuffix || i == 0 {
				break
			}
			_, size := utf8.DecodeLastRuneInString(lf[:i])
			i -= size
		}
	}
	l := &Lemmatizer{lexicon: map[string]rule{}, suffixes: map[string]rule{}}
	skeys := make([]string, 0, len(sfx))
	for k := range sfx {
		skeys = append(skeys, k)
	}
	// Shorter suffixes sort before their extensions, so a parent's rule is
	// known when its children are visited.
	slices.SortFunc(skeys, func(a, b string) int {
		if d := len(a) - len(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	var buf []byte
	for _, k := range skeys {
		r := sfx.best(k)
		tag, suf, _ := strings.Cut(k, "\t")
		if suf != "" && sfx[k][r] < minSuffixVotes {
			continue
		}
		if suf != "" {
			_, size := utf8.DecodeRuneInString(suf)
			if parent, ok := l.suffixRule(suf[size:], tag, &buf); ok && parent == r {
				continue // the shorter suffix already gives this rule
			}
		}
		l.suffixes[k] = r
	}
	for _, k := range keys {
		r := lexicon[k]
		lf, tag, _ := strings.Cut(k, "\t")
		if sr, ok := l.suffixRule(lf, tag, &buf); ok && sr == r {
			continue
		}
		l.lexicon[k] = r
	}
	return l, nil
}
