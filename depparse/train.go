package depparse

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
)

// TrainOptions configure training. The zero value of a field takes the
// default shown.
type TrainOptions struct {
	// Iterations over the training data (default 12).
	Iterations int
	// Seed of the shuffling and exploration (default 1).
	Seed uint64
	// Runs is the number of training runs, each with its own seed (Seed,
	// Seed+1, ...) and run in parallel, whose averaged weights are averaged
	// again into the model (default 2: on EWT dev the two runs scored UAS
	// 86.15 and 85.82 alone and 86.16 together).
	Runs int
	// Explore is the probability of following the model's own prediction
	// instead of the oracle from epoch ExploreFrom on (default 0.9, from 2).
	Explore     float64
	ExploreFrom int
	// MinWeight drops averaged weights of smaller magnitude (default 1:
	// on EWT this halves the model and speeds parsing by about 40% for
	// about 0.2 points of dev UAS; 1.5 parses another 26% faster but costs
	// 0.13 points of dev UAS and 0.45 of PUD's).
	MinWeight float32
	// Dev, when given, is parsed after every iteration and scored on Log.
	Dev []*conllu.Sentence
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Iterations == 0 {
		o.Iterations = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Runs == 0 {
		o.Runs = 2
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.ExploreFrom == 0 {
		o.ExploreFrom = 2
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// example is a training sentence prepared for the oracle: gold heads with
// the root at n+1, label ids, and feature hashes.
type example struct {
	gold   []int
	labels []int
	sn     sentence
}

// Train trains a parser on sentences with gold heads, relations and tags
// (UPOS and XPOS as the parser will see them at run time).
func Train(train []*conllu.Sentence, opts TrainOptions) (*Parser, error) {
	opts.defaults()
	labels := collectLabels(train)
	if len(labels) == 0 {
		return nil, fmt.Errorf("train parser: no labelled words in %d sentences", len(train))
	}
	if 2+2*len(labels) > 255 {
		return nil, fmt.Errorf("train parser: %d relations exceed the model's limit of 126", len(labels))
	}
	lid := make(map[string]int, len(labels))
	for i, l := range labels {
		lid[l] = i
	}
	exs := make([]*example, 0, len(train))
	for _, s := range train {
		ex, err := newExample(s, lid)
		if err != nil {
			return nil, fmt.Errorf("train parser: sentence at line %d: %w", s.Line, err)
		}
		exs = append(exs, ex)
	}
	// The runs go in parallel, each over its own order of the examples;
	// their progress lines interleave.
	runs := make([]map[uint32][]classWeight, opts.Runs)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for r := range opts.Runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := opts
			if opts.Runs > 1 {
				o.Log = &prefixWriter{mu: &logMu, w: opts.Log, prefix: fmt.Sprintf("run %d: ", r+1)}
			}
			tw := trainRun(slices.Clone(exs), labels, o, opts.Seed+uint64(r))
			runs[r] = tw.averaged()
		}()
	}
	wg.Wait()
	return newParser(labels, newWeights(2+2*len(labels), prune(combine(runs), opts.MinWeight))), nil
}

// trainRun runs the training iterations over exs with the given seed and
// returns the weights.
func trainRun(exs []*example, labels []string, opts TrainOptions, seed uint64) *trainWeights {
	L := len(labels)
	tw := newTrainWeights(2 + 2*L)
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var st state
	var fs featureSet
	scores := make([]float32, 2+2*L)
	costs := make([]int, 2+2*L)
	for it := 1; it <= opts.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		var decisions, errors int
		explore := it >= opts.ExploreFrom
		for _, ex := range exs {
			n := len(ex.gold) - 2
			st.reset(n)
			for !st.done() {
				fs.extract(&ex.sn, &st)
				tw.score(fs.fs, scores)
				labelledCosts(&st, ex, L, costs)
				pred, best := choose(scores, costs)
				decisions++
				if costs[pred] > costs[best] {
					errors++
					tw.update(fs.fs, best, pred)
				} else {
					tw.tick()
				}
				next := best
				if explore && rng.Float64() < opts.Explore {
					next = pred
				}
				m, l := decode(next, L)
				st.apply(m, l)
			}
		}
		fmt.Fprintf(opts.Log, "iteration %d: %d decisions, %.2f%% wrong, %d features, %s\n",
			it, decisions, 100*float64(errors)/float64(max(decisions, 1)), len(tw.index), time.Since(start).Round(time.Millisecond))
		if len(opts.Dev) > 0 && (it == opts.Iterations || it%3 == 0) {
			p := newParser(labels, tw.average(opts.MinWeight))
			uas, las := p.score(opts.Dev)
			fmt.Fprintf(opts.Log, "iteration %d: dev UAS %.2f LAS %.2f\n", it, uas, las)
		}
	}
	return tw
}

// choose returns the highest-scoring allowed action and the highest-scoring
// action of least cost.
func choose(scores []float32, costs []int) (pred, best int) {
	pred, best = -1, -1
	for a, c := range costs {
		if c < 0 {
			continue
		}
		if pred < 0 || scores[a] > scores[pred] {
			pred = a
		}
		if best < 0 || c < costs[best] || c == costs[best] && scores[a] > scores[best] {
			best = a
		}
	}
	return pred, best
}

// labelledCosts fills costs with the oracle cost of every action (-1 when
// not allowed): the move's cost plus one for a wrong label on a gold arc.
func labelledCosts(st *state, ex *example, L int, costs []int) {
	mc := st.moveCosts(ex.gold)
	costs[actShift] = mc[moveShift]
	costs[actReduce] = mc[moveReduce]
	s0, b := st.stackAt(0), st.b
	for l := 0; l < L; l++ {
		left, right := mc[moveLeft], mc[moveRight]
		if left >= 0 && ex.gold[s0] == b && ex.labels[s0] != l {
			left++
		}
		if right >= 0 && ex.gold[b] == s0 && ex.labels[b] != l {
			right++
		}
		costs[2+l] = left
		costs[2+L+l] = right
	}
}

func collectLabels(sents []*conllu.Sentence) []string {
	set := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.DepRel != "" {
				set[w.DepRel] = true
			}
		}
	}
	labels := make([]string, 0, len(set))
	for l := range set {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	return labels
}

func newExample(s *conllu.Sentence, lid map[string]int) (*example, error) {
	n := len(s.Words)
	heads := make([]int, n+1)
	ex := &example{gold: make([]int, n+2), labels: make([]int, n+2)}
	words, xpos, upos := make([]string, n), make([]string, n), make([]string, n)
	for i, w := range s.Words {
		if w.DepRel == "" || w.Head > n {
			return nil, fmt.Errorf("word %d %q has no usable head", i+1, w.Text)
		}
		heads[i+1] = w.Head
		ex.labels[i+1] = lid[w.DepRel]
		words[i], xpos[i], upos[i] = w.Text, w.XPOS, w.UPOS
	}
	if hasCycle(heads) {
		return nil, fmt.Errorf("heads form a cycle")
	}
	heads = projectivize(heads)
	for d := 1; d <= n; d++ {
		if heads[d] == 0 {
			ex.gold[d] = n + 1
		} else {
			ex.gold[d] = heads[d]
		}
	}
	ex.gold[0], ex.gold[n+1] = none, none
	ex.sn.prepare(words, xpos, upos)
	return ex, nil
}

func hasCycle(heads []int) bool {
	for d := 1; d < len(heads); d++ {
		a := d
		for steps := 0; a != 0; steps++ {
			if steps > len(heads) {
				return true
			}
			a = heads[a]
		}
	}
	return false
}

// score parses sentences with their own tags and returns UAS and LAS
// (relation subtypes ignored), punctuation included.
func (p *Parser) score(sents []*conllu.Sentence) (uas, las float64) {
	var total, uh, lh int
	toks := []doc.Token{}
	for _, s := range sents {
		toks = append(toks[:0], s.Words...)
		p.Parse(toks)
		for i, w := range s.Words {
			total++
			if toks[i].Head == w.Head {
				uh++
				if baseRel(toks[i].DepRel) == baseRel(w.DepRel) {
					lh++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return 100 * float64(uh) / float64(total), 100 * float64(lh) / float64(total)
}

func baseRel(r string) string {
	base, _, _ := strings.Cut(r, ":")
	return base
}

// prefixWriter writes each Write to w behind prefix; the writers of one w
// share mu, so their lines do not mix.
type prefixWriter struct {
	mu     *sync.Mutex
	w      io.Writer
	prefix string
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}
