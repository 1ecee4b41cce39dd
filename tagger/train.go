package tagger

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/wordform"
)

// Defaults used by Train for zero TrainOptions fields. The shipped model
// was trained with these values on UD English-EWT train.
const (
	DefaultIterations = 15
	DefaultSeed       = 1
)

// Tag dictionary and pruning settings.
const (
	// fixedMinCount and fixedMinShare select the word forms that are
	// tagged from the dictionary without scoring.
	fixedMinCount = 20
	fixedMinShare = 0.97
	// ambMinCount is how often a lowercased form must occur to have an
	// ambiguity class.
	ambMinCount = 1
	// ambFolds is the number of folds used to compute the ambiguity classes
	// seen in training: a sentence sees the classes learned from the other
	// folds, so that rare words are sometimes unknown, as at test time.
	ambFolds = 10
	// ambMinShare is the share a class needs to join an ambiguity class.
	ambMinShare = 0.1
	// pruneMin drops averaged weights smaller in magnitude.
	pruneMin = 0.01
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Iterations is the number of passes over the training data;
	// 0 means DefaultIterations.
	Iterations int
	// Seed seeds the per-iteration shuffle; 0 means DefaultSeed.
	Seed int64
	// Log, when set, receives one progress line per iteration.
	Log io.Writer
	// Dev, when set, is tagged after every iteration with the averaged
	// weights so far and its accuracy is logged (for choosing Iterations).
	Dev []*conllu.Sentence
}

// entry is one class weight of a feature during training, with the sum
// and timestamp needed for averaging.
type entry struct {
	cls   uint16
	w     int32
	stamp int32
	total float64
}

// trainer holds the perceptron state during training.
type trainer struct {
	rowOf map[uint64]int32
	rows  [][]entry
	step  int32
}

func (t *trainer) score(feats []uint64, scores []float32) int {
	clear(scores)
	for _, f := range feats {
		r, ok := t.rowOf[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.cls] += float32(e.w)
		}
	}
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

func (t *trainer) update(f uint64, cls uint16, v int32) {
	r, ok := t.rowOf[f]
	if !ok {
		r = int32(len(t.rows))
		t.rowOf[f] = r
		t.rows = append(t.rows, nil)
	}
	row := t.rows[r]
	for k := range row {
		if row[k].cls == cls {
			e := &row[k]
			e.total += float64(t.step-e.stamp) * float64(e.w)
			e.stamp = t.step
			e.w += v
			return
		}
	}
	t.rows[r] = append(row, entry{cls: cls, w: v, stamp: t.step})
}

// Train trains a tagger on sentences with gold UPOS and XPOS.
func Train(train []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	if opts.Iterations == 0 {
		opts.Iterations = DefaultIterations
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	if opts.Iterations < 0 {
		return nil, fmt.Errorf("tagger: train: negative iterations %d", opts.Iterations)
	}
	train = plainForms(train)
	m := &Model{}
	classOf, foldAmb, err := m.buildLexicon(train)
	if err != nil {
		return nil, err
	}
	gold := make([][]uint16, len(train))
	for i, s := range train {
		gold[i] = make([]uint16, len(s.Words))
		for j, w := range s.Words {
			gold[i][j] = classOf[label(w)]
		}
	}
	t := &trainer{rowOf: make(map[uint64]int32)}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7a66e7))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(m.classes))
	var feats []uint64
	var ws []word
	for it := 1; it <= opts.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			words := train[si].Words
			ws = ws[:0]
			for j := range words {
				ws = append(ws, analyse(words[j].Text, j == 0, foldAmb[si%ambFolds]))
			}
			p1, p2 := -1, -2
			for j := range words {
				g := gold[si][j]
				var pred int
				if c, ok := m.fixed[words[j].Text]; ok {
					pred = int(c)
				} else {
					feats = staticFeatures(feats[:0], ws, j, words[j].Text)
					feats = dynamicFeatures(feats, ws, j, p1, p2)
					pred = t.score(feats, scores)
					t.step++
					if pred != int(g) {
						for _, f := range feats {
							t.update(f, g, 1)
							t.update(f, uint16(pred), -1)
						}
					}
				}
				if pred == int(g) {
					correct++
				}
				total++
				p2, p1 = p1, pred
			}
		}
		if opts.Log != nil {
			msg := fmt.Sprintf("iteration %d: train acc %.2f%%, %d features, %s",
				it, 100*float64(correct)/float64(max(total, 1)), len(t.rows), time.Since(start).Round(time.Millisecond))
			if len(opts.Dev) > 0 {
				t.finalize(m)
				u, x := evaluate(m, opts.Dev)
				msg += fmt.Sprintf("; dev UPOS %.2f%% XPOS %.2f%%", 100*u, 100*x)
			}
			fmt.Fprintln(opts.Log, msg)
		}
	}
	t.finalize(m)
	return m, nil
}

func label(w doc.Token) string { return w.UPOS + "|" + w.XPOS }

// buildLexicon sets the model's classes and tag dictionary from train and
// returns the class index of each label and, for each of ambFolds folds of
// train (sentence i is in fold i%ambFolds), the ambiguity classes learned
// without that fold.
func (m *Model) buildLexicon(train []*conllu.Sentence) (map[string]uint16, []map[string]uint64, error) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[label(w)] = true
		}
	}
	if len(seen) == 0 {
		return nil, nil, errors.New("tagger: train: no tagged words")
	}
	if len(seen) > math.MaxUint16 {
		return nil, nil, fmt.Errorf("tagger: train: too many labels (%d)", len(seen))
	}
	classes := make([]string, 0, len(seen))
	for l := range seen {
		classes = append(classes, l)
	}
	slices.Sort(classes)
	m.setClasses(classes)
	classOf := make(map[string]uint16, len(classes))
	for i, c := range classes {
		classOf[c] = uint16(i)
	}
	exact := map[string][]int{}
	// lower[form][fold*len(classes)+c] counts class c of form in a fold.
	lower := map[string][]int{}
	nc := len(classes)
	for i, s := range train {
		fold := i % ambFolds
		for _, w := range s.Words {
			c := int(classOf[label(w)])
			counts := exact[w.Text]
			if counts == nil {
				counts = make([]int, nc)
				exact[w.Text] = counts
			}
			counts[c]++
			lw := strings.ToLower(w.Text)
			counts = lower[lw]
			if counts == nil {
				counts = make([]int, nc*ambFolds)
				lower[lw] = counts
			}
			counts[fold*nc+c]++
		}
	}
	fixed := map[string]uint16{}
	for form, counts := range exact {
		n, best := 0, 0
		for c, k := range counts {
			n += k
			if k > counts[best] {
				best = c
			}
		}
		if n >= fixedMinCount && float64(counts[best]) >= fixedMinShare*float64(n) {
			fixed[form] = uint16(best)
		}
	}
	ambClasses := map[string][]uint16{}
	foldAmb := make([]map[string]uint64, ambFolds)
	for f := range foldAmb {
		foldAmb[f] = map[string]uint64{}
	}
	sum := make([]int, nc)
	for form, counts := range lower {
		for fold := -1; fold < ambFolds; fold++ {
			// fold -1 is the full dictionary.
			clear(sum)
			for f := range ambFolds {
				if f == fold {
					continue
				}
				for c := range nc {
					sum[c] += counts[f*nc+c]
				}
			}
			cs := ambiguityClass(sum)
			switch {
			case cs == nil:
			case fold < 0:
				ambClasses[form] = cs
			default:
				foldAmb[fold][form] = ambHash(cs)
			}
		}
	}
	m.setDictionary(fixed, ambClasses)
	return classOf, foldAmb, nil
}

// ambiguityClass returns the classes with a large enough share of counts,
// or nil when the counts are too few.
func ambiguityClass(counts []int) []uint16 {
	n := 0
	for _, k := range counts {
		n += k
	}
	if n < ambMinCount || n == 0 {
		return nil
	}
	var cs []uint16
	for c, k := range counts {
		if k > 0 && float64(k) >= ambMinShare*float64(n) {
			cs = append(cs, uint16(c))
		}
	}
	return cs
}

// finalize installs the averaged, pruned and quantised weights in m. The
// trainer's state is left unchanged so training can continue.
func (t *trainer) finalize(m *Model) {
	keys := make([]uint64, 0, len(t.rowOf))
	for k := range t.rowOf {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	steps := float64(max(t.step, 1))
	avg := func(e entry) float64 {
		return (e.total + float64(t.step-e.stamp)*float64(e.w)) / steps
	}
	maxAbs := 0.0
	for _, row := range t.rows {
		for _, e := range row {
			maxAbs = max(maxAbs, math.Abs(avg(e)))
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
		row := t.rows[t.rowOf[k]]
		start := len(m.cls)
		for _, e := range row {
			a := avg(e)
			if math.Abs(a) < pruneMin {
				continue
			}
			q := int16(math.Round(a / float64(scale)))
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
	m.table = newTable(m.index)
}

// evaluate tags copies of sents and returns the UPOS and XPOS accuracy
// against their gold tags.
func evaluate(m *Model, sents []*conllu.Sentence) (upos, xpos float64) {
	var nu, nx, n int
	var toks []doc.Token
	for _, s := range sents {
		toks = append(toks[:0], s.Words...)
		m.Tag(toks)
		for i, w := range s.Words {
			n++
			if toks[i].UPOS == w.UPOS {
				nu++
			}
			if toks[i].XPOS == w.XPOS {
				nx++
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(nu) / float64(n), float64(nx) / float64(n)
}

// plainForms returns copies of sents whose word texts are normalized as the
// tagger sees them at run time (see package wordform).
func plainForms(sents []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		c := *s
		c.Words = append([]doc.Token(nil), s.Words...)
		for j := range c.Words {
			c.Words[j].Text = wordform.Normalize(c.Words[j].Text)
		}
		out[i] = &c
	}
	return out
}
