package tokenize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden from the current output")

// seedDateline matches the seed's leading dateline " date 2026-03-09 ".
var seedDateline = regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s+`)

// TestSeedGolden checks the seed article's sentence boundaries against
// testdata/seed.golden, which holds "start end" code point offsets only.
func TestSeedGolden(t *testing.T) {
	p := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	text := string(b)
	m := seedDateline.FindString(text)
	if m == "" {
		t.Fatal("seed: no leading dateline found")
	}
	d := &doc.Doc{Article: doc.Article{Text: text, BodyStart: utf8.RuneCountInString(m)}}
	New().Process(d)
	if len(d.Sentences) == 0 || !strings.HasPrefix(d.Sentences[0].Text, "The Lebanese government") {
		t.Fatalf("first sentence does not start at the body: %+v", d.Sentences[:min(1, len(d.Sentences))])
	}
	for _, s := range d.Sentences {
		if strings.HasSuffix(s.Text, "Gen.") {
			t.Errorf("sentence split after the title Gen.: %q", s.Text)
		}
	}
	var got strings.Builder
	for _, s := range d.Sentences {
		fmt.Fprintf(&got, "%d %d\n", s.Start, s.End)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		for i, s := range d.Sentences {
			t.Logf("%2d [%d,%d) %s", i, s.Start, s.End, s.Text)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got.String() != string(want) {
		t.Errorf("seed sentence boundaries differ from %s:\ngot:\n%swant:\n%s", golden, got.String(), want)
	}
}
