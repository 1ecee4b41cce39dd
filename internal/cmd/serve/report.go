package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/internal/cmd/report"
	"github.com/sitrep/sitrep/kb"
	sitrep "github.com/sitrep/sitrep/report"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/store"
)

// reportFunc returns the server's situation reports (package report) of
// the events of st that a filter selects, read as sitrep report --db
// reads them; the knowledge base names the actors' offices.
func reportFunc(st store.Store, name string, loadKB func() (*kb.KB, error)) server.ReportFunc {
	return func(ctx context.Context, f store.Filter, format string, w io.Writer) (string, error) {
		items, err := report.StoredRecords(ctx, &report.Options{DB: name, Filter: f,
			Open: func(context.Context, string) (store.Store, error) { return shared{st}, nil }})
		if err != nil {
			return "", fmt.Errorf("report: %w", err)
		}
		k, err := loadKB()
		if err != nil {
			return "", fmt.Errorf("report: load knowledge base: %w", err)
		}
		rep := sitrep.Build(items, sitrep.Options{Title: reportTitle(&f), KB: k})
		switch format {
		case "markdown":
			return "text/markdown; charset=utf-8", sitrep.WriteMarkdown(w, rep)
		case "html":
			return "text/html; charset=utf-8", sitrep.WriteHTML(w, rep)
		default:
			return "application/json; charset=utf-8", json.NewEncoder(w).Encode(rep)
		}
	}
}

// reportTitle names a report by its filter: "Situation report: LBN,
// Hezbollah, 2026-03-01 to 2026-03-09".
func reportTitle(f *store.Filter) string {
	var parts []string
	for _, s := range []string{f.Country, f.Actor, f.Sector, f.Place, f.Outlet} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch {
	case f.From != "" && f.To != "":
		parts = append(parts, f.From+" to "+f.To)
	case f.From != "":
		parts = append(parts, "from "+f.From)
	case f.To != "":
		parts = append(parts, "to "+f.To)
	}
	if len(parts) == 0 {
		return "Situation report"
	}
	return "Situation report: " + strings.Join(parts, ", ")
}
