package parquet

import (
	"cmp"
	"encoding/binary"
	"math"
)

// maxStatBytes bounds the length of a string kept as a min or max
// statistic; a column chunk with a longer minimum or maximum has none.
const maxStatBytes = 64

// minmax tracks the least and greatest non-null values of a column chunk.
type minmax struct {
	seen     bool
	noStats  bool // a NaN or an over-long string was seen
	lo, hi   int64
	flo, fhi float64
	slo, shi string
}

// observe takes v (of column type t) into the statistics.
func (m *minmax) observe(t Type, v Value) {
	if m.noStats {
		return
	}
	switch t {
	case Bool:
		m.noStats = true // booleans carry only their null count
	case Double:
		if math.IsNaN(v.f) {
			m.noStats = true
			return
		}
		widen(m.seen, &m.flo, &m.fhi, v.f)
	case String, Bytes:
		if len(v.s) > maxStatBytes {
			m.noStats = true
			return
		}
		widen(m.seen, &m.slo, &m.shi, v.s)
	default:
		widen(m.seen, &m.lo, &m.hi, v.i)
	}
	m.seen = true
}

// widen extends [*lo, *hi] to take v; the first value (seen false) sets
// both.
func widen[T cmp.Ordered](seen bool, lo, hi *T, v T) {
	if !seen || v < *lo {
		*lo = v
	}
	if !seen || v > *hi {
		*hi = v
	}
}

// stats returns the PLAIN encodings of the chunk's min and max, nil when
// it has none.
func (c *column) stats() (lo, hi []byte) {
	if !c.seen || c.noStats {
		return nil, nil
	}
	switch c.Type {
	case Int32, Date:
		return binary.LittleEndian.AppendUint32(nil, uint32(int32(c.lo))),
			binary.LittleEndian.AppendUint32(nil, uint32(int32(c.hi)))
	case Int64, Timestamp:
		return binary.LittleEndian.AppendUint64(nil, uint64(c.lo)), binary.LittleEndian.AppendUint64(nil, uint64(c.hi))
	case Double:
		return binary.LittleEndian.AppendUint64(nil, math.Float64bits(c.flo)),
			binary.LittleEndian.AppendUint64(nil, math.Float64bits(c.fhi))
	}
	return []byte(c.slo), []byte(c.shi)
}

// statistics writes a Statistics struct as field id: null_count (3) and,
// when known, max_value (5) and min_value (6).
func statistics(e *compact, id int16, ch *chunk) {
	e.structField(id)
	e.i64(3, ch.nulls)
	if ch.min != nil {
		e.binaryField(5, ch.max)
		e.binaryField(6, ch.min)
	}
	e.endStruct()
}

// pageHeader returns the PageHeader of a version 1 data page of n values,
// PLAIN-encoded, with RLE definition levels.
func pageHeader(uncompressed, compressed, n int32, optional bool, ch *chunk) []byte {
	var e compact
	e.beginStruct()
	e.i32(1, 0) // type: DATA_PAGE
	e.i32(2, uncompressed)
	e.i32(3, compressed)
	e.structField(5) // data_page_header
	e.i32(1, n)
	e.i32(2, 0) // encoding: PLAIN
	e.i32(3, 3) // definition_level_encoding: RLE
	e.i32(4, 3) // repetition_level_encoding: RLE
	statistics(&e, 5, ch)
	e.endStruct()
	e.endStruct()
	return e.buf
}

// footer returns the FileMetaData of the file written.
func (w *Writer) footer() []byte {
	var e compact
	e.beginStruct()
	e.i32(1, 1) // version
	e.listField(2, ctStruct, len(w.cols)+1)
	e.beginStruct() // the root of the schema
	e.stringField(4, "schema")
	e.i32(5, int32(len(w.cols)))
	e.endStruct()
	for _, c := range w.cols {
		schemaElement(&e, c.Column)
	}
	e.i64(3, w.total)
	e.listField(4, ctStruct, len(w.groups))
	for _, g := range w.groups {
		w.rowGroup(&e, g)
	}
	if w.opts.CreatedBy != "" {
		e.stringField(6, w.opts.CreatedBy)
	}
	// column_orders: TYPE_ORDER for every column, so that readers trust
	// min_value and max_value.
	e.listField(7, ctStruct, len(w.cols))
	for range w.cols {
		e.beginStruct()
		e.structField(1)
		e.endStruct()
		e.endStruct()
	}
	e.endStruct()
	return e.buf
}

// schemaElement writes the SchemaElement of a leaf column.
func schemaElement(e *compact, c Column) {
	e.beginStruct()
	e.i32(1, c.Type.physical())
	rep := int32(0) // REQUIRED
	if c.Optional {
		rep = 1 // OPTIONAL
	}
	e.i32(3, rep)
	e.stringField(4, c.Name)
	// converted_type (6), the legacy annotation, then logicalType (10),
	// a union: STRING (1), DATE (6), TIMESTAMP (8).
	switch c.Type {
	case String:
		e.i32(6, 0) // UTF8
		e.structField(10)
		e.structField(1)
		e.endStruct()
		e.endStruct()
	case Date:
		e.i32(6, 6) // DATE
		e.structField(10)
		e.structField(6)
		e.endStruct()
		e.endStruct()
	case Timestamp:
		e.i32(6, 10) // TIMESTAMP_MICROS
		e.structField(10)
		e.structField(8)
		e.boolean(1, true) // isAdjustedToUTC
		e.structField(2)   // unit: MICROS
		e.structField(2)
		e.endStruct()
		e.endStruct()
		e.endStruct()
		e.endStruct()
	}
	e.endStruct()
}

// rowGroup writes the RowGroup g.
func (w *Writer) rowGroup(e *compact, g rowGroup) {
	e.beginStruct()
	e.listField(1, ctStruct, len(g.chunks))
	var compressed int64
	for i, ch := range g.chunks {
		c := w.cols[i]
		compressed += ch.size
		e.beginStruct()
		e.i64(2, ch.offset) // file_offset
		e.structField(3)    // meta_data
		e.i32(1, c.Type.physical())
		encodings := []int32{0} // PLAIN
		if c.Optional {
			encodings = append(encodings, 3) // RLE
		}
		e.listField(2, ctI32, len(encodings))
		for _, enc := range encodings {
			e.varint(int64(enc))
		}
		e.listField(3, ctBinary, 1)
		e.bytes([]byte(c.Name))
		e.i32(4, int32(w.opts.Compression))
		e.i64(5, ch.values)
		e.i64(6, ch.uncompressed)
		e.i64(7, ch.size)
		e.i64(9, ch.offset) // data_page_offset
		statistics(e, 12, &ch)
		e.endStruct()
		e.endStruct()
	}
	e.i64(2, g.size)
	e.i64(3, g.rows)
	e.i64(5, g.chunks[0].offset)
	e.i64(6, compressed)
	e.endStruct()
}
