package models

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
)

func TestLoad(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	d := p.Process(doc.Article{ID: "t", Text: "The government rejected the proposal of the envoy on Monday."})
	if len(d.Sentences) != 1 || len(d.Tokens) != 11 {
		t.Fatalf("got %d sentences, %d tokens", len(d.Sentences), len(d.Tokens))
	}
	roots := 0
	for _, tok := range d.Tokens {
		if tok.UPOS == "" || tok.Lemma == "" || tok.DepRel == "" {
			t.Errorf("token %q not annotated: %+v", tok.Text, tok)
		}
		if tok.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
	if got := d.Tokens[2]; got.Lemma != "reject" || got.UPOS != "VERB" || got.DepRel != "root" {
		t.Errorf("rejected: %+v", got)
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("loading from an empty directory succeeded")
	}
}

// BenchmarkLoad measures decoding all embedded models, which happens once
// per process.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
