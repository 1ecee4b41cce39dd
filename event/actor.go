package event

import "encoding/json"

// Actor is a source or target of an event. Start and End are code-point
// offsets of Text in the document, End exclusive; an actor with no span
// (an implicit argument, End == 0) is written without text and offsets.
type Actor struct {
	// Text is the actor as written.
	Text string `json:"text,omitempty"`
	// Start is the offset of the first code point of Text.
	Start int `json:"start"`
	// End is the offset just past the last code point of Text.
	End int `json:"end"`
	// Code is the CAMEO actor code ("USAGOV").
	Code string `json:"code,omitempty"`
	// Country is the ISO 3166 alpha-3 code of the actor's country.
	Country string `json:"country,omitempty"`
	// Sector is the CAMEO sector ("GOV").
	Sector string `json:"sector,omitempty"`
	// Name is the resolved name ("Tom Barrack").
	Name string `json:"name,omitempty"`
	// ID is the knowledge-base id of the actor.
	ID string `json:"id,omitempty"`
	// Via says how the actor was resolved ("dictionary", "coreference").
	Via string `json:"via,omitempty"`
}

// actorJSON is Actor with optional offsets, for writing.
type actorJSON struct {
	Text    string `json:"text,omitempty"`
	Start   *int   `json:"start,omitempty"`
	End     *int   `json:"end,omitempty"`
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Name    string `json:"name,omitempty"`
	ID      string `json:"id,omitempty"`
	Via     string `json:"via,omitempty"`
}

// MarshalJSON writes a, omitting the offsets of an actor without a span.
func (a Actor) MarshalJSON() ([]byte, error) {
	j := actorJSON{Text: a.Text, Code: a.Code, Country: a.Country, Sector: a.Sector,
		Name: a.Name, ID: a.ID, Via: a.Via}
	if a.End != 0 || a.Start != 0 {
		j.Start, j.End = &a.Start, &a.End
	}
	return json.Marshal(j)
}
