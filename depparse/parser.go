// Package depparse is sitrep's dependency parser: a greedy arc-eager
// transition parser with an averaged perceptron over rich non-local features,
// trained with a dynamic oracle on Universal Dependencies treebanks. It
// produces labelled UD trees (heads and relations) for tagged sentences.
package depparse

import (
	"math"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/wordform"
)

// Parser is a trained dependency parser. It is read-only after training or
// loading and safe for concurrent use.
type Parser struct {
	labels []string
	// cop is the label id of "cop" (-1 when the model has none).
	cop  int
	w    *weights
	pool sync.Pool
}

// workspace is the per-call scratch space of a parse.
type workspace struct {
	st     state
	sn     sentence
	fs     featureSet
	scores []int32
	// bufScores are the scores of the buffer's features at its front.
	bufScores []int32
	lookup    lookup
	words     []string
	xpos      []string
	upos      []string
}

func newParser(labels []string, w *weights) *Parser {
	p := &Parser{labels: labels, w: w, cop: -1}
	for i, l := range labels {
		if l == "cop" {
			p.cop = i
		}
	}
	p.pool.New = func() any {
		return &workspace{scores: make([]int32, 2+2*len(labels)), bufScores: make([]int32, 2+2*len(labels)),
			fs: featureSet{split: true}}
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
	lastFront := -1
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
		// The buffer's features are scored when its front moves.
		ws.fs.withBuffer = st.b != lastFront
		ws.fs.extract(&ws.sn, st)
		if ws.fs.withBuffer {
			p.w.score(ws.fs.buf, ws.bufScores, &ws.lookup)
			lastFront = st.b
		}
		p.w.score(ws.fs.fs, ws.scores, &ws.lookup)
		for i, s := range ws.bufScores {
			ws.scores[i] += s
		}
		a := bestValid(st, ws.scores, L, ws.upos)
		// Only "be" is a copula in English UD: else the next best.
		for p.cop >= 0 && (a == 2+p.cop && !isBe(ws.words[st.stackAt(0)-1]) || a == 2+L+p.cop && !isBe(ws.words[st.b-1])) {
			ws.scores[a] = math.MinInt32
			a = bestValid(st, ws.scores, L, ws.upos)
		}
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

// isBe reports whether a word is a form of "be".
func isBe(w string) bool {
	switch strings.ToLower(wordform.Normalize(w)) {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "s", "re", "m", "ai":
		return true
	}
	return false
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
//
// Punctuation takes no dependents (a rule of UD): no arc gets a word tagged
// PUNCT as its head, though the model may score one highest. Shifting is
// always left when the buffer front is punctuation, so a parse can finish.
func bestValid(st *state, scores []int32, L int, upos []string) int {
	punct := func(p int) bool { return p >= 1 && p <= len(upos) && upos[p-1] == "PUNCT" }
	best := -1
	var bestScore int32
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
	if st.valid(moveLeft) && !punct(st.b) {
		for l := 0; l < L; l++ {
			consider(2 + l)
		}
	}
	if st.valid(moveRight) && !punct(st.stackAt(0)) {
		for l := 0; l < L; l++ {
			consider(2 + L + l)
		}
	}
	return best
}
