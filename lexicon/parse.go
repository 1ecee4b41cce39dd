package lexicon

import (
	"path"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/internal/tsv"
)

// LineError is one problem in a data file, located by file name and 1-based
// line number. Its message reads "file:line: msg".
type LineError = tsv.LineError

// columns returns the columns of a kind of file.
func columns(kind string) []string {
	switch kind {
	case "verbs":
		return []string{"lemma", "particle", "prep", "cameo", "source", "target", "notes"}
	case "nouns":
		return []string{"lemma", "cameo", "source", "target", "notes"}
	case "modifiers":
		return []string{"lemma", "effect", "event", "notes"}
	case "refine":
		return []string{"code", "cue", "refined", "notes"}
	case "forms":
		return []string{"form", "lemma", "notes"}
	}
	return nil
}

// row is one data line: its 1-based line number and its cells by column.
type row struct {
	line  int
	cells map[string]string
}

// parseTSV splits data into rows keyed by the header's column names. The
// header must have exactly the columns cols, in any order. A line with more
// cells than the header is reported; missing trailing cells are empty. It
// never panics.
func parseTSV(file string, data []byte, cols []string) ([]row, []error) {
	var errs []error
	var header []string
	var rows []row
	badHeader := false
	_, lineErrs := tsv.Lines(file, data, func(n int, cells []string) bool {
		if header == nil {
			for i := range cells {
				cells[i] = strings.ToLower(cells[i])
			}
			a, b := slices.Clone(cells), slices.Clone(cols)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				errs = append(errs, tsv.Errorf(file, n, "header: want the columns %s", strings.Join(cols, ", ")))
				badHeader = true
				return false
			}
			header = cells
			return true
		}
		if len(cells) > len(header) {
			errs = append(errs, tsv.Errorf(file, n, "%d cells, want at most %d (the header's)", len(cells), len(header)))
			return true
		}
		r := row{n, make(map[string]string, len(header))}
		for i, h := range header {
			if i < len(cells) {
				r.cells[h] = cells[i]
			} else {
				r.cells[h] = ""
			}
		}
		rows = append(rows, r)
		return true
	})
	errs = append(lineErrs, errs...)
	if badHeader {
		return nil, errs
	}
	if header == nil {
		errs = append(errs, tsv.Errorf(file, 1, "no header line"))
	}
	return rows, errs
}

// checker validates the cells of one row and collects its problems.
type checker struct {
	file  string
	line  int
	valid func(string) bool
	errs  []error
}

func (c *checker) add(format string, args ...any) {
	c.errs = append(c.errs, tsv.Errorf(c.file, c.line, format, args...))
}

// lemma checks a required lemma: lower-case words of letters, digits,
// hyphens, apostrophes and dots.
func (c *checker) lemma(s string) string {
	s = norm(s)
	if s == "" {
		c.add("lemma: empty")
		return ""
	}
	for _, r := range s {
		if !(r == ' ' || r == '-' || r == '\'' || r == '.' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127) {
			c.add("lemma %q: unexpected character %q", s, r)
			return ""
		}
	}
	return s
}

// code checks a CAMEO code; optional allows "".
func (c *checker) code(col, s string, optional bool) string {
	switch {
	case s == "" && optional:
		return ""
	case s == "":
		c.add("%s: empty", col)
	case c.valid != nil && !c.valid(s):
		c.add("%s: %q is not a CAMEO code of the ontology", col, s)
	default:
		return s
	}
	return ""
}

// oneOf checks that s is one of allowed.
func (c *checker) oneOf(col, s string, allowed ...string) string {
	s = strings.ToLower(s)
	if !slices.Contains(allowed, s) {
		c.add("%s: %q, want one of %s", col, s, strings.Join(allowed, ", "))
		return ""
	}
	return s
}

// list splits a '|'-separated cell into lower-case words; empty items are
// reported. A cell "-" or "" is an empty list.
func (c *checker) list(col, s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		p = norm(p)
		switch {
		case p == "":
			c.add("%s: empty value in %q", col, s)
		case !slices.Contains(out, p):
			out = append(out, p)
		}
	}
	return out
}

func (c *checker) verb(r row) (Verb, bool) {
	v := Verb{
		Lemma:    c.lemma(r.cells["lemma"]),
		Particle: norm(r.cells["particle"]),
		Preps:    c.list("prep", r.cells["prep"]),
		CAMEO:    c.code("cameo", r.cells["cameo"], false),
		Source:   c.oneOf("source", r.cells["source"], "subj", "obj", "iobj", "prep", "none"),
		Target:   c.oneOf("target", r.cells["target"], "obj", "iobj", "prep", "subj", "none"),
		Notes:    r.cells["notes"],
	}
	if v.Particle == "-" {
		v.Particle = ""
	}
	if strings.Contains(v.Particle, " ") {
		c.add("particle %q: one word expected", v.Particle)
	}
	usesPrep := v.Source == "prep" || v.Target == "prep"
	switch {
	case v.Source == "prep" && v.Target == "prep":
		c.add("source and target are both prep")
	case usesPrep && len(v.Preps) == 0:
		c.add("a role is prep but the prep column is empty")
	case v.Source != "none" && v.Source == v.Target:
		c.add("source and target are both %s", v.Source)
	}
	return v, len(c.errs) == 0
}

// nounSources returns the markers a noun's source may name.
func nounSources() []string { return []string{"poss", "by", "amod", "compound", "from", "of", "none"} }

func (c *checker) noun(r row) (Noun, bool) {
	n := Noun{
		Lemma:  c.lemma(r.cells["lemma"]),
		CAMEO:  c.code("cameo", r.cells["cameo"], false),
		Source: c.list("source", r.cells["source"]),
		Target: c.list("target", r.cells["target"]),
		Notes:  r.cells["notes"],
	}
	for _, s := range n.Source {
		if !slices.Contains(nounSources(), s) {
			c.add("source: %q, want some of %s", s, strings.Join(nounSources(), ", "))
		}
	}
	for _, t := range n.Target {
		if strings.Contains(t, " ") {
			c.add("target: %q: one word expected", t)
		}
	}
	return n, len(c.errs) == 0
}

func (c *checker) modifier(r row) (Modifier, bool) {
	m := Modifier{
		Lemma:  c.lemma(r.cells["lemma"]),
		Effect: c.oneOf("effect", r.cells["effect"], Negated, Intended, Hypothetical, Asserted),
		Event:  c.code("event", r.cells["event"], true),
		Notes:  r.cells["notes"],
	}
	return m, len(c.errs) == 0
}

// form checks a row of a forms*.tsv file: an inflected verb form and its
// lemma, both single lower-case words.
func (c *checker) form(r row) (string, string, bool) {
	f, l := c.lemma(r.cells["form"]), c.lemma(r.cells["lemma"])
	if strings.Contains(f, " ") || strings.Contains(l, " ") || f == "" || l == "" {
		c.add("form and lemma must be single words")
	}
	return f, l, len(c.errs) == 0
}

// refinement checks a row of a refine*.tsv file: code is a CAMEO root (two
// digits) or code, cue a lemma or "event:NN" (the root of a governed event),
// refined a code of the same root.
func (c *checker) refinement(r row) (Refinement, bool) {
	f := Refinement{Code: c.code("code", r.cells["code"], false), Refined: c.code("refined", r.cells["refined"], false),
		Notes: r.cells["notes"]}
	cue := norm(r.cells["cue"])
	if ev, ok := strings.CutPrefix(cue, "event:"); ok {
		if len(ev) != 2 || (c.valid != nil && !c.valid(ev)) {
			c.add("cue %q: want event:NN with a CAMEO root", cue)
		}
		f.Cue = cue
	} else {
		f.Cue = c.lemma(cue)
	}
	if f.Code != "" && f.Refined != "" && root(f.Code) != root(f.Refined) {
		c.add("refined %q: not of the root of %q", f.Refined, f.Code)
	}
	return f, len(c.errs) == 0
}

// kindOf returns the kind of a data file from its name, or "".
func kindOf(name string) string {
	base := path.Base(name)
	for _, k := range []string{"verbs", "nouns", "modifiers", "refine", "forms"} {
		if strings.HasPrefix(base, k) && strings.HasSuffix(base, ".tsv") {
			return k
		}
	}
	return ""
}
