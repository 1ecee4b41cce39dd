package kb

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDirsOverride(t *testing.T) {
	base, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{
		"orgs.tsv": orgHeader + "\n" +
			"hezbollah\tLBNMILHEZ\tarmed\tLBN\tHezbollah\tHizbullah\t1982\t\tuser override\n" +
			"my-group\tSYRREBMYG\tarmed\tSYR\tMy Group\t\t2026\t\t\n",
		"countries.tsv": strings.Join(columns(countryCols), "\t") + "\nLBN\tLB\tLebanon\t\tLebanese\tLebanese\tBeirut\tBeirut\tMEA\t\t\n",
		"people-extra.tsv": strings.Join(columns(peopleCols), "\t") + "\n" +
			"jane-doe\tJane Doe\tDoe\tenvoy\tUSA\tUSAGOV\t2026-01\t\n" +
			"jane-doe\t\t\tambassador\tUSA\tUSAGOV\t2020\t2025\n",
		"places.tsv": strings.Join(columns(placeCols), "\t") + "\nmy-village\tMy Village\t\tcity\tLBN\t33.1\t35.4\t1200\tlbn-south\n",
	})
	k, err := LoadDirs(dir)
	if err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	if o, _ := k.Org("hezbollah"); o == nil || o.Code != "LBNMILHEZ" || o.Notes != "user override" {
		t.Errorf("override not applied: %+v", o)
	}
	if _, ok := k.Org("my-group"); !ok {
		t.Error("added org missing")
	}
	if len(k.Orgs) != len(base.Orgs)+1 || len(k.Countries) != len(base.Countries) {
		t.Errorf("orgs %d -> %d, countries %d -> %d", len(base.Orgs), len(k.Orgs), len(base.Countries), len(k.Countries))
	}
	if c, _ := k.Country("LBN"); c == nil || len(c.Aliases) != 0 {
		t.Errorf("country override not applied: %+v", c)
	}
	p, ok := k.Person("jane-doe")
	if !ok || len(p.Roles) != 2 || p.Name != "Jane Doe" {
		t.Fatalf("person = %+v", p)
	}
	if r, ok := p.RoleAt(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); !ok || r.Title != "envoy" {
		t.Errorf("RoleAt = %+v, %v", r, ok)
	}
	if pl, ok := k.Place("my-village"); !ok || pl.Population != 1200 {
		t.Errorf("place = %+v", pl)
	}
	if s := k.Stats(); s.Orgs != len(k.Orgs) || s.People != len(k.People) {
		t.Errorf("stats = %+v", s)
	}
}

func TestLoadDirsErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"orgs.tsv": orgHeader + "\n" +
			"good\tIGOGOD\tigo\t\tGood\t\t\t\t\n" +
			"x\tXYZREB\tarmed\tXYZ\tX\t\t\t\t\n",
		"orgs-more.tsv": orgHeader + "\n" + "good\tIGOGOD\tigo\t\tGood again\t\t\t\t\n",
		"places.tsv":    strings.Join(columns(placeCols), "\t") + "\np\tP\t\tcity\tLBN\t1\t2\t\tnowhere\n",
		"country.tsv":   "code\n",
	})
	k, err := LoadDirs(dir, filepath.Join(dir, "missing"))
	if err == nil {
		t.Fatal("no error")
	}
	if k == nil || len(k.Orgs) == 0 {
		t.Error("no partial KB returned")
	}
	msg := err.Error()
	for _, want := range []string{
		filepath.Join(dir, "orgs.tsv") + `:3: country: unknown country code "XYZ"`,
		filepath.Join(dir, "orgs-more.tsv") + `:2: duplicate id "good" (first at ` + filepath.Join(dir, "orgs-more.tsv"),
		filepath.Join(dir, "places.tsv") + `:2: parent: unknown place "nowhere"`,
		filepath.Join(dir, "country.tsv") + ": unknown data file",
		"missing: not a readable directory",
	} {
		if !strings.Contains(msg, want) && !strings.Contains(msg, strings.Replace(want, "orgs-more.tsv", "orgs.tsv", 1)) {
			t.Errorf("error does not contain %q:\n%s", want, msg)
		}
	}
	var le *LineError
	if !errors.As(err, &le) {
		t.Error("no LineError in the joined error")
	}
}

func FuzzParseTSV(f *testing.F) {
	f.Add([]byte(orgHeader + "\nun\tIGOUNO\tigo\t\tUnited Nations\tUN\t1945\t\t\n"))
	f.Add([]byte("# c\n\n" + strings.Join(columns(peopleCols), "\t") + "\na\tA\t\tx\tLBN\tLBNGOV\t2020-02-30\t\n"))
	f.Add([]byte(strings.Join(columns(placeCols), "\t") + "\np\tP\t\tcity\t\tNaN\t1e400\t-1\t\n"))
	f.Add([]byte("\uFEFF\r\n\t\t\n|||\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if tab, _ := parseTSV("f", data, nil); tab != nil {
			parseCountries(tab)
			parseAgents(tab)
			parseOrgs(tab)
			parsePeople(tab)
			parsePlaces(tab)
		}
		for _, cols := range []string{countryCols, agentCols, orgCols, peopleCols, placeCols} {
			tab, errs := parseTSV("f", data, columns(cols))
			if tab == nil && len(errs) == 0 {
				t.Fatal("rejected without an error")
			}
		}
	})
}
