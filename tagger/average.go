package tagger

import (
	"math"
	"slices"
)

// finalize installs in m the averaged weights of the trainers ts, averaged
// again over the trainers, pruned and quantised. The trainers' state is
// left unchanged so training can continue.
func finalize(m *Model, ts ...*trainer) {
	var keys []uint64
	for _, t := range ts {
		for k := range t.rowOf {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	// sum returns the weights of feature k averaged over steps and
	// trainers, one entry per class in class order, in row's storage.
	var row []entry
	sum := func(k uint64) []entry {
		row = row[:0]
		for _, t := range ts {
			r, ok := t.rowOf[k]
			if !ok {
				continue
			}
			steps := float64(max(t.step, 1)) * float64(len(ts))
			for _, e := range t.rows[r] {
				i := slices.IndexFunc(row, func(x entry) bool { return x.cls == e.cls })
				if i < 0 {
					i = len(row)
					row = append(row, entry{cls: e.cls})
				}
				row[i].total += (e.total + float64(t.step-e.stamp)*float64(e.w)) / steps
			}
		}
		slices.SortFunc(row, func(a, b entry) int { return int(a.cls) - int(b.cls) })
		return row
	}
	maxAbs := 0.0
	for _, k := range keys {
		for _, e := range sum(k) {
			maxAbs = max(maxAbs, math.Abs(e.total))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / 32767)
	}
	m.scale = scale
	m.index = make(map[uint64]uint32)
	m.rowStart = m.rowStart[:0]
	m.cls, m.weight, m.qweight = m.cls[:0], m.weight[:0], m.qweight[:0]
	for _, k := range keys {
		start := len(m.cls)
		for _, e := range sum(k) {
			if math.Abs(e.total) < pruneMin {
				continue
			}
			q := int16(math.Round(e.total / float64(scale)))
			if q == 0 {
				continue
			}
			m.cls = append(m.cls, e.cls)
			m.qweight = append(m.qweight, q)
			m.weight = append(m.weight, float32(q)*scale)
		}
		if len(m.cls) > start {
			m.index[k] = uint32(len(m.rowStart))
			m.rowStart = append(m.rowStart, uint32(start))
		}
	}
	m.rowStart = append(m.rowStart, uint32(len(m.cls)))
	m.table = newTable(m)
}
