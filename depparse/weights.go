package depparse

import (
	"fmt"
	"math"
	"sort"
)

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
	return newWeights(t.classes, prune(t.averaged(), minWeight))
}

// averaged returns the averaged weights by folded feature key; a collision
// of two 64-bit keys in 32 bits merges their rows.
func (t *trainWeights) averaged() map[uint32][]classWeight {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	feats := make(map[uint32][]classWeight, len(keys))
	for _, k := range keys {
		var row []classWeight
		for _, e := range t.rows[t.index[k]] {
			if avg := e.w - float32(e.acc/(t.steps+1)); avg != 0 {
				row = append(row, classWeight{class: uint8(e.class), w: avg})
			}
		}
		if len(row) > 0 {
			k32 := foldKey(k)
			feats[k32] = mergeRows(feats[k32], row)
		}
	}
	return feats
}

// combine returns the mean of the weights of several training runs.
func combine(runs []map[uint32][]classWeight) map[uint32][]classWeight {
	if len(runs) == 1 {
		return runs[0]
	}
	sum := runs[0]
	for _, r := range runs[1:] {
		for k, row := range r {
			sum[k] = mergeRows(sum[k], row)
		}
	}
	scale := 1 / float32(len(runs))
	for _, row := range sum {
		for i := range row {
			row[i].w *= scale
		}
	}
	return sum
}

// prune drops the weights of magnitude below minWeight, and the features
// left with none.
func prune(feats map[uint32][]classWeight, minWeight float32) map[uint32][]classWeight {
	for k, row := range feats {
		kept := row[:0]
		for _, cw := range row {
			if cw.w >= minWeight || cw.w <= -minWeight {
				kept = append(kept, cw)
			}
		}
		if len(kept) == 0 {
			delete(feats, k)
		} else {
			feats[k] = kept
		}
	}
	return feats
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
// 32-bit feature keys; they are read-only and safe for concurrent use. A
// slot holds its key and either its row itself (rows of up to inlineRow
// weights, four of five features) or the position and length of its row, so
// most lookups touch one slot and nothing else.
type weights struct {
	classes int
	mask    uint32
	slots   []slot
	rows    []qweight
	nfeat   int
	// scale converts the 16-bit weights back to the trained values; scoring
	// compares integer sums of unscaled weights, which orders classes the
	// same.
	scale float32
}

// qweight is a class weight quantized to 16 bits.
type qweight struct {
	class uint8
	w     int16
}

// inlineRow is the longest row a slot holds itself.
const inlineRow = 2

// slot holds a feature key (0 for an empty slot) and its row: ref&0xff is
// the row's length; a row of up to inlineRow weights is in inline, a longer
// one starts at ref>>8 in rows. A slot is 16 bytes, four to a cache line.
type slot struct {
	key    uint32
	ref    uint32
	inline [inlineRow]qweight
}

// row returns the weights of the feature in sl.
func (m *weights) row(sl *slot) []qweight {
	n := sl.ref & 0xff
	if n <= inlineRow {
		return sl.inline[:n]
	}
	return m.rows[sl.ref>>8 : sl.ref>>8+n]
}

// maxRows bounds the entries a table can hold (24 bits of row offset).
const maxRows = 1 << 24

// newTable returns an empty table sized for n features.
func newTable(classes, n int) *weights {
	size := uint32(16)
	for size < uint32(n)*2 {
		size <<= 1
	}
	return &weights{classes: classes, mask: size - 1, slots: make([]slot, size)}
}

// insert adds feature k with its row; k must not be present yet.
func (m *weights) insert(k uint32, row []qweight) error {
	if len(m.rows)+len(row) > maxRows {
		return fmt.Errorf("model holds more than %d weights", maxRows)
	}
	if len(row) > 255 {
		return fmt.Errorf("feature row of %d classes", len(row))
	}
	i := slotOf(k) & m.mask
	for m.slots[i].key != 0 {
		if m.slots[i].key == k {
			return fmt.Errorf("feature key %d repeated", k)
		}
		i = (i + 1) & m.mask
	}
	sl := slot{key: k, ref: uint32(len(row))}
	if len(row) <= inlineRow {
		copy(sl.inline[:], row)
	} else {
		sl.ref |= uint32(len(m.rows)) << 8
		m.rows = append(m.rows, row...)
	}
	m.slots[i] = sl
	m.nfeat++
	return nil
}

func newWeights(classes int, feats map[uint32][]classWeight) *weights {
	keys := make([]uint32, 0, len(feats))
	var maxAbs float64
	for k, row := range feats {
		keys = append(keys, k)
		for _, cw := range row {
			maxAbs = max(maxAbs, math.Abs(float64(cw.w)))
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	m := newTable(classes, len(feats))
	m.scale = 1
	if maxAbs > 0 {
		m.scale = float32(maxAbs / math.MaxInt16)
	}
	var q []qweight
	for _, k := range keys {
		row := feats[k]
		sort.Slice(row, func(a, b int) bool { return row[a].class < row[b].class })
		q = q[:0]
		for _, cw := range row {
			if v := int16(math.Round(float64(cw.w / m.scale))); v != 0 {
				q = append(q, qweight{class: cw.class, w: v})
			}
		}
		if len(q) == 0 {
			continue
		}
		if err := m.insert(k, q); err != nil {
			// Training never produces more weights than a table holds; the
			// extra features are dropped should it ever happen.
			break
		}
	}
	return m
}

func slotOf(k uint32) uint32 { return k * 0x9e3779b1 }

// lookup is the scratch space of one caller of score.
type lookup struct {
	// home holds the slots of the features being scored.
	home []slot
	// sink keeps the first pass over long rows, so its loads are not
	// dropped as unused.
	sink uint8
}

// score adds the weights of fs to scores (which it clears first). It first
// loads the home slot of every feature, loads that do not depend on each
// other and so overlap in the memory system, then resolves each feature.
// Rows longer than a slot holds are elsewhere in memory: their first
// entries are loaded in one more pass of independent loads, so that
// summing them does not wait on one cache miss after another.
func (m *weights) score(fs []uint64, scores []int32, lk *lookup) {
	clear(scores)
	home := lk.home[:0]
	for _, f := range fs {
		home = append(home, m.slots[slotOf(foldKey(f))&m.mask])
	}
	found := 0
	for j, f := range fs {
		k := foldKey(f)
		sl := home[j]
		if sl.key != k {
			if sl.key == 0 {
				continue
			}
			i := slotOf(k) & m.mask
			for {
				i = (i + 1) & m.mask
				sl = m.slots[i]
				if sl.key == k || sl.key == 0 {
					break
				}
			}
			if sl.key == 0 {
				continue
			}
		}
		home[found] = sl
		found++
	}
	lk.home = home
	home = home[:found]
	for i := range home {
		if ref := home[i].ref; ref&0xff > inlineRow {
			lk.sink ^= m.rows[ref>>8].class
		}
	}
	for i := range home {
		for _, cw := range m.row(&home[i]) {
			scores[cw.class] += int32(cw.w)
		}
	}
}
