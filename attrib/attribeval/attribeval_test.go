package attribeval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

const ann = "T1\tSource 0 5\tAxios\n" +
	"T2\tCue 6 14\treported\n" +
	"T3\tContent 15 40;45 50\tthat the army left Beirut ...\n" +
	"T4\tAttribution 6 14\treported\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tContent 60 70\tfirst line\n" +
	"second line of T5\n" +
	"T6\tCue 71 73\tso\n" +
	"E2\tAttribution-no-source:T6 Cue:T6 Content:T5 Content2:T3\n" +
	"#1\tAnnotatorNotes T1\ta note\n"

func TestReadAnn(t *testing.T) {
	a, err := ReadAnn(strings.NewReader(ann), "x.ann")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Spans) != 6 || len(a.Relations) != 2 {
		t.Fatalf("got %d spans, %d relations, want 6, 2", len(a.Spans), len(a.Relations))
	}
	if s := a.Span("T3"); s == nil || len(s.Frags) != 2 || s.Frags[1] != (doc.Span{Start: 45, End: 50}) {
		t.Errorf("T3 = %+v, want two fragments", s)
	}
	e := a.Relations[1]
	if e.Type != "Attribution-no-source" || e.Source != "" || e.Cue != "T6" || len(e.Content) != 2 {
		t.Errorf("E2 = %+v", e)
	}
	kinds := map[string]int{}
	for _, s := range a.GoldSpans() {
		kinds[s.Kind]++
	}
	if kinds[Source] != 1 || kinds[Cue] != 2 || kinds[Content] != 2 {
		t.Errorf("gold spans by kind: %v", kinds)
	}
}

func TestReadAnnErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no offsets", "T1\tSource\tx\n", "x.ann:1: span T1"},
		{"bad offsets", "T1\tSource 5 2\tx\n", "bad offsets"},
		{"bad fragment", "T1\tSource 1 2;3\tx\n", "bad fragment"},
		{"bad event argument", "E1\tAttribution:T1 Cue\n", "x.ann:1: event E1: bad argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAnn(strings.NewReader(tt.in), "x.ann")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzReadAnn(f *testing.F) {
	f.Add(ann)
	f.Add("T1\tCue 0 0\t\nE1\tA:T1\n")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ReadAnn(strings.NewReader(in), "f.ann")
		if err != nil {
			return
		}
		for _, s := range a.Spans {
			for _, fr := range s.Frags {
				if fr.Start < 0 || fr.End < fr.Start {
					t.Fatalf("bad fragment %+v", fr)
				}
			}
		}
		a.GoldSpans()
	})
}

// words builds a doc of space-separated tokens.
func words(text string) *doc.Doc {
	d := &doc.Doc{Article: doc.Article{Text: text}}
	start := 0
	for i, r := range []rune(text + " ") {
		if r == ' ' {
			if i > start {
				d.Tokens = append(d.Tokens, doc.Token{Text: string([]rune(text)[start:i]), Start: start, End: i})
			}
			start = i + 1
		}
	}
	return d
}

func TestScorer(t *testing.T) {
	//             0123456789012345678901234567890
	d := words("Axios said the army left and Reuters agreed")
	sp := func(kind string, s, e int) Span { return Span{Kind: kind, Frags: []doc.Span{{Start: s, End: e}}} }
	gold := []Span{sp(Source, 0, 5), sp(Cue, 6, 10), sp(Content, 11, 24), sp(Source, 29, 36), sp(Cue, 37, 43)}
	pred := []Span{
		sp(Source, 0, 3),    // shares "Axios": match
		sp(Source, 0, 10),   // shares it too, but the gold span is taken
		sp(Cue, 6, 10),      // match
		sp(Cue, 6, 10),      // duplicate: counted once
		sp(Content, 11, 43), // overlaps the content: match
	}
	sc := NewScorer()
	sc.Add(d, gold, pred)
	for _, c := range []struct {
		kind                string
		matched, pred, gold int
	}{
		{Source, 1, 2, 2}, {Cue, 1, 1, 2}, {Content, 1, 1, 1},
	} {
		s := sc.Kind(c.kind)
		if s.Matched != c.matched || s.Pred != c.pred || s.Gold != c.gold {
			t.Errorf("%s: %+v, want matched %d pred %d gold %d", c.kind, s, c.matched, c.pred, c.gold)
		}
	}
	if s := sc.Kind(Cue); s.P() != 1 || s.R() != 0.5 || s.F1() < 0.66 || s.F1() > 0.67 {
		t.Errorf("cue P %v R %v F1 %v", s.P(), s.R(), s.F1())
	}
	if (Score{}).F1() != 0 {
		t.Error("empty score F1 must be 0")
	}
	for _, c := range []struct {
		kind             string
		missed, spurious int
		missedAt, spurAt int
	}{
		{Source, 1, 1, 29, 0}, {Cue, 1, 0, 37, -1}, {Content, 0, 0, -1, -1},
	} {
		m, sp := Unmatched(d, gold, pred, c.kind)
		if len(m) != c.missed || len(sp) != c.spurious {
			t.Errorf("%s: unmatched %v, %v; want %d missed, %d spurious", c.kind, m, sp, c.missed, c.spurious)
			continue
		}
		if len(m) > 0 && m[0].Frags[0].Start != c.missedAt || len(sp) > 0 && sp[0].Frags[0].Start != c.spurAt {
			t.Errorf("%s: unmatched %v, %v", c.kind, m, sp)
		}
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"attributions", "text"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("text/doc-a.txt", "“Axios” said so.")
	write("attributions/doc-a_4b22.ann", "T1\tSource 1 6\tAxios\n")
	docs, err := ReadDir(dir)
	if err != nil || len(docs) != 1 || docs[0].Text != "“Axios” said so." {
		t.Fatalf("ReadDir = %+v, %v", docs, err)
	}
	write("attributions/doc-b_4b22.ann", "T1\tSource 1 99\tAxios\n")
	write("text/doc-b.txt", "short")
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "past the text") {
		t.Fatalf("err = %v, want an offset error", err)
	}
}

// TestPolNeAROffsets checks on the shared dev split that offsets are code
// points: every span's text is the text at its offsets.
func TestPolNeAROffsets(t *testing.T) {
	dir := sharedtest.Path(t, "data/polnear/dev")
	docs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, d := range docs {
		r := []rune(d.Text)
		for _, s := range d.Gold.Spans {
			var parts []string
			for _, f := range s.Frags {
				parts = append(parts, string(r[f.Start:f.End]))
			}
			got := strings.Join(parts, " ")
			if i := strings.IndexByte(got, '\n'); i >= 0 {
				got = got[:i]
			}
			if got != s.Text {
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d spans whose text differs from the text at their offsets", bad)
	}
}
