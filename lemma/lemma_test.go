package lemma

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

// sent builds a sentence from "word/lemma/UPOS/XPOS" items.
func sent(t testing.TB, s string) *conllu.Sentence {
	t.Helper()
	out := &conllu.Sentence{}
	for _, item := range strings.Fields(s) {
		p := strings.Split(item, "/")
		if len(p) != 4 {
			t.Fatalf("bad item %q", item)
		}
		out.Words = append(out.Words, doc.Token{Text: p[0], Lemma: p[1], UPOS: p[2], XPOS: p[3]})
	}
	return out
}

func tiny(t testing.TB) []*conllu.Sentence {
	var out []*conllu.Sentence
	for _, s := range []string{
		"The/the/DET/DT armies/army/NOUN/NNS fired/fire/VERB/VBD rockets/rocket/NOUN/NNS ./././.",
		"Israel/Israel/PROPN/NNP struck/strike/VERB/VBD cities/city/NOUN/NNS ./././.",
		"The/the/DET/DT party/party/NOUN/NN is/be/AUX/VBZ making/make/VERB/VBG proposals/proposal/NOUN/NNS ./././.",
		"They/they/PRON/PRP were/be/AUX/VBD talking/talk/VERB/VBG and/and/CCONJ/CC walking/walk/VERB/VBG ./././.",
		"Parties/party/NOUN/NNS rejected/reject/VERB/VBD talks/talk/NOUN/NNS ./././.",
		"Hezbollah/Hezbollah/PROPN/NNP jumped/jump/VERB/VBD and/and/CCONJ/CC looked/look/VERB/VBD ./././.",
		"I/I/PRON/PRP walked/walk/VERB/VBD with/with/ADP/IN Aoun/Aoun/PROPN/NNP ./././.",
	} {
		out = append(out, sent(t, s))
	}
	return out
}

func TestLemmatizeTiny(t *testing.T) {
	l, err := Train(tiny(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, upos, xpos, want string }{
		{"The", "DET", "DT", "the"},
		{"armies", "NOUN", "NNS", "army"},
		{"struck", "VERB", "VBD", "strike"},
		{"is", "AUX", "VBZ", "be"},
		{"I", "PRON", "PRP", "I"},
		{"Israel", "PROPN", "NNP", "Israel"},
		// Unseen words go through the suffix rules.
		{"Berri", "PROPN", "NNP", "Berri"},
		{"bodies", "NOUN", "NNS", "body"},
		{"Bodies", "NOUN", "NNS", "body"},
		{"kicked", "VERB", "VBD", "kick"},
		{"fighting", "VERB", "VBG", "fight"},
		{"rejected", "", "VBD", "reject"},
		{"armies", "NOUN", "", "army"},
	}
	for _, tt := range tests {
		toks := []doc.Token{{Text: tt.text, UPOS: tt.upos, XPOS: tt.xpos}}
		l.Lemmatize(toks)
		if toks[0].Lemma != tt.want {
			t.Errorf("%s/%s/%s: lemma %q, want %q", tt.text, tt.upos, tt.xpos, toks[0].Lemma, tt.want)
		}
	}
}

func TestMakeRule(t *testing.T) {
	tests := []struct{ form, lemma, want string }{
		{"The", "the", "the"},
		{"Cats", "cat", "cat"},
		{"I", "I", "I"},
		{"café", "cafés", "cafés"},
		{"naïve", "naive", "naive"},
	}
	for _, tt := range tests {
		r := makeRule(tt.form, tt.lemma)
		if got, ok := r.apply(tt.form); !ok || got != tt.want {
			t.Errorf("makeRule(%q, %q) = %+v, applies as %q", tt.form, tt.lemma, r, got)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	l, err := Train(tiny(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := l2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("saving a loaded lemmatizer gives different bytes")
	}
	for _, s := range append(tiny(t), sent(t, "Unknown/x/ADJ/JJ goings/x/NOUN/NNS")) {
		a := append([]doc.Token(nil), s.Words...)
		b := append([]doc.Token(nil), s.Words...)
		l.Lemmatize(a)
		l2.Lemmatize(b)
		for i := range a {
			if a[i].Lemma != b[i].Lemma {
				t.Errorf("%q: trained %q, loaded %q", a[i].Text, a[i].Lemma, b[i].Lemma)
			}
		}
	}
}

func TestTrainEmpty(t *testing.T) {
	if _, err := Train(nil); err == nil {
		t.Error("Train(nil): want error")
	}
}

func FuzzLoad(f *testing.F) {
	l, err := Train(tiny(f))
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("junk"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		toks := []doc.Token{{Text: "armies", UPOS: "NOUN", XPOS: "NNS"}, {Text: "", XPOS: "NN"}}
		l.Lemmatize(toks)
	})
}

func readEWT(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	return sharedtest.Treebank(t, "data/ud-en-ewt/en_ewt-ud-"+name+".conllu")
}

func TestEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on EWT")
	}
	l, err := Train(readEWT(t, "train"))
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	for _, s := range readEWT(t, "dev") {
		toks := append([]doc.Token(nil), s.Words...)
		l.Lemmatize(toks)
		for i, w := range s.Words {
			n++
			if toks[i].Lemma == w.Lemma {
				ok++
			}
		}
	}
	acc := 100 * float64(ok) / float64(n)
	t.Logf("dev lemma accuracy with gold tags %.2f%%", acc)
	if acc < 97 {
		t.Errorf("dev lemma accuracy %.2f%%, want >= 97%%", acc)
	}
}

func BenchmarkLemmatize(b *testing.B) {
	l, err := Train(readEWT(b, "train"))
	if err != nil {
		b.Fatal(err)
	}
	dev := readEWT(b, "dev")
	toks := make([][]doc.Token, len(dev))
	for i, s := range dev {
		toks[i] = append([]doc.Token(nil), s.Words...)
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		l.Lemmatize(toks[n%len(toks)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
