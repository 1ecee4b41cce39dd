package lexicon

import (
	"strings"
	"testing"
)

const verbHeader = "lemma\tparticle\tprep\tcameo\tsource\ttarget\tnotes\n"

// validCode accepts the few codes the parser tests use.
func validCode(c string) bool {
	switch c {
	case "120", "190", "0831", "036", "130", "016":
		return true
	}
	return false
}

// loadOne parses one file of kind into a fresh loader.
func loadOne(kind, text string) (*Lexicon, []error) {
	l := &loader{valid: validCode, n: 1}
	l.load(kind, "f.tsv", []byte(text))
	return l.finish(), l.errs
}

func TestParseVerbs(t *testing.T) {
	cases := []struct {
		name, text string
		rows       int    // verb rows loaded
		err        string // substring of the first error, "" for none
	}{
		{"good", verbHeader + "reject\t\t\t120\tsubj\tobj\tnote\n", 1, ""},
		{"comments and blanks", "# c\n\n" + verbHeader + "# c\n\nreject\t\t\t120\tsubj\tobj\t\n", 1, ""},
		{"crlf and bom", "\uFEFF" + strings.ReplaceAll(verbHeader+"reject\t\t\t120\tsubj\tobj\tx\n", "\n", "\r\n"), 1, ""},
		{"missing notes cell", verbHeader + "reject\t\t\t120\tsubj\tobj\n", 1, ""},
		{"columns reordered", "cameo\tlemma\tparticle\tprep\tsource\ttarget\tnotes\n120\treject\t\t\tsubj\tobj\t\n", 1, ""},
		{"phrasal with prep", verbHeader + "fire\t\tat|on|toward\t190\tsubj\tprep\t\nstep\tdown\t\t0831\tsubj\tnone\t\n", 2, ""},
		{"upper case lemma", verbHeader + "Reject\t\t\t120\tsubj\tobj\t\n", 1, ""},
		{"too many cells", verbHeader + "reject\t\t\t120\tsubj\tobj\tx\textra\n", 0, "f.tsv:2: 8 cells"},
		{"unknown code", verbHeader + "reject\t\t\t999\tsubj\tobj\t\n", 0, "f.tsv:2: cameo: \"999\""},
		{"empty code", verbHeader + "reject\t\t\t\tsubj\tobj\t\n", 0, "cameo: empty"},
		{"bad role", verbHeader + "reject\t\t\t120\tagent\tobj\t\n", 0, "source: \"agent\""},
		{"prep role without prep", verbHeader + "fire\t\t\t190\tsubj\tprep\t\n", 0, "prep column is empty"},
		{"both prep", verbHeader + "fire\t\tat\t190\tprep\tprep\t\n", 0, "both prep"},
		{"same roles", verbHeader + "fire\t\t\t190\tobj\tobj\t\n", 0, "both obj"},
		{"empty alternative", verbHeader + "fire\t\tat||on\t190\tsubj\tprep\t\n", 0, "empty value"},
		{"empty lemma", verbHeader + "\t\t\t120\tsubj\tobj\t\n", 0, "lemma: empty"},
		{"bad lemma", verbHeader + "re;ject\t\t\t120\tsubj\tobj\t\n", 0, "unexpected character"},
		{"two-word particle", verbHeader + "step\tdown up\t\t0831\tsubj\tnone\t\n", 0, "one word"},
		{"invalid utf8", verbHeader + "re\xffject\t\t\t120\tsubj\tobj\t\n", 0, "f.tsv:2: invalid UTF-8"},
		{"bad header", "lemma\tcameo\n", 0, "f.tsv:1: header"},
		{"no header", "# only comments\n", 0, "no header line"},
		{"rest still loads", verbHeader + "x\t\t\t999\tsubj\tobj\t\nreject\t\t\t120\tsubj\tobj\t\n", 1, "f.tsv:2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, errs := loadOne("verbs", c.text)
			if got := x.Stats().Verbs; got != c.rows {
				t.Errorf("rows = %d, want %d", got, c.rows)
			}
			switch {
			case c.err == "" && len(errs) > 0:
				t.Errorf("unexpected errors: %v", errs)
			case c.err != "" && len(errs) == 0:
				t.Errorf("no error, want %q", c.err)
			case c.err != "" && !strings.Contains(errs[0].Error(), c.err):
				t.Errorf("error %q, want %q", errs[0], c.err)
			}
		})
	}
}

func TestParseNounsAndModifiers(t *testing.T) {
	cases := []struct {
		kind, text string
		rows       int
		err        string
	}{
		{"nouns", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\tposs|by\ton|against\t\n", 1, ""},
		{"nouns", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\t\t\t\n", 1, ""},
		{"nouns", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\tgenitive\ton\t\n", 0, "source: \"genitive\""},
		{"nouns", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\tposs\tin front\t\n", 0, "one word"},
		{"modifiers", "lemma\teffect\tevent\tnotes\nrefuse\tnegated\t120\t\nplan\tintended\t\t\n", 2, ""},
		{"modifiers", "lemma\teffect\tevent\tnotes\nrefuse\trefused\t120\t\n", 0, "effect: \"refused\""},
		{"modifiers", "lemma\teffect\tevent\tnotes\nrefuse\tnegated\t999\t\n", 0, "event: \"999\""},
		{"modifiers", "lemma\teffect\tevent\tnotes\nrefuse\tnegated\t120\t\nrefuse\tnegated\t\t\n", 1, "f.tsv:3: modifier \"refuse\" already given on line 2"},
	}
	for _, c := range cases {
		x, errs := loadOne(c.kind, c.text)
		st := x.Stats()
		got := st.Nouns + st.Modifiers
		if got != c.rows {
			t.Errorf("%q: rows = %d, want %d", c.text, got, c.rows)
		}
		switch {
		case c.err == "" && len(errs) > 0:
			t.Errorf("%q: unexpected errors: %v", c.text, errs)
		case c.err != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), c.err)):
			t.Errorf("%q: errors %v, want %q", c.text, errs, c.err)
		}
	}
}

func TestKindOf(t *testing.T) {
	for name, want := range map[string]string{
		"verbs.tsv": "verbs", "verbs-15-20.tsv": "verbs", "nouns.tsv": "nouns",
		"modifiers-local.tsv": "modifiers", "other.tsv": "", "verbs.txt": "",
	} {
		if got := kindOf(name); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNounHead(t *testing.T) {
	for in, want := range map[string]string{
		"airstrike": "airstrike", "peace talks": "talks", "state of emergency": "state",
		"call for ceasefire": "call", "suicide bombing": "bombing", "of": "of",
	} {
		if got := nounHead(in); got != want {
			t.Errorf("nounHead(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse checks that no input makes the parser panic, that every error
// names the file and a line, and that every loaded row is well formed.
func FuzzParse(f *testing.F) {
	f.Add("verbs", verbHeader+"fire\t\tat|on\t190\tsubj\tprep\tx\n")
	f.Add("verbs", verbHeader+"a\tb\tc\n\xff\n#\n\t\t\t\t\t\t\t\t\n")
	f.Add("nouns", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\tposs|by\ton\t\n")
	f.Add("modifiers", "lemma\teffect\tevent\tnotes\nrefuse\tnegated\t120\t\n")
	f.Fuzz(func(t *testing.T, kind, text string) {
		switch kind {
		case "verbs", "nouns", "modifiers":
		default:
			kind = "verbs"
		}
		x, errs := loadOne(kind, text)
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "f.tsv:") {
				t.Fatalf("error without file:line: %v", e)
			}
		}
		for _, vs := range x.verbs {
			for _, v := range vs {
				if v.Lemma == "" || !validCode(v.CAMEO) || v.Source == "" || v.Target == "" {
					t.Fatalf("malformed verb loaded: %+v", v)
				}
			}
		}
		for _, ns := range x.nouns {
			for _, n := range ns {
				if n.Lemma == "" || !validCode(n.CAMEO) {
					t.Fatalf("malformed noun loaded: %+v", n)
				}
			}
		}
		for _, m := range x.modifiers {
			if m.Lemma == "" || m.Effect == "" {
				t.Fatalf("malformed modifier loaded: %+v", m)
			}
		}
	})
}
