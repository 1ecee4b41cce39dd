package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

// Entry is one actor entry as written in an actor dictionary.
type Entry struct {
	Name     string   // primary phrase, words separated by single spaces, case as in the file
	Synonyms []string // '+' phrases, likewise
	Codes    []Code   // codes of the primary line and restriction lines, in file order
	Line     int      // line of the primary phrase
}

// Code is one code of an actor entry with its date restriction.
type Code struct {
	Code       string  // e.g. "USAGOV"
	Start, End kb.Date // zero = open; both inclusive
	Line       int
}

// Dated reports whether the code has a date restriction.
func (c Code) Dated() bool { return !c.Start.IsZero() || !c.End.IsZero() }

// ReadActors reads the entries of an actor dictionary. name is used in
// error messages. Lines it cannot interpret are reported and skipped; a
// primary line in error drops its whole entry.
func ReadActors(r io.Reader, name string) ([]Entry, []error) {
	lines, errs := readLines(r, name)
	var out []Entry
	cur := -1         // index of the current entry in out
	skipping := false // the current entry's primary line was in error
	for _, l := range lines {
		switch {
		case l.text[0] == '+':
			if skipping {
				continue
			}
			if cur < 0 {
				errs = append(errs, lineErr(name, l.n, "synonym before any actor"))
				continue
			}
			p, err := phrase(l.text[1:])
			if err != nil {
				errs = append(errs, lineErr(name, l.n, "synonym: %v", err))
				continue
			}
			out[cur].Synonyms = append(out[cur].Synonyms, p)
		case l.text[0] == '[':
			if skipping {
				continue
			}
			if cur < 0 {
				errs = append(errs, lineErr(name, l.n, "date restriction before any actor"))
				continue
			}
			codes, err := parseCodes(l.text, l.n)
			if err != nil {
				errs = append(errs, lineErr(name, l.n, "%v", err))
			}
			out[cur].Codes = append(out[cur].Codes, codes...)
		default:
			head, rest, found := strings.Cut(l.text, "[")
			if found {
				rest = "[" + rest
			}
			p, err := phrase(head)
			if err != nil {
				errs = append(errs, lineErr(name, l.n, "actor: %v; entry skipped", err))
				cur, skipping = -1, true
				continue
			}
			codes, err := parseCodes(rest, l.n)
			if err != nil {
				errs = append(errs, lineErr(name, l.n, "%v", err))
			}
			out = append(out, Entry{Name: p, Codes: codes, Line: l.n})
			cur, skipping = len(out)-1, false
		}
	}
	return out, errs
}

// parseCodes reads a sequence of [CODE restriction] groups. It returns the
// codes read before the first problem, and the problem. The null code
// "---" is dropped.
func parseCodes(s string, n int) ([]Code, error) {
	var out []Code
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out, nil
		}
		if s[0] != '[' {
			return out, fmt.Errorf("unexpected text %q after the codes (not a comment; ignored)", s)
		}
		end := strings.IndexByte(s, ']')
		if next := strings.IndexByte(s[1:], '['); end < 0 || (next >= 0 && next+1 < end) {
			return out, fmt.Errorf("missing ']' in %q", s)
		}
		c, null, err := parseRestriction(s[1:end])
		if err != nil {
			return out, err
		}
		if !null {
			c.Line = n
			out = append(out, c)
		}
		s = s[end+1:]
	}
}

// parseRestriction reads the inside of one [...] group: a code, then
// nothing, "<date", ">date" or "date-date" (blanks allowed around the
// operators). null reports the null code "---".
func parseRestriction(s string) (c Code, null bool, err error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return c, false, fmt.Errorf("empty code []")
	}
	c.Code = f[0]
	if c.Code == "---" {
		return c, true, nil
	}
	if !kb.IsCode(c.Code) {
		return c, false, fmt.Errorf("code %q is not a CAMEO code (uppercase, groups of three letters)", c.Code)
	}
	rest := strings.Join(f[1:], "")
	switch {
	case rest == "":
	case rest[0] == '<':
		c.End, err = parseDate(rest[1:])
	case rest[0] == '>':
		c.Start, err = parseDate(rest[1:])
	case strings.Contains(rest, "-"):
		a, b, _ := strings.Cut(rest, "-")
		if c.Start, err = parseDate(a); err == nil {
			c.End, err = parseDate(b)
		}
		if err == nil && c.End.Compare(c.Start) < 0 {
			err = fmt.Errorf("end %s before start %s", c.End, c.Start)
		}
	default:
		err = fmt.Errorf("bad date restriction %q (want <date, >date or date-date)", rest)
	}
	if err != nil {
		return c, false, fmt.Errorf("code %s: %w", c.Code, err)
	}
	return c, false, nil
}
