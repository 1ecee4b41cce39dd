// Package parquet writes Apache Parquet files with a flat schema, in pure
// Go and with no dependency beyond the standard library, for analysts who
// read sitrep's exports with DuckDB, Spark, pandas or BigQuery.
//
// What it writes is the plain core of the format: required and optional
// columns of BOOLEAN, INT32, INT64, DOUBLE and BYTE_ARRAY (optionally
// STRING), with DATE and TIMESTAMP (microseconds, UTC) logical types;
// PLAIN encoding; definition levels in the RLE/bit-packed hybrid; one
// version 1 data page per column chunk; one or more row groups; null
// counts and min/max statistics; pages UNCOMPRESSED or GZIP-compressed;
// and the footer (FileMetaData) in the Thrift compact protocol, encoded
// here. Nested and repeated columns, dictionaries and page indexes are
// not written.
package parquet

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"
)

// magic starts and ends every Parquet file.
const magic = "PAR1"

// Compression is the codec of the pages.
type Compression int

// The codecs.
const (
	// Uncompressed stores pages as they are.
	Uncompressed Compression = 0
	// Gzip compresses each page with gzip (compress/gzip).
	Gzip Compression = 2
)

// Options tunes a Writer; the zero value gives the defaults.
type Options struct {
	// RowGroupRows ends a row group after that many rows; 0 means
	// 100,000.
	RowGroupRows int
	// RowGroupBytes ends a row group when its buffered values reach that
	// many bytes; 0 means 64 MiB.
	RowGroupBytes int
	// Compression is the page codec; the zero value is Uncompressed.
	Compression Compression
	// CreatedBy names the writing application in the footer.
	CreatedBy string
}

// Writer writes rows to a Parquet file. Rows are buffered by column and
// written a row group at a time; Close writes the last row group and the
// footer. A Writer is not safe for concurrent use.
type Writer struct {
	w      io.Writer
	off    int64
	cols   []*column
	opts   Options
	rows   int   // rows in the current row group
	bytes  int   // buffered value bytes of the current row group
	total  int64 // rows in the file
	groups []rowGroup
	gz     *gzip.Writer
	closed bool
}

// rowGroup is the footer metadata of a written row group.
type rowGroup struct {
	chunks []chunk
	rows   int64
	size   int64 // uncompressed bytes of its column chunks
}

// chunk is the footer metadata of a written column chunk.
type chunk struct {
	offset             int64
	values, nulls      int64
	uncompressed, size int64
	min, max           []byte // PLAIN-encoded statistics; nil when none
}

// NewWriter returns a Writer of the columns cols to w; it writes the
// file's leading magic at once.
func NewWriter(w io.Writer, cols []Column, opts Options) (*Writer, error) {
	if len(cols) == 0 {
		return nil, errors.New("parquet: no columns")
	}
	seen := map[string]bool{}
	pw := &Writer{w: w, opts: opts}
	for _, c := range cols {
		switch {
		case c.Name == "":
			return nil, errors.New("parquet: column without a name")
		case seen[c.Name]:
			return nil, fmt.Errorf("parquet: column %q twice", c.Name)
		case c.Type < Bool || c.Type > Timestamp:
			return nil, fmt.Errorf("parquet: column %q: unknown type %v", c.Name, c.Type)
		}
		seen[c.Name] = true
		pw.cols = append(pw.cols, &column{Column: c})
	}
	if opts.Compression != Uncompressed && opts.Compression != Gzip {
		return nil, fmt.Errorf("parquet: unsupported compression %d", opts.Compression)
	}
	if pw.opts.RowGroupRows <= 0 {
		pw.opts.RowGroupRows = 100_000
	}
	if pw.opts.RowGroupBytes <= 0 {
		pw.opts.RowGroupBytes = 64 << 20
	}
	if err := pw.write([]byte(magic)); err != nil {
		return nil, err
	}
	return pw, nil
}

// Write adds one row, a value per column in schema order. A row that does
// not fit the schema (a wrong count, a value of the wrong type, a null in
// a required column, an INT32 out of range, invalid UTF-8 in a STRING) is
// refused with an error naming the column, and nothing of it is kept.
func (w *Writer) Write(row []Value) error {
	if w.closed {
		return errors.New("parquet: write after close")
	}
	if len(row) != len(w.cols) {
		return fmt.Errorf("parquet: row of %d values for %d columns", len(row), len(w.cols))
	}
	for i, c := range w.cols {
		if err := c.check(row[i]); err != nil {
			return fmt.Errorf("parquet: column %q: %w", c.Name, err)
		}
	}
	for i, c := range w.cols {
		w.bytes += c.add(row[i])
	}
	w.rows++
	if w.rows >= w.opts.RowGroupRows || w.bytes >= w.opts.RowGroupBytes {
		return w.Flush()
	}
	return nil
}

// Flush writes the buffered rows as a row group; it does nothing when
// none are buffered.
func (w *Writer) Flush() error {
	if w.rows == 0 {
		return nil
	}
	g := rowGroup{rows: int64(w.rows)}
	for _, c := range w.cols {
		ch, err := w.writeChunk(c)
		if err != nil {
			return fmt.Errorf("parquet: column %q: %w", c.Name, err)
		}
		g.chunks = append(g.chunks, ch)
		g.size += ch.uncompressed
		c.reset()
	}
	w.groups = append(w.groups, g)
	w.total += int64(w.rows)
	w.rows, w.bytes = 0, 0
	return nil
}

// Close writes the last row group and the footer. It does not close the
// underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	if err := w.Flush(); err != nil {
		return err
	}
	w.closed = true
	footer := w.footer()
	var tail [4]byte
	binary.LittleEndian.PutUint32(tail[:], uint32(len(footer)))
	footer = append(append(footer, tail[:]...), magic...)
	return w.write(footer)
}

// Rows returns the number of rows written so far, buffered ones included.
func (w *Writer) Rows() int64 { return w.total + int64(w.rows) }

// write writes b and advances the offset.
func (w *Writer) write(b []byte) error {
	n, err := w.w.Write(b)
	w.off += int64(n)
	if err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// writeChunk writes the buffered values of c as one data page.
func (w *Writer) writeChunk(c *column) (chunk, error) {
	var body []byte
	if c.Optional {
		levels := appendLevels(nil, c.levels)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(levels)))
		body = append(body, levels...)
	}
	if c.Type == Bool {
		body = appendBools(body, c.bools)
	} else {
		body = append(body, c.data...)
	}
	page := body
	if w.opts.Compression == Gzip {
		var buf bytes.Buffer
		if w.gz == nil {
			w.gz = gzip.NewWriter(&buf)
		} else {
			w.gz.Reset(&buf)
		}
		if _, err := w.gz.Write(body); err != nil {
			return chunk{}, err
		}
		if err := w.gz.Close(); err != nil {
			return chunk{}, err
		}
		page = buf.Bytes()
	}
	if len(body) > math.MaxInt32 || len(page) > math.MaxInt32 {
		return chunk{}, fmt.Errorf("page of %d bytes is too large", len(body))
	}
	ch := chunk{offset: w.off, values: int64(c.n), nulls: int64(c.nulls)}
	ch.min, ch.max = c.stats()
	header := pageHeader(int32(len(body)), int32(len(page)), int32(c.n), c.Optional, &ch)
	ch.uncompressed = int64(len(header) + len(body))
	ch.size = int64(len(header) + len(page))
	if err := w.write(header); err != nil {
		return chunk{}, err
	}
	return ch, w.write(page)
}

// appendBools appends bs PLAIN-encoded: one bit a value, least
// significant bit first.
func appendBools(dst []byte, bs []bool) []byte {
	for i := 0; i < len(bs); i += 8 {
		var b byte
		for t := 0; t < 8 && i+t < len(bs); t++ {
			if bs[i+t] {
				b |= 1 << t
			}
		}
		dst = append(dst, b)
	}
	return dst
}

// column buffers the values of one column for the current row group.
type column struct {
	Column
	data   []byte  // PLAIN-encoded non-null values (not booleans)
	bools  []bool  // non-null booleans
	levels []uint8 // definition levels, optional columns only
	n      int     // values, nulls included
	nulls  int
	minmax
}

// check reports whether v can go into c.
func (c *column) check(v Value) error {
	if v.IsNull() {
		if !c.Optional {
			return errors.New("null in a required column")
		}
		return nil
	}
	if v.kind != c.Type {
		return fmt.Errorf("%v value in a %v column", v.kind, c.Type)
	}
	switch c.Type {
	case Int32, Date:
		if v.i < math.MinInt32 || v.i > math.MaxInt32 {
			return fmt.Errorf("%d out of the range of %v", v.i, c.Type)
		}
	case String:
		if !utf8.ValidString(v.s) {
			return errors.New("invalid UTF-8")
		}
	}
	return nil
}

// add appends v, checked, to c and returns the bytes it takes.
func (c *column) add(v Value) int {
	c.n++
	if v.IsNull() {
		c.nulls++
		c.levels = append(c.levels, 0)
		return 0
	}
	if c.Optional {
		c.levels = append(c.levels, 1)
	}
	c.observe(c.Type, v)
	switch c.Type {
	case Bool:
		c.bools = append(c.bools, v.i == 1)
		return 1
	case Int32, Date:
		c.data = binary.LittleEndian.AppendUint32(c.data, uint32(int32(v.i)))
		return 4
	case Int64, Timestamp:
		c.data = binary.LittleEndian.AppendUint64(c.data, uint64(v.i))
		return 8
	case Double:
		c.data = binary.LittleEndian.AppendUint64(c.data, math.Float64bits(v.f))
		return 8
	}
	c.data = binary.LittleEndian.AppendUint32(c.data, uint32(len(v.s)))
	c.data = append(c.data, v.s...)
	return 4 + len(v.s)
}

// reset empties c for the next row group, keeping its buffers.
func (c *column) reset() {
	c.data, c.bools, c.levels = c.data[:0], c.bools[:0], c.levels[:0]
	c.n, c.nulls = 0, 0
	c.minmax = minmax{}
}
