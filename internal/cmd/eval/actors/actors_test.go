package actors

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
)

// Reference files written for the test in the two formats.
const (
	confli = "Syrian B-S\nofficials I-S\nmet O\nthe O\nTurkish B-T\nenvoy I-T\n. O\n\n" +
		"Rain O\nfell O\non O\nthe B-T\nfields I-T\n. O\n"
	conll = "-DOCSTART- -X- O O\n\nMaria NNP B-NP I-PER\nVelez NNP I-NP I-PER\nvisited VBD B-VP O\n" +
		"Beirut NNP B-NP I-LOC\nwith IN B-PP O\nthe DT B-NP O\nrain NN I-NP O\n. . O O\n"
)

func TestEvalActors(t *testing.T) {
	dir := t.TempDir()
	cf, nf := filepath.Join(dir, "actors.txt"), filepath.Join(dir, "eng.testa")
	for p, s := range map[string]string{cf: confli, nf: conll} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, out, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"--conflibert", cf, "--conll", nf, "--json"}, f.Out)
	if err != nil {
		t.Fatal(err)
	}
	var res []Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("bad json %q: %v", out, err)
	}
	got := map[string]string{}
	for _, r := range res {
		for _, x := range r.Recall {
			got[r.Name+" "+x.Type] = strings.TrimSpace(strings.Repeat("+", x.Found) + "/" + strings.Repeat("+", x.Gold))
		}
	}
	want := map[string]string{
		"conflibert S": "+/+", "conflibert T": "+/++",
		"conll2003 PER": "+/+", "conll2003 LOC": "+/+",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: found/gold %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func TestEvalActorsArgs(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"extra"}, f.Out)
	if _, ok := err.(*cmdutil.FlagError); !ok {
		t.Fatalf("err = %v, want a flag error", err)
	}
}
