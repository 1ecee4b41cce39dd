// Package tagger assigns Universal Dependencies part-of-speech tags (UPOS)
// and Penn Treebank tags (XPOS) to the tokens of a sentence.
//
// The model is an averaged perceptron that predicts the joint label
// "UPOS|XPOS" greedily from left to right, using word, affix, shape and
// context features, the two previously predicted labels, and a tag
// dictionary learned from training data: frequent unambiguous words are
// tagged from the dictionary directly, and every known word's set of seen
// labels (its ambiguity class) is a feature. During training a sentence
// sees ambiguity classes learned from the other nine tenths of the data, so
// the model learns how to tag words it has not seen, as at test time.
// Several perceptrons are trained concurrently on differently shuffled data
// and their averaged weights are averaged again, which reduces the variance
// of a single run; the model grows by about a third, tagging speed barely
// changes.
// Features are hashed to uint64 with FNV-1a and weights are stored as sparse
// rows of int16-quantised values; Save writes them gzip-compressed.
package tagger

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/wordform"
)

// Model is a trained tagger. It is read-only after training or loading and
// safe for concurrent use.
type Model struct {
	// classes are the joint labels; upos and xpos are their halves.
	classes    []string
	upos, xpos []string
	// fixed maps an exact word form to the class it always takes.
	fixed map[string]uint16
	// ambClasses maps a lowercased form to the classes seen with it; amb
	// maps it to the hash of that set, used as a feature value.
	ambClasses map[string][]uint16
	amb        map[string]uint64
	// index maps a feature hash to its row; row r holds the entries
	// rowStart[r]..rowStart[r+1] of cls and weight.
	index map[uint64]uint32
	// table is index as an open-addressing table, for tagging.
	table    table
	rowStart []uint32
	cls      []uint16
	weight   []float32
	// scale converts stored int16 weights to float32 values.
	scale float32
	// qweight holds the quantised weights, parallel to weight, for Save.
	qweight []int16
	// vbd, vbz, vb and vbn are the classes of past-tense verbs
	// ("VERB|VBD"), of third-person present ones ("VERB|VBZ"), of base
	// forms ("VERB|VB") and of participles ("VERB|VBN"), or -1.
	vbd, vbz, vb, vbn int
}

// Classes returns the joint "UPOS|XPOS" labels the model predicts.
func (m *Model) Classes() []string { return append([]string(nil), m.classes...) }

// Tag sets UPOS and XPOS of one sentence's tokens in place, from their Text.
func (m *Model) Tag(toks []doc.Token) {
	if len(toks) == 0 || len(m.classes) == 0 {
		return
	}
	ws := make([]word, len(toks))
	forms := make([]string, len(toks))
	for i := range toks {
		forms[i] = wordform.Normalize(toks[i].Text)
		ws[i] = analyse(forms[i], i == 0, m.amb)
	}
	scores := make([]float32, len(m.classes))
	feats := make([]uint64, 0, 48)
	var sc scratch
	p1, p2 := -1, -2
	for i := range toks {
		c, ok := m.fixed[forms[i]]
		var best int
		if ok {
			best = int(c)
		} else {
			feats = staticFeatures(feats[:0], ws, i, forms[i])
			feats = dynamicFeatures(feats, ws, i, p1, p2)
			best = m.predictFast(feats, scores, &sc)
		}
		toks[i].UPOS, toks[i].XPOS = m.upos[best], m.xpos[best]
		p2, p1 = p1, best
	}
	m.repairInfinitives(toks, forms)
	m.repairPastOnly(toks, forms)
	m.ensureFinite(toks, forms)
	repairPerfect(toks, forms)
}

// scratch holds reusable buffers of predictFast.
type scratch struct {
	// home holds the table slots of the features being scored.
	home []tableSlot
	// sink keeps the table's first pass over rows, so its loads are not
	// dropped as unused.
	sink uint16
}

// predictFast returns the highest-scoring class for feats, using scores as
// scratch space and looking the features up in the probe table.
func (m *Model) predictFast(feats []uint64, scores []float32, sc *scratch) int {
	clear(scores)
	m.table.score(feats, scores, sc)
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// splitLabel splits a joint "UPOS|XPOS" label.
func splitLabel(label string) (upos, xpos string) {
	u, x, _ := strings.Cut(label, "|")
	return u, x
}

// ambHash returns the feature value of an ambiguity class.
func ambHash(classes []uint16) uint64 {
	h := hStart(tAmb)
	for _, c := range classes {
		h = hNum(h, uint64(c)+1)
	}
	return h
}

// setDictionary installs the tag dictionary and derives amb from ambClasses.
func (m *Model) setDictionary(fixed map[string]uint16, ambClasses map[string][]uint16) {
	m.fixed = fixed
	m.ambClasses = ambClasses
	m.amb = make(map[string]uint64, len(ambClasses))
	for w, cs := range ambClasses {
		m.amb[w] = ambHash(cs)
	}
}

// setClasses installs the class labels and their UPOS and XPOS halves.
func (m *Model) setClasses(classes []string) {
	m.classes = classes
	m.vbd, m.vbz, m.vb, m.vbn = -1, -1, -1, -1
	for i, c := range classes {
		switch c {
		case "VERB|VBD":
			m.vbd = i
		case "VERB|VBZ":
			m.vbz = i
		case "VERB|VB":
			m.vb = i
		case "VERB|VBN":
			m.vbn = i
		}
	}
	m.upos = make([]string, len(classes))
	m.xpos = make([]string, len(classes))
	for i, c := range classes {
		m.upos[i], m.xpos[i] = splitLabel(c)
	}
}
