package tagger

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
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
	// DefaultModels is the number of perceptrons, trained on differently
	// shuffled data, whose averaged weights are averaged into the model.
	DefaultModels = 5
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
	// Models is the number of perceptrons trained (concurrently, each on
	// its own shuffles of the data) whose weights are averaged into the
	// model; 0 means DefaultModels.
	Models int
	// Log, when set, receives one progress line per iteration of each
	// perceptron.
	Log io.Writer
	// Dev, when set, is tagged after every iteration with the perceptron's
	// averaged weights so far and its accuracy is logged (for choosing
	// Iterations).
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
	if opts.Models == 0 {
		opts.Models = DefaultModels
	}
	if opts.Models < 0 {
		return nil, fmt.Errorf("tagger: train: negative model count %d", opts.Models)
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
	ts := make([]*trainer, opts.Models)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for k := range ts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mb := &member{m: m, train: train, gold: gold, foldAmb: foldAmb, k: k, logMu: &logMu}
			// Members differ only in their shuffles.
			ts[k] = mb.run(opts, uint64(opts.Seed)+uint64(k)*memberSeedStep)
		}()
	}
	wg.Wait()
	finalize(m, ts...)
	return m, nil
}

// memberSeedStep separates the shuffle seeds of a model's members.
const memberSeedStep = 1000003

// member trains one of the perceptrons whose weights are averaged.
type member struct {
	m       *Model
	train   []*conllu.Sentence
	gold    [][]uint16
	foldAmb []map[string]uint64
	k       int
	logMu   *sync.Mutex
}

// run trains a perceptron with shuffle seed seed and returns it.
func (mb *member) run(opts TrainOptions, seed uint64) *trainer {
	m, train, gold, foldAmb := mb.m, mb.train, mb.gold, mb.foldAmb
	t := &trainer{rowOf: make(map[uint64]int32)}
	rng := rand.New(rand.NewPCG(seed, 0x7a66e7))
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
			msg := fmt.Sprintf("model %d iteration %d: train acc %.2f%%, %d features, %s",
				mb.k+1, it, 100*float64(correct)/float64(max(total, 1)), len(t.rows), time.Since(start).Round(time.Millisecond))
			if len(opts.Dev) > 0 {
				// A copy of m holds this member's weights alone.
				mm := *mb.m
				finalize(&mm, t)
				u, x := evaluate(&mm, opts.Dev)
				msg += fmt.Sprintf("; dev UPOS %.2f%% XPOS %.2f%%", 100*u, 100*x)
			}
			mb.logMu.Lock()
			fmt.Fprintln(opts.Log, msg)
			mb.logMu.Unlock()
		}
	}
	return t
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
