package lemma

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// magic starts every saved lemmatizer, before compression; the last byte
// is the format version.
const magic = "sitrep-lemma\x01"

// Limits that keep Load from allocating without bound on corrupt input.
const (
	maxString = 1 << 12
	maxCount  = 1 << 21
)

// Save writes the lemmatizer in a compact gzip-compressed binary format.
func (l *Lemmatizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("lemma: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	var werr error
	put := func(b []byte) {
		if werr == nil {
			_, werr = bw.Write(b)
		}
	}
	putUint := func(v uint64) { put(buf[:binary.PutUvarint(buf[:], v)]) }
	putStr := func(s string) {
		putUint(uint64(len(s)))
		put([]byte(s))
	}
	put([]byte(magic))
	for _, table := range []map[string]rule{l.lexicon, l.suffixes} {
		keys := make([]string, 0, len(table))
		for k := range table {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		putUint(uint64(len(keys)))
		for _, k := range keys {
			r := table[k]
			putStr(k)
			flags := uint64(r.cut) << 1
			if r.lower {
				flags |= 1
			}
			putUint(flags)
			putStr(r.add)
		}
	}
	if werr == nil {
		werr = bw.Flush()
	}
	if werr == nil {
		werr = zw.Close()
	}
	if werr != nil {
		return fmt.Errorf("lemma: save: %w", werr)
	}
	return nil
}

// Load reads a lemmatizer written by Save.
func Load(r io.Reader) (*Lemmatizer, error) {
	l, err := load(r)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("lemma: load: %w", err)
	}
	return l, nil
}

func load(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, err
	}
	if string(head) != magic {
		return nil, errors.New("not a sitrep lemmatizer (bad magic or version)")
	}
	readUint := func(limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(br)
		if err == nil && v > limit {
			err = fmt.Errorf("value %d exceeds limit %d", v, limit)
		}
		return v, err
	}
	readStr := func() (string, error) {
		n, err := readUint(maxString)
		if err != nil {
			return "", err
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return string(b), err
	}
	l := &Lemmatizer{}
	for t := range 2 {
		n, err := readUint(maxCount)
		if err != nil {
			return nil, err
		}
		table := make(map[string]rule, min(n, 1<<16))
		for range n {
			k, err := readStr()
			if err != nil {
				return nil, err
			}
			flags, err := readUint(2 * maxString)
			if err != nil {
				return nil, err
			}
			add, err := readStr()
			if err != nil {
				return nil, err
			}
			table[k] = rule{lower: flags&1 == 1, cut: int(flags >> 1), add: add}
		}
		if t == 0 {
			l.lexicon = table
		} else {
			l.suffixes = table
		}
	}
	return l, nil
}
