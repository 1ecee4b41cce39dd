package mention

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
)

// benchText is written for the benchmark: a few paragraphs of news-like
// sentences naming countries, agents, people, places and outlets.
const benchText = `Syrian officials met a Turkish envoy in Ankara on Tuesday, according to Reuters.
Moscow warned that Russian troops would stay near the border. Hamas fighters fired rockets from Gaza City,
and the Israeli army said it had struck targets in southern Lebanon. President Joseph Aoun called on
Hezbollah to stand down; the group said its members would keep their weapons. Karim Haddad, the Lebanese
defence minister, visited troops in Tyre. Haddad said he would return to Beirut after talks in Cyprus.
Iranian officials denied the report, and the Revolutionary Guard said they were not involved.`

// BenchmarkResolve times Process on parsed documents and reports the time
// of resolution relative to parsing (issue 3 wants at most 25%).
func BenchmarkResolve(b *testing.B) {
	f := setup(b)
	art := doc.Article{ID: "bench", Text: strings.Repeat(benchText+"\n\n", 4), Published: day("2026-03-09")}
	start := time.Now()
	const parses = 5
	var d *doc.Doc
	for range parses {
		d = f.p.Process(art)
	}
	parse := time.Since(start) / parses
	b.ResetTimer()
	for b.Loop() {
		f.res.Process(d)
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per)/float64(parse)*100, "%parse")
	b.ReportMetric(float64(len(d.Tokens))/per.Seconds(), "tokens/s")
}

// BenchmarkResolveSeed times Process on the parsed seed report.
func BenchmarkResolveSeed(b *testing.B) {
	f := setup(b)
	d := seedDoc(b, f)
	start := time.Now()
	d2 := f.p.Process(d.Article)
	parse := time.Since(start)
	for b.Loop() {
		f.res.Process(d2)
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per)/float64(parse)*100, "%parse")
}

// FuzzProcess checks that Process never panics and keeps its invariants on
// arbitrary token sequences with arbitrary tags and heads.
func FuzzProcess(f *testing.F) {
	fx := setup(f)
	f.Add("Lebanese Army commander Gen. Rodolphe Haykal said he would go to Beirut .", uint64(7))
	f.Add("the group ’s it its they Hezbollah ’s US ‑ Israeli", uint64(3))
	f.Add(", , 's 's Ambassador to to Turkey", uint64(0))
	f.Add("", uint64(1))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		upos := []string{"PROPN", "NOUN", "ADJ", "VERB", "DET", "ADP", "PRON", "PUNCT", "", "X"}
		rels := []string{"nsubj", "obj", "nmod", "compound", "flat", "", "root", "case", "det"}
		d := &doc.Doc{Article: doc.Article{Text: text}}
		pos := 0
		x := seed
		next := func(n int) int {
			x = x*6364136223846793005 + 1442695040888963407
			return int((x >> 33) % uint64(n))
		}
		sentStart := 0
		for i, w := range strings.Fields(text) {
			n := len([]rune(w))
			tok := doc.Token{Text: w, Start: pos, End: pos + n, UPOS: upos[next(len(upos))], DepRel: rels[next(len(rels))]}
			tok.Head = next(i - sentStart + 3)
			d.Tokens = append(d.Tokens, tok)
			pos += n + next(3)
			if next(5) == 0 {
				d.Sentences = append(d.Sentences, doc.Sentence{First: sentStart, Last: len(d.Tokens)})
				sentStart = len(d.Tokens)
			}
		}
		if sentStart < len(d.Tokens) {
			d.Sentences = append(d.Sentences, doc.Sentence{First: sentStart, Last: len(d.Tokens)})
		}
		fx.res.Process(d)
		checkInvariants(t, d)
	})
}
