package tagger

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// magic starts every saved model, before compression; the last byte is the
// format version.
const magic = "sitrep-tagger\x01"

// Limits that keep Load from allocating without bound on corrupt input.
const (
	maxString  = 1 << 16
	maxClasses = math.MaxUint16
	maxCount   = 1 << 22
)

// Save writes the model in a compact gzip-compressed binary format.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(magic))
	e.uint(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c)
	}
	forms := sortedKeys(m.fixed)
	e.uint(uint64(len(forms)))
	for _, f := range forms {
		e.str(f)
		e.uint(uint64(m.fixed[f]))
	}
	forms = sortedKeys(m.ambClasses)
	e.uint(uint64(len(forms)))
	for _, f := range forms {
		e.str(f)
		cs := m.ambClasses[f]
		e.uint(uint64(len(cs)))
		for _, c := range cs {
			e.uint(uint64(c))
		}
	}
	var sb [4]byte
	binary.LittleEndian.PutUint32(sb[:], math.Float32bits(m.scale))
	e.bytes(sb[:])
	keys := make([]uint64, len(m.index))
	for k, r := range m.index {
		keys[r] = k
	}
	e.uint(uint64(len(keys)))
	var prev uint64
	for r, k := range keys {
		e.uint(k - prev)
		prev = k
		lo, hi := m.rowStart[r], m.rowStart[r+1]
		e.uint(uint64(hi - lo))
		for i := lo; i < hi; i++ {
			e.uint(uint64(m.cls[i]))
			e.int(int64(m.qweight[i]))
		}
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("tagger: save: %w", e.err)
	}
	return nil
}

// sortedKeys returns the keys of m in increasing order, so that output
// built from a map is the same every time.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	return m, nil
}

func load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	d := decoder{r: bufio.NewReader(zr)}
	head := d.bytes(len(magic))
	if d.err == nil && string(head) != magic {
		return nil, errors.New("not a sitrep tagger model (bad magic or version)")
	}
	nc := d.count(maxClasses)
	classes := make([]string, 0, min(nc, 1024))
	for i := 0; i < nc && d.err == nil; i++ {
		classes = append(classes, d.str())
	}
	if d.err == nil && nc == 0 {
		return nil, errors.New("model has no classes")
	}
	class := func() uint16 {
		c := d.uint()
		if d.err == nil && c >= uint64(nc) {
			d.err = fmt.Errorf("class %d out of range", c)
		}
		return uint16(c)
	}
	n := d.count(maxCount)
	fixed := make(map[string]uint16, min(n, 1<<16))
	for i := 0; i < n && d.err == nil; i++ {
		f := d.str()
		fixed[f] = class()
	}
	n = d.count(maxCount)
	amb := make(map[string][]uint16, min(n, 1<<16))
	for i := 0; i < n && d.err == nil; i++ {
		f := d.str()
		k := d.count(nc)
		cs := make([]uint16, 0, min(k, 1024))
		for j := 0; j < k && d.err == nil; j++ {
			cs = append(cs, class())
		}
		amb[f] = cs
	}
	sb := d.bytes(4)
	m := &Model{}
	if d.err == nil {
		m.scale = math.Float32frombits(binary.LittleEndian.Uint32(sb))
		if math.IsNaN(float64(m.scale)) || math.IsInf(float64(m.scale), 0) {
			d.err = errors.New("bad weight scale")
		}
	}
	n = d.count(maxCount)
	m.index = make(map[uint64]uint32, min(n, 1<<16))
	var key uint64
	for r := 0; r < n && d.err == nil; r++ {
		key += d.uint()
		if _, dup := m.index[key]; dup && d.err == nil {
			d.err = errors.New("feature keys out of order")
		}
		m.index[key] = uint32(r)
		m.rowStart = append(m.rowStart, uint32(len(m.cls)))
		k := d.count(nc)
		for j := 0; j < k && d.err == nil; j++ {
			c := class()
			v := d.int()
			if d.err == nil && (v < math.MinInt16 || v > math.MaxInt16) {
				d.err = fmt.Errorf("weight %d out of range", v)
			}
			m.cls = append(m.cls, c)
			m.qweight = append(m.qweight, int16(v))
			m.weight = append(m.weight, float32(int16(v))*m.scale)
		}
		if len(m.cls) > maxCount {
			d.err = errors.New("too many weights")
		}
	}
	m.rowStart = append(m.rowStart, uint32(len(m.cls)))
	m.table = newTable(m)
	if d.err != nil {
		if errors.Is(d.err, io.EOF) {
			d.err = io.ErrUnexpectedEOF
		}
		return nil, d.err
	}
	m.setClasses(classes)
	m.setDictionary(fixed, amb)
	return m, nil
}

// encoder writes varints and strings, remembering the first error.
type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) uint(v uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], v)]) }

func (e *encoder) int(v int64) { e.bytes(e.buf[:binary.PutVarint(e.buf[:], v)]) }

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// decoder reads what encoder writes, remembering the first error; after
// an error every read returns a zero value.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
		return 0
	}
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = err
		return 0
	}
	return v
}

// count reads a length and checks it against limit.
func (d *decoder) count(limit int) int {
	v := d.uint()
	if d.err != nil {
		return 0
	}
	if v > uint64(limit) {
		d.err = fmt.Errorf("count %d exceeds limit %d", v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	_, d.err = io.ReadFull(d.r, b)
	return b
}

func (d *decoder) str() string {
	n := d.count(maxString)
	return string(d.bytes(n))
}
