package parquet_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sitrep/sitrep/parquet"
)

// allColumns has every column type, required and optional.
func allColumns() []parquet.Column {
	var cols []parquet.Column
	for _, t := range []parquet.Type{parquet.Bool, parquet.Int32, parquet.Int64, parquet.Double, parquet.String,
		parquet.Bytes, parquet.Date, parquet.Timestamp} {
		name := strings.ToLower(t.String())
		cols = append(cols, parquet.Column{Name: "req_" + name, Type: t},
			parquet.Column{Name: "opt_" + name, Type: t, Optional: true})
	}
	return cols
}

// cell is a generated value as the test expects to read it back.
type cell struct {
	null bool
	b    bool
	i    int64
	f    float64
	s    string
}

// randomValue returns a random value of type t (null with probability
// nullRate when optional) and what it should read back as.
func randomValue(rng *rand.Rand, c parquet.Column, nullRate float64) (parquet.Value, cell) {
	if c.Optional && rng.Float64() < nullRate {
		return parquet.Null(), cell{null: true}
	}
	switch c.Type {
	case parquet.Bool:
		b := rng.IntN(2) == 1
		return parquet.BoolValue(b), cell{b: b}
	case parquet.Int32:
		n := int32(rng.Uint32())
		return parquet.Int32Value(n), cell{i: int64(n)}
	case parquet.Int64:
		n := int64(rng.Uint64())
		return parquet.Int64Value(n), cell{i: n}
	case parquet.Double:
		f := rng.NormFloat64() * 1e6
		return parquet.DoubleValue(f), cell{f: f}
	case parquet.String:
		runes := []rune("abcé漢字 \t\n\"'")
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		return parquet.StringValue(b.String()), cell{s: b.String()}
	case parquet.Bytes:
		b := make([]byte, rng.IntN(20))
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return parquet.BytesValue(b), cell{s: string(b)}
	case parquet.Date:
		d := time.Date(1900+rng.IntN(250), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		return parquet.DateValue(d), cell{i: d.Unix() / 86400}
	default:
		t := time.Unix(rng.Int64N(4e9)-1e9, rng.Int64N(1e9)).UTC()
		return parquet.TimestampValue(t), cell{i: t.UnixMicro()}
	}
}

// randomRows returns n random rows of cols.
func randomRows(rng *rand.Rand, cols []parquet.Column, n int, nullRate float64) ([][]parquet.Value, [][]cell) {
	rows, want := make([][]parquet.Value, n), make([][]cell, n)
	for r := range n {
		for _, c := range cols {
			v, w := randomValue(rng, c, nullRate)
			rows[r] = append(rows[r], v)
			want[r] = append(want[r], w)
		}
	}
	return rows, want
}

// write writes rows to a Parquet file in memory.
func write(t testing.TB, cols []parquet.Column, rows [][]parquet.Value, opts parquet.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	writeTo(t, &buf, cols, rows, opts)
	return buf.Bytes()
}

// writeTo writes rows as a Parquet file to out.
func writeTo(t testing.TB, out io.Writer, cols []parquet.Column, rows [][]parquet.Value, opts parquet.Options) {
	t.Helper()
	w, err := parquet.NewWriter(out, cols, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// readAll reads every row of a Parquet file with parquet-go, the
// independent reader.
func readAll(t testing.TB, data []byte) (*pq.File, []pq.Row) {
	t.Helper()
	f, err := pq.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("parquet-go cannot open the file: %v", err)
	}
	var out []pq.Row
	for _, rg := range f.RowGroups() {
		rows := rg.Rows()
		buf := make([]pq.Row, 7)
		for {
			n, err := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				out = append(out, r.Clone())
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("parquet-go read: %v", err)
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return f, out
}

// check compares a value read by parquet-go with the one written.
func check(t *testing.T, row, col int, c parquet.Column, got pq.Value, want cell) {
	t.Helper()
	if got.IsNull() != want.null {
		t.Fatalf("row %d column %s: null %v, want %v", row, c.Name, got.IsNull(), want.null)
	}
	if want.null {
		return
	}
	ok := true
	switch c.Type {
	case parquet.Bool:
		ok = got.Boolean() == want.b
	case parquet.Int32, parquet.Date:
		ok = int64(got.Int32()) == want.i
	case parquet.Int64, parquet.Timestamp:
		ok = got.Int64() == want.i
	case parquet.Double:
		ok = got.Double() == want.f
	default:
		ok = string(got.ByteArray()) == want.s
	}
	if !ok {
		t.Fatalf("row %d column %s: read %v, wrote %+v", row, c.Name, got, want)
	}
}

func TestWriterReadBack(t *testing.T) {
	tests := []struct {
		name     string
		rows     int
		nullRate float64
		opts     parquet.Options
		groups   int
	}{
		{"one row", 1, 0.3, parquet.Options{}, 1},
		{"no nulls", 100, 0, parquet.Options{}, 1},
		{"all nulls", 50, 1, parquet.Options{}, 1},
		{"some nulls, gzip", 500, 0.4, parquet.Options{Compression: parquet.Gzip}, 1},
		{"row groups", 1000, 0.2, parquet.Options{RowGroupRows: 300}, 4},
		{"row groups by size, gzip", 400, 0.1, parquet.Options{RowGroupBytes: 8 << 10, Compression: parquet.Gzip}, 0},
		{"no rows", 0, 0, parquet.Options{}, 0},
	}
	cols := allColumns()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			rows, want := randomRows(rng, cols, tt.rows, tt.nullRate)
			f, got := readAll(t, write(t, cols, rows, tt.opts))
			if len(got) != tt.rows || f.NumRows() != int64(tt.rows) {
				t.Fatalf("read %d rows (footer %d), wrote %d", len(got), f.NumRows(), tt.rows)
			}
			if tt.groups > 0 && len(f.RowGroups()) != tt.groups {
				t.Errorf("%d row groups, want %d", len(f.RowGroups()), tt.groups)
			}
			if tt.groups == 0 && tt.rows > 0 && len(f.RowGroups()) < 2 {
				t.Errorf("%d row groups, want several", len(f.RowGroups()))
			}
			for r := range got {
				if len(got[r]) != len(cols) {
					t.Fatalf("row %d: %d values", r, len(got[r]))
				}
				for _, v := range got[r] {
					c := v.Column()
					check(t, r, c, cols[c], v, want[r][c])
				}
			}
			checkSchema(t, f, cols)
			checkStats(t, f, cols, want)
		})
	}
}

// checkSchema checks the footer's schema as parquet-go decodes it.
func checkSchema(t *testing.T, f *pq.File, cols []parquet.Column) {
	t.Helper()
	logical := map[parquet.Type]string{parquet.String: "STRING", parquet.Date: "DATE",
		parquet.Timestamp: "TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)"}
	schema := f.Metadata().Schema
	if len(schema) != len(cols)+1 {
		t.Fatalf("%d schema elements, want %d", len(schema), len(cols)+1)
	}
	for i, c := range cols {
		el := schema[i+1]
		rep, _ := el.RepetitionType.Get()
		if el.Name != c.Name || (rep == 1) != c.Optional {
			t.Errorf("schema element %d: %s repetition %v, want %s optional %v", i, el.Name, rep, c.Name, c.Optional)
		}
		if got := el.LogicalType.String(); got != logical[c.Type] {
			t.Errorf("column %s: logical type %q, want %q", c.Name, got, logical[c.Type])
		}
	}
}

// checkStats checks the null counts and min/max statistics of each column
// chunk against the values written.
func checkStats(t *testing.T, f *pq.File, cols []parquet.Column, want [][]cell) {
	t.Helper()
	start := 0
	for g, rg := range f.Metadata().RowGroups {
		n := int(rg.NumRows)
		for c, ch := range rg.Columns {
			nulls, seen := 0, false
			var lo, hi cell
			for _, row := range want[start : start+n] {
				v := row[c]
				if v.null {
					nulls++
					continue
				}
				lo = pick(cols[c].Type, lo, v, seen, true)
				hi = pick(cols[c].Type, hi, v, seen, false)
				seen = true
			}
			st := ch.MetaData.Statistics
			if st.NullCount != int64(nulls) {
				t.Errorf("row group %d column %s: null count %d, want %d", g, cols[c].Name, st.NullCount, nulls)
			}
			if st.MinValue == nil {
				continue
			}
			if got, w := decodeStat(cols[c].Type, st.MinValue), lo; got != w {
				t.Errorf("row group %d column %s: min %+v, want %+v", g, cols[c].Name, got, w)
			}
			if got, w := decodeStat(cols[c].Type, st.MaxValue), hi; got != w {
				t.Errorf("row group %d column %s: max %+v, want %+v", g, cols[c].Name, got, w)
			}
		}
		start += n
	}
}

// pick returns the lesser (or greater) of cur and v by the field of type t.
func pick(t parquet.Type, cur, v cell, seen, less bool) cell {
	if !seen {
		return v
	}
	var below bool
	switch t {
	case parquet.Double:
		below = v.f < cur.f
	case parquet.String, parquet.Bytes:
		below = v.s < cur.s
	default:
		below = v.i < cur.i
	}
	if below == less && v != cur {
		return v
	}
	return cur
}

// decodeStat decodes a PLAIN statistic of type t.
func decodeStat(t parquet.Type, b []byte) cell {
	switch t {
	case parquet.Int32, parquet.Date:
		return cell{i: int64(int32(binary.LittleEndian.Uint32(b)))}
	case parquet.Int64, parquet.Timestamp:
		return cell{i: int64(binary.LittleEndian.Uint64(b))}
	case parquet.Double:
		return cell{f: math.Float64frombits(binary.LittleEndian.Uint64(b))}
	}
	return cell{s: string(b)}
}
