package mention

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden")

// seedDoc reads, parses and resolves the seed report.
func seedDoc(tb testing.TB, f *fixture) *doc.Doc {
	tb.Helper()
	path := sharedtest.Path(tb, "seed/lebanon-israel-2026-03-09.txt")
	var arts []doc.Article
	err := input.Read(context.Background(), []string{path}, input.Options{}, func(a doc.Article, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil || len(arts) != 1 {
		tb.Fatalf("read seed: %v (%d articles)", err, len(arts))
	}
	d := f.p.Process(arts[0])
	f.res.Process(d)
	return d
}

// TestSeedGolden checks the seed report's mentions against
// testdata/seed.golden (offsets and codes only) and asserts the acceptance
// points of issue 3.
func TestSeedGolden(t *testing.T) {
	f := setup(t)
	d := seedDoc(t, f)
	checkInvariants(t, d)
	var b strings.Builder
	for _, m := range d.Mentions {
		code := m.Code
		if code == "" {
			code = "-"
		}
		fmt.Fprintf(&b, "%d %d %s %s %s\n", m.Start, m.End, m.Kind, code, m.Via)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("mentions differ from %s (run go test -run TestSeedGolden -update and review the diff):\n%s",
			golden, lineDiff(string(want), got))
	}

	if d.Published != time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC) {
		t.Errorf("published = %v, want the dateline's 2026-03-09", d.Published)
	}
	// The acceptance points of issue 3, by mention text.
	accept := []struct {
		text, kind, code, name string
		coords                 bool
	}{
		{text: "Axios", kind: doc.KindOutlet},
		{text: "Beirut", kind: doc.KindPlace, coords: true},
		{text: "southern Lebanon", kind: doc.KindPlace, coords: true},
		{text: "Cyprus", kind: doc.KindPlace, coords: true},
		{text: "the group", kind: doc.KindActor, code: "LBNREBHEZ", name: "Hezbollah"},
		{text: "Barrack", kind: doc.KindActor, code: "USAGOV", name: "Tom Barrack"},
		{text: "Lebanese President Joseph Aoun", code: "LBNGOV", name: "Joseph Aoun"},
		{text: "parliament Speaker Nabih Berri", code: "LBNLEG", name: "Nabih Berri"},
		{text: "Lebanese Army commander Gen. Rodolphe Haykal", code: "LBNMIL", name: "Rodolphe Haykal"},
		{text: "Lebanese officials", code: "LBNGOV"},
		{text: "Israeli official", code: "ISRGOV"},
		{text: "Iran’s Islamic Revolutionary Guard Corps", code: "IRNMIL"},
		{text: "Hezbollah", kind: doc.KindActor, code: "LBNREBHEZ"},
		{text: "US Ambassador to Turkey Tom Barrack", code: "USAGOV", name: "Tom Barrack"},
		{text: "Lebanon’s government", code: "LBNGOV"},
	}
	for _, a := range accept {
		m, ok := find(d, a.text, 0)
		if !ok {
			t.Errorf("seed: no mention %q", a.text)
			continue
		}
		if a.kind != "" && m.Kind != a.kind {
			t.Errorf("seed: %q kind = %q, want %q", a.text, m.Kind, a.kind)
		}
		if a.code != "" && m.Code != a.code {
			t.Errorf("seed: %q code = %q, want %q", a.text, m.Code, a.code)
		}
		if a.name != "" && m.Name != a.name {
			t.Errorf("seed: %q name = %q, want %q", a.text, m.Name, a.name)
		}
		if a.coords && !m.HasCoords {
			t.Errorf("seed: %q has no coordinates", a.text)
		}
	}
	for _, m := range d.Mentions {
		if m.Text == "Axios" && m.Kind == doc.KindActor {
			t.Errorf("seed: Axios at %d is an actor", m.Start)
		}
		if m.Text == "Barrack" && (m.Via != doc.ViaCoreference || d.Mentions[m.Antecedent].Name != "Tom Barrack") {
			t.Errorf("seed: Barrack at %d not linked to Tom Barrack", m.Start)
		}
	}
}

// lineDiff lists the lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}
