// Package dateline recognises the dateline at the head of a news report
// ("BEIRUT, March 9 (Reuters) -", "WASHINGTON (AP) —", a first line that is
// only a date) and reports where it ends, so that the body can be processed
// apart from it, together with the date it states.
//
// Recognition is deliberately strict: a dateline must sit at the very start
// of the text (after whitespace), be on one line, and end in a dash, the end
// of the line or, for the "date 2026-03-09" form, whitespace. A normal first
// sentence is never taken for a dateline.
package dateline

import (
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// Building blocks of the patterns. hs is horizontal space; ws is any space.
const (
	hs      = `[\t \p{Zs}]`
	ws      = `[\s\p{Zs}]`
	month   = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekday = `(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?`
	day     = `\d{1,2}(?:st|nd|rd|th)?`
	isoDate = `\d{4}-\d{2}-\d{2}`
	// date is a calendar date in one of the usual news forms.
	date = `(?:` + weekday + `,?` + hs + `+)?(?:` +
		isoDate + `|` +
		month + hs + `+` + day + `(?:,?` + hs + `+\d{4})?` + `|` +
		day + hs + `+` + month + `(?:,?` + hs + `+\d{4})?` + `)`
	// capsWord is an upper-case place word: BEIRUT, N'DJAMENA, PORT-AU-PRINCE, U.S.
	capsWord = `\p{Lu}[\p{Lu}\p{M}'’.]*(?:-\p{Lu}[\p{Lu}\p{M}'’.]*)*`
	// titleWord is a capitalised word: Ukraine, Calif., Gaza.
	titleWord = `\p{Lu}[\p{L}\p{M}'’.]*(?:-\p{L}[\p{L}\p{M}'’.]*)*`
	region    = titleWord + `(?:` + hs + `+` + titleWord + `){0,3}`
	agency    = `\((?P<agency>\p{Lu}[^()\n]{0,30})\)`
	dash      = `(?:--|-|–|—|―)`
	tail      = `(?:,` + hs + `*` + region + `){0,2}`
)

// patterns holds the compiled expressions. It is immutable after creation
// and safe for concurrent use.
type patterns struct {
	seed     *regexp.Regexp // "date 2026-03-09 Body..."
	line     *regexp.Regexp // a first line that is only a date
	caps     *regexp.Regexp // "BEIRUT, March 9 (Reuters) -", "LONDON —"
	title    *regexp.Regexp // "Gaza City, Jan 5 (Xinhua) --" (needs a date or an agency)
	iso      *regexp.Regexp
	mdy, dmy *regexp.Regexp
}

func compile() *patterns {
	return &patterns{
		seed: regexp.MustCompile(`^(?i:date)(?::` + hs + `*|` + hs + `+)(?P<date>` + date + `)(?:` + ws + `+|\z)`),
		line: regexp.MustCompile(`^(?:(?i:published|updated|posted)(?:` + hs + `+on)?:?` + hs + `+)?(?P<date>` + date + `)` + hs + `*(?:\r?\n` + ws + `*|\z)`),
		caps: regexp.MustCompile(`^(?P<place>` + capsWord + `(?:` + hs + `+` + capsWord + `){0,4})` + tail +
			`(?:,` + hs + `*(?P<date>` + date + `))?(?:` + hs + `*` + agency + `)?` + hs + `*` + dash + `(?:` + ws + `+|\z)`),
		title: regexp.MustCompile(`^(?P<place>` + titleWord + `(?:` + hs + `+` + titleWord + `){0,3})` + tail +
			`(?:,` + hs + `*(?P<date>` + date + `)(?:` + hs + `*` + agency + `)?|` + hs + `*` + agency + `)` + hs + `*` + dash + `(?:` + ws + `+|\z)`),
		iso: regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})$`),
		mdy: regexp.MustCompile(`(` + month + `)` + hs + `+(\d{1,2})(?:st|nd|rd|th)?(?:,?` + hs + `+(\d{4}))?$`),
		dmy: regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th)?` + hs + `+(` + month + `)(?:,?` + hs + `+(\d{4}))?$`),
	}
}

// Find recognises a leading dateline in text and returns its span (code
// point offsets, covering the dateline and the separator/whitespace after
// it, so that span.End is where the body starts), the date it states (zero
// time if it names none), and whether one was found.
//
// Dates without a year take the most recent year that puts them no later
// than one day after ref; when ref is zero such dates are left zero. Dates
// are returned at midnight UTC.
func Find(text string, ref time.Time) (span doc.Span, date time.Time, ok bool) {
	return compiled().find(text, ref)
}

// compiled returns the patterns, compiled on first use. The value is never
// modified afterwards, so sharing it is safe.
var compiled = sync.OnceValue(compile)

func (p *patterns) find(text string, ref time.Time) (doc.Span, time.Time, bool) {
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	if start == len(text) {
		return doc.Span{}, time.Time{}, false
	}
	rest := text[start:]
	end, d, ok := p.dateForm(rest, ref)
	if ok {
		// A date line may be followed by a wire dateline ("2026-03-09\nBEIRUT (AP) —").
		if e2, d2, ok2 := p.wireForm(rest[end:], ref); ok2 {
			end += e2
			if d.IsZero() {
				d = d2
			}
		}
	} else {
		end, d, ok = p.wireForm(rest, ref)
	}
	if !ok {
		return doc.Span{}, time.Time{}, false
	}
	s := utf8.RuneCountInString(text[:start])
	return doc.Span{Start: s, End: s + utf8.RuneCountInString(rest[:end])}, d, true
}

// dateForm matches the "date 2026-03-09" form and a date-only first line,
// returning the byte length matched.
func (p *patterns) dateForm(s string, ref time.Time) (int, time.Time, bool) {
	for _, re := range []*regexp.Regexp{p.seed, p.line} {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		g := re.SubexpIndex("date")
		d, valid := p.parseDate(s[m[2*g]:m[2*g+1]], ref)
		if !valid {
			continue
		}
		return m[1], d, true
	}
	return 0, time.Time{}, false
}

// wireForm matches a wire-service dateline ending in a dash.
func (p *patterns) wireForm(s string, ref time.Time) (int, time.Time, bool) {
	for _, re := range []*regexp.Regexp{p.caps, p.title} {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		group := func(name string) string {
			g := re.SubexpIndex(name)
			if m[2*g] < 0 {
				return ""
			}
			return s[m[2*g]:m[2*g+1]]
		}
		place, ds, ag := group("place"), group("date"), group("agency")
		if ds == "" && ag == "" && letters(place) < 3 {
			continue // "US — ..." is more likely a sentence than a dateline
		}
		var d time.Time
		if ds != "" {
			d, _ = p.parseDate(ds, ref) // an impossible date leaves the dateline without one
		}
		return m[1], d, true
	}
	return 0, time.Time{}, false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// parseDate reads a date matched by the date pattern (a weekday prefix is
// ignored). It reports false for impossible dates such as February 30.
func (p *patterns) parseDate(s string, ref time.Time) (time.Time, bool) {
	if m := p.iso.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	var mon, dd int
	var year string
	if m := p.mdy.FindStringSubmatch(s); m != nil {
		mon, dd, year = monthNum(m[1]), atoi(m[2]), m[3]
	} else if m := p.dmy.FindStringSubmatch(s); m != nil {
		mon, dd, year = monthNum(m[2]), atoi(m[1]), m[3]
	} else {
		return time.Time{}, false
	}
	if year != "" {
		return mkDate(atoi(year), mon, dd)
	}
	if mon < 1 || dd < 1 || dd > 31 {
		return time.Time{}, false
	}
	if ref.IsZero() {
		return time.Time{}, true
	}
	limit := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	// Walk back from next year; eight years always reach a leap year.
	for y := ref.Year() + 1; y >= ref.Year()-8; y-- {
		if d, ok := mkDate(y, mon, dd); ok && !d.After(limit) {
			return d, true
		}
	}
	return time.Time{}, false
}

func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func monthNum(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return -1
	}
	switch s[:3] {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return -1
}
