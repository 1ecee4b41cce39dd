package depparse

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

// toy is a small hand-made treebank: "Israel rejected the proposal ." and
// friends, with a non-projective tree to exercise lifting.
const toy = `1	Israel	Israel	PROPN	NNP	_	2	nsubj	_	_
2	rejected	reject	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	proposal	proposal	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	Lebanon	Lebanon	PROPN	NNP	_	2	nsubj	_	_
2	proposed	propose	VERB	VBD	_	0	root	_	_
3	direct	direct	ADJ	JJ	_	4	amod	_	_
4	talks	talk	NOUN	NNS	_	2	obj	_	_
5	with	with	ADP	IN	_	6	case	_	_
6	Israel	Israel	PROPN	NNP	_	4	nmod	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	fired	fire	VERB	VBD	_	0	root	_	_
3	rockets	rocket	NOUN	NNS	_	2	obj	_	_
4	yesterday	yesterday	NOUN	NN	_	2	obl:tmod	_	_
5	at	at	ADP	IN	_	6	case	_	_
6	Israel	Israel	PROPN	NNP	_	3	nmod	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

`

func readToy(t testing.TB) []*conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadAll(strings.NewReader(toy), "toy")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func heads(s *conllu.Sentence) []int {
	h := []int{0}
	for _, w := range s.Words {
		h = append(h, w.Head)
	}
	return h
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name     string
		in, want []int
	}{
		{"projective", []int{0, 2, 0, 4, 2}, []int{0, 2, 0, 4, 2}},
		// 3 -> 6 crosses 2 -> 4: word 6 is lifted to 2.
		{"crossing", []int{0, 2, 0, 2, 2, 6, 3, 2}, []int{0, 2, 0, 2, 2, 6, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := projectivize(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("projectivize(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestOracleReachesGold follows the dynamic oracle's zero-cost actions from
// the start and checks the gold (projectivized) tree comes out.
func TestOracleReachesGold(t *testing.T) {
	sents := readToy(t)
	labels := collectLabels(sents)
	lid := map[string]int{}
	for i, l := range labels {
		lid[l] = i
	}
	L := len(labels)
	for _, s := range sents {
		ex, err := newExample(s, lid)
		if err != nil {
			t.Fatal(err)
		}
		var st state
		n := len(s.Words)
		st.reset(n)
		costs := make([]int, 2+2*L)
		scores := make([]float32, 2+2*L)
		for !st.done() {
			labelledCosts(&st, ex, L, costs)
			_, best := choose(scores, costs)
			if costs[best] != 0 {
				t.Fatalf("no zero-cost action in %v", costs)
			}
			m, l := decode(best, L)
			st.apply(m, l)
		}
		for d := 1; d <= n; d++ {
			if st.head[d] != ex.gold[d] || st.label[d] != ex.labels[d] {
				t.Errorf("word %d: head %d label %d, want %d %d", d, st.head[d], st.label[d], ex.gold[d], ex.labels[d])
			}
		}
	}
}

func TestTrainParseSaveLoad(t *testing.T) {
	for _, runs := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d runs", runs), func(t *testing.T) { testTrainParseSaveLoad(t, runs) })
	}
}

func testTrainParseSaveLoad(t *testing.T, runs int) {
	sents := readToy(t)
	var log bytes.Buffer
	p, err := Train(sents, TrainOptions{Iterations: 10, MinWeight: 0.01, Runs: runs, Dev: sents, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.score(sents)
	if uas < 90 || las < 90 {
		t.Errorf("training-set UAS %.1f LAS %.1f, want ≥ 90", uas, las)
	}
	if runs > 1 && !strings.Contains(log.String(), fmt.Sprintf("run %d: iteration 10: dev UAS", runs)) {
		t.Errorf("log lacks the last run's dev score:\n%s", log.String())
	}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		a := append([]doc.Token(nil), s.Words...)
		b := append([]doc.Token(nil), s.Words...)
		p.Parse(a)
		q.Parse(b)
		roots := 0
		for i := range a {
			if a[i].Head != b[i].Head || a[i].DepRel != b[i].DepRel {
				t.Errorf("loaded model differs on %q: %d/%s vs %d/%s", a[i].Text, a[i].Head, a[i].DepRel, b[i].Head, b[i].DepRel)
			}
			if a[i].Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%d roots", roots)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("training on nothing succeeded")
	}
	cyc, _ := conllu.ReadAll(strings.NewReader("1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n"), "c")
	if _, err := Train(cyc, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: err = %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

func FuzzLoad(f *testing.F) {
	var buf bytes.Buffer
	p, err := Train(readToy(f), TrainOptions{Iterations: 2})
	if err != nil {
		f.Fatal(err)
	}
	if err := p.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		toks := []doc.Token{{Text: "a", XPOS: "NN", UPOS: "NOUN"}, {Text: "b", XPOS: "VBD", UPOS: "VERB"}}
		q.Parse(toks)
	})
}

// TestEWTSubset trains briefly on part of EWT and checks the parser learns.
func TestEWTSubset(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on EWT")
	}
	train := sharedtest.Treebank(t, "data/ud-en-ewt/en_ewt-ud-train.conllu")[:1500]
	dev := sharedtest.Treebank(t, "data/ud-en-ewt/en_ewt-ud-dev.conllu")[:500]
	p, err := Train(train, TrainOptions{Iterations: 2})
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.score(dev)
	t.Logf("1,500 sentences, 2 iterations, gold tags: dev UAS %.2f LAS %.2f", uas, las)
	if uas < 75 || las < 70 {
		t.Errorf("dev UAS %.2f LAS %.2f, want ≥ 75 / 70", uas, las)
	}
}

func TestShapeOf(t *testing.T) {
	tests := []struct {
		word  string
		first bool
		want  uint64
	}{
		{"2026", false, 1},
		{",", false, 1},
		{"police", false, 2},
		{"UN", false, 3},
		{"A", true, 4},
		{"The", true, 4},
		{"Osborne", false, 5},
		{"Osborne", true, 4},
		{"iPhone", false, 6},
		{"al-Qaeda", false, 6},
	}
	for _, tt := range tests {
		if got := shapeOf(tt.word, tt.first); got != tt.want {
			t.Errorf("shapeOf(%q, %v) = %d, want %d", tt.word, tt.first, got, tt.want)
		}
	}
}

func TestCombineAndPrune(t *testing.T) {
	runs := []map[uint32][]classWeight{
		{1: {{class: 0, w: 2}, {class: 3, w: -1}}, 2: {{class: 1, w: 0.4}}},
		{1: {{class: 0, w: 4}}, 3: {{class: 2, w: -3}}},
	}
	got := prune(combine(runs), 0.5)
	want := map[uint32][]classWeight{
		1: {{class: 0, w: 3}, {class: 3, w: -0.5}},
		3: {{class: 2, w: -1.5}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestBestValidKeepsPunctuationHeadless(t *testing.T) {
	const L = 2
	var st state
	st.reset(3) // words 1..3, the third punctuation
	st.apply(moveShift, 0)
	st.apply(moveShift, 0) // stack 1 2, buffer front 3
	upos := []string{"NOUN", "VERB", "PUNCT"}
	scores := make([]int32, 2+2*L)
	scores[2] = 100 // LEFT-ARC: 3 -> 2, punctuation as a head
	scores[actShift] = 1
	if a := bestValid(&st, scores, L, upos); a == 2 || a == 3 {
		t.Errorf("chose LEFT-ARC from punctuation (action %d)", a)
	}
	// Punctuation on the stack takes no right dependent either.
	st.reset(3)
	st.apply(moveShift, 0)
	st.apply(moveShift, 0) // stack 1 2, buffer front 3
	upos = []string{"NOUN", "PUNCT", "VERB"}
	scores = make([]int32, 2+2*L)
	scores[2+L] = 100 // RIGHT-ARC: 2 -> 3
	scores[actShift] = 1
	if a := bestValid(&st, scores, L, upos); a >= 2+L {
		t.Errorf("chose RIGHT-ARC from punctuation (action %d)", a)
	}
}

func TestIsBe(t *testing.T) {
	for w, want := range map[string]bool{"is": true, "Was": true, "’s": true, "said": false, "became": false} {
		if got := isBe(w); got != want {
			t.Errorf("isBe(%q) = %v, want %v", w, got, want)
		}
	}
}
