package tagger

// table is an open-addressing hash table from feature keys to their class
// weights, used at tagging time in place of the index map. A slot holds the
// key and the position of its row in one packed entry array, so a lookup
// touches one slot and one contiguous row; the lookups of a token's features
// are issued together so that their memory loads overlap.
type table struct {
	mask    uint64
	slots   []tableSlot
	entries []tableEntry
	// scale turns an entry's quantised weight into the model's weight.
	scale float32
}

// tableSlot maps key to entries[start : start+n]; n == 0 marks an empty
// slot (features without weights are never stored).
type tableSlot struct {
	key   uint64
	start uint32
	n     uint32
}

// tableEntry is one class weight, quantised as the model file keeps it
// (four bytes an entry rather than eight, so rows take fewer cache lines).
type tableEntry struct {
	cls uint16
	w   int16
}

// newTable builds the table of m's index and rows.
func newTable(m *Model) table {
	size := uint64(16)
	for size < uint64(len(m.index))*2 {
		size <<= 1
	}
	t := table{mask: size - 1, slots: make([]tableSlot, size), entries: make([]tableEntry, 0, len(m.cls)), scale: m.scale}
	for _, k := range sortedKeys(m.index) {
		r := m.index[k]
		lo, hi := m.rowStart[r], m.rowStart[r+1]
		if hi == lo {
			continue
		}
		i := k & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = tableSlot{key: k, start: uint32(len(t.entries)), n: hi - lo}
		for j := lo; j < hi; j++ {
			t.entries = append(t.entries, tableEntry{cls: m.cls[j], w: m.qweight[j]})
		}
	}
	return t
}

// score adds the weights of every feature of feats to scores. It first
// loads every feature's home slot, then resolves the features, then loads
// the first entry of every row, then adds the rows in the order of feats,
// so that the loads of one phase overlap rather than wait on one cache
// miss after another. A weight is float32(q) * scale, the very value the
// model holds, so the sums are those of the model's weights.
func (t *table) score(feats []uint64, scores []float32, sc *scratch) {
	home := sc.home[:0]
	for _, f := range feats {
		home = append(home, t.slots[f&t.mask])
	}
	found := 0
	for j, f := range feats {
		sl := home[j]
		if sl.key != f || sl.n == 0 {
			if sl.n == 0 {
				continue
			}
			i := f & t.mask
			for {
				i = (i + 1) & t.mask
				sl = t.slots[i]
				if sl.n == 0 || sl.key == f {
					break
				}
			}
			if sl.n == 0 {
				continue
			}
		}
		home[found] = sl
		found++
	}
	sc.home = home
	home = home[:found]
	for _, sl := range home {
		sc.sink ^= t.entries[sl.start].cls
	}
	for _, sl := range home {
		for _, e := range t.entries[sl.start : sl.start+sl.n] {
			scores[e.cls] += float32(float32(e.w) * t.scale) // rounded: no fused multiply-add
		}
	}
}
