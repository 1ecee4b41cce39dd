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
}

// tableSlot maps key to entries[start : start+n]; n == 0 marks an empty
// slot (features without weights are never stored).
type tableSlot struct {
	key   uint64
	start uint32
	n     uint32
}

// tableEntry is one class weight.
type tableEntry struct {
	cls uint16
	w   float32
}

// newTable builds the table of m's index and rows.
func newTable(m *Model) table {
	size := uint64(16)
	for size < uint64(len(m.index))*2 {
		size <<= 1
	}
	t := table{mask: size - 1, slots: make([]tableSlot, size), entries: make([]tableEntry, 0, len(m.cls))}
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
			t.entries = append(t.entries, tableEntry{cls: m.cls[j], w: m.weight[j]})
		}
	}
	return t
}

// score adds the weights of every feature of feats to scores.
func (t *table) score(feats []uint64, scores []float32, home []tableSlot) []tableSlot {
	home = home[:0]
	for _, f := range feats {
		home = append(home, t.slots[f&t.mask])
	}
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
		for _, e := range t.entries[sl.start : sl.start+sl.n] {
			scores[e.cls] += e.w
		}
	}
	return home
}
