package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRefine(t *testing.T) {
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, cue, want string
		ok              bool
	}{
		{"120", "talk", "125", true},   // root row, generic code
		{"120", "proposal", "", false}, // a bare proposal is no cue
		{"030", "negotiation", "036", true},
		{"020", "resign", "0241", true},
		{"112", "war crime", "1124", true}, // full-code row
		{"112", "abuse", "1122", true},
		{"125", "mediation", "", false}, // root rows refine only the generic code
		{"120", "event:08", "124", true},
		{"190", "talk", "", false},
	}
	for _, tt := range tests {
		got, ok := x.Refine(tt.code, tt.cue)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Refine(%q, %q) = %q, %v; want %q, %v", tt.code, tt.cue, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRefineFileErrors(t *testing.T) {
	dir := t.TempDir()
	data := "code\tcue\trefined\tnotes\n" +
		"12\tproposal\t125\tlocal\n" +
		"12\ttalk\t036\twrong root\n" +
		"12\tevent:99\t125\n" +
		"12\tpeace\t999\n" +
		"77\tpeace\t125\n"
	if err := os.WriteFile(filepath.Join(dir, "refine-local.tsv"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadDirs(dir)
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{"refine-local.tsv:3: refined \"036\"", "refine-local.tsv:4: cue", "refine-local.tsv:5: refined: \"999\"", "refine-local.tsv:6: code: \"77\""} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if r, ok := x.Refine("120", "proposal"); !ok || r != "125" {
		t.Errorf("local row not loaded: %q %v", r, ok)
	}
	if r, ok := x.Refine("120", "talk"); !ok || r != "125" {
		t.Errorf("embedded row lost: %q %v", r, ok)
	}
}
