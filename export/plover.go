package export

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/sitrep/sitrep/event"
)

// PLOVERFormat returns the plover format: one JSON object a line with the
// field names of the PLOVER manual's "Data Fields" chapter (table "PLOVER
// JSON" and its entity, text, citation and location objects):
//
//   - id: the record id; has_event: true; coder: "sitrep";
//   - date (required): the first day of the event's date interval, or the
//     document's publication day when the text dates the event no
//     further; enddate: the last day when the interval is longer;
//   - actor (required) and recipient: entity objects of the source and
//     target actors: code (the country, or the first three characters of
//     the CAMEO actor code), sector, entity_text, identifier_id (our
//     knowledge base id), identifier_text (the resolved name);
//   - event (required): the PLOVER type; mode; context: the PLOVER
//     contexts, plus the manual's auxiliary contexts for the record's
//     status: "negation" (negated), "future" (intended), "hypothetical";
//   - quad_code: the quad category of the type in the manual (1 verbal
//     cooperation, 2 material cooperation, 3 verbal conflict, 4 material
//     conflict);
//   - event_loc: extracted_place, resolved_place, lat, lon, country_code;
//     event_text: the trigger; text: the sentence; text_info: sequence (the
//     sentence index);
//   - link: the merged event id, the manual's "common reference across
//     multiple related events";
//   - cite_info: citation (the document id), url, title, publication (the
//     outlet); comment: the coder's explanation.
//
// Records without a PLOVER type (CAMEO 01 and 02, which PLOVER dropped)
// or without any date are skipped (a *SkipError).
func PLOVERFormat() Format {
	return streamFormat("plover", "PLOVER JSON (the PLOVER manual's field names), one object a line", func(w io.Writer) Writer {
		return ploverWriter{jsonLines(w)}
	})
}

// ploverRecord is an event in the PLOVER manual's fields.
type ploverRecord struct {
	ID        string          `json:"id"`
	HasEvent  bool            `json:"has_event"`
	Date      string          `json:"date"`
	EndDate   string          `json:"enddate,omitempty"`
	Actor     []ploverEntity  `json:"actor"`
	Recipient []ploverEntity  `json:"recipient,omitempty"`
	Event     []string        `json:"event"`
	EventLoc  *ploverLocation `json:"event_loc,omitempty"`
	EventText []string        `json:"event_text,omitempty"`
	QuadCode  int             `json:"quad_code,omitempty"`
	Mode      []string        `json:"mode,omitempty"`
	Context   []string        `json:"context,omitempty"`
	Link      string          `json:"link,omitempty"`
	Text      string          `json:"text,omitempty"`
	TextInfo  *ploverTextInfo `json:"text_info,omitempty"`
	CiteInfo  *ploverCite     `json:"cite_info,omitempty"`
	Coder     string          `json:"coder"`
	Comment   string          `json:"comment,omitempty"`
}

// ploverEntity is the manual's information object for entities.
type ploverEntity struct {
	Code           string `json:"code,omitempty"`
	Sector         string `json:"sector,omitempty"`
	EntityText     string `json:"entity_text,omitempty"`
	IdentifierID   string `json:"identifier_id,omitempty"`
	IdentifierText string `json:"identifier_text,omitempty"`
}

// ploverLocation is the manual's location object.
type ploverLocation struct {
	ExtractedPlace string   `json:"extracted_place,omitempty"`
	ResolvedPlace  string   `json:"resolved_place,omitempty"`
	Lat            *float64 `json:"lat,omitempty"`
	Lon            *float64 `json:"lon,omitempty"`
	CountryCode    string   `json:"country_code,omitempty"`
}

// ploverTextInfo is the manual's information object for text.
type ploverTextInfo struct {
	Sequence int `json:"sequence"`
}

// ploverCite is the manual's information object for citations.
type ploverCite struct {
	Citation    string `json:"citation,omitempty"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
}

// ploverWriter writes the plover format.
type ploverWriter struct{ enc *json.Encoder }

// Write writes e as a PLOVER object, or skips it.
func (p ploverWriter) Write(e *Event) error {
	rec, err := toPLOVER(e)
	if err != nil {
		return err
	}
	if err := p.enc.Encode(rec); err != nil {
		return fmt.Errorf("event %s: %w", e.Record.ID, err)
	}
	return nil
}

// Close does nothing: every line is written whole.
func (ploverWriter) Close() error { return nil }

// ploverQuad returns the quad category of a PLOVER event type as the
// manual assigns it; 0 for a type it does not list.
func ploverQuad(typ string) int {
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return 3
	case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

// toPLOVER converts e to the PLOVER fields.
func toPLOVER(e *Event) (*ploverRecord, error) {
	r := &e.Record
	if r.PLOVER == nil || r.PLOVER.Type == "" {
		return nil, &SkipError{Reason: "no PLOVER event type"}
	}
	day, ok := e.Day()
	if !ok {
		return nil, &SkipError{Reason: "no date"}
	}
	p := &ploverRecord{ID: r.ID, HasEvent: true, Date: day.Format("2006-01-02"), Actor: ploverEntities(r.Source),
		Recipient: ploverEntities(r.Target), Event: []string{r.PLOVER.Type}, QuadCode: ploverQuad(r.PLOVER.Type),
		Text: r.Text, TextInfo: &ploverTextInfo{Sequence: r.Sentence}, Coder: "sitrep", Comment: r.Explain}
	if r.Date != nil && r.Date.End != "" && r.Date.End != r.Date.Start && r.Date.Start == p.Date {
		p.EndDate = r.Date.End
	}
	if r.PLOVER.Mode != "" {
		p.Mode = []string{r.PLOVER.Mode}
	}
	p.Context = slices.Clone(r.PLOVER.Context)
	aux := map[event.Status]string{event.Negated: "negation", event.Intended: "future", event.Hypothetical: "hypothetical"}
	if c, ok := aux[r.Status]; ok && !slices.Contains(p.Context, c) {
		p.Context = append(p.Context, c)
	}
	if l := r.Location; l != nil {
		p.EventLoc = &ploverLocation{ExtractedPlace: l.Text, ResolvedPlace: l.Name, Lat: l.Lat, Lon: l.Lon,
			CountryCode: l.Country}
	}
	if r.Trigger != nil && r.Trigger.Text != "" {
		p.EventText = []string{r.Trigger.Text}
	}
	if e.Merged != nil {
		p.Link = e.Merged.ID
	}
	p.CiteInfo = &ploverCite{Citation: r.Doc, URL: e.Doc.URL, Title: e.Doc.Title, Publication: e.Doc.Outlet}
	return p, nil
}

// ploverEntities converts actors to the manual's entity objects; the
// actor list is never null, since the manual requires it.
func ploverEntities(as []event.Actor) []ploverEntity {
	out := make([]ploverEntity, 0, len(as))
	for _, a := range as {
		code, sector := a.Country, a.Sector
		if code == "" && len(a.Code) >= 3 {
			code = a.Code[:3]
		}
		if sector == "" && len(a.Code) > 3 {
			sector = a.Code[3:]
		}
		out = append(out, ploverEntity{Code: code, Sector: sector, EntityText: a.Text, IdentifierID: a.ID,
			IdentifierText: a.Name})
	}
	return out
}
