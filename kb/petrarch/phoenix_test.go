package petrarch

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/kb"
)

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// phoenixErrors are the malformed lines of the Phoenix dictionaries, each
// checked by hand: dates with a digit too many or too few, a restriction
// without '<', '>' or '-', an interval ending before it starts, two
// synonyms run together, a stray ']', a ten-letter code, text after the
// codes that is not a comment, an agent "[~ENV}", substitution markers
// pasted inside "ADMINISTRATION", and an agent without a code.
var phoenixErrors = map[string][]int{
	"Phoenix.Countries.actors.txt":     {2039, 14190, 15346, 18010, 22508, 22519, 31715, 43613, 45980, 51384},
	"Phoenix.International.actors.txt": {40, 1842, 3589, 3696, 3726, 6605},
	"Phoenix.MilNonState.actors.txt":   {30},
	"Phoenix.agents.txt":               {544, 904, 925, 930, 1041, 1065, 1069, 1927},
}

// TestPhoenix converts the Phoenix dictionaries in ../shared, checks the
// only problems reported are the known malformed lines, writes the result
// and loads it with kb.LoadDirs.
func TestPhoenix(t *testing.T) {
	base, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	all := &Actors{}
	var agents []AgentEntry
	start := time.Now()
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		f, err := os.Open(sharedtest.Path(t, "data/petrarch2/"+name))
		if err != nil {
			t.Fatal(err)
		}
		var errs []error
		if strings.HasSuffix(name, "agents.txt") {
			var e []AgentEntry
			e, errs = ParseAgents(f, name)
			agents = append(agents, e...)
			t.Logf("%s: %d agent entries", name, len(e))
		} else {
			var a *Actors
			a, errs = ParseActors(f, name, base)
			t.Logf("%s: %d entries: %d people, %d orgs, %d country entries, %d uncoded", name, a.Entries, len(a.People), len(a.Orgs), len(a.Countries), a.Uncoded)
			all.Merge(a)
		}
		f.Close()
		var lines []int
		for _, err := range errs {
			var le *kb.LineError
			if !errors.As(err, &le) || le.File != name {
				t.Fatalf("%v: not a LineError of %s", err, name)
			}
			lines = append(lines, le.Line)
		}
		if !reflect.DeepEqual(lines, phoenixErrors[name]) {
			t.Errorf("%s: error lines %v, want %v:\n%v", name, lines, phoenixErrors[name], errors.Join(errs...))
		}
	}
	kbAgents, _ := ToKB(agents)
	t.Logf("converted in %v", time.Since(start))
	dir := t.TempDir()
	w, err := Write(dir, all, kbAgents, Options{Base: base, Countries: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %+v", w)
	k, err := kb.LoadDirs(dir)
	if err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	if len(all.People) < 18000 || len(all.Orgs) < 8000 || w.NewTerms < 4000 {
		t.Errorf("too few entries: %d people, %d orgs, %d new agent terms", len(all.People), len(all.Orgs), w.NewTerms)
	}
	// A few imported entries resolve: an org synonym, a person's dated role,
	// agent terms merged into a base sector, and a country synonym.
	org := findOrg(k, "Fatah Revolutionary Council")
	if org == nil || org.Code != "IMGMUSALQ" || org.Kind != kb.KindArmed {
		t.Errorf("org with alias Fatah Revolutionary Council: %+v", org)
	}
	var annan *kb.Person
	for i := range k.People {
		if k.People[i].Name == "Kofi Annan" {
			annan = &k.People[i]
		}
	}
	if annan == nil {
		t.Fatal("no person Kofi Annan")
	}
	if r, ok := annan.RoleAt(time.Date(2003, 3, 1, 0, 0, 0, 0, time.UTC)); !ok || r.Code != "IGOUNO" {
		t.Errorf("Kofi Annan in 2003: %+v %v", r, ok)
	}
	if r, ok := annan.RoleAt(time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC)); !ok || r.Code != "ELI" {
		t.Errorf("Kofi Annan in 2010: %+v %v", r, ok)
	}
	if ag, ok := k.Agent("AGR"); !ok || !slices.Contains(ag.Terms, "sharecroppers") {
		t.Errorf("agent AGR lacks an imported plural")
	}
	if c, ok := k.CountryByName("Afghanestan"); !ok || c.Code != "AFG" {
		t.Errorf("country synonym Afghanestan: %v %v", c, ok)
	}
}

func findOrg(k *kb.KB, alias string) *kb.Org {
	for i := range k.Orgs {
		if slices.Contains(k.Orgs[i].Aliases, alias) {
			return &k.Orgs[i]
		}
	}
	return nil
}

// TestWriteLoads writes invented entries without a base and with one, and
// loads them back.
func TestWriteLoads(t *testing.T) {
	base := testBase(t)
	a, errs := ParseActors(strings.NewReader("FREEDONIA [FRD]\n+FREDONIA\nRUFUS_FIREFLY\n\t[FRDGOV >19330101]\nFLF [FRDREB]\n+FLF_\nFLF [FRDREB]\n"), "t.txt", base)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ag, _ := ParseAgents(strings.NewReader("GRAND_VIZIER [~GOV]\nFIELD_HAND [~AGR]\n"), "a.txt")
	agents, _ := ToKB(ag)
	dir := t.TempDir()
	writeFile(t, dir, "countries.tsv", "code\tiso2\tname\taliases\tadjectives\tpeople\tcapital\tmetonyms\tregion\tstart\tend\n"+
		"FRD\t\tFreedonia\t\tFreedonian\t\t\t\tEUR\t\t\nSYL\t\tSylvania\t\t\t\t\t\tEUR\t\t\n")
	out := t.TempDir()
	w, err := Write(out, a, agents, Options{Base: base, Countries: true})
	if err != nil {
		t.Fatal(err)
	}
	if w.People != 1 || w.Orgs != 2 || w.CountryAliases != 1 || len(w.Files) != 4 {
		t.Errorf("written %+v", w)
	}
	k, err := kb.LoadDirs(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := k.Org("pet-flf-2"); !ok {
		t.Error("second FLF has no unique id")
	}
	if c, ok := k.CountryByName("fredonia"); !ok || c.Code != "FRD" || c.Adjectives[0] != "Freedonian" {
		t.Errorf("country alias: %+v", c)
	}
	if g, ok := k.Agent("GOV"); !ok || !slices.Contains(g.Terms, "grand viziers") {
		t.Errorf("agent GOV: %+v", g)
	}
}

func FuzzParseActors(f *testing.F) {
	f.Add("FREEDONIA_ [FRD]\n+FREDONIA\nRUFUS\n\t[FRDGOV 330101-341231]\n\t[FRDELI]\n")
	f.Add("<!-- x\nA [B\n-->\n+\n[\n\t[ABC <]\nX [ABC 1-2] [---] junk\n")
	f.Fuzz(func(t *testing.T, in string) {
		a, _ := ParseActors(strings.NewReader(in), "f", nil)
		if a == nil {
			t.Fatal("nil result")
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nCATTLE!P! [~AGR]\nPOLICE {} [~COP]\nTHIEF {THIEVES} [~CRM]\n")
	f.Add("!! = \n!X!Y!Z! [~A]\n{ [~]\n[NGO~\nA {B} C [~GOV]\n")
	f.Fuzz(func(t *testing.T, in string) {
		e, _ := ParseAgents(strings.NewReader(in), "f")
		ToKB(e)
	})
}
