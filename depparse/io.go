package depparse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

const magic = "sitrep-depparse-1\n"

// Save writes the model compactly: gzip of the relation names, then the
// features in key order with delta-coded keys and weights quantized to 16
// bits.
func (p *Parser) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	bw := bufio.NewWriter(zw)
	m := p.w
	put := func(x uint64) {
		var buf [binary.MaxVarintLen64]byte
		bw.Write(buf[:binary.PutUvarint(buf[:], x)])
	}
	bw.WriteString(magic)
	put(uint64(len(p.labels)))
	for _, l := range p.labels {
		put(uint64(len(l)))
		bw.WriteString(l)
	}
	put(uint64(math.Float32bits(m.scale)))
	order := make([]int, 0, m.nfeat)
	for i, sl := range m.slots {
		if sl.key != 0 {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return m.slots[order[a]].key < m.slots[order[b]].key })
	put(uint64(len(order)))
	var prev uint32
	for _, i := range order {
		sl := m.slots[i]
		put(uint64(sl.key - prev))
		prev = sl.key
		row := m.row(&sl)
		bw.WriteByte(byte(len(row)))
		for _, cw := range row {
			bw.WriteByte(cw.class)
			bw.WriteByte(byte(uint16(cw.w)))
			bw.WriteByte(byte(uint16(cw.w) >> 8))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Parser, error) {
	p, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return p, nil
}

func load(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("not a sitrep parser model")
	}
	get := func(limit uint64, what string) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("read %s: %w", what, err)
		}
		if x > limit {
			return 0, fmt.Errorf("%s %d out of range", what, x)
		}
		return x, nil
	}
	nl, err := get(126, "relation count")
	if err != nil {
		return nil, err
	}
	labels := make([]string, nl)
	for i := range labels {
		ln, err := get(64, "relation length")
		if err != nil {
			return nil, err
		}
		b := make([]byte, ln)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("read relation: %w", err)
		}
		labels[i] = string(b)
	}
	sb, err := get(math.MaxUint32, "scale")
	if err != nil {
		return nil, err
	}
	scale := math.Float32frombits(uint32(sb))
	nf, err := get(1<<26, "feature count")
	if err != nil {
		return nil, err
	}
	classes := 2 + 2*len(labels)
	m := newTable(classes, int(nf))
	m.rows = make([]qweight, 0, nf)
	m.scale = scale
	var key uint32
	buf := make([]byte, 3*256)
	row := make([]qweight, 0, 256)
	for i := uint64(0); i < nf; i++ {
		d, err := get(math.MaxUint32, "feature key")
		if err != nil {
			return nil, err
		}
		if d == 0 && i > 0 {
			return nil, errors.New("feature keys out of order")
		}
		key += uint32(d)
		if key == 0 {
			return nil, errors.New("feature key 0 is reserved")
		}
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("read feature: %w", err)
		}
		b := buf[:3*int(n)]
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("read feature: %w", err)
		}
		row = row[:0]
		for j := 0; j < int(n); j++ {
			c := b[3*j]
			if int(c) >= classes {
				return nil, fmt.Errorf("class %d out of range", c)
			}
			q := int16(uint16(b[3*j+1]) | uint16(b[3*j+2])<<8)
			row = append(row, qweight{class: c, w: q})
		}
		if err := m.insert(key, row); err != nil {
			return nil, err
		}
	}
	return newParser(labels, m), nil
}
