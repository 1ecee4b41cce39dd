package tagger

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

// sent builds a sentence from "word/UPOS/XPOS" items.
func sent(t testing.TB, s string) *conllu.Sentence {
	t.Helper()
	out := &conllu.Sentence{}
	for _, item := range strings.Fields(s) {
		parts := strings.Split(item, "/")
		if len(parts) != 3 {
			t.Fatalf("bad item %q", item)
		}
		out.Words = append(out.Words, doc.Token{Text: parts[0], UPOS: parts[1], XPOS: parts[2]})
	}
	return out
}

func tiny(t testing.TB) []*conllu.Sentence {
	var out []*conllu.Sentence
	for _, s := range []string{
		"The/DET/DT army/NOUN/NN fired/VERB/VBD rockets/NOUN/NNS ./PUNCT/.",
		"Israel/PROPN/NNP struck/VERB/VBD Beirut/PROPN/NNP ./PUNCT/.",
		"The/DET/DT government/NOUN/NN rejected/VERB/VBD the/DET/DT proposal/NOUN/NN ./PUNCT/.",
		"Hezbollah/PROPN/NNP fired/VERB/VBD rockets/NOUN/NNS at/ADP/IN Israel/PROPN/NNP ./PUNCT/.",
		"They/PRON/PRP talk/VERB/VBP ./PUNCT/.",
		"The/DET/DT talks/NOUN/NNS failed/VERB/VBD ./PUNCT/.",
	} {
		out = append(out, sent(t, s))
	}
	return out
}

func tokens(words ...string) []doc.Token {
	toks := make([]doc.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	return toks
}

func TestTagTiny(t *testing.T) {
	m, err := Train(tiny(t), TrainOptions{Iterations: 10})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		upos  string
		xpos  string
	}{
		{[]string{"The", "army", "fired", "rockets", "."}, "DET NOUN VERB NOUN PUNCT", "DT NN VBD NNS ."},
		{[]string{"Israel", "rejected", "the", "proposal", "."}, "PROPN VERB DET NOUN PUNCT", "NNP VBD DT NN ."},
		{[]string{"Hezbollah", "struck", "Israel", "."}, "PROPN VERB PROPN PUNCT", "NNP VBD NNP ."},
	}
	for _, tt := range tests {
		toks := tokens(tt.words...)
		m.Tag(toks)
		var u, x []string
		for _, tok := range toks {
			u = append(u, tok.UPOS)
			x = append(x, tok.XPOS)
		}
		if got := strings.Join(u, " "); got != tt.upos {
			t.Errorf("%v: UPOS %q, want %q", tt.words, got, tt.upos)
		}
		if got := strings.Join(x, " "); got != tt.xpos {
			t.Errorf("%v: XPOS %q, want %q", tt.words, got, tt.xpos)
		}
	}
	m.Tag(nil) // must not panic
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, err := Train(tiny(t), TrainOptions{Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("saving a loaded model gives different bytes")
	}
	for _, s := range append(tiny(t), sent(t, "Unknown/X/X words/X/X everywhere/X/X !/X/X")) {
		a := append([]doc.Token(nil), s.Words...)
		b := append([]doc.Token(nil), s.Words...)
		m.Tag(a)
		m2.Tag(b)
		for i := range a {
			if a[i].UPOS != b[i].UPOS || a[i].XPOS != b[i].XPOS {
				t.Errorf("token %q: trained %s/%s, loaded %s/%s", a[i].Text, a[i].UPOS, a[i].XPOS, b[i].UPOS, b[i].XPOS)
			}
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(tiny(t), TrainOptions{Iterations: 3, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("Train(nil): want error")
	}
	if _, err := Train(tiny(t), TrainOptions{Iterations: -1}); err == nil {
		t.Error("negative iterations: want error")
	}
	if _, err := Train(tiny(t), TrainOptions{Models: -1}); err == nil {
		t.Error("negative model count: want error")
	}
}

func TestLoadErrors(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("not a model"))
	zw.Close()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"bad magic": gz.Bytes(),
	} {
		if _, err := Load(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: want error", name)
		}
	}
}

func FuzzLoad(f *testing.F) {
	m, err := Train(tiny(f), TrainOptions{Iterations: 2})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		toks := tokens("The", "army", "fired", ".")
		m.Tag(toks) // a model that loads must be usable
	})
}

func readEWT(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	return sharedtest.Treebank(t, "data/ud-en-ewt/en_ewt-ud-"+name+".conllu")
}

func TestEWTSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on EWT")
	}
	train := readEWT(t, "train")
	dev := readEWT(t, "dev")
	m, err := Train(train[:2000], TrainOptions{Iterations: 3})
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	for _, s := range dev {
		toks := append([]doc.Token(nil), s.Words...)
		m.Tag(toks)
		for i, w := range s.Words {
			n++
			if toks[i].UPOS == w.UPOS {
				ok++
			}
		}
	}
	acc := 100 * float64(ok) / float64(n)
	t.Logf("dev UPOS %.2f%% (2,000 training sentences, 3 iterations)", acc)
	if acc < 90 {
		t.Errorf("dev UPOS %.2f%%, want >= 90%%", acc)
	}
}

func BenchmarkTag(b *testing.B) {
	dev := readEWT(b, "dev")
	m := benchModel(b)
	toks := make([][]doc.Token, len(dev))
	for i, s := range dev {
		toks[i] = append([]doc.Token(nil), s.Words...)
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		m.Tag(toks[n%len(toks)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// benchModel returns the shipped model, or one trained on part of EWT
// train when the shipped model is missing.
func benchModel(b *testing.B) *Model {
	if f, err := os.Open("../models/tagger.bin"); err == nil {
		defer f.Close()
		m, err := Load(f)
		if err != nil {
			b.Fatal(err)
		}
		return m
	}
	m, err := Train(readEWT(b, "train")[:2000], TrainOptions{Iterations: 3})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// TestEnsureFinite checks the repair of sentences left without a finite
// verb, on a tiny model whose lexicon has seen the -ed forms as VBD.
func TestEnsureFinite(t *testing.T) {
	m := &Model{ambClasses: map[string][]uint16{"extended": {0, 1}, "posted": {0, 1}}}
	m.setClasses([]string{"VERB|VBD", "ADJ|JJ", "NOUN|NNS", "DET|DT", "PUNCT|.", "PROPN|NNP", "AUX|VBN", "VERB|VBN"})
	tok := func(text, tag string) doc.Token {
		u, x := splitLabel(tag)
		return doc.Token{Text: text, UPOS: u, XPOS: x}
	}
	tests := []struct {
		name string
		toks []doc.Token
		want string // XPOS of the -ed word after the repair
	}{
		{"repaired", []doc.Token{tok("Ministers", "NOUN|NNS"), tok("on", "ADP|IN"), tok("Monday", "PROPN|NNP"), tok("extended", "ADJ|JJ"), tok("sanctions", "NOUN|NNS"), tok(".", "PUNCT|.")}, "VBD"},
		{"after a determiner", []doc.Token{tok("Ministers", "NOUN|NNS"), tok("met", "VERB|VBN"), tok("the", "DET|DT"), tok("extended", "ADJ|JJ"), tok("family", "NOUN|NN"), tok(".", "PUNCT|.")}, "JJ"},
		{"after an auxiliary", []doc.Token{tok("Sanctions", "NOUN|NNS"), tok("have", "AUX|VBP"), tok("been", "AUX|VBN"), tok("extended", "VERB|VBN"), tok("again", "ADV|RB"), tok(".", "PUNCT|.")}, "VBN"},
		{"no subject before", []doc.Token{tok("Posted", "VERB|VBN"), tok("by", "ADP|IN"), tok("the", "DET|DT"), tok("editor", "NOUN|NN"), tok("today", "NOUN|NN"), tok(".", "PUNCT|.")}, "VBN"},
		{"not a full sentence", []doc.Token{tok("Ministers", "NOUN|NNS"), tok("on", "ADP|IN"), tok("Monday", "PROPN|NNP"), tok("extended", "ADJ|JJ"), tok("sanctions", "NOUN|NNS")}, "JJ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forms := make([]string, len(tt.toks))
			at := -1
			for i, tk := range tt.toks {
				forms[i] = tk.Text
				if strings.HasSuffix(strings.ToLower(tk.Text), "ed") {
					at = i
				}
			}
			m.ensureFinite(tt.toks, forms)
			if got := tt.toks[at].XPOS; got != tt.want {
				t.Errorf("%s tagged %s, want %s", tt.toks[at].Text, got, tt.want)
			}
		})
	}
}
