package conllu_test

import (
	"bytes"
	"github.com/sitrep/sitrep/conllu"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/sharedtest"
)

const sample = `# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(strings.ReplaceAll(sample, "4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t_\t_\n", "")), "sample")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := conllu.Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	want := strings.ReplaceAll(sample, "4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t_\t_\n", "")
	if buf.String() != want {
		t.Errorf("round trip:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestRead(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("got %d sentences", len(sents))
	}
	s := sents[0]
	if s.ID() != "s1" || s.Text() != "I don't know." {
		t.Errorf("comments: id %q text %q", s.ID(), s.Text())
	}
	if got := strings.Join(s.Forms(), " "); got != "I do n't know ." {
		t.Errorf("forms %q", got)
	}
	if s.Words[3].Head != 0 || s.Words[3].DepRel != "root" || s.Words[3].SpaceAfter {
		t.Errorf("word 4: %+v", s.Words[3])
	}
	if len(s.MultiWords) != 1 || s.MultiWords[0].Text != "don't" {
		t.Errorf("multiwords %+v", s.MultiWords)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"columns", "1\tI\tI\n", "f:1: want 10"},
		{"sequence", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "f:1: word id"},
		{"head", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "f:1: bad head"},
		{"range", "1-x\tI\t_\t_\t_\t_\t_\t_\t_\t_\n", "f:1: bad multiword"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := conllu.ReadAll(strings.NewReader(tt.in), "f")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReadEWT(t *testing.T) {
	p := sharedtest.Path(t, "data/ud-en-ewt/en_ewt-ud-dev.conllu")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("EWT dev: %d sentences, want 2001", len(sents))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("# only a comment\n")
	f.Add("1\ta\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := conllu.ReadAll(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		for _, s := range sents {
			if err := conllu.Write(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
