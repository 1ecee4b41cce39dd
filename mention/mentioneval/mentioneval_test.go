package mentioneval

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"B-S I-S O B-T", []Span{{"S", 0, 2}, {"T", 3, 4}}},
		{"I-PER I-PER I-LOC O I-ORG", []Span{{"PER", 0, 2}, {"LOC", 2, 3}, {"ORG", 4, 5}}},
		{"B-PER B-PER I-PER", []Span{{"PER", 0, 1}, {"PER", 1, 3}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		if got := spans(strings.Fields(tt.tags), 0); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("spans(%s) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestNewDocOffsets(t *testing.T) {
	d := NewDoc("x", [][]string{{"Beyrouth", "’s", "café"}, {"Ok", "."}})
	runes := []rune(d.Text)
	for _, tk := range d.Tokens {
		if got := string(runes[tk.Start:tk.End]); got != tk.Text {
			t.Errorf("token %q at [%d,%d) reads %q", tk.Text, tk.Start, tk.End, got)
		}
	}
	if len(d.Sentences) != 2 || d.Sentences[1].First != 3 || d.Sentences[1].Last != 5 {
		t.Errorf("sentences = %+v", d.Sentences)
	}
}

func TestReadAndScore(t *testing.T) {
	c, err := ReadConfliBERT(strings.NewReader("A B-S\nb I-S\nc O\nd B-T\n\ne B-R\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 {
		t.Fatalf("docs = %d, want 2", len(c.Docs))
	}
	c.Docs[0].Mentions = []doc.Mention{{First: 1, Last: 2, Kind: doc.KindActor}, {First: 3, Last: 4, Kind: doc.KindPlace}}
	got := Score(c, doc.KindActor)
	want := []Recall{{"R", 1, 0}, {"S", 1, 1}, {"T", 1, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Score = %v, want %v", got, want)
	}
	if got := Score(c)[2]; got.Found != 1 {
		t.Errorf("any kind T = %v, want found", got)
	}
	if _, err := ReadCoNLL(strings.NewReader("-DOCSTART- -X- O O\n\nlonely\n"), "t"); err == nil {
		t.Error("ReadCoNLL accepted a line without tags")
	}
}

func TestIsActor(t *testing.T) {
	tests := []struct {
		name string
		m    doc.Mention
		want bool
	}{
		{"resolved actor", doc.Mention{Kind: doc.KindActor, Code: "SYRGOV", Country: "SYR"}, true},
		{"unresolved actor", doc.Mention{Kind: doc.KindActor}, true},
		{"country as a place", doc.Mention{Kind: doc.KindPlace, Code: "YEM", Country: "YEM"}, true},
		{"city", doc.Mention{Kind: doc.KindPlace, Country: "LBN"}, false},
		{"place of no country", doc.Mention{Kind: doc.KindPlace}, false},
		{"outlet", doc.Mention{Kind: doc.KindOutlet, Code: "GBRMED", Country: "GBR"}, false},
	}
	for _, tt := range tests {
		if got := IsActor(tt.m); got != tt.want {
			t.Errorf("%s: IsActor = %v, want %v", tt.name, got, tt.want)
		}
	}
	c := &Corpus{Docs: []*doc.Doc{{}}, Gold: [][]Span{{{"T", 0, 1}, {"T", 2, 3}}}}
	c.Docs[0].Mentions = []doc.Mention{{First: 0, Last: 1, Kind: doc.KindPlace, Code: "YEM", Country: "YEM"},
		{First: 2, Last: 3, Kind: doc.KindPlace, Country: "YEM"}}
	if got := ScoreFunc(c, IsActor); !reflect.DeepEqual(got, []Recall{{"T", 2, 1}}) {
		t.Errorf("ScoreFunc(IsActor) = %v", got)
	}
}
