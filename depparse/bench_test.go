package depparse_test

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/models"
)

// BenchmarkParse parses EWT dev sentences (gold tokens and tags) with the
// embedded parser and reports sentences per second.
func BenchmarkParse(b *testing.B) {
	sents := sharedtest.Treebank(b, "data/ud-en-ewt/en_ewt-ud-dev.conllu")
	p, err := models.Load()
	if err != nil {
		b.Fatal(err)
	}
	toks := make([][]doc.Token, len(sents))
	for i, s := range sents {
		toks[i] = append([]doc.Token(nil), s.Words...)
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		p.Parser.Parse(toks[i%len(toks)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
