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

// BenchmarkPipeline runs the whole linguistic layer (tokenize, tag,
// lemmatize, parse) over a few news articles and reports sentences/s.
func BenchmarkPipeline(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	arts := []doc.Article{
		{ID: "a", Text: "Ukrainian and Russian negotiators will meet in Istanbul next week for a new round of talks on prisoner exchanges, the foreign ministry said on Thursday, as fighting intensified along the eastern front. The army said it had repelled 14 attacks near the town overnight."},
		{ID: "b", Text: "The United Nations Security Council on Monday extended the mandate of its peacekeeping mission in southern Lebanon for another year, after France and the United States agreed on the wording of a resolution that calls for a halt to cross-border attacks. Israel's ambassador criticised the vote."},
	}
	b.ResetTimer()
	sentences := 0
	for i := 0; i < b.N; i++ {
		d := p.Process(arts[i%len(arts)])
		sentences += len(d.Sentences)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}
