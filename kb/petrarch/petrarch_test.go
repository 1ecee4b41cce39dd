package petrarch

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/kb"
)

// testBase is a small kb with the countries the invented dictionaries use.
func testBase(t *testing.T) *kb.KB {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "countries.tsv", "code\tiso2\tname\taliases\tadjectives\tpeople\tcapital\tmetonyms\tregion\tstart\tend\n"+
		"FRD\t\tFreedonia\t\tFreedonian\t\t\t\tEUR\t\t\n"+
		"SYL\t\tSylvania\t\t\t\t\t\tEUR\t\t\n")
	k, err := kb.LoadDirs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func d(y, m, day int) kb.Date { return kb.Date{Year: y, Month: m, Day: day} }

func TestParseActors(t *testing.T) {
	base := testBase(t)
	tests := []struct {
		name      string
		in        string
		people    []kb.Person
		orgs      []kb.Org
		countries []string
		uncoded   int
		errLines  []int
	}{
		{name: "country with synonyms and comments", in: "# header\nFREEDONIA_  [FRD] # the country\n+FREEDONIAN_\n+FREDONIA\n",
			countries: []string{"FRD:Freedonia|Freedonian|Fredonia"}},
		{name: "person with dated roles", in: "RUFUS_T._FIREFLY_\n+FIREFLY_\n\t[FRDELI 19300101-331231]\n\t[FRDGOV >340101]\n",
			people: []kb.Person{{ID: "pet-rufus-t-firefly", Name: "Rufus T. Firefly", Aliases: []string{"Firefly"}, Roles: []kb.Role{
				{Country: "FRD", Code: "FRDELI", Start: d(1930, 1, 1), End: d(1933, 12, 31)},
				{Country: "FRD", Code: "FRDGOV", Start: d(1934, 1, 1)}}}}},
		{name: "YYMMDD dates, before, default", in: "AMBASSADOR_TRENTINO\n\t[SYLGOV <290615]\n\t[SYLELI 850101 - 991231]\n\t[ELI]\n",
			people: []kb.Person{{ID: "pet-ambassador-trentino", Name: "Ambassador Trentino", Roles: []kb.Role{
				{Country: "SYL", Code: "SYLGOV", End: d(2029, 6, 15)},
				{Country: "SYL", Code: "SYLELI", Start: d(1985, 1, 1), End: d(1999, 12, 31)},
				{Code: "ELI"}}}}},
		{name: "codes on the primary line", in: "CHICOLINI_\t[FRDGOV 19330101-19331231] [FRDCRM]\n",
			people: []kb.Person{{ID: "pet-chicolini", Name: "Chicolini", Roles: []kb.Role{
				{Country: "FRD", Code: "FRDGOV", Start: d(1933, 1, 1), End: d(1933, 12, 31)}, {Country: "FRD", Code: "FRDCRM"}}}}},
		{name: "org kinds and dated org", in: "FREEDONIAN_LIBERATION_FRONT [FRDREB]\n+FLF\nFREEDONIA_PARTY_OF_PROGRESS\n\t[FRDOPP <20001231]\n\t[FRDGOV >20010101]\nLEAGUE_OF_SMALL_STATES [IGOSMA]\n",
			orgs: []kb.Org{
				{ID: "pet-freedonian-liberation-front", Code: "FRDREB", Kind: "armed", Country: "FRD", Name: "Freedonian Liberation Front", Aliases: []string{"FLF"}, Notes: "imported from t.txt:1"},
				{ID: "pet-freedonia-party-of-progress", Code: "FRDOPP", Kind: "ngo", Country: "FRD", Name: "Freedonia Party of Progress", End: d(2000, 12, 31), Notes: "imported from t.txt:3"},
				{ID: "pet-freedonia-party-of-progress-2", Code: "FRDGOV", Kind: "unit", Country: "FRD", Name: "Freedonia Party of Progress", Start: d(2001, 1, 1), Notes: "imported from t.txt:3"},
				{ID: "pet-league-of-small-states", Code: "IGOSMA", Kind: "igo", Name: "League of Small States", Notes: "imported from t.txt:6"}}},
		{name: "uncoded and null code", in: "PINKY_\nGROUCHO [---]\n", uncoded: 2},
		{name: "xml comment block", in: "<!-- a\nNOT_AN_ACTOR [FRD]\n-->\n<!-- one line --> SYLVANIA [SYL]\n", countries: []string{"SYL:Sylvania"}},
		{name: "malformed lines", in: "+ORPHAN\n\t[FRD]\nBAD[NAME [FRD]\n+SKIPPED\nTRENTINO_ [SYLGOV 2001017-20020101]\n+A_ +B_\n\t[SYLMIL <20011301]\n\t[SYLGOV 20020101-20010101]\n\t[sylgov]\n\t[SYLGOV] trailing\n\t[SYLGOV\n\t[SYLGOV 20010101]\n",
			people:   []kb.Person{},
			orgs:     []kb.Org{{ID: "pet-trentino", Code: "SYLGOV", Kind: "unit", Country: "SYL", Name: "Trentino", Notes: "imported from t.txt:5"}},
			uncoded:  1, // BAD, whose code was unreadable
			errLines: []int{1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, errs := ParseActors(strings.NewReader(tt.in), "t.txt", base)
			var lines []int
			for _, err := range errs {
				var le *kb.LineError
				if !errors.As(err, &le) || le.File != "t.txt" {
					t.Fatalf("error %v is not a t.txt LineError", err)
				}
				lines = append(lines, le.Line)
			}
			if !reflect.DeepEqual(lines, tt.errLines) {
				t.Errorf("error lines %v, want %v (%v)", lines, tt.errLines, errs)
			}
			if len(a.People)+len(tt.people) > 0 && !reflect.DeepEqual(a.People, tt.people) {
				t.Errorf("people\n got %+v\nwant %+v", a.People, tt.people)
			}
			if len(a.Orgs)+len(tt.orgs) > 0 && !reflect.DeepEqual(a.Orgs, tt.orgs) {
				t.Errorf("orgs\n got %+v\nwant %+v", a.Orgs, tt.orgs)
			}
			var cs []string
			for _, c := range a.Countries {
				cs = append(cs, c.Code+":"+strings.Join(c.Names, "|"))
			}
			if !reflect.DeepEqual(cs, tt.countries) {
				t.Errorf("countries %q, want %q", cs, tt.countries)
			}
			if a.Uncoded != tt.uncoded {
				t.Errorf("uncoded %d, want %d", a.Uncoded, tt.uncoded)
			}
		})
	}
}

func TestParseAgents(t *testing.T) {
	in := `# agents
!HAND! = HAND, HANDS, FOLK
GRAND_VIZIER [~GOV] # regular plural
SECRET_POLICE {} [ ~COP]
TREASURY [~GOVBUS]
BOSS_OF_BOSSES {BOSSES_OF_BOSSES} [~CRM]
MARSH [~AGR]
FIELD!HAND! [~AGR]
WATCHERS_FOR_PEACE  [NGO~]
NO_CODE_HERE
BROKEN [~ENV}
TILDELESS [GOV]
LOW [~gov]
UNCLOSED {PLURAL [~GOV]
!UNDEFINED!_MAN [~GOV]
`
	got, errs := ParseAgents(strings.NewReader(in), "a.txt")
	want := []AgentEntry{
		{Terms: []string{"grand vizier", "grand viziers"}, Code: "GOV", Line: 3},
		{Terms: []string{"secret police"}, Code: "COP", Line: 4},
		{Terms: []string{"treasury", "treasuries"}, Code: "GOVBUS", Line: 5},
		{Terms: []string{"boss of bosses", "bosses of bosses"}, Code: "CRM", Line: 6},
		{Terms: []string{"marsh", "marshes"}, Code: "AGR", Line: 7},
		{Terms: []string{"fieldhand", "fieldhands", "fieldfolk"}, Code: "AGR", Line: 8},
		{Terms: []string{"watchers for peace", "watchers for peaces"}, Code: "NGO", Prefix: true, Line: 9},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries\n got %+v\nwant %+v", got, want)
	}
	var lines []int
	for _, err := range errs {
		var le *kb.LineError
		if !errors.As(err, &le) {
			t.Fatalf("%v is not a LineError", err)
		}
		lines = append(lines, le.Line)
	}
	if wantLines := []int{10, 11, 12, 13, 14, 15}; !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("error lines %v, want %v (%v)", lines, wantLines, errs)
	}
	agents, st := ToKB(got)
	if len(agents) != 5 || agents[0].Code != "GOV" || !reflect.DeepEqual(agents[0].Terms, []string{"grand vizier", "grand viziers", "treasury", "treasuries"}) {
		t.Errorf("ToKB: %+v", agents)
	}
	if st.Narrowed != 1 || st.Prefix != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{"grand vizier": "grand viziers", "envoy": "envoys", "party": "parties",
		"boss": "bosses", "church": "churches", "tax": "taxes", "soldier": "soldiers"} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"RUFUS T. FIREFLY": "Rufus T. Firefly", "AL-QAEDA OF THE NORTH": "Al-Qaeda of the North",
		"U.N. PKK (FLF)": "U.N. PKK (FLF)", "O'MALLEY": "O'Malley"} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"20090120": "2009-01-20", "090120": "2009-01-20", "310101": "1931-01-01", "300101": "2030-01-01"} {
		got, err := parseDate(in)
		if err != nil || got.String() != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2009012", "200901200", "20090230", "2009O120"} {
		if _, err := parseDate(in); err == nil {
			t.Errorf("parseDate(%q): no error", in)
		}
	}
	if s := slug("Rufus T. Firefly (FLF)"); s != "rufus-t-firefly-flf" {
		t.Errorf("slug = %q", s)
	}
}
