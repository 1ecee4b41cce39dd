package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/ontology"
)

func mustLoad(t testing.TB) *Lexicon {
	t.Helper()
	x, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return x
}

// TestCodesExist checks every code of the embedded lexicon against the
// ontology, and that every root 01-20 has at least three verb rows.
func TestCodesExist(t *testing.T) {
	onto, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := mustLoad(t)
	for lemma, vs := range x.verbs {
		for _, v := range vs {
			if !onto.Valid(v.CAMEO) {
				t.Errorf("verb %q: code %q not in the ontology", lemma, v.CAMEO)
			}
		}
	}
	for lemma, ns := range x.nouns {
		for _, n := range ns {
			if !onto.Valid(n.CAMEO) {
				t.Errorf("noun %q: code %q not in the ontology", lemma, n.CAMEO)
			}
		}
	}
	for lemma, m := range x.modifiers {
		if m.Event != "" && !onto.Valid(m.Event) {
			t.Errorf("modifier %q: code %q not in the ontology", lemma, m.Event)
		}
	}
	st := x.Stats()
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if st.VerbsByRoot[root] < 3 {
			t.Errorf("root %s: %d verb rows, want >= 3", root, st.VerbsByRoot[root])
		}
	}
	if st.Verbs < 400 || st.Nouns < 150 || st.Modifiers < 50 {
		t.Errorf("stats %+v: want >= 400 verbs, 150 nouns, 50 modifiers", st)
	}
}

// TestNoAmbiguousFrames checks that no two verb rows have the same frame
// (lemma, particle, preps, roles) with different codes: the coder could not
// choose between them.
func TestNoAmbiguousFrames(t *testing.T) {
	x := mustLoad(t)
	seen := map[string]string{}
	for lemma, vs := range x.verbs {
		for _, v := range vs {
			if v.Lemma != lemma {
				continue // indexed under its head too
			}
			k := strings.Join([]string{v.Lemma, v.Particle, strings.Join(v.Preps, "|"), v.Source, v.Target}, "/")
			if c, ok := seen[k]; ok && c != v.CAMEO {
				t.Errorf("frame %s has codes %s and %s", k, c, v.CAMEO)
			}
			seen[k] = v.CAMEO
		}
	}
}

func hasVerb(vs []Verb, particle, prep, rootPrefix, target string) bool {
	for _, v := range vs {
		if v.Particle == particle && (prep == "" || slices.Contains(v.Preps, prep)) &&
			strings.HasPrefix(v.CAMEO, rootPrefix) && (target == "" || v.Target == target) {
			return true
		}
	}
	return false
}

func TestEntries(t *testing.T) {
	x := mustLoad(t)
	verbs := []struct {
		lemma, particle, prep, code, target string
	}{
		{"reject", "", "", "12", ""},
		{"Rejected", "", "", "", ""}, // not a lemma: no entry expected, checked below
		{"fire", "", "at", "19", "prep"},
		{"fire", "", "toward", "19", "prep"},
		{"step", "down", "", "0831", ""},
		{"call", "", "on", "02", "prep"},
		{"visit", "", "", "042", "obj"},
		{"negotiate", "", "with", "046", "prep"},
		{"deport", "", "", "174", "obj"},
		{"ban", "", "", "1722", "obj"},
		{"resist", "", "", "128", ""},
		{"open fire", "", "on", "19", "prep"},
		{"open", "", "on", "19", "prep"}, // found under its head
		{"strike deal", "", "with", "057", "prep"},
		{"receive", "", "from", "07", "subj"},
		{"renew talk", "", "with", "046", "prep"},
		{"resume negotiation", "", "with", "046", "prep"},
		{"upgrade tie", "", "with", "050", "prep"},
		{"undertake mediation", "", "between", "045", "prep"},
		{"reach consensus", "", "with", "057", "prep"},
		{"reach agreement", "", "", "057", ""},
		{"send aid", "", "to", "070", "prep"},
		{"send arm", "", "to", "072", "prep"},
		{"send troops", "", "to", "154", "prep"},
		{"open investigation", "", "into", "090", "prep"},
		{"cancel", "", "", "160", ""},
	}
	for _, c := range verbs {
		vs := x.Verbs(c.lemma)
		if c.lemma == "Rejected" {
			if len(vs) != 0 {
				t.Errorf("Verbs(%q) = %v, want none (lemmas only)", c.lemma, vs)
			}
			continue
		}
		if !hasVerb(vs, c.particle, c.prep, c.code, c.target) {
			t.Errorf("Verbs(%q): no frame particle=%q prep=%q code=%s* target=%q in %+v", c.lemma, c.particle, c.prep, c.code, c.target, vs)
		}
	}
	if vs := x.Verbs("REJECT"); len(vs) == 0 {
		t.Error("Verbs is not case-insensitive")
	}

	ns := x.Noun("airstrike")
	if len(ns) != 1 || !strings.HasPrefix(ns[0].CAMEO, "19") ||
		!slices.Contains(ns[0].Target, "on") || !slices.Contains(ns[0].Target, "against") ||
		!slices.Contains(ns[0].Source, "poss") || !slices.Contains(ns[0].Source, "by") {
		t.Errorf("Noun(airstrike) = %+v", ns)
	}
	for lemma, code := range map[string]string{
		"deportation": "174", "talks": "046", "ceasefire": "0871", "ban": "1722",
		"mediation": "045", "assassination": "186", "arrest": "173", "protest": "141",
		"outreach": "030", "accusation": "112", "state of emergency": "1724",
		"drone": "195", "air raid": "195", "air strike": "195",
	} {
		ns := x.Noun(lemma)
		if len(ns) == 0 || ns[0].CAMEO != code {
			t.Errorf("Noun(%q) = %+v, want code %s", lemma, ns, code)
		}
	}
	if ns := x.Noun("state"); len(ns) == 0 || ns[0].Lemma != "state of emergency" {
		t.Errorf("Noun(state) = %+v, want the multiword noun under its head", ns)
	}
	if ns := x.Noun("talk"); len(ns) == 0 {
		t.Error("Noun(talk): none")
	}

	for lemma, want := range map[string]Modifier{
		"refuse":   {Effect: Negated, Event: "120"},
		"plan":     {Effect: Intended},
		"could":    {Effect: Hypothetical},
		"manage":   {Effect: Asserted},
		"threaten": {Effect: Intended, Event: "130"},
		"deny":     {Effect: Negated, Event: "016"},
		"order":    {Effect: Asserted},
	} {
		m, ok := x.Modifier(lemma)
		if !ok || m.Effect != want.Effect || m.Event != want.Event {
			t.Errorf("Modifier(%q) = %+v, %v; want effect %s event %q", lemma, m, ok, want.Effect, want.Event)
		}
	}
	if _, ok := x.Modifier("attack"); ok {
		t.Error("Modifier(attack): want none")
	}
}

// TestResultsAreCopies checks that callers cannot modify the lexicon.
func TestResultsAreCopies(t *testing.T) {
	x := mustLoad(t)
	vs := x.Verbs("fire")
	vs[0].Preps[0], vs[0].CAMEO = "XX", "XX"
	ns := x.Noun("airstrike")
	ns[0].Target[0] = "XX"
	if x.Verbs("fire")[0].CAMEO == "XX" || x.Verbs("fire")[0].Preps[0] == "XX" || x.Noun("airstrike")[0].Target[0] == "XX" {
		t.Error("results share memory with the lexicon")
	}
	st := x.Stats()
	st.VerbsByRoot["19"] = -1
	if x.Stats().VerbsByRoot["19"] == -1 {
		t.Error("Stats shares its maps")
	}
}

func TestLoadDirs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("verbs-local.tsv", "lemma\tparticle\tprep\tcameo\tsource\ttarget\tnotes\n"+
		"reject\t\t\t125\tsubj\tobj\tlocal\n"+
		"zap\t\tat\t195\tsubj\tprep\n"+
		"bad\t\t\t999\tsubj\tobj\n")
	write("nouns.tsv", "lemma\tcameo\tsource\ttarget\tnotes\nairstrike\t190\tposs\ton\tlocal\n")
	write("modifiers.tsv", "lemma\teffect\tevent\tnotes\nplan\thypothetical\t\tlocal\n")
	write("other.tsv", "x\n")
	x, err := LoadDirs(dir, filepath.Join(dir, "missing"))
	if err == nil {
		t.Fatal("want errors for the bad line, other.tsv and the missing directory")
	}
	for _, want := range []string{"verbs-local.tsv:4: cameo: \"999\"", "other.tsv: not a lexicon file", "missing: not a readable directory"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	var rej []Verb
	for _, v := range x.Verbs("reject") {
		if v.Lemma == "reject" {
			rej = append(rej, v)
		}
	}
	if len(rej) != 1 || rej[0].CAMEO != "125" || rej[0].Notes != "local" {
		t.Errorf("reject not replaced: %+v", rej)
	}
	if vs := x.Verbs("zap"); len(vs) != 1 {
		t.Errorf("zap not added: %+v", vs)
	}
	if vs := x.Verbs("bad"); len(vs) != 0 {
		t.Errorf("malformed row loaded: %+v", vs)
	}
	if ns := x.Noun("airstrike"); len(ns) != 1 || ns[0].CAMEO != "190" {
		t.Errorf("airstrike not replaced: %+v", ns)
	}
	if m, _ := x.Modifier("plan"); m.Effect != Hypothetical {
		t.Errorf("plan not replaced: %+v", m)
	}
	if vs := x.Verbs("fire"); len(vs) == 0 {
		t.Error("embedded entries lost")
	}
	// Phrasal frames are separate keys: "step down" survives a local "step".
	if vs := x.Verbs("step"); !hasVerb(vs, "down", "", "0831", "") {
		t.Errorf("step down lost: %+v", vs)
	}
}

func TestConcurrent(t *testing.T) {
	x := mustLoad(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				_ = x.Verbs("fire")
				_ = x.Noun("airstrike")
				_, _ = x.Modifier("refuse")
				_ = x.Stats()
			}
		})
	}
	wg.Wait()
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestVerbLemma(t *testing.T) {
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, lemma, want string }{
		{"declined", "declin", "decline"},   // dropped e
		{"shelled", "shel", "shell"},        // doubled consonant
		{"fought", "fought", "fight"},       // irregular, from the forms table
		{"bombarded", "bombard", "bombard"}, // the lemmatizer was right
		{"threatens", "threaten", "threaten"},
		{"Rallying", "rallying", "rally"},
		{"denied", "denie", "deny"},
		{"glorbed", "glorb", "glorb"}, // unknown to the lexicon: kept
	}
	for _, tt := range tests {
		if got := x.VerbLemma(tt.form, tt.lemma); got != tt.want {
			t.Errorf("VerbLemma(%q, %q) = %q, want %q", tt.form, tt.lemma, got, tt.want)
		}
	}
}
