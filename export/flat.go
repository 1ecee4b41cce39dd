package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/parquet"
)

// A flat column of the csv and parquet formats: its name, its type, and
// how to get its value from an event: nil for null, or a string, int64,
// float64, bool or time.Time (a day for Date columns).
type flatColumn struct {
	name string
	typ  parquet.Type
	get  func(e *Event) any
}

// ActorSep joins the values of several actors in the flat formats: the
// nth item of each source_* (target_*) column is the nth source (target)
// actor, an empty item where that actor has no such value.
const ActorSep = "; "

// FlatColumns returns the names of the flat columns of the csv and
// parquet formats, in order.
func FlatColumns() []string { return columnNames(flatColumns()) }

// flatColumns returns the flat column list of the csv and parquet
// formats, one row per event. Columns whose values are lists (PLOVER
// contexts, actors, links) are joined: contexts with ";", actors with
// ActorSep, links as "rel:event" with "; ", the attribution chain as
// "role:name" (or role:text, role:count) links, outermost first, joined
// with " > ".
func flatColumns() []flatColumn {
	rec := func(e *Event) *event.Record { return &e.Record }
	cols := []flatColumn{
		{"event_id", parquet.String, func(e *Event) any { return e.Record.ID }},
		{"doc_id", parquet.String, func(e *Event) any { return e.Record.Doc }},
		{"doc_hash", parquet.String, func(e *Event) any { return str(e.Doc.Hash) }},
		{"doc_outlet", parquet.String, func(e *Event) any { return str(e.Doc.Outlet) }},
		{"doc_url", parquet.String, func(e *Event) any { return str(e.Doc.URL) }},
		{"doc_title", parquet.String, func(e *Event) any { return str(e.Doc.Title) }},
		{"doc_published", parquet.Timestamp, func(e *Event) any { return when(e.Doc.Published) }},
		{"sentence", parquet.Int32, func(e *Event) any { return int64(e.Record.Sentence) }},
		{"text", parquet.String, func(e *Event) any { return e.Record.Text }},
		{"trigger", parquet.String, func(e *Event) any { return span(rec(e).Trigger, func(s *event.Span) any { return s.Text }) }},
		{"trigger_start", parquet.Int32, func(e *Event) any {
			return span(rec(e).Trigger, func(s *event.Span) any { return int64(s.Start) })
		}},
		{"trigger_end", parquet.Int32, func(e *Event) any { return span(rec(e).Trigger, func(s *event.Span) any { return int64(s.End) }) }},
		{"cameo", parquet.String, func(e *Event) any { return str(e.Record.Cameo) }},
		{"cameo_root", parquet.String, func(e *Event) any { return str(e.Record.Root()) }},
		{"goldstein", parquet.Double, func(e *Event) any { return ptr(e.Record.Goldstein) }},
		{"quad_class", parquet.Int32, func(e *Event) any { return nonZero(e.Record.QuadClass) }},
		{"penta_class", parquet.Int32, func(e *Event) any {
			if p, ok := e.Record.Penta(); ok {
				return int64(p)
			}
			return nil
		}},
		{"plover_type", parquet.String, func(e *Event) any { return plover(e, func(p *event.PLOVER) string { return p.Type }) }},
		{"plover_mode", parquet.String, func(e *Event) any { return plover(e, func(p *event.PLOVER) string { return p.Mode }) }},
		{"plover_context", parquet.String, func(e *Event) any {
			return plover(e, func(p *event.PLOVER) string { return strings.Join(p.Context, ";") })
		}},
		{"status", parquet.String, func(e *Event) any { return str(string(e.Record.Status)) }},
	}
	for _, role := range []string{"source", "target"} {
		actors := func(e *Event) []event.Actor {
			if role == "source" {
				return e.Record.Source
			}
			return e.Record.Target
		}
		for _, f := range []struct {
			name string
			get  func(a *event.Actor) string
		}{
			{"text", func(a *event.Actor) string { return a.Text }},
			{"code", func(a *event.Actor) string { return a.Code }},
			{"country", func(a *event.Actor) string { return a.Country }},
			{"sector", func(a *event.Actor) string { return a.Sector }},
			{"name", func(a *event.Actor) string { return a.Name }},
			{"kb_id", func(a *event.Actor) string { return a.ID }},
		} {
			cols = append(cols, flatColumn{role + "_" + f.name, parquet.String, func(e *Event) any {
				as := actors(e)
				parts := make([]string, len(as))
				empty := true
				for i := range as {
					parts[i] = f.get(&as[i])
					empty = empty && parts[i] == ""
				}
				if empty {
					return nil
				}
				return strings.Join(parts, ActorSep)
			}})
		}
	}
	return append(cols, moreFlatColumns()...)
}

// moreFlatColumns returns the flat columns after the actors: date,
// location, attribution, links, confidence, explanation, merged event.
func moreFlatColumns() []flatColumn {
	date := func(e *Event, f func(d *event.Date) string) any {
		if e.Record.Date == nil {
			return nil
		}
		return str(f(e.Record.Date))
	}
	day := func(s string) any {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil
		}
		return t
	}
	loc := func(e *Event, f func(l *event.Location) any) any {
		if e.Record.Location == nil {
			return nil
		}
		return f(e.Record.Location)
	}
	merged := func(e *Event, f func(m *MergedInfo) any) any {
		if e.Merged == nil {
			return nil
		}
		return f(e.Merged)
	}
	return []flatColumn{
		{"date_text", parquet.String, func(e *Event) any { return date(e, func(d *event.Date) string { return d.Text }) }},
		{"date_value", parquet.String, func(e *Event) any { return date(e, func(d *event.Date) string { return d.Value }) }},
		{"date_start", parquet.Date, func(e *Event) any {
			if e.Record.Date == nil {
				return nil
			}
			return day(e.Record.Date.Start)
		}},
		{"date_end", parquet.Date, func(e *Event) any {
			if e.Record.Date == nil {
				return nil
			}
			return day(e.Record.Date.End)
		}},
		{"date_precision", parquet.String, func(e *Event) any { return date(e, func(d *event.Date) string { return d.Precision }) }},
		{"location_text", parquet.String, func(e *Event) any { return loc(e, func(l *event.Location) any { return str(l.Text) }) }},
		{"location_name", parquet.String, func(e *Event) any { return loc(e, func(l *event.Location) any { return str(l.Name) }) }},
		{"location_country", parquet.String, func(e *Event) any {
			return loc(e, func(l *event.Location) any { return str(l.Country) })
		}},
		{"location_lat", parquet.Double, func(e *Event) any { return loc(e, func(l *event.Location) any { return ptr(l.Lat) }) }},
		{"location_lon", parquet.Double, func(e *Event) any { return loc(e, func(l *event.Location) any { return ptr(l.Lon) }) }},
		{"attribution_voice", parquet.String, func(e *Event) any {
			if a := e.Record.Attribution; a != nil {
				return str(a.Voice)
			}
			return nil
		}},
		{"attribution_hedged", parquet.Bool, func(e *Event) any {
			if a := e.Record.Attribution; a != nil {
				return a.Hedged
			}
			return nil
		}},
		{"attribution_chain", parquet.String, func(e *Event) any { return str(chain(e.Record.Attribution)) }},
		{"links", parquet.String, func(e *Event) any {
			var parts []string
			for _, l := range e.Record.Links {
				parts = append(parts, l.Rel+":"+l.Event)
			}
			return str(strings.Join(parts, "; "))
		}},
		{"confidence", parquet.Double, func(e *Event) any {
			if e.Record.Confidence == 0 {
				return nil
			}
			return e.Record.Confidence
		}},
		{"explain", parquet.String, func(e *Event) any { return str(e.Record.Explain) }},
		{"merged_id", parquet.String, func(e *Event) any { return merged(e, func(m *MergedInfo) any { return m.ID }) }},
		{"merged_reports", parquet.Int32, func(e *Event) any { return merged(e, func(m *MergedInfo) any { return int64(m.Reports) }) }},
		{"merged_articles", parquet.Int32, func(e *Event) any {
			return merged(e, func(m *MergedInfo) any { return int64(m.Articles) })
		}},
		{"merged_outlets", parquet.Int32, func(e *Event) any { return merged(e, func(m *MergedInfo) any { return int64(m.Outlets) }) }},
		{"merged_first_reported", parquet.Timestamp, func(e *Event) any {
			return merged(e, func(m *MergedInfo) any { return when(m.FirstReported) })
		}},
	}
}

// str returns s, or nil when it is empty.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// when returns t in UTC, or nil when it is zero.
func when(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// ptr returns *f, or nil when f is nil.
func ptr(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// nonZero returns n, or nil when it is 0 (not coded).
func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

// span returns f(s), or nil when s is nil.
func span(s *event.Span, f func(s *event.Span) any) any {
	if s == nil {
		return nil
	}
	return f(s)
}

// plover returns f of the PLOVER coding of e, or nil when it has none or
// f gives "".
func plover(e *Event, f func(p *event.PLOVER) string) any {
	if e.Record.PLOVER == nil {
		return nil
	}
	return str(f(e.Record.PLOVER))
}

// chain renders an attribution chain: "role:name" links, outermost first,
// joined with " > "; a link without a name shows its text, or its count.
func chain(a *event.Attribution) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, s := range a.Chain {
		who := s.Name
		if who == "" {
			who = s.Text
		}
		if who == "" && s.Count > 0 {
			who = strconv.Itoa(s.Count)
		}
		parts = append(parts, s.Role+":"+who)
	}
	return strings.Join(parts, " > ")
}
