package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// TextOptions tunes WriteText.
type TextOptions struct {
	// Color marks headings, relations and statuses with ANSI colours; set
	// it only when the output is a terminal.
	Color bool
	// Width is the column at which sentences wrap; 100 when 0.
	Width int
}

// ANSI colour codes.
const (
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiReset  = "\x1b[0m"
)

// textWriter writes the text report, keeping the first write error.
type textWriter struct {
	w    *bufio.Writer
	opts TextOptions
}

// paint wraps s in the colour code when colours are on.
func (t *textWriter) paint(code, s string) string {
	if !t.opts.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) printf(format string, args ...any) { fmt.Fprintf(t.w, format, args...) }

// heading writes a section heading.
func (t *textWriter) heading(s string) { t.printf("\n%s\n", t.paint(ansiBold, s)) }

// table writes rows aligned in columns under a two-space indent; the last
// column may carry colour, since nothing is aligned after it.
func (t *textWriter) table(rows [][]string) {
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
	}
	tw.Flush() // writes to t.w, whose error Flush reports at the end
}

// WriteText writes r as aligned plain text for a terminal.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	if opts.Width <= 0 {
		opts.Width = 100
	}
	t := &textWriter{w: bufio.NewWriter(w), opts: opts}
	t.printf("%s\n%s\n", t.paint(ansiBold, strings.ToUpper(r.Title)), r.Summary())
	for _, d := range r.Documents {
		t.printf("  %s\n", d.Label())
	}
	t.actors(r)
	t.developments(r)
	t.proposals(r)
	t.stances(r)
	t.places(r)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("report: write text: %w", err)
	}
	return nil
}

func (t *textWriter) actors(r *Report) {
	t.heading("KEY ACTORS")
	if len(r.Actors) == 0 {
		t.printf("  none\n")
		return
	}
	rows := [][]string{{"ACTOR", "CODE", "ROLE", "EVENTS", "AS WRITTEN"}}
	for i := range r.Actors {
		k := &r.Actors[i]
		rows = append(rows, []string{k.Name, dash(k.Code), dash(k.Role), k.Involvement(), k.AsWritten()})
	}
	t.table(rows)
}

func (t *textWriter) developments(r *Report) {
	t.heading("DEVELOPMENTS (time order)")
	if len(r.Developments) == 0 {
		t.printf("  none\n")
	}
	for i := range r.Developments {
		d := &r.Developments[i]
		num := fmt.Sprintf("#%d", d.N)
		t.printf("  %-4s %s\n", num, d.When)
		t.wrapped(7, 7, d.Sentence, "")
		t.wrapped(7, 7, d.Meta(), t.standingColour(d))
	}
}

// standingColour is the colour of a development's meta line: yellow for
// what did not or may not happen, dim otherwise.
func (t *textWriter) standingColour(d *Development) string {
	if d.Standing == "stated" || d.Standing == "claimed" {
		return ansiDim
	}
	return ansiYellow
}

func (t *textWriter) proposals(r *Report) {
	t.heading("PROPOSALS, APPEALS AND DEMANDS, WITH RESPONSES")
	if len(r.Proposals) == 0 {
		t.printf("  none\n")
	}
	for _, p := range r.Proposals {
		d := r.Development(p.Development)
		t.wrapped(2, 5, fmt.Sprintf("#%d %s [%s; %s]", d.N, d.Sentence, d.Standing, d.SourcingText()), "")
		if len(p.Responses) == 0 {
			t.printf("       no response reported\n")
		}
		for _, resp := range p.Responses {
			a := r.Development(resp.Development)
			t.wrapped(7, 13, fmt.Sprintf("<- #%d %s [%s; %s]", a.N, a.Sentence, a.Standing, a.SourcingText()), "")
		}
	}
}

func (t *textWriter) stances(r *Report) {
	t.heading("STANCES (who does what to whom: events that happened or are intended)")
	if len(r.Stances) == 0 {
		t.printf("  none\n")
		return
	}
	rows := [][]string{{"SOURCE", "TARGET", "EVENTS", "GOLDSTEIN", "PLOVER", "RELATION"}}
	for i := range r.Stances {
		s := &r.Stances[i]
		rel := s.Relation
		switch rel {
		case "conflict":
			rel = t.paint(ansiRed, rel)
		case "cooperation":
			rel = t.paint(ansiGreen, rel)
		}
		rows = append(rows, []string{s.Source, "-> " + s.Target, fmt.Sprint(s.Events), s.GoldsteinText(), dash(s.Type), rel})
	}
	t.table(rows)
}

func (t *textWriter) places(r *Report) {
	t.heading("PLACES")
	if len(r.Places) == 0 {
		t.printf("  none\n")
		return
	}
	rows := [][]string{{"PLACE", "COUNTRY", "COORDINATES", "DEVELOPMENTS"}}
	for i := range r.Places {
		p := &r.Places[i]
		rows = append(rows, []string{p.Name, dash(p.Country), dash(p.Coords()), p.Refs()})
	}
	t.table(rows)
}

// wrapped writes s wrapped at the width, its first line indented by
// first spaces and the others by rest, in colour when given.
func (t *textWriter) wrapped(first, rest int, s, colour string) {
	pad := strings.Repeat(" ", first)
	for _, line := range wrap(s, t.opts.Width-max(first, rest)) {
		t.printf("%s%s\n", pad, t.paint(colour, line))
		pad = strings.Repeat(" ", rest)
	}
}

// wrap breaks s into lines of at most width characters at spaces; a
// longer word gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// dash stands in for an empty cell.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
