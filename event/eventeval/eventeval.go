// Package eventeval scores event records against data nobody on the team
// wrote: the seed gold of ../shared/eval (seed.gold.jsonl, rules in its
// README), the PLOVER gold standard records (PLOVER_GSR_CAMEO.json) and the
// ConfliBERT CAMEO class-train sentences (class-train.tsv). It reads those
// formats and compares records; it does not code events itself.
package eventeval

import (
	"fmt"

	"github.com/sitrep/sitrep/event"
)

// Ratio is a count of right answers out of a total.
type Ratio struct {
	// Right is the number of right answers.
	Right int `json:"right"`
	// Of is the number of questions.
	Of int `json:"of"`
}

// Value returns Right/Of, and 0 when Of is 0.
func (r Ratio) Value() float64 {
	if r.Of == 0 {
		return 0
	}
	return float64(r.Right) / float64(r.Of)
}

// String formats r as "12/15 (0.800)".
func (r Ratio) String() string {
	return fmt.Sprintf("%d/%d (%.3f)", r.Right, r.Of, r.Value())
}

func (r *Ratio) add(right bool) {
	r.Of++
	if right {
		r.Right++
	}
}

// Top returns the index of the record with the highest confidence in recs,
// the first one on ties, and -1 when recs is empty. It is the record the
// PLOVER and ConfliBERT scores judge a sentence by.
func Top(recs []event.Record) int {
	best := -1
	for i := range recs {
		if best < 0 || recs[i].Confidence > recs[best].Confidence {
			best = i
		}
	}
	return best
}

// ActorCountry returns the country (or other primary) code of an actor as
// the PLOVER gold gives it: the first three letters of Code ("USA" for
// "USAGOV", "IGO" for "IGOUNO"), or Country when Code is shorter.
func ActorCountry(a event.Actor) string {
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return a.Country
}
