package main

import (
	"errors"
	"fmt"
)

// city is one record of cities.pbf. Coordinates are in 1e-5 degrees.
type city struct {
	ID          int64
	Name        string
	Country     string // ISO2
	AltCountry  string
	Muni        string
	MuniSub     string
	FeatureCode string
	AdminCode   string
	Population  uint64
	Lat, Lon    int64
}

// Protocol buffer wire types used by cities.pbf.
const (
	wireVarint = 0
	wireI64    = 1
	wireBytes  = 2
	wireI32    = 5
)

var errTruncated = errors.New("truncated input")

// varint reads a base-128 varint from b, returning it and its length.
func varint(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1, nil
		}
	}
	if len(b) >= 10 {
		return 0, 0, errors.New("varint overflows 64 bits")
	}
	return 0, 0, errTruncated
}

// zigzag decodes a protobuf sint value.
func zigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// decode reads every city of a cities.pbf file in order and calls fn for
// each. The coordinate deltas run through all records, so every record is
// decoded even when fn discards it.
func decode(data []byte, fn func(city) error) error {
	var lat, lon int64
	for off, n := 0, 0; off < len(data); n++ {
		size, k, err := varint(data[off:])
		if err != nil {
			return fmt.Errorf("record %d at byte %d: length: %w", n, off, err)
		}
		off += k
		if size > uint64(len(data)-off) {
			return fmt.Errorf("record %d at byte %d: length %d: %w", n, off, size, errTruncated)
		}
		c, err := decodeCity(data[off : off+int(size)])
		if err != nil {
			return fmt.Errorf("record %d at byte %d: %w", n, off, err)
		}
		off += int(size)
		lon += c.Lon
		lat += c.Lat
		c.Lon, c.Lat = lon, lat
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// decodeCity decodes one message; Lat and Lon hold the deltas.
func decodeCity(msg []byte) (city, error) {
	var c city
	for len(msg) > 0 {
		key, k, err := varint(msg)
		if err != nil {
			return c, fmt.Errorf("field key: %w", err)
		}
		msg = msg[k:]
		tag, wire := key>>3, key&7
		var v uint64
		var s string
		switch wire {
		case wireVarint:
			if v, k, err = varint(msg); err != nil {
				return c, fmt.Errorf("field %d: %w", tag, err)
			}
			msg = msg[k:]
		case wireBytes:
			n, k, err := varint(msg)
			if err != nil {
				return c, fmt.Errorf("field %d: length: %w", tag, err)
			}
			msg = msg[k:]
			if n > uint64(len(msg)) {
				return c, fmt.Errorf("field %d: length %d: %w", tag, n, errTruncated)
			}
			s, msg = string(msg[:n]), msg[n:]
		case wireI64, wireI32:
			n := 8
			if wire == wireI32 {
				n = 4
			}
			if len(msg) < n {
				return c, fmt.Errorf("field %d: %w", tag, errTruncated)
			}
			msg = msg[n:]
			continue
		default:
			return c, fmt.Errorf("field %d: unsupported wire type %d", tag, wire)
		}
		want := wireBytes
		if tag == 1 || tag >= 9 {
			want = wireVarint
		}
		if tag <= 11 && int(wire) != want {
			return c, fmt.Errorf("field %d: wire type %d, want %d", tag, wire, want)
		}
		switch tag {
		case 1:
			c.ID = zigzag(v)
		case 2:
			c.Name = s
		case 3:
			c.Country = s
		case 4:
			c.AltCountry = s
		case 5:
			c.Muni = s
		case 6:
			c.MuniSub = s
		case 7:
			c.FeatureCode = s
		case 8:
			c.AdminCode = s
		case 9:
			c.Population = v
		case 10:
			c.Lon = zigzag(v)
		case 11:
			c.Lat = zigzag(v)
		}
	}
	return c, nil
}
