package eventeval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

// PLOVERItem is one record of the PLOVER gold standard file.
type PLOVERItem struct {
	// ID is the record id ("PLOVER-GSR01-AGREE-0001"). The file repeats
	// one id (PLOVER-GSR01-COERCE-0004, two different sentences); a repeated
	// id gets "#2", "#3", ... appended so that ids are unique.
	ID string `json:"id"`
	// Text is the sentence, without markup (the file's "text" field).
	Text string `json:"text"`
	// Event is the PLOVER event type in the current PLOVER categories (see
	// currentType): the file's DEMAND is read as REQUEST, DISAPPROVE and
	// INVESTIGATE as ACCUSE, FIGHT as ASSAULT.
	Event string `json:"event"`
	// FileEvent is the event type as the file writes it.
	FileEvent string `json:"file_event"`
	// Source lists the codes of the source actors (country codes, or IGO,
	// NGO, ...), in file order; empty when the record gives none.
	Source []string `json:"source,omitempty"`
	// Target lists the codes of the target actors, likewise.
	Target []string `json:"target,omitempty"`
	// Spans are the SRC, TAR, SRC/TAR, EVT and LOC phrases of the markup
	// found in Text, with code-point offsets into Text; phrases of the
	// (hand-edited, sometimes inconsistent) markup not found verbatim in
	// Text are left out.
	Spans []PLOVERSpan `json:"spans,omitempty"`
}

// PLOVERSpan is a marked-up phrase of a PLOVER gold sentence.
type PLOVERSpan struct {
	// Role is SRC, TAR, SRC/TAR, EVT or LOC.
	Role string `json:"role"`
	// Text is the phrase.
	Text string `json:"text"`
	// Start is the code-point offset of Text in the sentence.
	Start int `json:"start"`
	// End is the code-point offset just past Text.
	End int `json:"end"`
}

type ploverRaw struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Text     string          `json:"text"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	TextInfo json.RawMessage `json:"textInfo"`
}

// currentType maps the event types of the gold standard records, written
// in PLOVER's earlier 18 categories, to the current ones, by the PLOVER
// manual's CAMEO conversion table: DEMAND became REQUEST, DISAPPROVE (CAMEO
// 11) and INVESTIGATE (CAMEO 09) became ACCUSE, FIGHT (CAMEO 19) became
// ASSAULT. Other types are unchanged.
func currentType(t string) string {
	switch t {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE", "INVESTIGATE":
		return "ACCUSE"
	case "FIGHT":
		return "ASSAULT"
	}
	return t
}

// ReadPLOVER reads PLOVER_GSR_CAMEO.json, skipping its DOCUMENT records.
// A source or target that is not a list of actors (null, or a stray string)
// counts as none; markup given as a bare string is used like
// textInfo.markup.
func ReadPLOVER(path string) ([]PLOVERItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eventeval: %w", err)
	}
	var raws []ploverRaw
	if err := json.Unmarshal(b, &raws); err != nil {
		return nil, fmt.Errorf("eventeval: %s: %w", path, err)
	}
	var items []PLOVERItem
	seen := map[string]int{}
	for i, r := range raws {
		if r.Event == "DOCUMENT" {
			continue
		}
		if r.ID == "" || r.Event == "" || r.Text == "" {
			return nil, fmt.Errorf("eventeval: %s: record %d (%q): id, event and text are required", path, i, r.ID)
		}
		id := r.ID
		if seen[r.ID]++; seen[r.ID] > 1 {
			id = fmt.Sprintf("%s#%d", r.ID, seen[r.ID])
		}
		it := PLOVERItem{ID: id, Text: r.Text, Event: r.Event,
			Source: actorCodes(r.Source), Target: actorCodes(r.Target)}
		it.Event, it.FileEvent = currentType(r.Event), r.Event
		it.Spans = markupSpans(markupOf(r.TextInfo), r.Text)
		items = append(items, it)
	}
	return items, nil
}

func actorCodes(raw json.RawMessage) []string {
	var actors []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(raw, &actors) != nil {
		return nil
	}
	var out []string
	for _, a := range actors {
		if a.Code != "" {
			out = append(out, a.Code)
		}
	}
	return out
}

func markupOf(raw json.RawMessage) string {
	var info struct {
		Markup string `json:"markup"`
	}
	if json.Unmarshal(raw, &info) == nil {
		return info.Markup
	}
	var s string
	_ = json.Unmarshal(raw, &s) // null or anything else: no markup
	return s
}

// markupSpans parses "(SRC: x)", "(TAR: x)", "(SRC/TAR: x)", "(EVT: x)" and
// "(LOC: x)" (nestable; ")" or "}" closes) and locates each phrase in text,
// searching from the end of the previous phrase found.
func markupSpans(markup, text string) []PLOVERSpan {
	type open struct {
		role  string // "" for a plain parenthesis
		start int    // byte offset in out
	}
	var (
		stack  []open
		out    strings.Builder
		phrase []PLOVERSpan
	)
	for i := 0; i < len(markup); i++ {
		c := markup[i]
		switch {
		case c == '(':
			role := ""
			for _, r := range []string{"SRC/TAR", "SRC", "TAR", "EVT", "LOC"} {
				if strings.HasPrefix(markup[i+1:], r+":") {
					role = r
					i += len(r) + 1
					for i+1 < len(markup) && markup[i+1] == ' ' {
						i++
					}
					break
				}
			}
			if role == "" {
				out.WriteByte(c)
			}
			stack = append(stack, open{role, out.Len()})
		case (c == ')' || c == '}') && len(stack) > 0:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.role == "" {
				out.WriteByte(c)
				continue
			}
			if p := strings.TrimSpace(out.String()[top.start:]); p != "" {
				phrase = append(phrase, PLOVERSpan{Role: top.role, Text: p})
			}
		default:
			out.WriteByte(c)
		}
	}
	var spans []PLOVERSpan
	from := 0
	for _, p := range phrase {
		k := strings.Index(text[from:], p.Text)
		if k < 0 {
			k = strings.Index(text, p.Text) // nested or out of order
			if k < 0 {
				continue
			}
		} else {
			k += from
		}
		from = k + len(p.Text)
		p.Start = utf8.RuneCountInString(text[:k])
		p.End = p.Start + utf8.RuneCountInString(p.Text)
		spans = append(spans, p)
	}
	return spans
}

// PLOVERScores is the result of ScorePLOVER.
type PLOVERScores struct {
	// Items is the number of gold records scored.
	Items int `json:"items"`
	// NoEvent is the number of records with no predicted event.
	NoEvent int `json:"no_event"`
	// EventType counts the records whose top event has the gold type.
	EventType Ratio `json:"event_type"`
	// AnyEventType counts the records where some predicted event has the
	// gold type (an extra figure).
	AnyEventType Ratio `json:"any_event_type"`
	// SourceCountry counts the records whose top event's source is right.
	SourceCountry Ratio `json:"source_country"`
	// TargetCountry counts the records whose top event's target is right.
	TargetCountry Ratio `json:"target_country"`
	// BothCountries counts the records with source and target right.
	BothCountries Ratio `json:"both_countries"`
	// ByType gives EventType per gold event type.
	ByType map[string]Ratio `json:"by_type"`
	// Wrong lists the ids of the records whose event type is wrong.
	Wrong []string `json:"wrong,omitempty"`
}

// ScorePLOVER scores predicted events (keyed by item id) against the PLOVER
// gold records. Each record is judged by its top event, the predicted
// record of highest confidence (the first on ties, see Top):
//
//   - event type is right when the top event's PLOVER type equals the gold
//     event (the file's types read as current ones, see currentType);
//   - source country is right when some top-event source's ActorCountry
//     (a historical state read as its successor, see successor) is among
//     the gold source codes, or when gold and top event both have no
//     source; target country likewise with the targets (so a target coded
//     where the gold has none is wrong).
//
// A record with no predicted event counts wrong on every figure.
func ScorePLOVER(items []PLOVERItem, predicted map[string][]event.Record) PLOVERScores {
	s := PLOVERScores{Items: len(items), ByType: map[string]Ratio{}}
	for _, it := range items {
		recs := predicted[it.ID]
		top := Top(recs)
		typeOK, srcOK, tarOK := false, false, false
		if top < 0 {
			s.NoEvent++
		} else {
			r := &recs[top]
			typeOK = r.PLOVER != nil && r.PLOVER.Type == it.Event
			srcOK = countriesOK(r.Source, it.Source)
			tarOK = countriesOK(r.Target, it.Target)
		}
		anyOK := false
		for i := range recs {
			anyOK = anyOK || recs[i].PLOVER != nil && recs[i].PLOVER.Type == it.Event
		}
		s.EventType.add(typeOK)
		s.AnyEventType.add(anyOK)
		s.SourceCountry.add(srcOK)
		s.TargetCountry.add(tarOK)
		s.BothCountries.add(srcOK && tarOK)
		bt := s.ByType[it.Event]
		bt.add(typeOK)
		s.ByType[it.Event] = bt
		if !typeOK {
			s.Wrong = append(s.Wrong, it.ID)
		}
	}
	return s
}

// successor returns the code the PLOVER gold gives a historical state: its
// successor's ("SUN" -> "RUS"; the records code the Soviet Union as
// Russia, East Germany as Germany, Czechoslovakia as the Czech Republic,
// Yugoslavia and Serbia and Montenegro as Serbia), and Japan by the
// records' own code, "JAP" (ISO and CAMEO: "JPN").
func successor(c string) string {
	switch c {
	case "JPN":
		return "JAP"
	case "SUN":
		return "RUS"
	case "DDR":
		return "DEU"
	case "CSK":
		return "CZE"
	case "YUG", "SCG":
		return "SRB"
	}
	return c
}

func countriesOK(actors []event.Actor, gold []string) bool {
	var got []string
	for _, a := range actors {
		if c := ActorCountry(a); c != "" {
			got = append(got, successor(c))
		}
	}
	if len(gold) == 0 || len(got) == 0 {
		return len(gold) == 0 && len(got) == 0
	}
	for _, c := range got {
		for _, g := range gold {
			if c == g {
				return true
			}
		}
	}
	return false
}
