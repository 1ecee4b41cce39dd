package export_test

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/parquet"
)

// readParquet reads every row of a file with parquet-go as maps from
// column name to a value rendered as text ("" for null), dates as
// YYYY-MM-DD and timestamps RFC 3339.
func readParquet(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := pq.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("parquet-go cannot open %s: %v", path, err)
	}
	var names []string
	for _, el := range pf.Metadata().Schema[1:] {
		names = append(names, el.Name+"|"+el.LogicalType.String())
	}
	var out []map[string]string
	for _, rg := range pf.RowGroups() {
		rows := rg.Rows()
		buf := make([]pq.Row, 16)
		for {
			n, err := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				m := map[string]string{}
				for _, v := range r {
					name, logical, _ := strings.Cut(names[v.Column()], "|")
					m[name] = render(v, logical)
				}
				out = append(out, m)
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
	}
	return out
}

// render renders a parquet-go value as the csv format writes it.
func render(v pq.Value, logical string) string {
	switch {
	case v.IsNull():
		return ""
	case logical == "DATE":
		return time.Unix(int64(v.Int32())*86400, 0).UTC().Format(time.DateOnly)
	case strings.HasPrefix(logical, "TIMESTAMP"):
		return time.UnixMicro(v.Int64()).UTC().Format(time.RFC3339Nano)
	}
	return v.String()
}

// The parquet export, read back by parquet-go, holds in each month's
// partition exactly the csv export's cells of the events of that month.
func TestParquetReadBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	f, err := export.Builtin().Lookup("parquet")
	if err != nil {
		t.Fatal(err)
	}
	w, err := f.New(export.Output{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	events := fixture()
	// A second day in another month, and enough rows for row groups.
	for i := range 3 {
		e := fixture()[1]
		e.Record.ID += string(rune('a' + i))
		e.Record.Date.Start, e.Record.Date.End = "2026-04-01", "2026-04-01"
		events = append(events, e)
	}
	for i := range events {
		if err := w.Write(&events[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := csvCells(t, events)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.parquet"))
	var parts []string
	for _, p := range files {
		parts = append(parts, filepath.Base(filepath.Dir(p)))
	}
	if got := strings.Join(parts, " "); got != "month=2026-03 month=2026-04 month=__HIVE_DEFAULT_PARTITION__" {
		t.Fatalf("partitions %s", got)
	}
	seen := 0
	for _, p := range files {
		for _, row := range readParquet(t, p) {
			seen++
			exp, ok := want[row["event_id"]]
			if !ok {
				t.Fatalf("%s: unexpected event %q", p, row["event_id"])
			}
			for name, cell := range exp {
				if row[name] != cell {
					t.Errorf("%s: event %s column %s: %q, want %q", p, row["event_id"], name, row[name], cell)
				}
			}
		}
	}
	if seen != len(events) {
		t.Errorf("read %d rows, wrote %d", seen, len(events))
	}
	if _, err := f.New(export.Output{Dir: dir}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("a non-empty directory: %v", err)
	}
}

// csvCells returns the cells of the csv export of events by event id and
// column.
func csvCells(t *testing.T, events []export.Event) map[string]map[string]string {
	t.Helper()
	var b strings.Builder
	w, _ := export.CSVFormat().New(export.Output{W: &b})
	for i := range events {
		if err := w.Write(&events[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows := parseCSV(t, b.String())
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, name := range rows[0] {
			m[name] = r[i]
		}
		out[m["event_id"]] = m
	}
	return out
}

// BenchmarkParquetExport reports the events exported per second as
// month-partitioned, gzip-compressed Parquet.
func BenchmarkParquetExport(b *testing.B) {
	base := fixture()
	events := make([]export.Event, 0, 10_000)
	for i := range cap(events) {
		e := base[i%2]
		e.Record.ID = strings.Repeat("x", i%7) + e.Record.ID
		events = append(events, e)
	}
	for b.Loop() {
		w, err := export.ParquetFormat(export.ParquetOptions{Compression: parquet.Gzip}).New(
			export.Output{Dir: filepath.Join(b.TempDir(), "out")})
		if err != nil {
			b.Fatal(err)
		}
		for i := range events {
			if err := w.Write(&events[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(events))/b.Elapsed().Seconds(), "events/s")
}

// parseCSV parses a csv export.
func parseCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
