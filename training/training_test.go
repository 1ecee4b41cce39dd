package training

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/depparse"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/lemma"
	"github.com/sitrep/sitrep/tagger"
)

// toy is a tiny treebank written for this test.
const toy = `1	Israel	Israel	PROPN	NNP	_	2	nsubj	_	_
2	rejected	reject	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	proposal	proposal	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	Lebanon	Lebanon	PROPN	NNP	_	2	nsubj	_	_
2	proposed	propose	VERB	VBD	_	0	root	_	_
3	talks	talk	NOUN	NNS	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	fired	fire	VERB	VBD	_	0	root	_	_
3	rockets	rocket	NOUN	NNS	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	envoy	envoy	NOUN	NN	_	3	nsubj	_	_
3	rejected	reject	VERB	VBD	_	0	root	_	_
4	talks	talk	NOUN	NNS	_	3	obj	_	_
5	.	.	PUNCT	.	_	3	punct	_	_

`

func TestRunWritesLoadableModels(t *testing.T) {
	dir := t.TempDir()
	treebank := filepath.Join(dir, "toy-ud-train.conllu")
	if err := os.WriteFile(treebank, []byte(toy), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "models")
	var log strings.Builder
	err := Run(Options{
		Train:  treebank,
		Dev:    treebank,
		OutDir: out,
		Folds:  2,
		Tagger: tagger.TrainOptions{Iterations: 5},
		Parser: depparse.TrainOptions{Iterations: 5, MinWeight: 0.01},
		Log:    &log,
	})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log.String())
	}
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	tg, err := tagger.Load(open(TaggerFile))
	if err != nil {
		t.Fatal(err)
	}
	lm, err := lemma.Load(open(LemmaFile))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := depparse.Load(open(ParserFile))
	if err != nil {
		t.Fatal(err)
	}
	toks := []doc.Token{{Text: "Israel"}, {Text: "rejected"}, {Text: "the"}, {Text: "proposal"}, {Text: "."}}
	tg.Tag(toks)
	lm.Lemmatize(toks)
	ps.Parse(toks)
	if toks[1].UPOS != "VERB" || toks[1].Lemma != "reject" || toks[1].DepRel != "root" {
		t.Errorf("rejected: %+v", toks[1])
	}
	for _, want := range []string{"jackknife fold 2/2", "training parser on 8 sentences", "models written"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

func TestRunMissingTreebank(t *testing.T) {
	err := Run(Options{Train: filepath.Join(t.TempDir(), "none.conllu"), OutDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "none.conllu") {
		t.Errorf("err = %v, want it to name the missing file", err)
	}
}

func TestRunWithDev(t *testing.T) {
	dir := t.TempDir()
	train := filepath.Join(dir, "toy-ud-train.conllu")
	dev := filepath.Join(dir, "toy-ud-dev.conllu")
	blocks := strings.SplitAfter(toy, "\n\n")
	if err := os.WriteFile(train, []byte(strings.Join(blocks[:3], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dev, []byte(blocks[3]), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		dev     string
		wantLog string
		wantErr string
	}{
		{"dev learnt from", dev, "training tagger on 4 sentences", ""},
		{"no dev", "", "", "no dev file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log strings.Builder
			err := Run(Options{Train: train, Dev: tt.dev, WithDev: true, OutDir: filepath.Join(t.TempDir(), "m"), Folds: 1,
				Tagger: tagger.TrainOptions{Iterations: 2}, Parser: depparse.TrainOptions{Iterations: 2, MinWeight: 0.01}, Log: &log})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(log.String(), tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, log.String())
			}
		})
	}
}
