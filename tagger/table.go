package tagger

// table is an open-addressing hash table from feature keys to rows, used
// at tagging time in place of the index map: one probe usually touches one
// cache line, and the lookups of a token's features are issued together so
// that their memory loads overlap.
type table struct {
	mask  uint64
	slots []tableSlot
}

// tableSlot maps key to row+1; row 0 marks an empty slot.
type tableSlot struct {
	key uint64
	row uint32
}

func newTable(index map[uint64]uint32) table {
	size := uint64(16)
	for size < uint64(len(index))*2 {
		size <<= 1
	}
	t := table{mask: size - 1, slots: make([]tableSlot, size)}
	for k, r := range index {
		i := k & t.mask
		for t.slots[i].row != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = tableSlot{key: k, row: r + 1}
	}
	return t
}

// rows appends to dst the row of every feature of feats present in t.
func (t *table) rows(feats []uint64, home []tableSlot, dst []uint32) ([]tableSlot, []uint32) {
	home = home[:0]
	for _, f := range feats {
		home = append(home, t.slots[f&t.mask])
	}
	for j, f := range feats {
		sl := home[j]
		if sl.key != f || sl.row == 0 {
			if sl.row == 0 {
				continue
			}
			i := f & t.mask
			for {
				i = (i + 1) & t.mask
				sl = t.slots[i]
				if sl.row == 0 || sl.key == f {
					break
				}
			}
			if sl.row == 0 {
				continue
			}
		}
		dst = append(dst, sl.row-1)
	}
	return home, dst
}
