package tagger

import (
	"bytes"
	"compress/gzip"
	"os"
	"slices"
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
// verb in their main clause, on a tiny model whose lexicon has seen some
// forms as VBD.
func TestEnsureFinite(t *testing.T) {
	m := &Model{ambClasses: map[string][]uint16{"extended": {0, 1}, "posted": {0, 1}, "told": {0, 7},
		"grants": {2, 8}, "estimate": {9, 10}, "reach": {9}, "troops": {2}, "forces": {2, 8}, "talks": {2, 8}}}
	m.setClasses([]string{"VERB|VBD", "ADJ|JJ", "NOUN|NNS", "DET|DT", "PUNCT|.", "PROPN|NNP", "AUX|VBN", "VERB|VBN",
		"VERB|VBZ", "VERB|VB", "NOUN|NN"})
	tests := []struct {
		name   string
		tagged string
		word   string // the word to check
		want   string // its XPOS after the repair
	}{
		{"repaired", "Ministers/NOUN|NNS on/ADP|IN Monday/PROPN|NNP extended/ADJ|JJ sanctions/NOUN|NNS ./PUNCT|.", "extended", "VBD"},
		{"after a determiner", "Ministers/NOUN|NNS met/VERB|VBN the/DET|DT extended/ADJ|JJ family/NOUN|NN ./PUNCT|.", "extended", "JJ"},
		{"after an auxiliary", "Sanctions/NOUN|NNS have/AUX|VBP been/AUX|VBN extended/VERB|VBN again/ADV|RB ./PUNCT|.", "extended", "VBN"},
		{"no subject before", "Posted/VERB|VBN by/ADP|IN the/DET|DT editor/NOUN|NN today/NOUN|NN ./PUNCT|.", "Posted", "VBN"},
		{"not a full sentence", "Ministers/NOUN|NNS on/ADP|IN Monday/PROPN|NNP extended/ADJ|JJ sanctions/NOUN|NNS", "extended", "JJ"},
		{"unseen form with an object", "Failing/VERB|VBG health/NOUN|NN reduced/VERB|VBN his/PRON|PRP$ output/NOUN|NN ./PUNCT|.", "reduced", "VBD"},
		{"unseen form after an adverb after a verb", "Stickers/NOUN|NNS on/ADP|IN shelves/NOUN|NNS identified/VERB|VBN neatly/ADV|RB organized/VERB|VBN boxes/NOUN|NNS ./PUNCT|.", "organized", "VBN"},
		{"unseen form before a compound noun", "The/DET|DT share/NOUN|NN weighted/VERB|VBN composite/NOUN|NN index/NOUN|NN tumbled/VERB|VBN ./PUNCT|.", "weighted", "VBN"},
		{"unseen form without an object", "The/DET|DT chalet/NOUN|NN burned/VERB|VBN completely/ADV|RB down/ADV|RB ./PUNCT|.", "burned", "VBN"},
		{"unseen form after a preposition", "Appetite/NOUN|NN for/ADP|IN fried/VERB|VBN chicken/NOUN|NN used/VERB|VBN to/PART|TO grow/VERB|VB ./PUNCT|.", "fried", "VBN"},
		{"finite verb only in a subordinate clause", "A/DET|DT witness/NOUN|NN told/VERB|VBN police/NOUN|NNS that/SCONJ|IN the/DET|DT man/NOUN|NN had/AUX|VBD fled/VERB|VBN ./PUNCT|.", "told", "VBD"},
		{"reduced relative before the main verb", "Troops/NOUN|NNS deployed/VERB|VBN the/DET|DT day/NOUN|NN before/ADP|IN were/AUX|VBD killed/VERB|VBN ./PUNCT|.", "deployed", "VBN"},
		{"reduced relative without an object", "Soldiers/NOUN|NNS wounded/VERB|VBN in/ADP|IN the/DET|DT attack/NOUN|NN who/PRON|WP survived/VERB|VBD ./PUNCT|.", "wounded", "VBN"},
		{"present tense seen", "An/DET|DT entry/NOUN|NN ticket/NOUN|NN grants/NOUN|NNS access/NOUN|NN to/ADP|IN it/PRON|PRP ./PUNCT|.", "grants", "VBZ"},
		{"present tense of a seen base form", "The/DET|DT study/NOUN|NN estimates/NOUN|NNS that/PRON|WDT it/PRON|PRP would/AUX|MD take/VERB|VB years/NOUN|NNS ./PUNCT|.", "estimates", "VBZ"},
		{"present tense of a seen base form in -es", "The/DET|DT army/NOUN|NN reaches/NOUN|NNS the/DET|DT town/NOUN|NN today/NOUN|NN ./PUNCT|.", "reaches", "VBZ"},
		{"bare compound", "Security/NOUN|NN forces/NOUN|NNS under/ADP|IN his/PRON|PRP$ command/NOUN|NN detained/VERB|VBN him/PRON|PRP as/SCONJ|IN he/PRON|PRP left/VERB|VBD ./PUNCT|.", "forces", "NNS"},
		{"relative clause after that", "The/DET|DT peace/NOUN|NN talks/NOUN|NNS that/PRON|WDT ended/VERB|VBD in/ADP|IN May/PROPN|NNP ./PUNCT|.", "talks", "NNS"},
		{"plural noun after a plural", "Government/NOUN|NN estimates/NOUN|NNS of/ADP|IN losses/NOUN|NNS rose/VERB|VBD ./PUNCT|.", "estimates", "NNS"},
		{"plural noun never a verb", "The/DET|DT US/PROPN|NNP troops/NOUN|NNS in/ADP|IN Iraq/PROPN|NNP ./PUNCT|.", "troops", "NNS"},
		{"plural noun after a determiner", "The/DET|DT estimates/NOUN|NNS that/PRON|WDT economists/NOUN|NNS made/VERB|VBD ./PUNCT|.", "estimates", "NNS"},
		{"inside a subordinate clause", "When/SCONJ|WRB troops/NOUN|NNS entered/VERB|VBN the/DET|DT city/NOUN|NN ,/PUNCT|, residents/NOUN|NNS that/PRON|WDT stayed/VERB|VBD ./PUNCT|.", "entered", "VBN"},
		{"object opening with an adjective", "The/DET|DT army/NOUN|NN imposed/VERB|VBN harsh/ADJ|JJ new/ADJ|JJ curbs/NOUN|NNS ,/PUNCT|, officials/NOUN|NNS said/VERB|VBD ./PUNCT|.", "imposed", "VBD"},
		{"modifiers reaching no noun", "Troops/NOUN|NNS deployed/VERB|VBN armed/VERB|VBN and/CCONJ|CC ready/ADJ|JJ were/AUX|VBD seen/VERB|VBN ./PUNCT|.", "deployed", "VBN"},
		{"prepositional verb before a closing attribution", "Youths/NOUN|NNS resorted/VERB|VBN to/ADP|IN violence/NOUN|NN ,/PUNCT|, officials/NOUN|NNS said/VERB|VBD ./PUNCT|.", "resorted", "VBD"},
		{"reduced relative before a main verb and an attribution", "Troops/NOUN|NNS sent/VERB|VBN to/ADP|IN the/DET|DT border/NOUN|NN clashed/VERB|VBD ,/PUNCT|, officials/NOUN|NNS said/VERB|VBD ./PUNCT|.", "sent", "VBN"},
		{"participle in a fronted clause", "Citing/VERB|VBG the/DET|DT wounds/NOUN|NNS caused/VERB|VBN by/ADP|IN war/NOUN|NN ,/PUNCT|, the/DET|DT pope/NOUN|NN told/VERB|VBD crowds/NOUN|NNS ./PUNCT|.", "caused", "VBN"},
		{"closing attribution", "Rebels/NOUN|NNS shelled/VERB|VBN the/DET|DT town/NOUN|NN ,/PUNCT|, relief/NOUN|NN officials/NOUN|NNS in/ADP|IN Nairobi/PROPN|NNP said/VERB|VBD ./PUNCT|.", "shelled", "VBD"},
		{"inverted closing attribution", "Rebels/NOUN|NNS shelled/VERB|VBN the/DET|DT town/NOUN|NN ,/PUNCT|, said/VERB|VBD the/DET|DT army/NOUN|NN ./PUNCT|.", "shelled", "VBD"},
		{"finite verb after a comma, not a speech verb", "Rebels/NOUN|NNS shelled/VERB|VBN the/DET|DT town/NOUN|NN ,/PUNCT|, residents/NOUN|NNS fled/VERB|VBD ./PUNCT|.", "shelled", "VBN"},
		{"after a preposition that can subordinate", "Prices/NOUN|NNS closed/VERB|VBN the/DET|DT day/NOUN|NN higher/ADV|RBR as/ADP|IN sentiment/NOUN|NN improved/VERB|VBD ./PUNCT|.", "closed", "VBD"},
		{"such as", "Data/NOUN|NNS considered/VERB|VBN the/DET|DT norm/NOUN|NN ,/PUNCT|, such/ADJ|JJ as/ADP|IN budgets/NOUN|NNS ,/PUNCT|, are/AUX|VBP secret/ADJ|JJ ./PUNCT|.", "considered", "VBN"},
		{"before after a duration", "A/DET|DT poll/NOUN|NN published/VERB|VBN Monday/PROPN|NNP ,/PUNCT|, two/NUM|CD days/NOUN|NNS before/ADP|IN the/DET|DT vote/NOUN|NN ,/PUNCT|, shocked/VERB|VBD pundits/NOUN|NNS ./PUNCT|.", "published", "VBN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, forms := taggedSentence(tt.tagged)
			at := -1
			for i, tk := range toks {
				if tk.Text == tt.word {
					at = i
				}
			}
			m.ensureFinite(toks, forms)
			if got := toks[at].XPOS; got != tt.want {
				t.Errorf("%s tagged %s, want %s", toks[at].Text, got, tt.want)
			}
		})
	}
}

// taggedSentence reads tokens written "word/UPOS|XPOS", separated by
// spaces, and returns them with their forms.
func taggedSentence(tagged string) ([]doc.Token, []string) {
	var toks []doc.Token
	var forms []string
	for _, wt := range strings.Fields(tagged) {
		w, tag, _ := strings.Cut(wt, "/")
		u, x, _ := strings.Cut(tag, "|")
		toks = append(toks, doc.Token{Text: w, UPOS: u, XPOS: x})
		forms = append(forms, w)
	}
	return toks, forms
}

// TestRepairPerfect checks that a form of "have" read as a main verb
// becomes an auxiliary before a participle, with adverbs between or not.
func TestRepairPerfect(t *testing.T) {
	tests := []struct {
		name, tagged, want string
	}{
		{"participle next", "Russia/PROPN|NNP has/VERB|VBZ threatened/VERB|VBN to/PART|TO stop/VERB|VB", "AUX"},
		{"adverb between", "who/PRON|WP have/VERB|VBP just/ADV|RB seized/VERB|VBN towns/NOUN|NNS", "AUX"},
		{"infinitive", "appears/VERB|VBZ to/PART|TO have/VERB|VB halted/VERB|VBN talks/NOUN|NNS", "AUX"},
		{"object", "Russia/PROPN|NNP has/VERB|VBZ missiles/NOUN|NNS deployed/VERB|VBN there/ADV|RB", "VERB"},
		{"participle had", "Golkar/PROPN|NNP has/AUX|VBZ had/VERB|VBN landslide/VERB|VBN wins/NOUN|NNS", "VERB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, forms := taggedSentence(tt.tagged)
			at := slices.IndexFunc(toks, func(tk doc.Token) bool {
				return tk.UPOS == "VERB" && isHave(strings.ToLower(tk.Text))
			})
			if at < 0 {
				t.Fatalf("no form of have tagged VERB in %q", tt.tagged)
			}
			x := toks[at].XPOS
			repairPerfect(toks, forms)
			if got := toks[at].UPOS; got != tt.want || toks[at].XPOS != x {
				t.Errorf("%s tagged %s|%s, want %s|%s", toks[at].Text, got, toks[at].XPOS, tt.want, x)
			}
		})
	}
}

// TestRepairPastOnly checks that a participle whose form is only ever a
// past tense becomes one, unless an auxiliary comes before it or the form
// is a regular -ed form.
func TestRepairPastOnly(t *testing.T) {
	m := &Model{ambClasses: map[string][]uint16{"rose": {0, 2}, "risen": {1}, "looked": {0}, "swept": {0}}}
	m.setClasses([]string{"VERB|VBD", "VERB|VBN", "NOUN|NN", "AUX|VBD", "ADV|RB", "NOUN|NNS"})
	tests := []struct {
		name, tagged, word, want string
	}{
		{"irregular past read as a participle", "Shares/NOUN|NNS rose/VERB|VBN by/ADP|IN 10/NUM|CD pence/NOUN|NN", "rose", "VBD"},
		{"a real participle", "Shares/NOUN|NNS had/AUX|VBD risen/VERB|VBN", "risen", "VBN"},
		{"after an auxiliary and an adverb", "Difficulties/NOUN|NNS were/AUX|VBD ostensibly/ADV|RB swept/VERB|VBN away/ADV|RB", "swept", "VBN"},
		{"regular -ed form", "Officials/NOUN|NNS looked/VERB|VBN away/ADV|RB", "looked", "VBN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, forms := taggedSentence(tt.tagged)
			m.repairPastOnly(toks, forms)
			at := slices.IndexFunc(toks, func(tk doc.Token) bool { return tk.Text == tt.word })
			if got := toks[at].XPOS; got != tt.want {
				t.Errorf("%s tagged %s, want %s", tt.word, got, tt.want)
			}
		})
	}
}

// TestRepairInfinitives checks that a noun after an infinitival "to" becomes
// a verb only when its form was seen as one and an object follows.
func TestRepairInfinitives(t *testing.T) {
	m := &Model{ambClasses: map[string][]uint16{"sanction": {0, 1}, "talk": {1}}}
	m.setClasses([]string{"VERB|VB", "NOUN|NN", "PART|TO", "PROPN|NNP", "ADP|IN", "DET|DT"})
	tests := []struct {
		name, tagged, want string
	}{
		{"verb after to", "expected/VERB|VBN to/PART|TO sanction/NOUN|NN Taiwan/PROPN|NNP", "VB"},
		{"never a verb", "expected/VERB|VBN to/PART|TO talk/NOUN|NN Taiwan/PROPN|NNP", "NN"},
		{"no object", "expected/VERB|VBN to/PART|TO sanction/NOUN|NN after/ADP|IN", "NN"},
		{"preposition to", "went/VERB|VBD to/ADP|IN sanction/NOUN|NN the/DET|DT", "NN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, forms := taggedSentence(tt.tagged)
			m.repairInfinitives(toks, forms)
			if got := toks[2].XPOS; got != tt.want {
				t.Errorf("%s tagged %s, want %s", toks[2].Text, got, tt.want)
			}
		})
	}
}
