package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/sitrep/sitrep/parquet"
)

// CSVFormat returns the csv format: a header row of the flat column names
// (FlatColumns: event_id, doc_id, doc_hash, doc_outlet, ...,
// merged_first_reported), then one row per event. Nulls
// are empty cells, days are written YYYY-MM-DD and times RFC 3339 in UTC.
func CSVFormat() Format {
	return streamFormat("csv", "one row per event, a flat column list with actors joined", newCSVWriter)
}

// csvWriter writes the csv format.
type csvWriter struct {
	w      *csv.Writer
	cols   []flatColumn
	row    []string
	header bool
}

// newCSVWriter returns a csv Writer to w.
func newCSVWriter(w io.Writer) Writer {
	return &csvWriter{w: csv.NewWriter(w), cols: flatColumns()}
}

// Write writes the header before the first event, then e's row.
func (c *csvWriter) Write(e *Event) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(columnNames(c.cols)); err != nil {
			return err
		}
	}
	c.row = c.row[:0]
	for _, col := range c.cols {
		c.row = append(c.row, formatCell(col.typ, col.get(e)))
	}
	return c.w.Write(c.row)
}

// Close writes the header when no event came, and flushes.
func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		if err := c.w.Write(columnNames(c.cols)); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

// columnNames returns the names of cols.
func columnNames(cols []flatColumn) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// formatCell renders a flat value of a column of type t as text: "" for
// nil.
func formatCell(t parquet.Type, v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		if t == parquet.Date {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}
