package report

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// sourcing writes on whose word a record is reported, outermost source
// first: the publishing outlet when known and not the first source, the
// attribution chain (outlets, named sources, "5 anonymous sources"), and
// "reportedly" when the text hedges. A record in the publisher's own
// voice says so.
func sourcing(a *event.Attribution, outlet string) string {
	if a == nil {
		return "sourcing not coded"
	}
	var parts []string
	if outlet != "" && (len(a.Chain) == 0 || !strings.EqualFold(a.Chain[0].Name, outlet)) {
		parts = append(parts, outlet)
	}
	switch {
	case len(a.Chain) > 0:
		for _, s := range a.Chain {
			if p := sourcePhrase(s); len(parts) == 0 || parts[len(parts)-1] != p {
				parts = append(parts, p)
			}
		}
	case a.Voice == "cited" && !a.Hedged:
		parts = append(parts, "an unidentified source")
	case a.Voice != "cited":
		if outlet == "" {
			parts = append(parts, "the article's own voice")
		} else {
			parts[0] += " (own voice)"
		}
	}
	if a.Hedged {
		parts = append(parts, "reportedly")
	}
	return strings.Join(parts, ", ")
}

// sourcePhrase words one source of a chain.
func sourcePhrase(s event.Source) string {
	if s.Role == "anonymous" {
		switch {
		case s.Count == 1:
			return "1 anonymous source"
		case s.Count > 1:
			return fmt.Sprintf("%d anonymous sources", s.Count)
		}
		return "anonymous sources"
	}
	return cmp.Or(s.Name, s.Text, s.Role, "an unidentified source")
}
