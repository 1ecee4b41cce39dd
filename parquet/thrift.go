package parquet

import "encoding/binary"

// Thrift compact protocol type ids of a field header or list header.
const (
	ctBoolTrue  = 1
	ctBoolFalse = 2
	ctI16       = 4
	ctI32       = 5
	ctI64       = 6
	ctBinary    = 8
	ctList      = 9
	ctStruct    = 12
)

// compact appends values in the Thrift compact protocol, the encoding of
// the Parquet footer and page headers. A struct is written by calling the
// field methods in increasing field id order between beginStruct and
// endStruct; the encoder keeps the last field id of each open struct,
// since the compact protocol writes field ids as deltas.
type compact struct {
	buf  []byte
	last []int16 // last field id of each open struct, innermost last
}

// beginStruct opens a struct (the top-level one, a field's, or a list
// element).
func (c *compact) beginStruct() { c.last = append(c.last, 0) }

// endStruct writes the stop byte and closes the innermost struct.
func (c *compact) endStruct() {
	c.buf = append(c.buf, 0)
	c.last = c.last[:len(c.last)-1]
}

// fieldHeader writes the header of field id of type t in the innermost
// struct: the delta from the previous id in the high nibble when it fits,
// otherwise the zigzag id after the type byte.
func (c *compact) fieldHeader(id int16, t byte) {
	top := len(c.last) - 1
	if d := id - c.last[top]; d > 0 && d <= 15 {
		c.buf = append(c.buf, byte(d)<<4|t)
	} else {
		c.buf = append(c.buf, t)
		c.varint(int64(id))
	}
	c.last[top] = id
}

// varint appends n zigzag-encoded as a ULEB128 varint.
func (c *compact) varint(n int64) {
	c.buf = binary.AppendUvarint(c.buf, uint64(n<<1^n>>63))
}

// i32 writes an i32 (or enum) field.
func (c *compact) i32(id int16, v int32) {
	c.fieldHeader(id, ctI32)
	c.varint(int64(v))
}

// i64 writes an i64 field.
func (c *compact) i64(id int16, v int64) {
	c.fieldHeader(id, ctI64)
	c.varint(v)
}

// boolean writes a bool field; the compact protocol folds the value into
// the field type.
func (c *compact) boolean(id int16, v bool) {
	t := byte(ctBoolFalse)
	if v {
		t = ctBoolTrue
	}
	c.fieldHeader(id, t)
}

// binaryField writes a string or binary field.
func (c *compact) binaryField(id int16, b []byte) {
	c.fieldHeader(id, ctBinary)
	c.bytes(b)
}

// stringField writes a string field.
func (c *compact) stringField(id int16, s string) {
	c.fieldHeader(id, ctBinary)
	c.buf = binary.AppendUvarint(c.buf, uint64(len(s)))
	c.buf = append(c.buf, s...)
}

// bytes appends a length-prefixed binary value (a list element).
func (c *compact) bytes(b []byte) {
	c.buf = binary.AppendUvarint(c.buf, uint64(len(b)))
	c.buf = append(c.buf, b...)
}

// structField writes the header of a struct field; the caller writes its
// fields and calls endStruct.
func (c *compact) structField(id int16) {
	c.fieldHeader(id, ctStruct)
	c.beginStruct()
}

// listField writes the header of a list field of n elements of type t;
// the caller writes the elements (for structs: beginStruct, fields,
// endStruct each).
func (c *compact) listField(id int16, t byte, n int) {
	c.fieldHeader(id, ctList)
	if n < 15 {
		c.buf = append(c.buf, byte(n)<<4|t)
		return
	}
	c.buf = append(c.buf, 0xf0|t)
	c.buf = binary.AppendUvarint(c.buf, uint64(n))
}
