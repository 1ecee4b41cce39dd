package timexeval

import (
	"fmt"
	"io"
)

// Diff is how one document's predictions compare with its gold
// annotations.
type Diff struct {
	// Gold and Pred count the expressions.
	Gold, Pred int
	// GoldFound counts the gold expressions some prediction overlaps;
	// PredFound the predictions that overlap some gold expression; Strict
	// the predictions with exactly a gold expression's span.
	GoldFound, PredFound, Strict int
	// TypeOK and ValueOK count the found gold expressions whose best
	// overlapping prediction has the same type and value.
	TypeOK, ValueOK int
	// Missed are the gold expressions no prediction overlaps; Spurious the
	// predictions that overlap no gold expression; Wrong the pairs of a
	// found gold expression and its best prediction whose values differ.
	Missed, Spurious []Timex
	Wrong            []Pair
}

// Pair is a gold expression and the prediction matched with it.
type Pair struct {
	Gold Timex `json:"gold"`
	Pred Timex `json:"pred"`
}

// overlap returns the number of code points a and b share.
func overlap(a, b Timex) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

// Compare matches the predictions of one document with its gold
// expressions. Each gold expression is paired with the prediction that
// overlaps it most (the earliest on a tie) to judge its type and value.
func Compare(gold, pred []Timex) Diff {
	d := Diff{Gold: len(gold), Pred: len(pred)}
	used := make([]bool, len(pred))
	for _, g := range gold {
		best, bestN := -1, 0
		for j, p := range pred {
			if p.Start >= g.End {
				break
			}
			n := overlap(g, p)
			if n > bestN {
				best, bestN = j, n
			}
			if n > 0 {
				used[j] = true
			}
		}
		if best < 0 {
			d.Missed = append(d.Missed, g)
			continue
		}
		d.GoldFound++
		p := pred[best]
		if p.Type == g.Type {
			d.TypeOK++
		}
		if p.Value == g.Value {
			d.ValueOK++
		} else {
			d.Wrong = append(d.Wrong, Pair{Gold: g, Pred: p})
		}
	}
	gi := 0
	for j, p := range pred {
		if used[j] {
			d.PredFound++
		} else {
			d.Spurious = append(d.Spurious, p)
		}
		for gi < len(gold) && gold[gi].Start < p.Start {
			gi++
		}
		for k := gi; k < len(gold) && gold[k].Start == p.Start; k++ {
			if gold[k].End == p.End {
				d.Strict++
				break
			}
		}
	}
	return d
}

// Scores are the totals over a corpus.
type Scores struct {
	Docs int `json:"docs"`
	Gold int `json:"gold"`
	Pred int `json:"pred"`
	// Relaxed extent match: any overlap.
	RelaxedP  float64 `json:"relaxed_precision"`
	RelaxedR  float64 `json:"relaxed_recall"`
	RelaxedF1 float64 `json:"relaxed_f1"`
	// Strict extent match: the same span.
	StrictP  float64 `json:"strict_precision"`
	StrictR  float64 `json:"strict_recall"`
	StrictF1 float64 `json:"strict_f1"`
	// Found counts the gold expressions found (relaxed); TypeAccuracy and
	// ValueAccuracy are over them. ValueF1 is TempEval-3's value F1:
	// relaxed F1 times value accuracy.
	Found         int     `json:"found"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueAccuracy float64 `json:"value_accuracy"`
	ValueF1       float64 `json:"value_f1"`

	goldFound, predFound, strict, typeOK, valueOK int
}

// Add adds one document's comparison to the totals.
func (s *Scores) Add(d Diff) {
	s.Docs++
	s.Gold += d.Gold
	s.Pred += d.Pred
	s.goldFound += d.GoldFound
	s.predFound += d.PredFound
	s.strict += d.Strict
	s.typeOK += d.TypeOK
	s.valueOK += d.ValueOK
	s.compute()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *Scores) compute() {
	s.RelaxedP, s.RelaxedR = ratio(s.predFound, s.Pred), ratio(s.goldFound, s.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.StrictP, s.StrictR = ratio(s.strict, s.Pred), ratio(s.strict, s.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.Found = s.goldFound
	s.TypeAccuracy = ratio(s.typeOK, s.goldFound)
	s.ValueAccuracy = ratio(s.valueOK, s.goldFound)
	s.ValueF1 = s.RelaxedF1 * s.ValueAccuracy
}

// Write prints the scores as a small table.
func (s *Scores) Write(w io.Writer, name string) error {
	_, err := fmt.Fprintf(w, "%-10s docs %4d  gold %5d  pred %5d\n"+
		"  relaxed  P %.3f  R %.3f  F1 %.3f\n"+
		"  strict   P %.3f  R %.3f  F1 %.3f\n"+
		"  found %d: type accuracy %.3f  value accuracy %.3f  (value F1 %.3f)\n",
		name, s.Docs, s.Gold, s.Pred,
		s.RelaxedP, s.RelaxedR, s.RelaxedF1,
		s.StrictP, s.StrictR, s.StrictF1,
		s.Found, s.TypeAccuracy, s.ValueAccuracy, s.ValueF1)
	return err
}
