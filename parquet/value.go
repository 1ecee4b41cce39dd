package parquet

import (
	"fmt"
	"time"
)

// Type is the type of a column: a Parquet physical type with, where it
// has one, its logical type.
type Type int

// The column types.
const (
	// Bool is BOOLEAN.
	Bool Type = iota + 1
	// Int32 is INT32.
	Int32
	// Int64 is INT64.
	Int64
	// Double is DOUBLE.
	Double
	// String is BYTE_ARRAY with the STRING logical type (UTF8); values
	// must be valid UTF-8.
	String
	// Bytes is BYTE_ARRAY without a logical type.
	Bytes
	// Date is INT32 with the DATE logical type: days since 1970-01-01.
	Date
	// Timestamp is INT64 with the TIMESTAMP logical type, adjusted to
	// UTC, in microseconds since 1970-01-01T00:00:00Z.
	Timestamp
)

// String returns the name of t as used in messages ("STRING").
func (t Type) String() string {
	switch t {
	case Bool:
		return "BOOLEAN"
	case Int32:
		return "INT32"
	case Int64:
		return "INT64"
	case Double:
		return "DOUBLE"
	case String:
		return "STRING"
	case Bytes:
		return "BYTE_ARRAY"
	case Date:
		return "DATE"
	case Timestamp:
		return "TIMESTAMP"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// physical returns the Parquet physical type enum of t.
func (t Type) physical() int32 {
	switch t {
	case Bool:
		return 0 // BOOLEAN
	case Int32, Date:
		return 1 // INT32
	case Int64, Timestamp:
		return 2 // INT64
	case Double:
		return 5 // DOUBLE
	}
	return 6 // BYTE_ARRAY
}

// Column describes one column of a flat schema.
type Column struct {
	// Name is the column name.
	Name string
	// Type is its type.
	Type Type
	// Optional columns may hold nulls; required ones may not.
	Optional bool
}

// Value is one cell of a row: null, or a value of one of the column
// types, made by the functions below. The zero Value is null.
type Value struct {
	kind Type // 0 for null
	i    int64
	f    float64
	s    string
}

// Null returns the null value.
func Null() Value { return Value{} }

// BoolValue returns a BOOLEAN value.
func BoolValue(b bool) Value {
	v := Value{kind: Bool}
	if b {
		v.i = 1
	}
	return v
}

// Int32Value returns an INT32 value.
func Int32Value(n int32) Value { return Value{kind: Int32, i: int64(n)} }

// Int64Value returns an INT64 value.
func Int64Value(n int64) Value { return Value{kind: Int64, i: n} }

// DoubleValue returns a DOUBLE value.
func DoubleValue(f float64) Value { return Value{kind: Double, f: f} }

// StringValue returns a STRING value.
func StringValue(s string) Value { return Value{kind: String, s: s} }

// BytesValue returns a BYTE_ARRAY value.
func BytesValue(b []byte) Value { return Value{kind: Bytes, s: string(b)} }

// DateValue returns the DATE value of the calendar day of t (in t's
// location).
func DateValue(t time.Time) Value {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	return Value{kind: Date, i: days}
}

// TimestampValue returns the TIMESTAMP value of t, to the microsecond.
func TimestampValue(t time.Time) Value { return Value{kind: Timestamp, i: t.UnixMicro()} }

// IsNull reports whether v is null.
func (v Value) IsNull() bool { return v.kind == 0 }
