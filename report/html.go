package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed report.html.tmpl
var htmlSource string

// WriteHTML writes r as a self-contained HTML page: inline CSS, no
// scripts, every text escaped by html/template.
func WriteHTML(w io.Writer, r *Report) error {
	t, err := template.New("report").Parse(htmlSource)
	if err != nil {
		return fmt.Errorf("report: parse HTML template: %w", err)
	}
	if err := t.Execute(w, r); err != nil {
		return fmt.Errorf("report: write HTML: %w", err)
	}
	return nil
}
