package kb

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/tsv"
)

// LineError is one problem in a data file, located by file name and line
// number (1-based). Its message reads "file:line: msg".
type LineError = tsv.LineError

// table is one parsed TSV file: its header and its data rows.
type table struct {
	file   string
	header []string
	col    map[string]int
	line   int // line of the header
	rows   []row
}

// row is one data line with its 1-based line number.
type row struct {
	line  int
	cells []string
}

// parseTSV splits data into header and rows. Lines with a wrong number of
// cells or invalid UTF-8 are reported and skipped; required names the
// columns the header must have. It never panics on any input.
func parseTSV(file string, data []byte, required []string) (*table, []error) {
	t := &table{file: file}
	var errs []error
	headerOK := true
	last, lineErrs := tsv.Lines(file, data, func(n int, cells []string) bool {
		if t.header == nil {
			t.header, t.line = cells, n
			t.col = make(map[string]int, len(cells))
			for i, h := range cells {
				h = strings.ToLower(h)
				if h == "" {
					errs = append(errs, tsv.Errorf(file, n, "header: empty column name in column %d", i+1))
				} else if _, dup := t.col[h]; dup {
					errs = append(errs, tsv.Errorf(file, n, "header: duplicate column %q", h))
				} else {
					t.col[h] = i
				}
			}
			var missing []string
			for _, r := range required {
				if _, ok := t.col[r]; !ok {
					missing = append(missing, strconv.Quote(r))
				}
			}
			if len(missing) > 0 {
				errs = append(errs, tsv.Errorf(file, n, "header: missing column %s", strings.Join(missing, ", ")))
			}
			headerOK = len(errs) == 0
			return headerOK
		}
		if len(cells) != len(t.header) {
			errs = append(errs, tsv.Errorf(file, n, "%d cells, want %d (the header's)", len(cells), len(t.header)))
			return true
		}
		t.rows = append(t.rows, row{n, cells})
		return true
	})
	errs = append(lineErrs, errs...)
	if !headerOK {
		return nil, errs
	}
	if t.header == nil {
		if len(required) > 0 {
			errs = append(errs, tsv.Errorf(file, max(last, 1), "no header line"))
			return nil, errs
		}
		t.col = map[string]int{}
	}
	return t, errs
}

// get returns the cell of r in column name, or "" if the table has no such
// column.
func (t *table) get(r row, name string) string {
	if i, ok := t.col[name]; ok {
		return r.cells[i]
	}
	return ""
}

// rowErrs collects the problems of one row.
type rowErrs struct {
	file string
	line int
	errs []error
}

func (e *rowErrs) add(format string, args ...any) {
	e.errs = append(e.errs, tsv.Errorf(e.file, e.line, format, args...))
}

// list splits a '|'-separated cell; an empty item is reported.
func (e *rowErrs) list(col, cell string) []string {
	if cell == "" {
		return nil
	}
	parts := strings.Split(cell, "|")
	out := parts[:0]
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			e.add("%s: empty value in %q", col, cell)
			continue
		}
		out = append(out, p)
	}
	return out
}

// date parses a date cell, reporting a bad one.
func (e *rowErrs) date(col, cell string) Date {
	d, err := ParseDate(cell)
	if err != nil {
		e.add("%s: %v", col, err)
	}
	return d
}

// interval parses start and end cells and checks their order.
func (e *rowErrs) interval(start, end string) (Date, Date) {
	s, f := e.date("start", start), e.date("end", end)
	if !s.IsZero() && !f.IsZero() && f.Finish().Before(s.Begin()) {
		e.add("end %s before start %s", f, s)
	}
	return s, f
}

// IsCode reports whether s is a CAMEO-style actor code as the knowledge
// base accepts it: uppercase ASCII letters (or digits after the first
// letter) in groups of three, at most 15 long.
func IsCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 || len(s) > 15 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// isCountryCode reports whether s is three uppercase ASCII letters.
func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isID reports whether s can be an entry id: non-empty, no whitespace and
// no '|'.
func isID(s string) bool {
	return s != "" && !strings.ContainsAny(s, " \t|\r\n\v\f")
}
