// Package timex finds English time expressions in a tokenized document and
// normalises them to TimeML TIMEX3 values relative to the document creation
// time (DCT): calendar dates ("March 9, 2026", "2026-03-09", "1998"),
// relative dates ("yesterday", "last week", "two days ago", "earlier this
// month"), weekdays, months, seasons, quarters, decades, times of day ("10:30
// a.m.", "Tuesday morning"), durations ("two weeks", "the past five years"),
// sets ("weekly", "every Tuesday") and the TIMEX3 reference values
// PRESENT_REF, PAST_REF and FUTURE_REF.
//
// Matching is a single left-to-right pass over the tokens of each sentence
// with a small hand-written grammar over a word lexicon built once by New;
// no regular expressions are involved. Each calendar DATE or TIME also gets
// the interval of days it covers and a precision, so that events can carry
// "last week" as 2026-03-02 to 2026-03-08 rather than as a day.
package timex

import (
	"time"

	"github.com/sitrep/sitrep/doc"
)

// TIMEX3 types.
const (
	TypeDate     = "DATE"     // a calendar date or period: "March 9", "last week", "1998"
	TypeTime     = "TIME"     // a time of day: "10:30 a.m.", "Tuesday morning"
	TypeDuration = "DURATION" // an amount of time: "two weeks", "the past five years"
	TypeSet      = "SET"      // a recurrence: "weekly", "every Tuesday"
)

// Precisions of a DATE or TIME interval, from finest to coarsest.
const (
	PrecisionTime    = "time"    // a clock time or part of a day
	PrecisionDay     = "day"     // one day
	PrecisionWeek    = "week"    // an ISO week (Monday to Sunday), or a weekend
	PrecisionMonth   = "month"   // a calendar month
	PrecisionSeason  = "season"  // three months: spring is March to May, winter December to February
	PrecisionQuarter = "quarter" // a calendar quarter
	PrecisionHalf    = "half"    // half a year
	PrecisionYear    = "year"    // a calendar year
	PrecisionDecade  = "decade"  // ten years from a year ending in 0
	PrecisionCentury = "century" // a hundred years from a year ending in 00
)

// Timex is one time expression of a document with its TIMEX3 normalisation.
type Timex struct {
	// Span holds code point offsets into the document text.
	doc.Span
	// First and Last delimit the expression's tokens in Doc.Tokens: [First, Last).
	First, Last int
	// Sentence is the index of the expression's sentence in Doc.Sentences.
	Sentence int
	// Text is the expression exactly as in the document.
	Text string
	// Type is the TIMEX3 type: TypeDate, TypeTime, TypeDuration or TypeSet.
	Type string
	// Value is the TIMEX3 value: "2026-03-09", "2026-W10", "2026-Q1", "199"
	// (the 1990s), "2026-03-03TMO", "P2W", "PAST_REF", "XXXX-03-09" (a date
	// whose year is unknown), "XXXX-XX-XX" (a day that cannot be resolved).
	Value string
	// Mod is the TIMEX3 mod, when the expression has one: START ("early
	// March"), MID, END, APPROX ("about two weeks"), LESS_THAN, MORE_THAN,
	// EQUAL_OR_LESS, EQUAL_OR_MORE.
	Mod string
	// From and To are the first and last day (YYYY-MM-DD) of the interval a
	// resolved DATE or TIME covers, or that an anchored DURATION ("the past
	// two weeks") spans; empty when unknown.
	From, To string
	// Precision names the unit of a resolved DATE or TIME (PrecisionDay,
	// PrecisionWeek, ...); empty for durations, sets and references.
	Precision string
}

// Date is the form of a time expression in an event record: its text, value
// and, when known, interval and precision.
type Date struct {
	// Text is the expression as in the document; Value its TIMEX3 value;
	// Start and End the first and last day of its interval (YYYY-MM-DD);
	// Precision the unit of the interval.
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"`
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	Precision string `json:"precision,omitempty"`
}

// Date returns the expression in the form of an event record's date.
func (t Timex) Date() Date {
	return Date{Text: t.Text, Value: t.Value, Start: t.From, End: t.To, Precision: t.Precision}
}

// Tagger finds time expressions. It holds only tables built by New and is
// safe for concurrent use.
type Tagger struct {
	lex map[string]entry
}

// New returns a Tagger.
func New() *Tagger {
	return &Tagger{lex: buildLexicon()}
}

// Process finds the time expressions of d relative to its article date
// (d.Published) and sets d.Times.
func (t *Tagger) Process(d *doc.Doc) {
	d.Times = d.Times[:0]
	for _, x := range t.Find(d, d.Published) {
		d.Times = append(d.Times, doc.Time{Span: x.Span, Sentence: x.Sentence, First: x.First, Last: x.Last,
			Text: x.Text, Type: x.Type, Value: x.Value, From: x.From, To: x.To, Precision: x.Precision})
	}
}

// Find returns the time expressions of d's tokens in text order, normalised
// relative to dct, the document creation time (usually d.Published). When
// dct is zero, values that depend on it stay underspecified ("XXXX-03-09",
// "XXXX-WXX") and no interval is given for them. Find reads only the token
// texts and offsets, so a document that is tokenized but not tagged will do.
func (t *Tagger) Find(d *doc.Doc, dct time.Time) []Timex {
	var out []Timex
	m := matcher{t: t, d: d}
	if !dct.IsZero() {
		m.dct = time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC)
		m.hasDCT = true
	}
	if len(d.Sentences) == 0 && len(d.Tokens) > 0 {
		return m.sentence(out, -1, 0, len(d.Tokens))
	}
	for i, s := range d.Sentences {
		out = m.sentence(out, i, s.First, s.Last)
	}
	return out
}
