// Package petrarch converts PETRARCH/Phoenix (TABARI-style) actor and agent
// dictionaries into sitrep knowledge base entries (package kb).
//
// The dictionary formats are those documented with PETRARCH
// (dictionaries.rst): comments run from '#' to the end of the line, lines
// starting with "<!" and <!-- ... --> blocks are skipped, and words in a
// phrase are joined by blanks or underscores.
//
// Actor dictionaries hold entries made of a primary phrase, optionally with
// codes in [brackets] on the same line, synonym lines starting with '+', and
// date restriction lines (indented, in [brackets]): [CODE] is a default
// code, [CODE <date] applies up to the date, [CODE >date] from the date, and
// [CODE date-date] between the dates, all inclusive. Dates are YYYYMMDD or
// YYMMDD (years 00-30 are 20YY, others 19YY, as in PETRARCH). ParseActors
// maps the entries onto kb people, organisations and country names:
//
//   - An entry without codes, or with only the null code [---], codes nothing
//     and is counted as uncoded.
//   - An entry whose only code is a bare three-letter code without dates
//     that the base kb knows as a country or region ([AFG], [WEU]) names a
//     place: its phrases are returned as CountryNames, which Write can add
//     as aliases of a known country. (Without a base kb, every bare code
//     but IGO, NGO, NGM, IMG and MNC counts as a place.)
//   - An entry with at least one dated code whose primary phrase has no
//     organisation word (party, front, army, ministry, ...) is a person: one
//     kb.Role per code with the code's dates, Title empty, and Country the
//     code's first three letters when kb knows that country. An undated
//     default code becomes an open role; kb.Person.RoleAt prefers the
//     latest-starting role, so dated roles win inside their interval, as in
//     PETRARCH.
//   - Any other entry is an organisation: one kb.Org per code (with the code's
//     dates), its kind chosen from the code by OrgKind.
//
// Synonyms become aliases. Phrases are written with spaces for underscores
// and in title case (see Title), since the dictionaries are upper case.
//
// Agent dictionaries hold lines "PHRASE {plural} [~CODE]". ParseAgents
// expands plurals (regular ones automatically, {FORM} for an irregular one,
// {} for none) and !MARKER! substitution sets (no plurals for substituted
// forms), and lowercases the terms. ToKB groups the terms by the code's
// first three letters, since kb agents are three-letter sectors.
//
// Every line that cannot be interpreted is reported as "file:line: problem"
// (a *kb.LineError) and the rest of the file still converts.
package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/kb"
)

// line is one significant line of a dictionary file: comments removed,
// trailing blanks trimmed, and whether it was indented.
type line struct {
	n        int
	text     string // without comment, trimmed
	indented bool   // began with a tab or blank
}

// readLines splits a dictionary into significant lines, dropping comments,
// blank lines and <!-- --> blocks. Lines that are not valid UTF-8 are
// reported. A read error ends the file and is returned as the last error.
func readLines(r io.Reader, name string) ([]line, []error) {
	var out []line
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	inXML := false
	for sc.Scan() {
		n++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if !utf8.ValidString(s) {
			errs = append(errs, lineErr(name, n, "invalid UTF-8"))
			continue
		}
		if inXML {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			inXML = false
			s = s[i+3:]
		}
		for {
			i := strings.Index(s, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				s, inXML = s[:i], true
				break
			}
			s = s[:i] + s[i+j+3:]
		}
		if strings.HasPrefix(strings.TrimSpace(s), "<!") {
			continue
		}
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		text := strings.TrimSpace(s)
		if text == "" {
			continue
		}
		out = append(out, line{n: n, text: text, indented: s[0] == '\t' || s[0] == ' '})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: read after line %d: %w", name, n, err))
	}
	return out, errs
}

// lineErr returns the error for a problem on one line.
func lineErr(file string, n int, format string, args ...any) error {
	return &kb.LineError{File: file, Line: n, Msg: fmt.Sprintf(format, args...)}
}

// phrase turns a dictionary phrase into words separated by single spaces:
// underscores become blanks. It reports characters that have no meaning in
// a phrase (brackets, braces, '|') and a '+' at a word boundary, which marks
// two synonyms run together; a '+' inside a word ("B+H") is kept.
func phrase(s string) (string, error) {
	if i := strings.IndexAny(s, "[]{}|"); i >= 0 {
		return "", fmt.Errorf("unexpected %q in phrase %q", s[i], s)
	}
	p := strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
	for i := 0; i < len(p); i++ {
		if p[i] == '+' && (i == 0 || i == len(p)-1 || p[i-1] == ' ' || p[i+1] == ' ') {
			return "", fmt.Errorf("'+' at a word boundary in %q (two synonyms on one line?)", s)
		}
	}
	if p == "" {
		return "", fmt.Errorf("empty phrase %q", s)
	}
	return p, nil
}

// Title writes an upper-case dictionary phrase in title case: the first
// letter of each word and of each part after a hyphen or apostrophe is
// upper case, the rest lower case. Words with a digit or a period, words
// without a vowel, and words in parentheses ("(AAIA)") are kept as they
// are, since they are mostly abbreviations ("U.N.", "PKK"). The words
// of, and, the, for, in, on, to, at and by are lower case after the first.
func Title(p string) string {
	words := strings.Fields(p)
	for i, w := range words {
		if i > 0 && strings.Contains(" OF AND THE FOR IN ON TO AT BY ", " "+strings.ToUpper(w)+" ") {
			words[i] = strings.ToLower(w)
			continue
		}
		if strings.ContainsAny(w, "0123456789.") || !strings.ContainsAny(strings.ToUpper(w), "AEIOUY") ||
			strings.HasPrefix(w, "(") {
			continue
		}
		var b strings.Builder
		start := true
		for _, r := range w {
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = r == '-' || r == '\'' || r == '/'
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

// parseDate reads a PETRARCH date: YYYYMMDD, or YYMMDD with years 00-30
// read as 20YY and the others as 19YY.
func parseDate(s string) (kb.Date, error) {
	bad := fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return kb.Date{}, bad
		}
	}
	var iso string
	switch len(s) {
	case 8:
		iso = s[:4] + "-" + s[4:6] + "-" + s[6:]
	case 6:
		century := "19"
		if s[:2] <= "30" {
			century = "20"
		}
		iso = century + s[:2] + "-" + s[2:4] + "-" + s[4:]
	default:
		return kb.Date{}, bad
	}
	d, err := kb.ParseDate(iso)
	if err != nil {
		return kb.Date{}, bad
	}
	return d, nil
}
