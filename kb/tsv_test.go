package kb

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// lines joins test lines into file content; cells are separated by explicit tabs.
func lines(l ...string) []byte { return []byte(strings.Join(l, "\n") + "\n") }

const orgHeader = "id\tcode\tkind\tcountry\tname\taliases\tstart\tend\tnotes"

func TestParseOrgs(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		ids   []string
		errs  []string // substrings, in order
		lines []int    // line numbers of the errors
	}{
		{"good", lines("# comment", "", orgHeader, "un\tIGOUNO\tigo\t\tUnited Nations\tUN|U.N.\t1945-10-24\t\t"), []string{"un"}, nil, nil},
		{"crlf and bom", []byte("\uFEFF" + orgHeader + "\r\nnato\tIGONAT\tigo\t\tNATO\t\t1949\t\t\r\n"), []string{"nato"}, nil, nil},
		{"cell count", lines(orgHeader, "un\tIGOUNO\tigo"), nil, []string{"3 cells, want 9"}, []int{2}},
		{"bad date", lines(orgHeader, "un\tIGOUNO\tigo\t\tUN\t\t1945-13\t\t"), nil, []string{`start: bad date "1945-13"`}, []int{2}},
		{"end before start", lines(orgHeader, "x\tIGOXXX\tigo\t\tX\t\t2000\t1999-05\t"), nil, []string{"end 1999-05 before start 2000"}, []int{2}},
		{"bad code", lines(orgHeader, "x\tigoun\tigo\t\tX\t\t\t\t", "y\tIGOUN\tigo\t\tY\t\t\t\t"), nil, []string{`code: "igoun"`, `code: "IGOUN"`}, []int{2, 3}},
		{"bad kind", lines(orgHeader, "x\tIGOXXX\tclub\t\tX\t\t\t\t"), nil, []string{`kind: "club"`}, []int{2}},
		{"bad country", lines(orgHeader, "x\tLBNREB\tarmed\tLebanon\tX\t\t\t\t"), nil, []string{`country: "Lebanon"`}, []int{2}},
		{"duplicate id", lines("# c", orgHeader, "x\tIGOXXX\tigo\t\tX\t\t\t\t", "x\tIGOYYY\tigo\t\tY\t\t\t\t"), []string{"x"}, []string{`duplicate id "x" (first on line 3)`}, []int{4}},
		{"empty alias", lines(orgHeader, "x\tIGOXXX\tigo\t\tX\tA||B\t\t\t"), nil, []string{"aliases: empty value"}, []int{2}},
		{"missing column", lines("id\tcode\tkind"), nil, []string{`header: missing column "country"`}, []int{1}},
		{"no header", lines("# only a comment"), nil, []string{"no header line"}, []int{1}},
		{"invalid utf8", []byte(orgHeader + "\nx\tIGOXXX\tigo\t\t\xff\t\t\t\t\n"), nil, []string{"invalid UTF-8"}, []int{2}},
		{"missing id and name", lines(orgHeader, "\tIGOXXX\tigo\t\t\t\t\t\t"), nil, []string{"id: missing", "name: empty"}, []int{2, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var items []item[Org]
			tab, errs := parseTSV("kb/data/orgs.tsv", tc.data, columns(orgCols))
			if tab != nil {
				var more []error
				items, more = parseOrgs(tab)
				errs = append(errs, more...)
			}
			var ids []string
			for _, it := range items {
				ids = append(ids, it.id)
			}
			if strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("ids = %v, want %v", ids, tc.ids)
			}
			if len(errs) != len(tc.errs) {
				t.Fatalf("errors = %v, want %d", errs, len(tc.errs))
			}
			for i, err := range errs {
				var le *LineError
				if !errors.As(err, &le) || le.Line != tc.lines[i] || le.File != "kb/data/orgs.tsv" {
					t.Errorf("error %d = %v, want line %d", i, err, tc.lines[i])
				}
				if !strings.Contains(err.Error(), tc.errs[i]) || !strings.HasPrefix(err.Error(), "kb/data/orgs.tsv:") {
					t.Errorf("error %d = %q, want it to contain %q", i, err, tc.errs[i])
				}
			}
		})
	}
}

func TestParseOtherFiles(t *testing.T) {
	c, errs := parse(t, columns(countryCols), parseCountries, "code\tiso2\tname\taliases\tadjectives\tpeople\tcapital\tmetonyms\tregion\tstart\tend",
		"SUN\tSU\tSoviet Union\tUSSR\tSoviet\tSoviets\tMoscow\tKremlin\tEEU\t1922-12-30\t1991-12-26",
		"Lbn\tLB\tLebanon\t\t\t\t\t\t\t\t",
		"ISR\tIsr\tIsrael\t\t\t\t\t\tMiddle East\t\t")
	if len(c) != 1 || c[0].v.End != (Date{1991, 12, 26}) || c[0].v.Metonyms[0] != "Kremlin" {
		t.Errorf("countries = %+v", c)
	}
	wantErrs(t, errs, "x:3: code", "x:4: iso2", "x:4: region")

	a, errs := parse(t, columns(agentCols), parseAgents, "code\tterms\tnotes", "GOV\tgovernment|officials\t", "MIL\t\t")
	if len(a) != 1 || len(a[0].v.Terms) != 2 {
		t.Errorf("agents = %+v", a)
	}
	wantErrs(t, errs, "x:3: terms: empty")

	p, errs := parse(t, columns(placeCols), parsePlaces, "id\tname\taliases\tkind\tcountry\tlat\tlon\tpopulation\tparent",
		"beirut\tBeirut\t\tcity\tLBN\t33.89\t35.50\t2000000\t",
		"x\tX\t\tvillage\tLBN\t91\tabc\t-5\t")
	if len(p) != 1 || p[0].v.Population != 2000000 || p[0].v.Lat != 33.89 {
		t.Errorf("places = %+v", p)
	}
	wantErrs(t, errs, "x:3: kind", "x:3: lat", "x:3: lon", "x:3: population")

	pp, errs := parse(t, columns(peopleCols), parsePeople, "id\tname\taliases\trole\tcountry\tcode\tstart\tend",
		"aoun\tJoseph Aoun\tAoun\tarmy commander\tLBN\tLBNMIL\t2017-03\t2025-01-09",
		"aoun\t\t\tpresident\tLBN\tLBNGOV\t2025-01-09\t",
		"bad\tBad\t\tpresident\tLBN\tlbngov\t2020\t")
	if len(pp) != 1 || pp[0].v.Name != "Joseph Aoun" || len(pp[0].v.Roles) != 2 || pp[0].rolePos[1].line != 3 {
		t.Fatalf("people = %+v", pp)
	}
	wantErrs(t, errs, "x:4: code")
	person := pp[0].v
	at := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	for day, want := range map[string]string{"2018-06-01": "LBNMIL", "2025-01-09": "LBNGOV", "2026-03-09": "LBNGOV", "2016-01-01": ""} {
		r, ok := person.RoleAt(at(day))
		if r.Code != want || ok != (want != "") {
			t.Errorf("RoleAt(%s) = %v, %v; want %q", day, r.Code, ok, want)
		}
	}
	if n := len(person.RolesAt(at("2025-01-09"))); n != 2 {
		t.Errorf("RolesAt(handover day) = %d roles, want 2", n)
	}
}

// parse runs the TSV parser and a row parser over lines in a file named x.
func parse[T any](t *testing.T, cols []string, fn func(*table) ([]item[T], []error), l ...string) ([]item[T], []error) {
	t.Helper()
	tab, errs := parseTSV("x", lines(l...), cols)
	if tab == nil {
		t.Fatalf("header rejected: %v", errs)
	}
	items, more := fn(tab)
	return items, append(errs, more...)
}

func wantErrs(t *testing.T, errs []error, prefixes ...string) {
	t.Helper()
	if len(errs) != len(prefixes) {
		t.Fatalf("errors = %v, want %d", errs, len(prefixes))
	}
	for i, err := range errs {
		if !strings.HasPrefix(err.Error(), prefixes[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, err, prefixes[i])
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]Date{"": {}, "2024": {2024, 0, 0}, "2024-02": {2024, 2, 0}, "2024-02-29": {2024, 2, 29}} {
		if d, err := ParseDate(in); err != nil || d != want || d.String() != in {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"2023-02-29", "24", "2024-1", "2024/01/01", "+024", "0000", "2024-00", "2024-01-32", "２０２４"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	d := Date{2024, 3, 0}
	if !d.Finish().Equal(time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)) || !d.StartsBy(d.Begin()) || d.LastsTill(d.Finish()) {
		t.Errorf("month interval wrong: %v %v", d.Begin(), d.Finish())
	}
	if !During(time.Now(), Date{}, Date{}) || (Date{2024, 0, 0}).Compare(Date{2024, 1, 1}) != 0 {
		t.Error("open interval or Compare wrong")
	}
}
