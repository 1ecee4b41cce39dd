// Package event defines sitrep's event record, the stable contract of
// DESIGN.md ("The record (JSON Lines, one event per line)"): Go types whose
// JSON form is exactly that record, the derivation of the CAMEO and PLOVER
// fields from the ontology, a stable record id, and a JSON Lines writer and
// reader.
//
// Absent values are omitted from the JSON, never invented: fields where zero
// is a meaningful value (a Goldstein weight of 0, penta class 0, latitude 0)
// are pointers, and an actor without a span in the text (an implicit
// argument) is written without offsets.
package event

import (
	"fmt"

	"github.com/sitrep/sitrep/ontology"
)

// Status says whether an event happened, according to the text.
type Status string

// The statuses of DESIGN.md.
const (
	// Asserted events are stated as having happened or happening.
	Asserted Status = "asserted"
	// Negated events are stated as not having happened ("did not attack",
	// "refused to").
	Negated Status = "negated"
	// Intended events are proposed, planned, expected or future.
	Intended Status = "intended"
	// Hypothetical events are conditional or merely possible ("might",
	// "could", "if").
	Hypothetical Status = "hypothetical"
)

// Valid reports whether s is one of the four statuses.
func (s Status) Valid() bool {
	switch s {
	case Asserted, Negated, Intended, Hypothetical:
		return true
	}
	return false
}

// Record is one coded event, one line of sitrep's JSON Lines output.
type Record struct {
	// ID is the record's stable id (see StableID).
	ID string `json:"id"`
	// Doc is the id of the input document.
	Doc string `json:"doc"`
	// Sentence is the index of the sentence in the document, from 0.
	Sentence int `json:"sentence"`
	// Text is the sentence exactly as in the document.
	Text string `json:"text"`
	// Trigger is the word or phrase that carries the event.
	Trigger *Span `json:"trigger,omitempty"`
	// Cameo is the CAMEO event code ("125").
	Cameo string `json:"cameo,omitempty"`
	// CameoRoot is the two-digit root of Cameo ("12").
	CameoRoot string `json:"cameo_root,omitempty"`
	// Goldstein is the Goldstein weight of Cameo; nil when not coded.
	Goldstein *float64 `json:"goldstein,omitempty"`
	// QuadClass is GDELT's quad class, 1 to 4; 0 when not coded.
	QuadClass int `json:"quad_class,omitempty"`
	// PentaClass is the penta class, 0 to 4; nil when not coded.
	PentaClass *int `json:"penta_class,omitempty"`
	// PLOVER is the PLOVER coding; nil where PLOVER has no event type.
	PLOVER *PLOVER `json:"plover,omitempty"`
	// Status says whether the event happened.
	Status Status `json:"status,omitempty"`
	// Source lists the actors doing the event.
	Source []Actor `json:"source,omitempty"`
	// Target lists the actors the event is done to.
	Target []Actor `json:"target,omitempty"`
	// Date is when the event happened, as precisely as the text says.
	Date *Date `json:"date,omitempty"`
	// Location is where the event happened.
	Location *Location `json:"location,omitempty"`
	// Attribution says on whose word the event is reported.
	Attribution *Attribution `json:"attribution,omitempty"`
	// Links relates the event to other events.
	Links []Link `json:"links,omitempty"`
	// Confidence is the coder's confidence, in (0, 1]; 0 means not given.
	Confidence float64 `json:"confidence,omitempty"`
	// Explain says which rule or pattern fired, on which tokens.
	Explain string `json:"explain,omitempty"`
}

// Span is a piece of the document text with its offsets, in Unicode code
// points, End exclusive.
type Span struct {
	// Text is the text of the span.
	Text string `json:"text"`
	// Start is the offset of the first code point.
	Start int `json:"start"`
	// End is the offset just past the last code point.
	End int `json:"end"`
}

// PLOVER is the PLOVER coding of an event.
type PLOVER struct {
	// Type is the PLOVER event type ("REJECT").
	Type string `json:"type"`
	// Mode is the mode within the type ("meet"), empty when none.
	Mode string `json:"mode,omitempty"`
	// Context lists the PLOVER contexts ("diplomatic").
	Context []string `json:"context,omitempty"`
}

// Date is the time of an event. Start and End bound the interval the text
// allows (YYYY-MM-DD); Value is its ISO 8601 / TIMEX3 value ("2026-W10").
type Date struct {
	// Text is the date expression as written ("last week").
	Text string `json:"text,omitempty"`
	// Value is the normalised value ("2026-W10").
	Value string `json:"value,omitempty"`
	// Start is the first day of the interval.
	Start string `json:"start,omitempty"`
	// End is the last day of the interval.
	End string `json:"end,omitempty"`
	// Precision is "day", "week", "month", "year", ...
	Precision string `json:"precision,omitempty"`
}

// Location is the place of an event. Lat and Lon are pointers because 0 is
// a coordinate.
type Location struct {
	// Text is the place as written.
	Text string `json:"text,omitempty"`
	// Name is the resolved place name.
	Name string `json:"name,omitempty"`
	// Country is the ISO 3166 alpha-3 code of the country of the place.
	Country string `json:"country,omitempty"`
	// Lat is the latitude in degrees.
	Lat *float64 `json:"lat,omitempty"`
	// Lon is the longitude in degrees.
	Lon *float64 `json:"lon,omitempty"`
}

// Attribution is the sourcing of an event.
type Attribution struct {
	// Voice is "publisher" when the article states the event in its own
	// voice, "cited" otherwise.
	Voice string `json:"voice,omitempty"`
	// Hedged is true when the text hedges ("reportedly"); it is always
	// written, since false is a statement too.
	Hedged bool `json:"hedged"`
	// Chain lists the sources, outermost first.
	Chain []Source `json:"chain,omitempty"`
}

// Source is one link of an attribution chain.
type Source struct {
	// Role is "outlet", "person", "organisation", "anonymous", ...
	Role string `json:"role,omitempty"`
	// Name is the name of the source, when it has one.
	Name string `json:"name,omitempty"`
	// Cue is the attribution cue ("according to", "said").
	Cue string `json:"cue,omitempty"`
	// Count is the number of sources, for anonymous groups; 0 when not given.
	Count int `json:"count,omitempty"`
	// Text is the source as written.
	Text string `json:"text,omitempty"`
}

// Link relates an event to another one.
type Link struct {
	// Rel is the relation ("responds_to").
	Rel string `json:"rel"`
	// Event is the id of the other event.
	Event string `json:"event"`
}

// SetCode sets the CAMEO code of r and everything derived from it: cameo,
// cameo_root, goldstein, quad_class, penta_class and plover (nil where
// PLOVER has no event type for the code). It returns an error, leaving r
// unchanged, when the ontology has no such code.
func (r *Record) SetCode(o *ontology.Ontology, code string) error {
	c, ok := o.Code(code)
	if !ok {
		return fmt.Errorf("event: unknown CAMEO code %q", code)
	}
	g, p := c.Goldstein, c.PentaClass
	r.Cameo, r.CameoRoot = c.Code, c.Root
	r.Goldstein, r.QuadClass, r.PentaClass = &g, c.QuadClass, &p
	r.PLOVER = nil
	if c.PLOVER.Type != "" {
		r.PLOVER = &PLOVER{Type: c.PLOVER.Type, Mode: c.PLOVER.Mode, Context: c.PLOVER.Context}
	}
	return nil
}

// Root returns the CAMEO root of r: CameoRoot, or the first two digits of
// Cameo when CameoRoot is empty; "" when r has no code.
func (r *Record) Root() string {
	if r.CameoRoot != "" {
		return r.CameoRoot
	}
	if len(r.Cameo) >= 2 {
		return r.Cameo[:2]
	}
	return ""
}

// Penta returns the penta class of r: PentaClass when set, otherwise the
// class of its CAMEO root; false when r has neither.
func (r *Record) Penta() (int, bool) {
	if r.PentaClass != nil {
		return *r.PentaClass, true
	}
	_, p, ok := ontology.RootClasses(r.Root())
	return p, ok
}
