package udeval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

const gold = `# sent_id = s1
# text = Gen. Smith said talks failed.
1	Gen.	Gen.	PROPN	NNP	_	2	compound	_	_
2	Smith	Smith	PROPN	NNP	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	talks	talk	NOUN	NNS	_	5	nsubj	_	_
5	failed	fail	VERB	VBD	_	3	ccomp	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = s2
1-2	don't	_	_	_	_	_	_	_	_
1	do	do	AUX	VBP	_	3	aux	_	_
2	n't	not	PART	RB	_	3	advmod	_	_
3	go	go	VERB	VB	_	0	root	_	_
4	home	home	ADV	RB	_	3	advmod:lmod	_	_

`

func read(t *testing.T, s string) []*conllu.Sentence {
	t.Helper()
	out, err := conllu.ReadAll(strings.NewReader(s), "test")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		pred string
		want Scores
	}{
		{"identical", gold, Scores{Words: 10, Sentences: 2, UPOS: 100, XPOS: 100, Lemma: 100, UAS: 100, LAS: 100, UASNoPunct: 100, LASNoPunct: 100}},
		{"errors", `# sent_id = s1
1	Gen.	gen.	NOUN	NN	_	2	compound	_	_
2	Smith	Smith	PROPN	NNP	_	3	nsubj:pass	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	talks	talk	NOUN	NNS	_	3	obj	_	_
5	failed	fail	VERB	VBN	_	3	xcomp	_	_
6	.	.	PUNCT	.	_	5	punct	_	_

1	do	do	AUX	VBP	_	3	aux	_	_
2	n't	n't	PART	RB	_	3	advmod	_	_
3	go	go	VERB	VB	_	0	root	_	_
4	home	home	ADV	RB	_	3	advmod	_	_
`,
			// UPOS 9/10; XPOS 8/10 (NN, VBN); lemma 8/10 (gen., n't);
			// heads wrong on "talks" and "."; "failed" has a right head but
			// wrong relation; nsubj:pass vs nsubj and advmod vs advmod:lmod
			// count as right. Without the ".", 8 of 9 heads and 7 of 9
			// relations are right.
			Scores{Words: 10, Sentences: 2, UPOS: 90, XPOS: 80, Lemma: 80, UAS: 80, LAS: 70, UASNoPunct: 800.0 / 9, LASNoPunct: 700.0 / 9}},
		{"unparsed", `1	Gen.	_	_	_	_	_	_	_	_
2	Smith	_	_	_	_	_	_	_	_
3	said	_	_	_	_	_	_	_	_
4	talks	_	_	_	_	_	_	_	_
5	failed	_	_	_	_	_	_	_	_
6	.	_	_	_	_	_	_	_	_

1	do	_	_	_	_	_	_	_	_
2	n't	_	_	_	_	_	_	_	_
3	go	_	_	_	_	_	_	_	_
4	home	_	_	_	_	_	_	_	_
`, Scores{Words: 10, Sentences: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Score(read(t, gold), read(t, tt.pred))
			if err != nil {
				t.Fatal(err)
			}
			if !close(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func close(a, b Scores) bool {
	eq := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return a.Words == b.Words && a.Sentences == b.Sentences && eq(a.UPOS, b.UPOS) && eq(a.XPOS, b.XPOS) &&
		eq(a.Lemma, b.Lemma) && eq(a.UAS, b.UAS) && eq(a.LAS, b.LAS) &&
		eq(a.UASNoPunct, b.UASNoPunct) && eq(a.LASNoPunct, b.LASNoPunct)
}

func TestScoreMismatch(t *testing.T) {
	tests := []struct {
		name string
		pred string
		want string
	}{
		{"fewer sentences", "1\tGen.\t_\t_\t_\t_\t_\t_\t_\t_\n", "2 sentences, prediction has 1"},
		{"fewer words", strings.Replace(gold, "4\thome\thome\tADV\tRB\t_\t3\tadvmod:lmod\t_\t_\n", "", 1),
			`gold sentence "s2" (line 10): 4 words, prediction has 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Score(read(t, gold), read(t, tt.pred))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestScoreEmpty(t *testing.T) {
	got, err := Score(nil, nil)
	if err != nil || got != (Scores{}) {
		t.Fatalf("Score(nil, nil) = %+v, %v", got, err)
	}
}

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	if err := (Scores{Words: 10, Sentences: 2, UPOS: 90, XPOS: 80, Lemma: 80, UAS: 80, LAS: 66.666666, UASNoPunct: 88.888888, LASNoPunct: 77.777777}).Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `sentences                  2
words                     10
UPOS                   90.00
XPOS                   80.00
Lemma                  80.00
UAS                    80.00
LAS                    66.67
UAS, no punctuation    88.89
LAS, no punctuation    77.78
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestScoreEWTDev(t *testing.T) {
	sents := sharedtest.Treebank(t, "data/ud-en-ewt/en_ewt-ud-dev.conllu")
	got, err := Score(sents, sents)
	if err != nil {
		t.Fatal(err)
	}
	want := Scores{Words: got.Words, Sentences: 2001, UPOS: 100, XPOS: 100, Lemma: 100, UAS: 100, LAS: 100, UASNoPunct: 100, LASNoPunct: 100}
	if got != want || got.Words < 20000 {
		t.Errorf("gold against itself: %+v", got)
	}
}
