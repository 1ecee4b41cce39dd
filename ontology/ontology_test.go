package ontology

import (
	"slices"
	"strings"
	"testing"
)

func load(t testing.TB) *Ontology {
	t.Helper()
	o, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestHandPicked(t *testing.T) {
	o := load(t)
	tests := []struct {
		code, root, name string
		goldstein        float64
		quad, penta      int
		typ, mode        string
		context          []string
	}{
		{"036", "03", "Express intent to meet or negotiate", 4.0, 1, 1, "AGREE", "", []string{"diplomatic"}},
		{"028", "02", "Appeal to others to engage in or accept mediation", 4.0, 1, 1, "REQUEST", "meet", []string{"diplomatic"}},
		{"125", "12", "Reject proposal to meet, discuss, or negotiate", -5.0, 3, 3, "REJECT", "meet", []string{"diplomatic"}},
		{"195", "19", "Employ aerial weapons", -10.0, 4, 4, "ASSAULT", "aerial", []string{"military"}},
		{"172", "17", "Impose administrative sanctions", -5.0, 4, 4, "COERCE", "restrict", []string{"executive"}},
		{"1722", "17", "Ban political parties or politicians", -5.0, 4, 4, "COERCE", "restrict", []string{"pro_autocracy"}},
		{"174", "17", "Expel or deport individuals", -5.0, 4, 4, "COERCE", "deport", []string{"legal"}},
		{"128", "12", "Defy norms, law", -5.0, 3, 3, "REJECT", "yield", []string{"legal"}},
		{"190", "19", "Use conventional military force", -10.0, 4, 4, "ASSAULT", "", []string{"military"}},
		{"0311", "03", "Express intent to cooperate economically", 5.2, 1, 1, "AGREE", "", []string{"economic"}},
		{"010", "01", "Make statement", 0, 1, 0, "", "", nil},
		{"19", "19", "Fight", -10.0, 4, 4, "ASSAULT", "", nil},
		{"0874", "08", "Retreat or surrender militarily", 10.0, 2, 2, "RETREAT", "disarm", []string{"military"}},
		{"1213", "12", "Reject judicial cooperation", -4.0, 3, 3, "REJECT", "assist", []string{"legal"}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := o.Code(tt.code)
			if !ok || !o.Valid(tt.code) {
				t.Fatalf("code %s missing", tt.code)
			}
			if c.Code != tt.code || c.Root != tt.root || c.Name != tt.name || c.Goldstein != tt.goldstein ||
				c.QuadClass != tt.quad || c.PentaClass != tt.penta {
				t.Errorf("got %+v", c)
			}
			if c.PLOVER.Type != tt.typ || c.PLOVER.Mode != tt.mode || !slices.Equal(c.PLOVER.Context, tt.context) {
				t.Errorf("PLOVER = %+v, want %s/%s/%v", c.PLOVER, tt.typ, tt.mode, tt.context)
			}
		})
	}
	for _, bad := range []string{"", "1", "21", "00", "1725", "0311 ", "x12", "12345"} {
		if o.Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
		if _, ok := o.Code(bad); ok {
			t.Errorf("Code(%q) found", bad)
		}
	}
}

func TestStructure(t *testing.T) {
	o := load(t)
	codes := o.Codes()
	perRoot := map[string]int{}
	for i, c := range codes {
		perRoot[c.Root]++
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("codes out of order: %s before %s", codes[i-1].Code, c.Code)
		}
		if !o.Valid(c.Root) {
			t.Errorf("%s: root %s missing", c.Code, c.Root)
		}
		if !strings.HasPrefix(c.Code, c.Root) {
			t.Errorf("%s: root %s", c.Code, c.Root)
		}
		quad, penta, ok := RootClasses(c.Root)
		if !ok || c.QuadClass != quad || c.PentaClass != penta {
			t.Errorf("%s: quad %d penta %d, want %d %d", c.Code, c.QuadClass, c.PentaClass, quad, penta)
		}
		if c.PLOVER.Type == "" && c.Root != "01" {
			t.Errorf("%s: no PLOVER type", c.Code)
		}
		if c.PLOVER.Type != "" && c.Root == "01" {
			t.Errorf("%s: PLOVER drops public statements, got %s", c.Code, c.PLOVER.Type)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if perRoot[root] < 2 {
			t.Errorf("root %s has %d codes, want itself and subcodes", root, perRoot[root])
		}
	}
	if len(perRoot) != 20 {
		t.Errorf("%d roots, want 20", len(perRoot))
	}
	t.Logf("%d codes; per root: %v", len(codes), perRoot)

	wantTypes := []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	if got := o.Types(); !slices.Equal(got, wantTypes) {
		t.Errorf("Types() = %v", got)
	}
	for _, typ := range o.Types() {
		if d, ok := o.Describe(typ, "", ""); !ok || d == "" {
			t.Errorf("type %s has no description", typ)
		}
		for _, m := range o.Modes(typ) {
			if d, ok := o.Describe(typ, m, ""); !ok || d == "" {
				t.Errorf("mode %s/%s has no description", typ, m)
			}
		}
	}
	if got := o.Modes("CONSULT"); !slices.Equal(got, []string{"visit", "third-party", "multilateral", "phone"}) {
		t.Errorf("Modes(CONSULT) = %v", got)
	}
	if o.Modes("AGREE") != nil || o.Modes("NOPE") != nil {
		t.Errorf("modes for AGREE or an unknown type")
	}
	ctx := o.Contexts()
	for _, c := range []string{"military", "diplomatic", "pro_autocracy", "human_security", "cbrn", "trafficking"} {
		if !slices.Contains(ctx, c) {
			t.Errorf("context %s missing", c)
		}
	}
	if d, ok := o.Describe("", "", "military"); !ok || d == "" {
		t.Errorf("context military has no description")
	}
}

// The returned values must not alias the Ontology's own data.
func TestReadOnly(t *testing.T) {
	o := load(t)
	c, _ := o.Code("125")
	c.PLOVER.Context[0] = "changed"
	o.Codes()[0].PLOVER.Context = nil
	o.Types()[0] = "changed"
	o.Contexts()[0] = "changed"
	o.Modes("CONSULT")[0] = "changed"
	c2, _ := o.Code("125")
	if c2.PLOVER.Context[0] != "diplomatic" || o.Types()[0] != "AGREE" || o.Contexts()[0] != "military" || o.Modes("CONSULT")[0] != "visit" {
		t.Error("caller changed the ontology")
	}
}

func TestParseErrors(t *testing.T) {
	read := func(name string) []byte {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cameo, plover, mapping := read(cameoFile), read(ploverFile), read(mapFile)
	tests := []struct {
		name                   string
		cameo, plover, mapping string
		want                   string
	}{
		{"bad code", "01\tX\t0\t1\t0\n0x1\tY\t0\t1\t0\n", "", "", "ontology/data/cameo.tsv:2: code \"0x1\""},
		{"bad root", "21\tX\t0\t1\t0\n", "", "", "cameo.tsv:1: code 21: root 21 is not 01-20"},
		{"bad weight", "01\tX\tabc\t1\t0\n", "", "", "cameo.tsv:1: code 01: goldstein"},
		{"weight range", "01\tX\t11\t1\t0\n", "", "", "goldstein \"11\""},
		{"bad quad", "# c\n01\tX\t0\t2\t0\n", "", "", "cameo.tsv:2: code 01: quad_class 2, but root 01 gives 1"},
		{"bad penta", "01\tX\t0\t1\tz\n", "", "", "cameo.tsv:1: code 01: penta_class \"z\""},
		{"duplicate", "01\tX\t0\t1\t0\n01\tX\t0\t1\t0\n", "", "", "cameo.tsv:2: duplicate code 01"},
		{"orphan", "01\tX\t0\t1\t0\n0111\tX\t0\t1\t0\n", "", "", "cameo.tsv:2: code 0111: parent 011 is missing"},
		{"too many fields", "01\tX\t0\t1\t0\textra\n", "", "", "cameo.tsv:1: 6 fields"},
		{"empty cameo", "# nothing\n", "", "", "no codes"},
		{"bad kind", "", "type\tA\t\t\nthing\tB\t\t\n", "", "plover.tsv:2: kind \"thing\""},
		{"mode of unknown type", "", "type\tA\t\t\nmode\tm\tB\t\n", "", "plover.tsv:2: mode m of unknown type \"B\""},
		{"unmapped", "", "", "01\t\t\t\n", "cameo2plover.tsv: code 010 has no line"},
		{"unknown type", "", "", "01\tNOPE\t\t\n", "cameo2plover.tsv:1: code 01: unknown PLOVER type \"NOPE\""},
		{"unknown mode", "", "", "04\tCONSULT\tfax\t\n", "cameo2plover.tsv:1: code 04: \"fax\" is not a mode of CONSULT"},
		{"unknown context", "", "", "04\tCONSULT\t\tmilitary;moon\n", "cameo2plover.tsv:1: code 04: unknown context \"moon\""},
		{"unknown code", "", "", "99\t\t\t\n", "cameo2plover.tsv:1: code \"99\" is not in cameo.tsv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, p, m := cameo, plover, mapping
			if tt.cameo != "" {
				c = []byte(tt.cameo)
			}
			if tt.plover != "" {
				p = []byte(tt.plover)
			}
			if tt.mapping != "" {
				m = []byte(tt.mapping)
			}
			_, err := parse(c, p, m)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	read := func(name string) []byte {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	cameo, plover, mapping := read(cameoFile), read(ploverFile), read(mapFile)
	f.Add(cameo[:400], uint8(0))
	f.Add([]byte("01\tX\t0\t1\t0\n010\tY\t-0.5\t1\t0\r\n"), uint8(0))
	f.Add([]byte("type\tA\t\t\nmode\tm\tA\tx\ncontext\tc\t\t\n"), uint8(1))
	f.Add([]byte("01\t\t\t\n04\tCONSULT\tphone\tmilitary;legal\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		c, p, m := cameo, plover, mapping
		switch which % 3 {
		case 0:
			c = data
		case 1:
			p = data
		default:
			m = data
		}
		o, err := parse(c, p, m)
		if err == nil && len(o.Codes()) == 0 {
			t.Error("no error and no codes")
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
