package lexicon

import (
	"fmt"
	"io/fs"
)

// layered holds entries by key in first-seen key order. Within one layer
// rows with the same key accumulate; a later layer replaces a key's rows.
type layered[T any] struct {
	keys  []string
	rows  map[string][]T
	layer map[string]int // key -> layer that last set it
}

func (s *layered[T]) put(layer int, key string, v T) {
	if s.rows == nil {
		s.rows, s.layer = map[string][]T{}, map[string]int{}
	}
	old, seen := s.rows[key]
	switch {
	case !seen:
		s.keys = append(s.keys, key)
		s.rows[key] = []T{v}
	case s.layer[key] != layer:
		s.rows[key] = []T{v}
	default:
		s.rows[key] = append(old, v)
	}
	s.layer[key] = layer
}

// loader accumulates the layers of one LoadDirs call.
type loader struct {
	valid     func(string) bool
	n         int // current layer
	verbs     layered[Verb]
	nouns     layered[Noun]
	modifiers layered[Modifier]
	refines   layered[Refinement]
	forms     layered[string]
	errs      []error
}

// layer reads one source of data files; name maps a file name in fsys to
// the name used in error messages.
func (l *loader) layer(fsys fs.FS, name func(string) string) {
	l.n++
	files, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		l.errs = append(l.errs, err)
		return
	}
	for _, f := range files {
		kind := kindOf(f)
		if kind == "" {
			l.errs = append(l.errs, fmt.Errorf("%s: not a lexicon file (want verbs*.tsv, nouns*.tsv, modifiers*.tsv, refine*.tsv or forms*.tsv)", name(f)))
			continue
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			l.errs = append(l.errs, fmt.Errorf("%s: %w", name(f), err))
			continue
		}
		l.load(kind, name(f), data)
	}
}

// load parses one file of the given kind into the current layer.
func (l *loader) load(kind, file string, data []byte) {
	cols := columns(kind)
	rows, errs := parseTSV(file, data, cols)
	l.errs = append(l.errs, errs...)
	mods := map[string]int{} // modifier lemma -> line, within this file
	for _, r := range rows {
		c := &checker{file: file, line: r.line, valid: l.valid}
		switch kind {
		case "verbs":
			if v, ok := c.verb(r); ok {
				l.verbs.put(l.n, v.Lemma+"\t"+v.Particle, v)
			}
		case "nouns":
			if n, ok := c.noun(r); ok {
				l.nouns.put(l.n, n.Lemma, n)
			}
		case "refine":
			if f, ok := c.refinement(r); ok {
				l.refines.put(l.n, f.Code+"\t"+f.Cue, f)
			}
		case "forms":
			if f, lemma, ok := c.form(r); ok {
				l.forms.put(l.n, f, lemma)
			}
		case "modifiers":
			if m, ok := c.modifier(r); ok {
				if prev, dup := mods[m.Lemma]; dup {
					c.add("modifier %q already given on line %d", m.Lemma, prev)
				} else {
					mods[m.Lemma] = r.line
					l.modifiers.put(l.n, m.Lemma, m)
				}
			}
		}
		l.errs = append(l.errs, c.errs...)
	}
}

// finish builds the Lexicon from the accumulated layers.
func (l *loader) finish() *Lexicon {
	x := &Lexicon{
		verbs:     map[string][]Verb{},
		nouns:     map[string][]Noun{},
		modifiers: map[string]Modifier{},
		refines:   map[string]string{},
		forms:     map[string]string{},
		stats:     Stats{VerbsByRoot: map[string]int{}, NounsByRoot: map[string]int{}},
	}
	lemmas := map[string]bool{}
	for _, k := range l.verbs.keys {
		for _, v := range l.verbs.rows[k] {
			x.verbs[v.Lemma] = append(x.verbs[v.Lemma], v)
			if h := head(v.Lemma); h != v.Lemma {
				x.verbs[h] = append(x.verbs[h], v)
			}
			lemmas[v.Lemma] = true
			x.stats.Verbs++
			x.stats.VerbsByRoot[root(v.CAMEO)]++
		}
	}
	x.stats.VerbLemmas = len(lemmas)
	clear(lemmas)
	for _, k := range l.nouns.keys {
		for _, n := range l.nouns.rows[k] {
			x.nouns[n.Lemma] = append(x.nouns[n.Lemma], n)
			if h := nounHead(n.Lemma); h != n.Lemma {
				x.nouns[h] = append(x.nouns[h], n)
			}
			lemmas[n.Lemma] = true
			x.stats.Nouns++
			x.stats.NounsByRoot[root(n.CAMEO)]++
		}
	}
	x.stats.NounLemmas = len(lemmas)
	for _, k := range l.modifiers.keys {
		m := l.modifiers.rows[k][0]
		x.modifiers[m.Lemma] = m
		x.stats.Modifiers++
	}
	for _, k := range l.refines.keys {
		rs := l.refines.rows[k]
		x.refines[k] = rs[len(rs)-1].Refined
	}
	for _, k := range l.forms.keys {
		fs := l.forms.rows[k]
		x.forms[k] = fs[len(fs)-1]
	}
	return x
}
