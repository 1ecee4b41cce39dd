package report

import (
	"fmt"
	"strings"
	"time"
)

// Summary says in one line what the report covers: its developments,
// records and documents, and the days of its events.
func (r *Report) Summary() string {
	s := fmt.Sprintf("%s from %s in %s", plural(len(r.Developments), "development"),
		plural(r.Records, "record"), plural(len(r.Documents), "document"))
	if r.From != "" {
		s += ", " + r.From + " to " + r.To
	}
	return s
}

// Development returns the development numbered n, nil when there is none.
func (r *Report) Development(n int) *Development {
	if n < 1 || n > len(r.Developments) {
		return nil
	}
	return &r.Developments[n-1]
}

// Label names a document: its title, else its id, with its outlet and
// publication day when known.
func (d DocSummary) Label() string {
	s := d.Title
	if s == "" {
		s = d.ID
	}
	var meta []string
	if d.Outlet != "" {
		meta = append(meta, d.Outlet)
	}
	if !d.Published.IsZero() {
		meta = append(meta, d.Published.Format(time.DateOnly))
	}
	meta = append(meta, plural(d.Records, "record"))
	return s + " (" + strings.Join(meta, ", ") + ")"
}

// Codes writes the development's PLOVER type and CAMEO code ("REJECT
// 120").
func (d *Development) Codes() string {
	return strings.TrimSpace(d.PLOVER + " " + d.Cameo)
}

// SourcingText joins the development's sourcings with "; ".
func (d *Development) SourcingText() string { return strings.Join(d.Sourcing, "; ") }

// Coverage says how many reports, articles and outlets tell the
// development; "" when one record does.
func (d *Development) Coverage() string {
	if d.Reports <= 1 {
		return ""
	}
	s := plural(d.Reports, "report") + " in " + plural(d.Articles, "article")
	if len(d.Outlets) > 0 {
		s += " (" + strings.Join(d.Outlets, ", ") + ")"
	}
	return s
}

// Meta writes the development's codes, standing, sourcing and coverage
// on one line, separated by " · ".
func (d *Development) Meta() string {
	parts := []string{d.Codes(), d.Standing, d.SourcingText()}
	if c := d.Coverage(); c != "" {
		parts = append(parts, c)
	}
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// Involvement writes how many developments the actor takes part in and
// on which side.
func (k *KeyActor) Involvement() string {
	return fmt.Sprintf("%d (%d as source, %d as target)", k.Events, k.AsSource, k.AsTarget)
}

// AsWritten joins the actor's mentions, at most three.
func (k *KeyActor) AsWritten() string {
	m := k.Mentions
	if len(m) > 3 {
		m = m[:3]
	}
	return strings.Join(m, "; ")
}

// GoldsteinText writes the mean Goldstein weight with its sign, "n/a"
// when no development has one.
func (s *Stance) GoldsteinText() string {
	if s.Weighted == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%+.1f", s.Goldstein)
}

// Coords writes the place's coordinates, "" when unknown.
func (p *Place) Coords() string {
	if p.Lat == nil || p.Lon == nil {
		return ""
	}
	return fmt.Sprintf("%.3f, %.3f", *p.Lat, *p.Lon)
}

// Refs writes the numbers of the place's developments ("#3, #7").
func (p *Place) Refs() string { return refs(p.Developments) }

// refs writes development numbers as "#3, #7".
func refs(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("#%d", n)
	}
	return strings.Join(parts, ", ")
}

// plural writes a count with its noun, adding "s" unless it is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
