package eventeval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// SeedGold is one line of seed.gold.jsonl: an event expected in the seed
// article (field meanings in ../shared/eval/README.md).
type SeedGold struct {
	// ID is the line's id ("S01", "O03").
	ID string `json:"id"`
	// Anchor is a phrase occurring verbatim in the event's sentence.
	Anchor string `json:"anchor"`
	// Source lists accepted source actor-code prefixes; empty accepts anything.
	Source []string `json:"source"`
	// Target lists accepted target actor-code prefixes; empty accepts anything.
	Target []string `json:"target"`
	// Roots lists accepted two-digit CAMEO roots.
	Roots []string `json:"roots"`
	// Cameo is the most precise CAMEO code, when given.
	Cameo string `json:"cameo,omitempty"`
	// PLOVER is the most precise PLOVER type, when given.
	PLOVER string `json:"plover,omitempty"`
	// Status lists accepted statuses, when given.
	Status []string `json:"status,omitempty"`
	// Required is true for events a good coder must find.
	Required bool `json:"required"`
	// Note explains the line.
	Note string `json:"note,omitempty"`
	// Attrib is "self" (the article's own voice) or a source the
	// attribution chain must name ("Axios"); empty when not given.
	Attrib string `json:"attrib,omitempty"`
	// AnonSources is the count of anonymous sources the chain must give; 0
	// when not given.
	AnonSources int `json:"anon_sources,omitempty"`
	// Hedged is true when the sentence hedges; nil when not given.
	Hedged *bool `json:"hedged,omitempty"`
	// Date is the expected interval "start/end" (YYYY-MM-DD), when given.
	Date string `json:"date,omitempty"`
	// Location is the expected place name, when given.
	Location string `json:"location,omitempty"`
}

// ReadSeedGold reads seed.gold.jsonl; errors name the file and line.
func ReadSeedGold(path string) ([]SeedGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eventeval: %w", err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var gold []SeedGold
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("eventeval: %s:%d: %w", path, line, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			var g SeedGold
			if uerr := json.Unmarshal(t, &g); uerr != nil {
				return nil, fmt.Errorf("eventeval: %s:%d: %w", path, line, uerr)
			}
			if g.ID == "" || g.Anchor == "" || len(g.Roots) == 0 {
				return nil, fmt.Errorf("eventeval: %s:%d: id, anchor and roots are required", path, line)
			}
			gold = append(gold, g)
		}
		if err != nil {
			return gold, nil
		}
	}
}

// SeedScores is the result of ScoreSeed.
type SeedScores struct {
	// Required counts the required gold lines matched by at least one output.
	Required Ratio `json:"required"`
	// Optional counts the other gold lines matched by at least one output.
	Optional Ratio `json:"optional"`
	// Precision counts the outputs matching some gold line, of all outputs.
	Precision Ratio `json:"precision"`
	// NoSource is the number of outputs without a source actor code.
	NoSource int `json:"no_source"`
	// Extra holds the finer checks, by name ("status", "cameo", "plover",
	// "attrib", "anon_sources", "hedged", "date", "location"): over the
	// found gold lines giving the value, how many have a matching output
	// that also gets it right.
	Extra map[string]Ratio `json:"extra"`
	// Lines gives, for each gold line in order, what matched it.
	Lines []SeedLine `json:"lines"`
	// Unmatched lists the indices of the outputs that match no gold line.
	Unmatched []int `json:"unmatched"`
	// MissingAnchors lists the ids of gold lines whose anchor is not in the
	// document text (a gold or document problem; empty when no text given).
	MissingAnchors []string `json:"missing_anchors,omitempty"`
}

// SeedLine is the outcome of one gold line.
type SeedLine struct {
	// ID is the gold line's id.
	ID string `json:"id"`
	// Required copies the gold line's Required.
	Required bool `json:"required"`
	// Matched lists the indices of the outputs matching the line.
	Matched []int `json:"matched,omitempty"`
	// Failed names the extra checks no matching output passed.
	Failed []string `json:"failed,omitempty"`
	// Near explains, for an unmatched line, why each output in the anchor's
	// sentence did not match ("output 4: root 04 not in [12]").
	Near []string `json:"near,omitempty"`
}

// ScoreSeed scores recs, the events coded from the seed article docText,
// by the rules of ../shared/eval/README.md:
//
//   - an output matches a gold line when its sentence (Text, compared with
//     runs of white space collapsed to one space) contains the anchor, some
//     source code starts with an accepted source prefix, some target code
//     starts with an accepted target prefix (an empty list accepts anything,
//     no actor included), and its CAMEO root (Record.Root) is accepted;
//   - a gold line is found when some output matches it (outputs may match
//     several lines; there is no one-to-one assignment);
//   - precision is the outputs matching any gold line, required or not, of
//     all outputs; NoSource counts outputs with no source code.
//
// The extra checks are counted per found gold line giving the value: the
// line passes when some matching output has an accepted status, the exact
// cameo code, the PLOVER type, the attribution (attrib "self": voice
// "publisher"; otherwise a chain link whose name equals it, ignoring case,
// or whose text contains it), a chain link of role "anonymous" with the
// anon_sources count, hedged set as given, the date interval (Date.Start
// and Date.End), or the location (Location.Name or Text, ignoring case).
// docText, when not empty, is checked to contain every anchor.
func ScoreSeed(gold []SeedGold, recs []event.Record, docText string) SeedScores {
	s := SeedScores{Extra: map[string]Ratio{}, Unmatched: []int{}}
	if docText != "" {
		doc := squash(docText)
		for _, g := range gold {
			if !strings.Contains(doc, squash(g.Anchor)) {
				s.MissingAnchors = append(s.MissingAnchors, g.ID)
			}
		}
	}
	matchedAny := make([]bool, len(recs))
	for _, g := range gold {
		line := SeedLine{ID: g.ID, Required: g.Required}
		for i := range recs {
			why := seedMismatch(g, &recs[i])
			switch {
			case why == "":
				line.Matched = append(line.Matched, i)
				matchedAny[i] = true
			case why != "anchor":
				line.Near = append(line.Near, fmt.Sprintf("output %d: %s", i, why))
			}
		}
		if line.Matched != nil {
			line.Near = nil
			line.Failed = extraChecks(g, recs, line.Matched, s.Extra)
		}
		if g.Required {
			s.Required.add(line.Matched != nil)
		} else {
			s.Optional.add(line.Matched != nil)
		}
		s.Lines = append(s.Lines, line)
	}
	for i := range recs {
		s.Precision.add(matchedAny[i])
		if !matchedAny[i] {
			s.Unmatched = append(s.Unmatched, i)
		}
		if !slices.ContainsFunc(recs[i].Source, func(a event.Actor) bool { return a.Code != "" }) {
			s.NoSource++
		}
	}
	return s
}

// seedMismatch returns "" when r matches g, else the first reason it does
// not ("anchor" when the sentence lacks the anchor).
func seedMismatch(g SeedGold, r *event.Record) string {
	switch {
	case !strings.Contains(squash(r.Text), squash(g.Anchor)):
		return "anchor"
	case !actorsAccepted(r.Source, g.Source):
		return fmt.Sprintf("source %v not in %v", codes(r.Source), g.Source)
	case !actorsAccepted(r.Target, g.Target):
		return fmt.Sprintf("target %v not in %v", codes(r.Target), g.Target)
	case !slices.Contains(g.Roots, r.Root()):
		return fmt.Sprintf("root %q not in %v", r.Root(), g.Roots)
	}
	return ""
}

func actorsAccepted(as []event.Actor, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, a := range as {
		for _, p := range prefixes {
			if a.Code != "" && strings.HasPrefix(a.Code, p) {
				return true
			}
		}
	}
	return false
}

func codes(as []event.Actor) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Code
	}
	return out
}

// squash collapses runs of white space to one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// extraChecks adds the finer checks of g over the matching outputs to extra
// and returns the names of those failed.
func extraChecks(g SeedGold, recs []event.Record, matched []int, extra map[string]Ratio) []string {
	type check struct {
		name  string
		given bool
		ok    func(r *event.Record) bool
	}
	checks := []check{
		{"status", len(g.Status) > 0, func(r *event.Record) bool { return slices.Contains(g.Status, string(r.Status)) }},
		{"cameo", g.Cameo != "", func(r *event.Record) bool { return r.Cameo == g.Cameo }},
		{"plover", g.PLOVER != "", func(r *event.Record) bool { return r.PLOVER != nil && r.PLOVER.Type == g.PLOVER }},
		{"attrib", g.Attrib != "", func(r *event.Record) bool { return attribOK(r.Attribution, g.Attrib) }},
		{"anon_sources", g.AnonSources > 0, func(r *event.Record) bool {
			return r.Attribution != nil && slices.ContainsFunc(r.Attribution.Chain, func(s event.Source) bool {
				return s.Role == "anonymous" && s.Count == g.AnonSources
			})
		}},
		{"hedged", g.Hedged != nil, func(r *event.Record) bool {
			return r.Attribution != nil && r.Attribution.Hedged == *g.Hedged
		}},
		{"date", g.Date != "", func(r *event.Record) bool {
			return r.Date != nil && r.Date.Start+"/"+r.Date.End == g.Date
		}},
		{"location", g.Location != "", func(r *event.Record) bool {
			return r.Location != nil && (strings.EqualFold(r.Location.Name, g.Location) ||
				strings.EqualFold(r.Location.Text, g.Location))
		}},
	}
	var failed []string
	for _, c := range checks {
		if !c.given {
			continue
		}
		ok := slices.ContainsFunc(matched, func(i int) bool { return c.ok(&recs[i]) })
		r := extra[c.name]
		r.add(ok)
		extra[c.name] = r
		if !ok {
			failed = append(failed, c.name)
		}
	}
	return failed
}

func attribOK(a *event.Attribution, want string) bool {
	if a == nil {
		return false
	}
	if want == "self" {
		return a.Voice == "publisher"
	}
	return slices.ContainsFunc(a.Chain, func(s event.Source) bool {
		return strings.EqualFold(s.Name, want) || strings.Contains(s.Text, want)
	})
}
