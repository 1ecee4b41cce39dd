package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/ontology"
)

//go:embed data/*.tsv
var embedded embed.FS

// Verb is one frame of a verbal predicate.
type Verb struct {
	// Lemma is the base form of the verb, possibly with fixed dependents
	// after it ("reject", "open fire").
	Lemma string
	// Particle is the particle of a phrasal verb ("up" in "step up"), or "".
	Particle string
	// Preps are the prepositions of the frame: they introduce the argument
	// whose role is "prep" (["at", "on"] for "fire at|on"), or, when no role
	// is prep, an oblique the frame requires that is not an argument (its
	// content: "call for" a ceasefire, "insist on"). nil when the frame has
	// no prepositional oblique.
	Preps []string
	// CAMEO is the CAMEO event code of the frame.
	CAMEO string
	// Source is the role that fills the event source: subj, obj, iobj,
	// prep or none.
	Source string
	// Target is the role that fills the event target: obj, iobj, prep, subj
	// or none.
	Target string
	// Notes is free text for people: sense, examples, caveats.
	Notes string
}

// Noun is one sense of a nominal event.
type Noun struct {
	// Lemma is the singular base form ("airstrike", "peace talks").
	Lemma string
	// CAMEO is the CAMEO event code of the sense.
	CAMEO string
	// Source lists the markers of the source: poss, by, amod, compound,
	// from, of.
	Source []string
	// Target lists the markers of the target: prepositions ("on",
	// "against"), or poss/of/compound where the possessor, "of" complement
	// or noun modifier is the target.
	Target []string
	// Notes is free text for people.
	Notes string
}

// Modifier is a word that governs another predicate and changes its status,
// and may be an event of its own.
type Modifier struct {
	// Lemma is the base form ("refuse", "plan", "could", "take step").
	Lemma string
	// Effect is the status given to the governed predicate: negated,
	// intended, hypothetical or asserted.
	Effect string
	// Event is the CAMEO code of the governing word itself when it is an
	// event ("refuse" 120), else "".
	Event string
	// Notes is free text for people.
	Notes string
}

// Effects of modifiers on the status of the predicate they govern.
const (
	Negated      = "negated"
	Intended     = "intended"
	Hypothetical = "hypothetical"
	Asserted     = "asserted"
)

// Refinement is one row of a refine*.tsv file: a governing code (or root)
// with a cue, the lemma of its object or complement or "event:NN" for the
// root of the event it governs, gives a more specific code.
type Refinement struct {
	// Code is a CAMEO code ("112") or root ("12") of the governing event.
	Code string
	// Cue is a lemma ("proposal", "war crime") or "event:NN".
	Cue string
	// Refined is the more specific code of the same root.
	Refined string
	// Notes is free text for people.
	Notes string
}

// Stats counts the entries of a Lexicon.
type Stats struct {
	// Verbs, Nouns and Modifiers count rows (frames, senses, entries).
	Verbs, Nouns, Modifiers int
	// VerbLemmas and NounLemmas count distinct lemmas.
	VerbLemmas, NounLemmas int
	// VerbsByRoot counts verb rows per CAMEO root ("01".."20").
	VerbsByRoot map[string]int
	// NounsByRoot counts noun rows per CAMEO root.
	NounsByRoot map[string]int
}

// Lexicon is a loaded predicate lexicon. It is read-only and safe for
// concurrent use.
type Lexicon struct {
	verbs     map[string][]Verb // lemma and head word -> frames
	nouns     map[string][]Noun // lemma and head word -> senses
	modifiers map[string]Modifier
	refines   map[string]string // code or root + "\t" + cue -> refined code
	forms     map[string]string // irregular verb form -> lemma
	stats     Stats
}

// Load returns the lexicon built from the embedded data only.
func Load() (*Lexicon, error) { return LoadDirs() }

// LoadDirs loads the embedded data, then the verbs*.tsv, nouns*.tsv,
// modifiers*.tsv and refine*.tsv files of each directory in turn; a directory's rows
// replace the earlier rows with the same key (see the package doc). Other
// *.tsv files in a directory are reported.
//
// Every malformed line is reported as "file:line: problem", CAMEO codes
// unknown to the ontology included. On such errors LoadDirs still returns a
// Lexicon built from the valid lines, with an error joining all problems.
func LoadDirs(dirs ...string) (*Lexicon, error) {
	onto, err := ontology.Load()
	if err != nil {
		return nil, fmt.Errorf("lexicon: loading ontology: %w", err)
	}
	l := &loader{valid: onto.Valid}
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	l.layer(sub, func(n string) string { return "lexicon/data/" + n })
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			l.errs = append(l.errs, fmt.Errorf("lexicon: %s: not a readable directory", d))
			continue
		}
		l.layer(os.DirFS(d), func(n string) string { return filepath.Join(d, n) })
	}
	return l.finish(), errors.Join(l.errs...)
}

// Verbs returns the frames of the verb lemma (case-insensitive), phrasal
// and multiword ones included, in file order; nil if there are none. The
// result shares nothing with the Lexicon.
func (x *Lexicon) Verbs(lemma string) []Verb {
	vs := x.verbs[norm(lemma)]
	if vs == nil {
		return nil
	}
	out := make([]Verb, len(vs))
	for i, v := range vs {
		v.Preps = slices.Clone(v.Preps)
		out[i] = v
	}
	return out
}

// Noun returns the senses of the event noun lemma (case-insensitive), in
// file order; nil if there are none.
func (x *Lexicon) Noun(lemma string) []Noun {
	ns := x.nouns[norm(lemma)]
	if ns == nil {
		return nil
	}
	out := make([]Noun, len(ns))
	for i, n := range ns {
		n.Source, n.Target = slices.Clone(n.Source), slices.Clone(n.Target)
		out[i] = n
	}
	return out
}

// Modifier returns the modifier lemma (case-insensitive) and whether there
// is one.
func (x *Lexicon) Modifier(lemma string) (Modifier, bool) {
	m, ok := x.modifiers[norm(lemma)]
	return m, ok
}

// known reports whether lemma is a verb or modifier of the lexicon.
// KnownVerb reports whether lemma is a verb or modifier of the lexicon.
func (x *Lexicon) KnownVerb(lemma string) bool { return x.known(lemma) }

func (x *Lexicon) known(lemma string) bool {
	if _, ok := x.verbs[lemma]; ok {
		return true
	}
	_, ok := x.modifiers[lemma]
	return ok
}

// VerbLemma returns the lexicon's lemma for a verb form whose lemmatizer
// lemma is lemma. A statistical lemmatizer guesses the base of a form it has
// not seen from its suffix, and guesses wrong when English spelling changed
// the stem ("declined" -> "declin", "shelled" -> "shel") or the verb is
// irregular ("fled"). VerbLemma keeps lemma when the lexicon knows it as a
// verb or modifier; otherwise it tries the irregular forms of the forms
// tables, then the regular inflections of form (-s, -es, -ies, -ed, -d,
// -ied, -ing, a doubled final consonant, a dropped final e), and returns the
// first base the lexicon knows. When none is known it returns lemma
// (lower-cased).
func (x *Lexicon) VerbLemma(form, lemma string) string {
	lemma = strings.ToLower(lemma)
	if x.known(lemma) {
		return lemma
	}
	f := strings.ToLower(form)
	if l, ok := x.forms[f]; ok && x.known(l) {
		return l
	}
	for _, c := range baseCandidates(f) {
		if x.known(c) {
			return c
		}
	}
	return lemma
}

// baseCandidates returns the possible bases of an inflected English verb
// form by the regular spelling rules, most likely first.
func baseCandidates(f string) []string {
	var out []string
	undouble := func(stem string) {
		n := len(stem)
		if n >= 3 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
			out = append(out, stem[:n-1]) // "stopped", British "cancelled"
		}
	}
	switch {
	case strings.HasSuffix(f, "ied") && len(f) > 4:
		out = append(out, f[:len(f)-3]+"y")
	case strings.HasSuffix(f, "ed") && len(f) > 3:
		stem := f[:len(f)-2]
		out = append(out, stem+"e", stem)
		undouble(stem)
	case strings.HasSuffix(f, "ying") && len(f) > 5:
		out = append(out, f[:len(f)-4]+"ie", f[:len(f)-3])
	case strings.HasSuffix(f, "ing") && len(f) > 4:
		stem := f[:len(f)-3]
		out = append(out, stem+"e", stem)
		undouble(stem)
	case strings.HasSuffix(f, "ies") && len(f) > 4:
		out = append(out, f[:len(f)-3]+"y")
	case strings.HasSuffix(f, "es") && len(f) > 3:
		out = append(out, f[:len(f)-2], f[:len(f)-1])
	case strings.HasSuffix(f, "s") && len(f) > 2:
		out = append(out, f[:len(f)-1])
	}
	return out
}

// Refine returns the refined code for an event coded code whose object or
// complement has the cue (a lemma, or "event:NN"): the row for the full code
// first, then, when code is its root's generic code (root + "0"), the row
// for its root. false when there is none.
func (x *Lexicon) Refine(code, cue string) (string, bool) {
	cue = norm(cue)
	if r, ok := x.refines[code+"\t"+cue]; ok {
		return r, true
	}
	if code != root(code)+"0" {
		return "", false
	}
	r, ok := x.refines[root(code)+"\t"+cue]
	return r, ok
}

// Stats returns the counts of the lexicon.
func (x *Lexicon) Stats() Stats {
	s := x.stats
	s.VerbsByRoot = copyMap(s.VerbsByRoot)
	s.NounsByRoot = copyMap(s.NounsByRoot)
	return s
}

func copyMap(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// norm lower-cases a lemma and collapses its inner white space.
func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// head returns the first word of a (normalized) lemma.
func head(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// nounHead returns the head of a (normalized) multiword noun: the last word
// before any preposition ("peace talks" -> "talks", "state of emergency" ->
// "state", "call for ceasefire" -> "call").
func nounHead(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		switch w {
		case "of", "for", "in", "on", "to", "with", "against":
			if i > 0 {
				return words[i-1]
			}
		}
	}
	return words[len(words)-1]
}

// root returns the two-digit root of a CAMEO code.
func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}
