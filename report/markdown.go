package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes r as a Markdown document. Every text taken from the
// records or documents is escaped, so it cannot add markup.
func WriteMarkdown(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n%s.\n", md(r.Title), md(capitalise(r.Summary())))
	if len(r.Documents) > 0 {
		p("\nDocuments:\n\n")
		for _, d := range r.Documents {
			p("- %s\n", md(d.Label()))
		}
	}

	p("\n## Key actors\n\n")
	rows := [][]string{{"Actor", "Code", "Role", "Events", "As written"}}
	for i := range r.Actors {
		k := &r.Actors[i]
		rows = append(rows, []string{k.Name, k.Code, k.Role, k.Involvement(), k.AsWritten()})
	}
	mdTable(b, rows)

	p("\n## Developments (time order)\n")
	if len(r.Developments) == 0 {
		p("\nNone.\n")
	}
	for i := range r.Developments {
		d := &r.Developments[i]
		p("\n**#%d** · %s  \n%s  \n*%s*\n", d.N, md(d.When), md(d.Sentence), md(d.Meta()))
		if d.Evidence != "" {
			p("\n> %s\n", md(d.Evidence))
		}
	}

	p("\n## Proposals, appeals and demands, with responses\n\n")
	if len(r.Proposals) == 0 {
		p("None.\n")
	}
	for _, pr := range r.Proposals {
		d := r.Development(pr.Development)
		p("- **#%d** %s *(%s; %s)*\n", d.N, md(d.Sentence), md(d.Standing), md(d.SourcingText()))
		if len(pr.Responses) == 0 {
			p("  - no response reported\n")
		}
		for _, resp := range pr.Responses {
			a := r.Development(resp.Development)
			p("  - ← **#%d** %s *(%s; %s)*\n", a.N, md(a.Sentence), md(a.Standing), md(a.SourcingText()))
		}
	}

	p("\n## Stances\n\nWho does what to whom, over the events that happened or are intended.\n\n")
	rows = [][]string{{"Source", "Target", "Events", "Goldstein (mean)", "PLOVER", "Relation"}}
	for i := range r.Stances {
		s := &r.Stances[i]
		rows = append(rows, []string{s.Source, s.Target, fmt.Sprint(s.Events), s.GoldsteinText(), s.Type, s.Relation})
	}
	mdTable(b, rows)

	p("\n## Places\n\n")
	rows = [][]string{{"Place", "Country", "Coordinates", "Developments"}}
	for i := range r.Places {
		pl := &r.Places[i]
		rows = append(rows, []string{pl.Name, pl.Country, pl.Coords(), pl.Refs()})
	}
	mdTable(b, rows)
	if err := b.Flush(); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

// mdTable writes rows as a Markdown table, the first row as its header;
// "None." when there are no other rows.
func mdTable(w io.Writer, rows [][]string) {
	if len(rows) < 2 {
		fmt.Fprintln(w, "None.")
		return
	}
	for i, row := range rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = md(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if i == 0 {
			fmt.Fprintf(w, "|%s\n", strings.Repeat("---|", len(row)))
		}
	}
}

// md escapes s for Markdown text and table cells: a backslash before
// every character that could start markup, and line breaks as spaces.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '!', '~', '&':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
