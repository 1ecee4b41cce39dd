package parquet

import "encoding/binary"

// appendLevels appends the definition levels levels (each 0 or 1, bit
// width 1) in the RLE/bit-packed hybrid encoding: a run of eight or more
// equal levels is one RLE run (header count<<1, then the value in one
// byte); other stretches are bit-packed in groups of eight, least
// significant bit first (header groups<<1|1). The last group is padded
// with zeros; readers stop at the page's value count.
func appendLevels(dst []byte, levels []uint8) []byte {
	n := len(levels)
	runAt := func(i int) int {
		j := i
		for j < n && levels[j] == levels[i] {
			j++
		}
		return j - i
	}
	for i := 0; i < n; {
		if r := runAt(i); r >= 8 {
			dst = binary.AppendUvarint(dst, uint64(r)<<1)
			dst = append(dst, levels[i])
			i += r
			continue
		}
		// Bit-pack groups of eight until a long run starts or the levels
		// end.
		var packed []byte
		for {
			var b byte
			for t := 0; t < 8 && i+t < n; t++ {
				b |= (levels[i+t] & 1) << t
			}
			packed = append(packed, b)
			i += 8
			if i >= n || runAt(i) >= 8 {
				break
			}
		}
		dst = binary.AppendUvarint(dst, uint64(len(packed))<<1|1)
		dst = append(dst, packed...)
	}
	return dst
}
