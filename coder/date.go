package coder

import (
	"slices"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// date returns the date of event cd: the time expression attached to its
// trigger in the tree ("approached Barrack last week", "strikes on
// Tuesday"), or to the predicate it governs or the verb that stages it;
// else the only dated expression of its sentence that no other event
// claims; else the article's date. Only dates and times with an interval
// count (a duration or "recently" dates nothing); nil when none of these is
// known.
func (s *sent) date(cd cand, cands []cand) *event.Date {
	var own []int // indices into s.d.Times of this sentence's dated expressions
	for i, t := range s.d.Times {
		if t.Sentence == s.idx && t.From != "" && (t.Type == "DATE" || t.Type == "TIME") {
			own = append(own, i)
		}
	}
	anchors := []int{cd.trigger}
	if cd.governed >= 0 {
		anchors = append(anchors, cd.governed)
	}
	if h := s.head(cd.trigger); h >= 0 && cd.kind == "noun" && s.rel(cd.trigger) == "obj" {
		anchors = append(anchors, h) // "carried out strikes on Tuesday"
	}
	for _, i := range own {
		if h := s.timeHead(s.d.Times[i]); h >= 0 && slices.Contains(anchors, h) {
			return timeDate(s.d.Times[i])
		}
	}
	if len(own) == 1 {
		t := s.d.Times[own[0]]
		h := s.timeHead(t)
		claimed := false
		for _, o := range cands {
			if o.trigger != cd.trigger && (o.trigger == h || o.governed == h) {
				claimed = true
			}
		}
		if !claimed {
			return timeDate(t)
		}
	}
	if p := s.d.Published; !p.IsZero() {
		day := p.Format("2006-01-02")
		return &event.Date{Value: day, Start: day, End: day, Precision: "day"}
	}
	return nil
}

// timeHead returns the local index of the token the time expression t
// hangs on in the tree: the head of its highest token; -1 when it has none.
func (s *sent) timeHead(t doc.Time) int {
	for k := t.First - s.base; k < t.Last-s.base; k++ {
		if k < 0 || k >= len(s.toks) {
			continue
		}
		if h := s.head(k); h < t.First-s.base || h >= t.Last-s.base {
			return h
		}
	}
	return -1
}

// timeDate converts a time expression to an event date.
func timeDate(t doc.Time) *event.Date {
	return &event.Date{Text: t.Text, Value: t.Value, Start: t.From, End: t.To, Precision: t.Precision}
}
