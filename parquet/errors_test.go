package parquet_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/parquet"
)

func TestWriterRefusesBadRows(t *testing.T) {
	cols := []parquet.Column{
		{Name: "id", Type: parquet.String},
		{Name: "n", Type: parquet.Int32, Optional: true},
	}
	tests := []struct {
		name string
		row  []parquet.Value
		want string
	}{
		{"too few", []parquet.Value{parquet.StringValue("a")}, "row of 1 values for 2 columns"},
		{"null in required", []parquet.Value{parquet.Null(), parquet.Null()}, `column "id": null in a required column`},
		{"wrong type", []parquet.Value{parquet.StringValue("a"), parquet.Int64Value(1)}, `column "n": INT64 value in a INT32 column`},
		{"bad UTF-8", []parquet.Value{parquet.StringValue("a\xff"), parquet.Null()}, `column "id": invalid UTF-8`},
	}
	var buf bytes.Buffer
	w, err := parquet.NewWriter(&buf, cols, parquet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := []parquet.Value{parquet.StringValue("ok"), parquet.Int32Value(7)}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := w.Write(tt.row)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
		// A refused row leaves the writer usable.
		if err := w.Write(good); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, rows := readAll(t, buf.Bytes())
	if len(rows) != len(tests) {
		t.Fatalf("read %d rows, want %d", len(rows), len(tests))
	}
	if err := w.Write(good); err == nil {
		t.Error("write after close accepted")
	}
}

func TestNewWriterRefusesBadSchemas(t *testing.T) {
	tests := []struct {
		name string
		cols []parquet.Column
		opts parquet.Options
	}{
		{"no columns", nil, parquet.Options{}},
		{"no name", []parquet.Column{{Type: parquet.Bool}}, parquet.Options{}},
		{"twice", []parquet.Column{{Name: "a", Type: parquet.Bool}, {Name: "a", Type: parquet.Int32}}, parquet.Options{}},
		{"bad type", []parquet.Column{{Name: "a", Type: 99}}, parquet.Options{}},
		{"bad codec", []parquet.Column{{Name: "a", Type: parquet.Bool}}, parquet.Options{Compression: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parquet.NewWriter(&bytes.Buffer{}, tt.cols, tt.opts); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// FuzzWriter writes random rows (from the fuzzed seed, row count, null
// rate and row group size) and checks that parquet-go reads every value
// back.
func FuzzWriter(f *testing.F) {
	f.Add(uint64(1), uint16(10), uint8(50), uint8(3), false)
	f.Add(uint64(2), uint16(300), uint8(0), uint8(0), true)
	f.Add(uint64(3), uint16(17), uint8(255), uint8(8), false)
	cols := allColumns()
	f.Fuzz(func(t *testing.T, seed uint64, n uint16, nulls uint8, group uint8, gz bool) {
		n %= 2000
		rng := rand.New(rand.NewPCG(seed, 11))
		rows, want := randomRows(rng, cols, int(n), float64(nulls)/255)
		opts := parquet.Options{RowGroupRows: int(group)}
		if gz {
			opts.Compression = parquet.Gzip
		}
		_, got := readAll(t, write(t, cols, rows, opts))
		if len(got) != int(n) {
			t.Fatalf("read %d rows, wrote %d", len(got), n)
		}
		for r := range got {
			for _, v := range got[r] {
				c := v.Column()
				check(t, r, c, cols[c], v, want[r][c])
			}
		}
	})
}

// BenchmarkWriter reports the rows written per second for rows like an
// event export's: strings, numbers, a date and a timestamp, some null.
func BenchmarkWriter(b *testing.B) {
	for _, bc := range []struct {
		name string
		c    parquet.Compression
	}{{"uncompressed", parquet.Uncompressed}, {"gzip", parquet.Gzip}} {
		b.Run(bc.name, func(b *testing.B) {
			cols := allColumns()
			rng := rand.New(rand.NewPCG(1, 2))
			rows, _ := randomRows(rng, cols, 10_000, 0.2)
			b.ResetTimer()
			for b.Loop() {
				var sink countWriter
				writeTo(b, &sink, cols, rows, parquet.Options{Compression: bc.c})
				b.SetBytes(sink.n)
			}
			b.ReportMetric(float64(b.N*len(rows))/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// countWriter counts and drops what is written.
type countWriter struct{ n int64 }

// Write counts p.
func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
