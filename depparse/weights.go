package depparse

import "sort"

// entry is one class weight of a training feature. Averaging uses the
// standard trick: avg = w - acc/steps, where acc sums step*delta.
type entry struct {
	class uint16
	w     float32
	acc   float64
}

// trainWeights are the averaged-perceptron weights while training.
type trainWeights struct {
	index   map[uint64]int32
	rows    [][]entry
	steps   float64
	classes int
}

func newTrainWeights(classes int) *trainWeights {
	return &trainWeights{index: make(map[uint64]int32, 1<<20), classes: classes}
}

// score adds the current weights of fs to scores.
func (t *trainWeights) score(fs []uint64, scores []float32) {
	clear(scores)
	for _, f := range fs {
		i, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[i] {
			scores[e.class] += e.w
		}
	}
}

// update moves the weights of fs by +1 for good and -1 for bad.
func (t *trainWeights) update(fs []uint64, good, bad int) {
	t.steps++
	for _, f := range fs {
		i, ok := t.index[f]
		if !ok {
			i = int32(len(t.rows))
			t.index[f] = i
			t.rows = append(t.rows, nil)
		}
		t.bump(i, good, 1)
		t.bump(i, bad, -1)
	}
}

func (t *trainWeights) bump(i int32, class int, delta float32) {
	row := t.rows[i]
	for k := range row {
		if int(row[k].class) == class {
			row[k].w += delta
			row[k].acc += t.steps * float64(delta)
			return
		}
	}
	t.rows[i] = append(row, entry{class: uint16(class), w: delta, acc: t.steps * float64(delta)})
}

// tick counts a step without an update, so averages weigh every decision.
func (t *trainWeights) tick() { t.steps++ }

// average returns the averaged weights as a frozen model, dropping
// entries whose magnitude is below minWeight.
func (t *trainWeights) average(minWeight float32) *weights {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	feats := make(map[uint32][]classWeight, len(keys))
	for _, k := range keys {
		var row []classWeight
		for _, e := range t.rows[t.index[k]] {
			avg := e.w - float32(e.acc/(t.steps+1))
			if avg >= minWeight || avg <= -minWeight {
				row = append(row, classWeight{class: uint8(e.class), w: avg})
			}
		}
		if len(row) == 0 {
			continue
		}
		k32 := foldKey(k)
		// A collision of two 64-bit keys in 32 bits merges their rows.
		feats[k32] = mergeRows(feats[k32], row)
	}
	return newWeights(t.classes, feats)
}

func mergeRows(a, b []classWeight) []classWeight {
	for _, cw := range b {
		found := false
		for i := range a {
			if a[i].class == cw.class {
				a[i].w += cw.w
				found = true
				break
			}
		}
		if !found {
			a = append(a, cw)
		}
	}
	return a
}

// foldKey reduces a 64-bit feature hash to the 32-bit key stored in models;
// zero is reserved for empty slots.
func foldKey(k uint64) uint32 {
	x := uint32(k) ^ uint32(k>>32)
	if x == 0 {
		x = 1
	}
	return x
}

type classWeight struct {
	class uint8
	w     float32
}

// weights are frozen feature weights in an open-addressing table keyed by
// 32-bit feature keys; they are read-only and safe for concurrent use.
type weights struct {
	classes int
	mask    uint32
	keys    []uint32
	start   []uint32 // start[slot] indexes cls/w; count in n
	count   []uint8
	cls     []uint8
	w       []float32
	nfeat   int
}

func newWeights(classes int, feats map[uint32][]classWeight) *weights {
	size := uint32(1)
	for size < uint32(len(feats))*2 {
		size <<= 1
	}
	if size < 16 {
		size = 16
	}
	m := &weights{
		classes: classes,
		mask:    size - 1,
		keys:    make([]uint32, size),
		start:   make([]uint32, size),
		count:   make([]uint8, size),
		nfeat:   len(feats),
	}
	keys := make([]uint32, 0, len(feats))
	for k := range feats {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	for _, k := range keys {
		row := feats[k]
		sort.Slice(row, func(a, b int) bool { return row[a].class < row[b].class })
		slot := slotOf(k) & m.mask
		for m.keys[slot] != 0 {
			slot = (slot + 1) & m.mask
		}
		m.keys[slot] = k
		m.start[slot] = uint32(len(m.cls))
		m.count[slot] = uint8(len(row))
		for _, cw := range row {
			m.cls = append(m.cls, cw.class)
			m.w = append(m.w, cw.w)
		}
	}
	return m
}

func slotOf(k uint32) uint32 { return k * 0x9e3779b1 }

// score adds the weights of fs to scores (which it clears first).
func (m *weights) score(fs []uint64, scores []float32) {
	clear(scores)
	for _, f := range fs {
		k := foldKey(f)
		slot := slotOf(k) & m.mask
		for {
			kk := m.keys[slot]
			if kk == k {
				s, n := m.start[slot], uint32(m.count[slot])
				cls := m.cls[s : s+n]
				ws := m.w[s : s+n]
				for j, c := range cls {
					scores[c] += ws[j]
				}
				break
			}
			if kk == 0 {
				break
			}
			slot = (slot + 1) & m.mask
		}
	}
}
