// Package depparse is sitrep's dependency parser: a greedy arc-eager
// transition parser with an averaged perceptron over rich non-local features,
// trained with a dynamic oracle on Universal Dependencies treebanks. It
// produces labelled UD trees (heads and relations) for tagged sentences.
package depparse

import (
	"sync"

	"github.com/sitrep/sitrep/doc"
)

// Parser is a trained dependency parser. It is read-only after training or
// loading and safe for concurrent use.
type Parser struct {
	labels []string
	w      *weights
	pool   sync.Pool
}

// workspace is the per-call scratch space of a parse.
type workspace struct {
	st     state
	sn     sentence
	fs     featureSet
	scores []float32
	home   []slot
	words  []string
	xpos   []string
	upos   []string
}

func newParser(labels []string, w *weights) *Parser {
	p := &Parser{labels: labels, w: w}
	p.pool.New = func() any {
		return &workspace{scores: make([]float32, 2+2*len(labels))}
	}
	return p
}

// Labels returns the dependency relations the parser can assign.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Features reports how many features the model holds.
func (p *Parser) Features() int { return p.w.nfeat }

// Parse sets Head and DepRel of one sentence's tokens, using their Text,
// XPOS and UPOS. Heads are 1-based within the sentence, 0 for the root.
func (p *Parser) Parse(toks []doc.Token) {
	n := len(toks)
	if n == 0 {
		return
	}
	ws := p.pool.Get().(*workspace)
	defer p.pool.Put(ws)
	ws.words, ws.xpos, ws.upos = ws.words[:0], ws.xpos[:0], ws.upos[:0]
	for _, t := range toks {
		ws.words = append(ws.words, t.Text)
		ws.xpos = append(ws.xpos, t.XPOS)
		ws.upos = append(ws.upos, t.UPOS)
	}
	heads, labels := p.parse(ws)
	for i := range toks {
		toks[i].Head = heads[i]
		toks[i].DepRel = p.labels[labels[i]]
	}
}

// parse runs the greedy transition loop on ws and returns 1-based heads (0
// for the root) and label ids for each word.
func (p *Parser) parse(ws *workspace) (heads, labels []int) {
	n := len(ws.words)
	L := len(p.labels)
	ws.sn.prepare(ws.words, ws.xpos, ws.upos)
	st := &ws.st
	st.reset(n)
	for !st.done() {
		// With an empty stack the only move is SHIFT; with the buffer at the
		// root and the stack top attached, only REDUCE: no need to score.
		if len(st.stack) == 0 {
			st.apply(moveShift, 0)
			continue
		}
		if st.b == st.root() && st.head[st.stackAt(0)] != none {
			st.apply(moveReduce, 0)
			continue
		}
		ws.fs.extract(&ws.sn, st)
		ws.home = p.w.score(ws.fs.fs, ws.scores, ws.home)
		a := bestValid(st, ws.scores, L)
		move, l := decode(a, L)
		st.apply(move, l)
	}
	heads = make([]int, n)
	labels = make([]int, n)
	root := n + 1
	first := -1
	rootLabel := labelIndex(p.labels, "root")
	for d := 1; d <= n; d++ {
		h := st.head[d]
		if h == root || h == none {
			h = 0
		}
		heads[d-1] = h
		labels[d-1] = max(st.label[d], 0)
		if h == 0 && (first < 0 || labels[d-1] == rootLabel && labels[first-1] != rootLabel) {
			first = d
		}
	}
	// A sentence has one root: further root children attach to it.
	for d := 1; d <= n; d++ {
		if heads[d-1] == 0 {
			if d != first {
				heads[d-1] = first
				if labels[d-1] == rootLabel {
					labels[d-1] = labelIndex(p.labels, "parataxis")
				}
			} else if rootLabel >= 0 {
				labels[d-1] = rootLabel
			}
		}
	}
	return heads, labels
}

func labelIndex(labels []string, name string) int {
	for i, l := range labels {
		if l == name {
			return i
		}
	}
	return 0
}

// decode splits action a into its move and label.
func decode(a, L int) (move, label int) {
	switch {
	case a == actShift:
		return moveShift, 0
	case a == actReduce:
		return moveReduce, 0
	case a < 2+L:
		return moveLeft, a - 2
	default:
		return moveRight, a - 2 - L
	}
}

// bestValid returns the highest-scoring action allowed in st.
func bestValid(st *state, scores []float32, L int) int {
	best := -1
	var bestScore float32
	consider := func(a int) {
		if best < 0 || scores[a] > bestScore {
			best, bestScore = a, scores[a]
		}
	}
	if st.valid(moveShift) {
		consider(actShift)
	}
	if st.valid(moveReduce) {
		consider(actReduce)
	}
	if st.valid(moveLeft) {
		for l := 0; l < L; l++ {
			consider(2 + l)
		}
	}
	if st.valid(moveRight) {
		for l := 0; l < L; l++ {
			consider(2 + L + l)
		}
	}
	return best
}
