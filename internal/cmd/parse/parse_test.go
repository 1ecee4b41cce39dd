package parse

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/pipeline"
)

var kyiv = doc.Article{
	ID:        "kyiv",
	Published: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC),
	Text:      "KYIV - Troops said talks\nfailed, sources said. Talks resumed.",
	BodyStart: 7,
}

const kyivCoNLLU = `# newdoc id = kyiv
# date = 2026-03-12
# sent_id = kyiv-1
# text = Troops said talks failed, sources said.
1	Troops	troops	PROPN	NNP	_	0	root	_	Start=7|End=13
2	said	said	NOUN	NN	_	1	dep	_	Start=14|End=18
3	talks	talks	NOUN	NN	_	1	dep	_	Start=19|End=24
4	failed	failed	NOUN	NN	_	1	dep	_	Start=25|End=31|SpaceAfter=No
5	,	,	PUNCT	.	_	1	dep	_	Start=31|End=32
6	sources	sources	NOUN	NN	_	1	dep	_	Start=33|End=40
7	said	said	NOUN	NN	_	1	dep	_	Start=41|End=45|SpaceAfter=No
8	.	.	PUNCT	.	_	1	dep	_	Start=45|End=46

# sent_id = kyiv-2
# text = Talks resumed.
1	Talks	talks	PROPN	NNP	_	0	root	_	Start=47|End=52
2	resumed	resumed	NOUN	NN	_	1	dep	_	Start=53|End=60|SpaceAfter=No
3	.	.	PUNCT	.	_	1	dep	_	Start=60|End=61|SpaceAfter=No

`

const undatedCoNLLU = `# newdoc id = feed.xml#2
# sent_id = feed.xml#2-1
# text = Envoys met.
1	Envoys	envoys	PROPN	NNP	_	0	root	_	Start=0|End=6
2	met	met	NOUN	NN	_	1	dep	_	Start=7|End=10|SpaceAfter=No
3	.	.	PUNCT	.	_	1	dep	_	Start=10|End=11|SpaceAfter=No

`

func TestParse(t *testing.T) {
	items := map[string][]cmdtest.Item{
		"-":        {{Article: kyiv}},
		"kyiv.txt": {{Article: kyiv}},
		"feed.xml": {
			{Err: errors.New("feed.xml: item 1: no text")},
			{Article: doc.Article{ID: "feed.xml#2", Text: "Envoys met."}},
			{Article: doc.Article{ID: "feed.xml#3", Text: "   "}},
		},
	}
	tests := []struct {
		name      string
		args      []string
		wantPaths []string
		wantOut   string
		wantErr   string
		failed    bool
	}{
		{"stdin by default", nil, []string{"-"}, kyivCoNLLU, "", false},
		{"files in order", []string{"kyiv.txt", "--workers", "3", "feed.xml"}, []string{"kyiv.txt", "feed.xml"},
			kyivCoNLLU + undatedCoNLLU, "sitrep: feed.xml: item 1: no text\n", true},
		{"missing file goes on", []string{"missing.txt", "kyiv.txt"}, []string{"missing.txt", "kyiv.txt"},
			kyivCoNLLU, "sitrep: missing.txt: no such file\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paths []string
			f, out, errOut := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(items, &paths))
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if tt.failed != errors.Is(err, cmdutil.ErrSilent) || (!tt.failed && err != nil) {
				t.Fatalf("err = %v, want failed=%v", err, tt.failed)
			}
			if strings.Join(paths, " ") != strings.Join(tt.wantPaths, " ") {
				t.Errorf("read %q, want %q", paths, tt.wantPaths)
			}
			if out.String() != tt.wantOut {
				t.Errorf("output:\n%s\nwant:\n%s", out, tt.wantOut)
			}
			if errOut.String() != tt.wantErr {
				t.Errorf("errors: %q, want %q", errOut, tt.wantErr)
			}
			if _, err := conllu.ReadAll(strings.NewReader(out.String()), "out"); err != nil {
				t.Errorf("output is not valid CoNLL-U: %v", err)
			}
		})
	}
}

func TestParseLoadError(t *testing.T) {
	f, _, _ := cmdtest.Factory(nil, cmdtest.Reader(nil, nil))
	f.Load = func() (*pipeline.Pipeline, error) { return nil, errors.New("no models") }
	err := NewCmd(f, nil).Execute(context.Background(), nil, f.Out)
	if err == nil || !strings.Contains(err.Error(), "load models: no models") {
		t.Fatalf("err = %v", err)
	}
}

const tokenized = `# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

const reannotated = `# sent_id = s1
# text = I don't know.
1	I	i	PROPN	NNP	_	0	root	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	NOUN	NN	_	1	dep	_	_
3	n't	n't	NOUN	NN	_	1	dep	_	_
4	know	know	NOUN	NN	_	1	dep	_	SpaceAfter=No
5	.	.	PUNCT	.	_	1	dep	_	_

`

func TestParseCoNLLU(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.conllu")
	if err := os.WriteFile(file, []byte(tokenized), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
		err   string
	}{
		{"file", []string{"--conllu", file}, "", reannotated, ""},
		{"stdin", []string{"--conllu", "-", "--workers", "2"}, tokenized, reannotated, ""},
		{"missing", []string{"--conllu", filepath.Join(dir, "nope.conllu")}, "", "", "no such file"},
		{"with inputs", []string{"--conllu", file, "x.txt"}, "", "", "takes no other inputs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, _ := cmdtest.Factory(cmdtest.Pipeline(), nil)
			f.In = strings.NewReader(tt.stdin)
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}

func TestReannotateKeepsInput(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(tokenized), "t")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Reannotate(context.Background(), cmdtest.Pipeline(), 0, sents); err != nil {
		t.Fatal(err)
	}
	if w := sents[0].Words[0]; w.UPOS != "PRON" || w.Head != 3 || w.Feats != "Case=Nom" {
		t.Errorf("input modified: %+v", w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Reannotate(ctx, cmdtest.Pipeline(), 2, sents); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\nb", "a b"},
		{"a\r\nb", "a b"},
		{"a\u2028b\rc", "a b c"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := form("a\tb"); got != "a b" {
		t.Errorf("form = %q", got)
	}
}
