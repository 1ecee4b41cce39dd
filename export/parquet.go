package export

import (
	"bufio"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/sitrep/sitrep/parquet"
)

// UnknownMonth is the partition of events with no date at all: Hive's
// name for a null partition value, read as NULL by Spark and DuckDB.
const UnknownMonth = "__HIVE_DEFAULT_PARTITION__"

// ParquetOptions tunes the parquet format.
type ParquetOptions struct {
	// Compression is the page codec; the zero value is uncompressed.
	Compression parquet.Compression
	// RowGroupRows bounds the rows of a row group; 0 means the parquet
	// package's default.
	RowGroupRows int
}

// ParquetFormat returns the parquet format: the flat columns of the csv
// format, typed (STRING, INT32, DOUBLE, BOOLEAN, DATE for date_start and
// date_end, TIMESTAMP for doc_published and merged_first_reported; only
// event_id, doc_id, sentence and text are required), in Parquet files
// partitioned by the month of the event's day (Event.Day) as Hive-style
// directories: DIR/month=2026-03/part-00000.parquet, and
// month=__HIVE_DEFAULT_PARTITION__ for events with no date. DuckDB reads
// them with read_parquet('DIR/*/*.parquet', hive_partitioning=true),
// Spark with spark.read.parquet("DIR").
func ParquetFormat(opts ParquetOptions) Format {
	return Format{Name: "parquet", Short: "Parquet files partitioned by month (DIR/month=YYYY-MM/part-00000.parquet)",
		Dir: true, New: func(out Output) (Writer, error) { return newParquetWriter(out.Dir, opts) }}
}

// parquetWriter writes the parquet format: one file per month, opened on
// the month's first event.
type parquetWriter struct {
	dir    string
	opts   parquet.Options
	cols   []flatColumn
	schema []parquet.Column
	parts  map[string]*partition
	row    []parquet.Value
}

// partition is the open file of one month.
type partition struct {
	path string
	f    *os.File
	bw   *bufio.Writer
	pw   *parquet.Writer
}

// newParquetWriter returns a parquet Writer into dir, which must be empty
// or missing.
func newParquetWriter(dir string, opts ParquetOptions) (*parquetWriter, error) {
	if dir == "" {
		return nil, errors.New("export parquet: no output directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export parquet: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("export parquet: %w", err)
	}
	if len(entries) > 0 {
		return nil, fmt.Errorf("export parquet: directory %s is not empty", dir)
	}
	w := &parquetWriter{dir: dir, cols: flatColumns(), parts: map[string]*partition{},
		opts: parquet.Options{Compression: opts.Compression, RowGroupRows: opts.RowGroupRows, CreatedBy: "sitrep"}}
	required := []string{"event_id", "doc_id", "sentence", "text"}
	for _, c := range w.cols {
		w.schema = append(w.schema, parquet.Column{Name: c.name, Type: c.typ, Optional: !slices.Contains(required, c.name)})
	}
	return w, nil
}

// Write adds e to the file of its month.
func (w *parquetWriter) Write(e *Event) error {
	month := UnknownMonth
	if day, ok := e.Day(); ok {
		month = day.Format("2006-01")
	}
	p, err := w.partition(month)
	if err != nil {
		return err
	}
	w.row = w.row[:0]
	for _, c := range w.cols {
		w.row = append(w.row, parquetValue(c.typ, c.get(e)))
	}
	if err := p.pw.Write(w.row); err != nil {
		return fmt.Errorf("event %s: %s: %w", e.Record.ID, p.path, err)
	}
	return nil
}

// partition returns the open file of month, creating it.
func (w *parquetWriter) partition(month string) (*partition, error) {
	if p, ok := w.parts[month]; ok {
		return p, nil
	}
	dir := filepath.Join(w.dir, "month="+month)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export parquet: %w", err)
	}
	p := &partition{path: filepath.Join(dir, "part-00000.parquet")}
	f, err := os.Create(p.path)
	if err != nil {
		return nil, fmt.Errorf("export parquet: %w", err)
	}
	p.f, p.bw = f, bufio.NewWriterSize(f, 1<<20)
	if p.pw, err = parquet.NewWriter(p.bw, w.schema, w.opts); err != nil {
		f.Close()
		return nil, fmt.Errorf("export parquet: %s: %w", p.path, err)
	}
	w.parts[month] = p
	return p, nil
}

// Close finishes every file.
func (w *parquetWriter) Close() error {
	var errs []error
	for _, month := range slices.Sorted(maps.Keys(w.parts)) {
		p := w.parts[month]
		err := p.pw.Close()
		if err == nil {
			err = p.bw.Flush()
		}
		if cerr := p.f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("export parquet: %s: %w", p.path, err))
		}
	}
	w.parts = map[string]*partition{}
	return errors.Join(errs...)
}

// parquetValue converts a flat value of a column of type t.
func parquetValue(t parquet.Type, v any) parquet.Value {
	switch v := v.(type) {
	case string:
		return parquet.StringValue(v)
	case int64:
		if t == parquet.Int64 {
			return parquet.Int64Value(v)
		}
		return parquet.Int32Value(int32(v))
	case float64:
		return parquet.DoubleValue(v)
	case bool:
		return parquet.BoolValue(v)
	case time.Time:
		if t == parquet.Date {
			return parquet.DateValue(v)
		}
		return parquet.TimestampValue(v)
	}
	return parquet.Null()
}
