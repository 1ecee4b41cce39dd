package attribeval

import (
	"cmp"
	"slices"

	"github.com/sitrep/sitrep/attrib"
	"github.com/sitrep/sitrep/doc"
)

// Score counts the spans of one kind: predicted, gold, and matched pairs.
type Score struct {
	Kind    string `json:"kind"`
	Pred    int    `json:"pred"`
	Gold    int    `json:"gold"`
	Matched int    `json:"matched"`
}

// P returns the precision: the share of predicted spans matched.
func (s Score) P() float64 { return ratio(s.Matched, s.Pred) }

// R returns the recall: the share of gold spans matched.
func (s Score) R() float64 { return ratio(s.Matched, s.Gold) }

// F1 returns the harmonic mean of P and R.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scorer accumulates the scores of documents, one Score per span kind.
type Scorer struct {
	Docs  int
	Kinds []Score
}

// NewScorer returns a scorer of source, cue and content spans.
func NewScorer() *Scorer {
	return &Scorer{Kinds: []Score{{Kind: Source}, {Kind: Cue}, {Kind: Content}}}
}

// Predicted returns the spans of the attributions found, as the scorer
// compares them: every source, every cue and every content. Attributions
// without a cue (a hedge such as "reportedly" alone) give no span. Each
// span's ID is the name of the rule that found its attribution.
func Predicted(atts []attrib.Attribution) []Span {
	var out []Span
	for _, a := range atts {
		if a.Cue.IsZero() {
			continue
		}
		if !a.Source.IsZero() {
			out = append(out, Span{ID: a.Rule, Kind: Source, Frags: []doc.Span{a.Source}})
		}
		out = append(out, Span{ID: a.Rule, Kind: Cue, Frags: []doc.Span{a.Cue}})
		if !a.Content.IsZero() {
			out = append(out, Span{ID: a.Rule, Kind: Content, Frags: []doc.Span{a.Content}})
		}
	}
	return out
}

// Add scores the predicted spans of document d against its gold spans. Two
// spans of the same kind match when they share a token of d; each span
// matches at most one other, pairs sharing the most tokens first. Spans
// repeated with the same kind and offsets count once.
func (sc *Scorer) Add(d *doc.Doc, gold, pred []Span) {
	sc.Docs++
	tokOf := tokenIndex(d)
	for k := range sc.Kinds {
		g, _ := tokenSets(tokOf, gold, sc.Kinds[k].Kind)
		p, _ := tokenSets(tokOf, pred, sc.Kinds[k].Kind)
		sc.Kinds[k].Gold += len(g)
		sc.Kinds[k].Pred += len(p)
		usedG, _ := match(g, p)
		for _, u := range usedG {
			if u {
				sc.Kinds[k].Matched++
			}
		}
	}
}

// Unmatched returns, for the spans of one kind, the gold spans that no
// predicted span matches and the predicted spans that match no gold span,
// as Add pairs them (repeated spans once).
func Unmatched(d *doc.Doc, gold, pred []Span, kind string) (missed, spurious []Span) {
	tokOf := tokenIndex(d)
	g, gi := tokenSets(tokOf, gold, kind)
	p, pi := tokenSets(tokOf, pred, kind)
	usedG, usedP := match(g, p)
	for i, u := range usedG {
		if !u {
			missed = append(missed, gold[gi[i]])
		}
	}
	for i, u := range usedP {
		if !u {
			spurious = append(spurious, pred[pi[i]])
		}
	}
	return missed, spurious
}

// Kind returns the score of the given kind.
func (sc *Scorer) Kind(kind string) Score {
	for _, s := range sc.Kinds {
		if s.Kind == kind {
			return s
		}
	}
	return Score{Kind: kind}
}

// tokenIndex maps each code point of d's text to the index of the token
// covering it, or -1.
func tokenIndex(d *doc.Doc) []int {
	n := 0
	for range d.Text {
		n++
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = -1
	}
	for ti, t := range d.Tokens {
		for c := max(t.Start, 0); c < t.End && c < n; c++ {
			idx[c] = ti
		}
	}
	return idx
}

// tokenSets returns the sorted token sets of the spans of the given kind,
// without duplicates and without spans covering no token, and for each the
// index in spans of the span it comes from.
func tokenSets(tokOf []int, spans []Span, kind string) ([][]int, []int) {
	var out [][]int
	var from []int
	for si, s := range spans {
		if s.Kind != kind {
			continue
		}
		var set []int
		for _, f := range s.Frags {
			for c := max(f.Start, 0); c < f.End && c < len(tokOf); c++ {
				if t := tokOf[c]; t >= 0 && (len(set) == 0 || set[len(set)-1] != t) {
					set = append(set, t)
				}
			}
		}
		slices.Sort(set)
		set = slices.Compact(set)
		if len(set) == 0 || slices.ContainsFunc(out, func(o []int) bool { return slices.Equal(o, set) }) {
			continue
		}
		out = append(out, set)
		from = append(from, si)
	}
	return out, from
}

// match pairs gold and predicted token sets sharing tokens, one to one,
// greedily by the number of tokens shared, and returns which gold and
// which predicted sets are paired.
func match(gold, pred [][]int) (usedG, usedP []bool) {
	type pair struct{ g, p, n int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			if n := shared(g, p); n > 0 {
				pairs = append(pairs, pair{gi, pi, n})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.n, a.n) })
	usedG = make([]bool, len(gold))
	usedP = make([]bool, len(pred))
	for _, x := range pairs {
		if usedG[x.g] || usedP[x.p] {
			continue
		}
		usedG[x.g], usedP[x.p] = true, true
	}
	return usedG, usedP
}

// shared counts the elements two sorted sets share.
func shared(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
