package timex

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// result is what a grammar rule makes of the words it matched.
type result struct {
	typ   string
	p     point // the value of a calendar DATE or TIME, when isPt
	isPt  bool
	value string // the value when !isPt
	mod   string
	// from and to override the interval of p, or give the span of an
	// anchored duration.
	from, to time.Time
	// amount marks a result that amount modifiers ("nearly", "more than")
	// may precede: durations and "two years ago".
	amount bool
	// yearAgo marks a quarter a year before the one under discussion.
	yearAgo bool
}

func ptResult(p point) result   { return result{typ: TypeDate, p: p, isPt: true} }
func refResult(v string) result { return result{typ: TypeDate, value: v} }

// matcher holds the state of one Find call.
type matcher struct {
	t      *Tagger
	d      *doc.Doc
	dct    time.Time
	hasDCT bool
	ws     []word
	none   word
	// ref is the last resolved date of the text, for anaphoric expressions
	// ("the following day"); hasRef says whether there is one.
	ref    point
	hasRef bool
	// lastQ is the last quarter the text named, for the comparisons of
	// earnings reports ("a year earlier", "the year-ago quarter");
	// hasQuarter says whether there is one.
	lastQ      point
	hasQuarter bool
	// A cursor into d.Text (byte and code point offset) for cutting out
	// expression texts; expressions come in text order.
	bpos, rpos int
}

// at returns word i, or an empty word past the end.
func (m *matcher) at(i int) *word {
	if i < 0 || i >= len(m.ws) {
		m.none = word{num: -1, decade: -1}
		return &m.none
	}
	return &m.ws[i]
}

// f reports whether word i is function word f.
func (m *matcher) f(i, f int) bool { return i >= 0 && i < len(m.ws) && m.ws[i].is(f) }

// sentence appends the expressions of tokens [first, last) to out.
func (m *matcher) sentence(out []Timex, si, first, last int) []Timex {
	m.ws = m.words(m.ws[:0], first, last)
	for i := 0; i < len(m.ws); {
		if !m.candidate(&m.ws[i]) {
			i++
			continue
		}
		j, r, ok := m.match(i)
		if !ok || j <= i {
			i++
			continue
		}
		out = append(out, m.emit(si, i, j, r))
		if k, r2, ok := m.rangeEnd(j, r); ok {
			out = append(out, m.emit(si, k-1, k, r2))
			j = k
		}
		i = j
	}
	return out
}

// rangeEnd matches the bare second end of a range after a date: the "9" of
// "March 3-9" or "March 3 to 9", the "25" of "April 24 and 25", the "95" of
// "1990-95". It returns the index after it and its value.
func (m *matcher) rangeEnd(j int, r result) (int, result, bool) {
	if !r.isPt || r.p.tod != "" || r.p.allX || r.p.weekday > 0 || j == 0 {
		return j, r, false
	}
	last := m.at(j - 1)
	w := m.at(j)
	k := j
	if !w.hyph {
		if !(w.is(fAnd) || w.is(fTo) || w.is(fOr) || w.is(fDash)) {
			return j, r, false
		}
		k++
		w = m.at(k)
	}
	if w.num < 0 || w.comma || m.at(k+1).e.kind == kMonth || m.at(k+1).isUnit() {
		return j, r, false
	}
	switch {
	case r.p.g == gDay && last.num == r.p.t.Day() && w.ndig <= 2 && w.num > r.p.t.Day():
		if !valid(r.p.t.Year(), int(r.p.t.Month()), w.num) {
			return j, r, false
		}
		p := r.p
		p.t = date(p.t.Year(), p.t.Month(), w.num)
		return k + 1, ptResult(p), true
	case r.p.g == gYear && !r.p.yearX && last.num == r.p.t.Year() && w.hyph && w.ndig == 2:
		y := r.p.t.Year() - r.p.t.Year()%100 + w.num
		if y <= r.p.t.Year() {
			y += 100
		}
		return k + 1, ptResult(yearPoint(y)), true
	}
	return j, r, false
}

// candidate reports whether an expression may start at w.
func (m *matcher) candidate(w *word) bool {
	return w.e.kind != kNone || w.num >= 0 || w.decade >= 0 || w.ord > 0 || w.clock != "" || !w.day.IsZero()
}

// emit builds the Timex of words [i, j).
func (m *matcher) emit(si, i, j int, r result) Timex {
	toks := m.d.Tokens
	first, last := m.ws[i].tok, m.ws[j-1].end
	x := Timex{First: first, Last: last, Sentence: si, Type: r.typ, Value: r.value, Mod: r.mod}
	x.Start, x.End = toks[first].Start, toks[last-1].End
	x.Text = m.cut(x.Start, x.End)
	if r.isPt {
		x.Value = r.p.value()
		if r.p.resolved() && r.typ != TypeSet {
			if r.p.g <= gYear {
				m.ref, m.hasRef = r.p, true
			}
			if r.p.g == gQuarter && !r.yearAgo {
				m.lastQ, m.hasQuarter = r.p, true
			}
			from, to := r.p.t, r.p.last()
			if !r.from.IsZero() {
				from, to = r.from, r.to
			}
			x.From, x.To = ymd(from), ymd(to)
			x.Precision = r.p.g.precision()
			if r.p.tod != "" {
				x.Precision = PrecisionTime
			}
		}
	} else if !r.from.IsZero() {
		x.From, x.To = ymd(r.from), ymd(r.to)
	}
	return x
}

// cut returns the text between code point offsets start and end, moving the
// cursor forward; offsets before the cursor restart it from the beginning.
func (m *matcher) cut(start, end int) string {
	s := m.d.Text
	if start < m.rpos {
		m.bpos, m.rpos = 0, 0
	}
	for m.rpos < start && m.bpos < len(s) {
		_, n := utf8.DecodeRuneInString(s[m.bpos:])
		m.bpos += n
		m.rpos++
	}
	b, r := m.bpos, m.rpos
	for r < end && b < len(s) {
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
		r++
	}
	return s[m.bpos:b]
}

// match tries every rule at word i and returns the end of the longest match.
func (m *matcher) match(i int) (int, result, bool) {
	if k, mod := m.amountMod(i); k > i {
		if _, _, _, isAmount := m.amount(k); !isAmount {
			return m.core(i) // "over the past two weeks": a preposition
		}
		if j, r, ok := m.core(k); ok && r.amount {
			r.mod = mod
			return j, r, true
		}
	}
	if j, r, ok := m.edge(i); ok {
		return j, r, true
	}
	return m.core(i)
}

// core tries the rules that do not take a modifier.
func (m *matcher) core(i int) (int, result, bool) {
	best, bestR := i, result{}
	try := func(j int, r result, ok bool) {
		if ok && j > best {
			best, bestR = j, r
		}
	}
	try(m.calendar(i))
	try(m.relative(i))
	try(m.duration(i))
	try(m.set(i))
	try(m.clockTime(i))
	try(m.partOfDay(i))
	if best == i {
		return i, result{}, false
	}
	best, bestR = m.extend(best, bestR)
	return best, bestR, true
}

// extend adds a part of day after a day: "Tuesday morning".
func (m *matcher) extend(j int, r result) (int, result) {
	if !r.isPt || r.p.g != gDay || r.p.tod != "" {
		return j, r
	}
	w := m.at(j)
	if w.e.kind == kPart && !w.e.plural {
		if tod := partCode(int(w.e.val)); tod != "" {
			r.p.tod = tod
			r.typ = TypeTime
			return j + 1, r
		}
	}
	return j, r
}

// partCode returns the TIMEX3 code of a part of day.
func partCode(p int) string {
	switch p {
	case pMorning:
		return "MO"
	case pAfternoon:
		return "AF"
	case pEvening:
		return "EV"
	case pNight, pOvernight:
		return "NI"
	case pNoon, pMidday:
		return "12:00"
	case pMidnight:
		return "24:00"
	}
	return ""
}

// amountMod reads a modifier of an amount of time and returns the index
// after it and its TIMEX3 mod; it returns i when there is none.
func (m *matcher) amountMod(i int) (int, string) {
	w := m.at(i)
	if w.e.kind != kFunc {
		return i, ""
	}
	switch int(w.e.val) {
	case fAt:
		if m.f(i+1, fLeast) {
			return i + 2, "EQUAL_OR_MORE"
		}
	case fMore:
		if m.f(i+1, fThan) {
			return i + 2, "MORE_THAN"
		}
	case fLess:
		if m.f(i+1, fThan) {
			return i + 2, "LESS_THAN"
		}
	case fNo:
		if (m.f(i+1, fMore) || m.f(i+1, fLess)) && m.f(i+2, fThan) {
			if m.f(i+1, fMore) {
				return i + 3, "EQUAL_OR_LESS"
			}
			return i + 3, "EQUAL_OR_MORE"
		}
	case fUp:
		if m.f(i+1, fTo) {
			return i + 2, "EQUAL_OR_LESS"
		}
	case fNearly:
		return i + 1, "LESS_THAN"
	case fApprox:
		return i + 1, "APPROX"
	case fOver:
		return i + 1, "MORE_THAN"
	case fUnder:
		return i + 1, "LESS_THAN"
	case fWithin:
		return i + 1, "EQUAL_OR_LESS"
	}
	return i, ""
}

// maxLookBack bounds the words tense looks back over, which keeps the
// matcher linear on run-on sentences.
const maxLookBack = 40

// dirThis is the direction of "this": the unit that holds the DCT.
const dirThis = 2

// isFuture guesses whether the expression at word i is in a future context.
func (m *matcher) isFuture(i int) bool { return m.tense(i) > 0 }

// tense guesses the tense of the context of word i: 1 future, -1 past, 0
// unknown. A preposition right before decides ("since" past; "until", "as
// soon as" future); else a future marker ("will", "plans") before it in the
// sentence with no reporting verb ("said") in between.
func (m *matcher) tense(i int) int {
	k := i - 1
	if m.f(k, fOn) || m.f(k, fThe) || m.f(k, fIn) {
		k--
	}
	switch {
	case m.f(k, fSince):
		return -1
	case m.f(k, fUntil), m.f(k, fAs) && m.at(k-1).e.kind == kRef && m.at(k-1).e.val == rFuture:
		return 1
	}
	if m.isFutureMarked(i) {
		return 1
	}
	return 0
}

// isFutureMarked reports a future marker ("will", "plans") before word i
// in the sentence, with no reporting verb ("said") in between.
func (m *matcher) isFutureMarked(i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxLookBack; k-- {
		w := &m.ws[k]
		if w.e.kind == kDeictic && w.e.val == dTomorrow {
			return true
		}
		if w.e.kind != kFunc {
			continue
		}
		switch int(w.e.val) {
		case fSaid:
			return false
		case fWill, fFutureVerb:
			return true
		}
	}
	return false
}

// ---- calendar dates ----

// isYear reports whether word i is a year written in digits.
func (m *matcher) isYear(i int) bool {
	w := m.at(i)
	if w.ndig != 4 || w.num < 1000 || w.num > 2200 || w.hyph || w.comma {
		return false
	}
	if i > 0 {
		p := m.d.Tokens[m.ws[i-1].end-1].Text
		if p == "$" || p == "€" || p == "£" || p == "#" || p == "No." || p == "no." {
			return false
		}
	}
	n := m.at(i + 1)
	if n.e.kind == kUnit || (n.tok < len(m.d.Tokens) && i+1 < len(m.ws) && m.d.Tokens[n.tok].Text == "%") {
		return false
	}
	return true
}

// year reads a year at word i, in digits or spelled out ("nineteen
// ninety-six"), and returns it with the index after it.
func (m *matcher) year(i int) (int, int, bool) {
	if m.isYear(i) {
		return m.ws[i].num, i + 1, true
	}
	w := m.at(i)
	if w.e.kind == kNumber && w.e.val >= 11 && w.e.val <= 20 {
		n, j, ok := m.number(i + 1)
		if ok && n >= 10 && n <= 99 && j > i+1 {
			return int(w.e.val)*100 + n, j, true
		}
	}
	return 0, i, false
}

// calendar matches dates named by the calendar: "March 9, 2026",
// "2026-03-09", "March", "1998", "the 1990s", "Tuesday".
func (m *matcher) calendar(i int) (int, result, bool) {
	w := m.at(i)
	switch {
	case !w.day.IsZero():
		return i + 1, ptResult(dayPoint(w.day)), true
	case w.e.kind == kWeekday:
		if w.e.plural {
			return i + 1, result{typ: TypeSet, p: point{weekday: int(w.e.val) + 1}, isPt: true}, true
		}
		j := i + 1
		if m.f(j, fComma) {
			j++
		}
		if k, r, ok := m.monthDate(j); ok && r.p.g == gDay {
			return k, r, true
		}
		if k, r, ok := m.dayMonth(j); ok {
			return k, r, true
		}
		return i + 1, ptResult(m.weekday(int(w.e.val), 0, i)), true
	case w.e.kind == kMonth:
		return m.monthDate(i)
	case w.num >= 1 && w.num <= 31 && w.ndig <= 2:
		return m.dayMonth(i)
	case w.ord > 0 || w.e.kind == kOrdinal:
		if j, r, ok := m.century(i); ok {
			return j, r, true
		}
		return m.dayMonth(i)
	case w.decade >= 0:
		return m.decade(i)
	case w.e.kind == kDecadeWord:
		return m.decade(i)
	case w.e.kind == kSeason:
		return m.season(i, false)
	case w.e.kind == kNumber:
		if y, j, ok := m.year(i); ok {
			return j, ptResult(yearPoint(y)), true
		}
	case w.num >= 0:
		if m.isYear(i) {
			return i + 1, ptResult(yearPoint(w.num)), true
		}
	case w.is(fApostrophe):
		if n := m.at(i + 1); n.decade >= 0 && n.decade < 100 && n.glued {
			return m.decade(i + 1)
		}
	case w.is(fFiscal):
		if y, j, ok := m.year(i + 1); ok {
			return j, ptResult(yearPoint(y)), true
		}
	case w.is(fThe):
		n := m.at(i + 1)
		switch {
		case n.decade >= 0 || n.e.kind == kDecadeWord || n.is(fApostrophe):
			if j, r, ok := m.calendar(i + 1); ok && r.isPt && r.p.g == gDecade {
				return j, r, true
			}
		case n.ord > 0 || n.e.kind == kOrdinal:
			if j, r, ok := m.century(i + 1); ok {
				return j, r, true
			}
			if j, r, ok := m.dayMonth(i + 1); ok {
				return j, r, true
			}
		case n.e.kind == kSeason:
			return m.season(i+1, true)
		case n.e.kind == kUnit && n.e.val == uYear && !n.e.plural:
			if y, j, ok := m.year(i + 2); ok {
				return j, ptResult(yearPoint(y)), true
			}
			if m.at(i+2).e.kind == kNumber && m.at(i+2).e.val == 2 && m.at(i+3).e.kind == kNumber && m.at(i+3).e.val == 1000 {
				return i + 4, ptResult(yearPoint(2000)), true
			}
		}
	}
	return i, result{}, false
}

// monthDate matches a date that starts with a month name: "March 9",
// "March 9, 2026", "March 2026", "March", "January this year".
func (m *matcher) monthDate(i int) (int, result, bool) {
	w := m.at(i)
	if w.e.kind != kMonth {
		return i, result{}, false
	}
	mo := int(w.e.val)
	n := m.at(i + 1)
	day := 0
	if n.num >= 1 && n.num <= 31 && n.ndig <= 2 && !n.hyph {
		day = n.num
	} else if n.ord >= 1 && n.ord <= 31 {
		day = n.ord
	} else if n.e.kind == kOrdinal && m.at(i+1).cap == w.cap && n.e.val <= 31 && !m.at(i+2).isUnit() {
		day = int(n.e.val)
	}
	if day > 0 {
		j := i + 2
		k := j
		if m.f(k, fComma) {
			k++
		}
		if y, e, ok := m.year(k); ok && valid(y, mo, day) {
			return e, ptResult(dayPoint(date(y, time.Month(mo), day))), true
		}
		if !valid(2000, mo, day) {
			return i, result{}, false
		}
		return j, ptResult(m.monthDay(mo, day, i)), true
	}
	k := i + 1
	if m.f(k, fComma) || m.f(k, fOf) {
		k++
	}
	if y, e, ok := m.year(k); ok {
		return e, ptResult(monthPoint(y, mo)), true
	}
	// "January this year", "June last year"
	if (m.f(i+1, fThis) || m.f(i+1, fLast) || m.f(i+1, fNext)) && m.at(i+2).e.kind == kUnit && m.at(i+2).e.val == uYear && !m.at(i+2).e.plural {
		if !m.hasDCT {
			return i + 3, ptResult(point{g: gMonth, t: date(2000, time.Month(mo), 1), yearX: true}), true
		}
		y := m.dct.Year()
		if m.f(i+1, fLast) {
			y--
		} else if m.f(i+1, fNext) {
			y++
		}
		return i + 3, ptResult(monthPoint(y, mo)), true
	}
	if !m.monthAlone(i) || m.f(i+1, fOf) {
		return i, result{}, false // "the March of the Combatant Mothers"
	}
	return i + 1, ptResult(m.month(mo, 0, i)), true
}

// isUnit reports whether the word is a unit of time.
func (w *word) isUnit() bool { return w.e.kind == kUnit }

// monthAlone reports whether a month name with no day or year after it is
// a month: "May" and "March" at the start of a sentence or after a name are
// more likely a verb or a surname.
func (m *matcher) monthAlone(i int) bool {
	w := m.at(i)
	if w.e.abbr {
		return false
	}
	if w.e.val != 5 && w.e.val != 3 && w.e.val != 8 && w.e.val != 6 && w.e.val != 4 {
		return true
	}
	if i == 0 {
		return w.e.val != 5 && w.e.val != 3
	}
	p := m.at(i - 1)
	if p.cap && p.e.kind == kNone && p.num < 0 {
		return false // "Theresa May", "Jane April"
	}
	return true
}

// dayMonth matches "9 March", "9 March 2026", "the 9th of March".
func (m *matcher) dayMonth(i int) (int, result, bool) {
	w := m.at(i)
	day := 0
	switch {
	case w.num >= 1 && w.num <= 31 && w.ndig <= 2:
		day = w.num
	case w.ord >= 1 && w.ord <= 31:
		day = w.ord
	case w.e.kind == kOrdinal:
		day = int(w.e.val)
	default:
		return i, result{}, false
	}
	j := i + 1
	if (w.ord > 0 || w.e.kind == kOrdinal) && m.f(j, fOf) {
		j++
	}
	mw := m.at(j)
	if mw.e.kind != kMonth || !valid(2000, int(mw.e.val), day) {
		return i, result{}, false
	}
	mo := int(mw.e.val)
	k := j + 1
	if m.f(k, fComma) {
		k++
	}
	if y, e, ok := m.year(k); ok && valid(y, mo, day) {
		return e, ptResult(dayPoint(date(y, time.Month(mo), day))), true
	}
	return j + 1, ptResult(m.monthDay(mo, day, i)), true
}

// century matches "20th century", "the eleventh century" (word i is the
// ordinal).
func (m *matcher) century(i int) (int, result, bool) {
	w := m.at(i)
	n := w.ord
	if w.e.kind == kOrdinal {
		n = int(w.e.val)
	}
	u := m.at(i + 1)
	if n < 1 || n > 30 || u.e.kind != kUnit || u.e.val != uCentury || u.e.plural {
		return i, result{}, false
	}
	return i + 2, ptResult(centuryPoint((n - 1) * 100)), true
}

// decade matches "1990s", "80s" (after an apostrophe), "nineties".
func (m *matcher) decade(i int) (int, result, bool) {
	w := m.at(i)
	y := w.decade
	if w.e.kind == kDecadeWord {
		y = 10 * int(w.e.val)
	}
	if y < 0 {
		return i, result{}, false
	}
	if y < 100 {
		c := 1900
		if m.hasDCT && 2000+y <= m.dct.Year() {
			c = 2000
		}
		y += c
	}
	r := ptResult(decadePoint(y))
	if w.mid {
		r.mod = "MID"
	}
	return i + 1, r, true
}

// season matches a season with what shows it is one: "the summer",
// "summer 1998", "the winter of 1994". Bare season words are left alone
// ("prices fall"); rules with "this", "last" and so on take them.
func (m *matcher) season(i int, the bool) (int, result, bool) {
	w := m.at(i)
	s := int(w.e.val)
	k := i + 1
	if m.f(k, fOf) {
		k++
	}
	if y, e, ok := m.year(k); ok {
		return e, ptResult(seasonPoint(y, s)), true
	}
	prev := m.at(i - 1)
	if the || prev.is(fIn) || prev.is(fDuring) || prev.is(fSince) || prev.is(fUntil) || prev.is(fBy) {
		return i + 1, ptResult(m.season1(s, 0, i)), true
	}
	return i, result{}, false
}

// ---- resolution against the DCT ----

// weekday resolves a weekday: dir -1 is the last one before the DCT, +1
// the next one after it, 0 the nearest one in the direction the sentence's
// tense suggests (the DCT itself when it is that weekday).
func (m *matcher) weekday(wd, dir, i int) point {
	if !m.hasDCT {
		return point{g: gDay, weekday: wd + 1}
	}
	diff := wd - int(m.dct.Weekday()) // -6..6
	switch {
	case dir < 0:
		if diff >= 0 {
			diff -= 7
		}
	case dir > 0:
		if diff <= 0 {
			diff += 7
		}
	case m.isFuture(i):
		if diff < 0 {
			diff += 7
		}
	default:
		if diff > 0 {
			diff -= 7
		}
	}
	return dayPoint(m.dct.AddDate(0, 0, diff))
}

// month resolves a month name without a year like weekday does.
func (m *matcher) month(mo, dir, i int) point {
	if !m.hasDCT {
		return point{g: gMonth, t: date(2000, time.Month(mo), 1), yearX: true}
	}
	y, cur := m.dct.Year(), int(m.dct.Month())
	switch {
	case dir == dirThis:
	case dir < 0:
		if mo >= cur {
			y--
		}
	case dir > 0:
		if mo <= cur {
			y++
		}
	default:
		y = m.nearestYear(mo, 15, i)
	}
	return monthPoint(y, mo)
}

// monthDay resolves a day of a month without a year.
func (m *matcher) monthDay(mo, day, i int) point {
	if !m.hasDCT {
		return point{g: gDay, t: date(2000, time.Month(mo), day), yearX: true}
	}
	y := m.nearestYear(mo, day, i)
	if !valid(y, mo, day) {
		y = m.dct.Year()
	}
	return dayPoint(date(y, time.Month(mo), day))
}

// nearestYear returns the year that puts day d of month mo nearest the DCT,
// in the direction of the sentence's tense: in a future context the day
// must not be more than a week past; otherwise a day after the DCT counts
// three times as far as one before it, since news mostly reports the past.
func (m *matcher) nearestYear(mo, d, i int) int {
	y0 := m.dct.Year()
	tense := m.tense(i)
	best, bestD := y0, 1<<30
	for y := y0 - 1; y <= y0+1; y++ {
		t := date(y, time.Month(mo), min(d, 28))
		dist := int(t.Sub(m.dct).Hours() / 24)
		switch {
		case tense > 0:
			if dist < -7 {
				continue
			}
		case dist > 0:
			if tense < 0 {
				continue
			}
			dist *= 3
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestD {
			best, bestD = y, dist
		}
	}
	return best
}

// season1 resolves a season: dir -1 the last one over before the DCT, +1
// the next one to start after it, 0 this year's (or the current one).
func (m *matcher) season1(s, dir, i int) point {
	if !m.hasDCT {
		return point{g: gSeason, t: date(2000, time.Month(3*s+3), 1), yearX: true}
	}
	cur := unitOf(gSeason, m.dct)
	p := seasonPoint(cur.t.Year(), s)
	switch {
	case dir == dirThis:
	case dir < 0:
		for !p.last().Before(m.dct) {
			p = p.shift(-1)
		}
	case dir > 0:
		for !p.t.After(m.dct) {
			p = p.shift(1)
		}
	default:
		if s < (int(cur.t.Month())-3)/3 && m.isFuture(i) {
			p = p.shift(1)
		}
	}
	return p
}

// rel returns the unit of granularity g that is n units from the one that
// holds the DCT.
func (m *matcher) rel(g gran, n int) point {
	if !m.hasDCT {
		return point{g: g, allX: true}
	}
	return unitOf(g, m.dct).shift(n)
}

// relRef is like rel but counts from the date the text last mentioned, when
// it is at least as fine as g: "the following year", "that week".
func (m *matcher) relRef(g gran, n int) point {
	if m.hasRef && m.ref.g <= g {
		return unitOf(g, m.ref.t).shift(n)
	}
	return m.rel(g, n)
}

// ---- relative dates and references ----

// unitGran returns the calendar granularity of a unit word, and how many of
// it one unit shifts (a decade is ten years).
func unitGran(u int) (gran, int, bool) {
	switch u {
	case uDay:
		return gDay, 1, true
	case uWeek:
		return gWeek, 1, true
	case uWeekend:
		return gWeekend, 1, true
	case uFortnight:
		return gWeek, 2, true
	case uMonth:
		return gMonth, 1, true
	case uQuarter:
		return gQuarter, 1, true
	case uSeason:
		return gSeason, 1, true
	case uYear:
		return gYear, 1, true
	case uDecade:
		return gDecade, 1, true
	case uCentury:
		return gCentury, 1, true
	}
	return gDay, 0, false
}

// relative matches dates relative to the DCT and the TIMEX3 references:
// "today", "last week", "this March", "two years ago", "the third
// quarter", "now", "recently", "the future".
func (m *matcher) relative(i int) (int, result, bool) {
	w := m.at(i)
	switch w.e.kind {
	case kDeictic:
		switch w.e.val {
		case dToday:
			return i + 1, ptResult(m.rel(gDay, 0)), true
		case dYesterday:
			return i + 1, ptResult(m.rel(gDay, -1)), true
		case dTomorrow:
			return i + 1, ptResult(m.rel(gDay, 1)), true
		case dTonight:
			r := ptResult(m.rel(gDay, 0))
			r.p.tod, r.typ = "NI", TypeTime
			return i + 1, r, true
		}
	case kRef:
		switch w.e.val {
		case rPresent:
			return i + 1, refResult("PRESENT_REF"), true
		case rPast:
			return i + 1, refResult("PAST_REF"), true
		case rFuture:
			if m.f(i-1, fAs) && m.f(i+1, fAs) {
				return i, result{}, false // "as soon as"
			}
			return i + 1, refResult("FUTURE_REF"), true
		}
	case kOrdinal:
		if j, r, ok := m.ordinalUnit(i); ok {
			return j, r, true
		}
		return m.quarter(i, i)
	case kUnit:
		return m.yearAgo(i)
	case kHoliday:
		return m.holiday(i)
	}
	if w.e.kind != kFunc {
		return m.ago(i)
	}
	switch int(w.e.val) {
	case fNow:
		if w.hyph || m.at(i+1).hyph {
			return i, result{}, false
		}
		return i + 1, refResult("PRESENT_REF"), true
	case fRight, fJust:
		if m.f(i+1, fNow) {
			return i + 2, refResult("PRESENT_REF"), true
		}
	case fThese:
		if u := m.at(i + 1); u.e.kind == kUnit && u.e.val == uDay && u.e.plural {
			return i + 2, refResult("PRESENT_REF"), true
		}
	case fCurrent:
		if j, r, ok := m.this(i); ok {
			return j, r, true
		}
		if n := m.at(i + 1); n.e.kind == kNone && !n.cap {
			return i + 1, refResult("PRESENT_REF"), true
		}
	case fThe:
		n := m.at(i + 1)
		switch {
		case n.is(fPast) && !m.at(i+2).isUnit():
			return i + 2, refResult("PAST_REF"), true
		case n.is(fFuture):
			return i + 2, refResult("FUTURE_REF"), true
		case (n.is(fNear) || n.e.kind == kNone && m.d.Tokens[n.tok].Text == "foreseeable") && m.f(i+2, fFuture):
			return i + 3, refResult("FUTURE_REF"), true
		case (n.is(fNear) || n.is(fShort)) && m.f(i+2, fTerm):
			return i + 3, refResult("FUTURE_REF"), true
		case n.is(fPresent):
			return i + 2, refResult("PRESENT_REF"), true
		case n.e.kind == kUnit && (n.e.val == uWeekend) && !n.e.plural:
			if m.isFuture(i) {
				return i + 2, ptResult(m.rel(gWeekend, 0)), true
			}
			if m.hasDCT && m.dct.Weekday() != time.Saturday && m.dct.Weekday() != time.Sunday {
				return i + 2, ptResult(m.rel(gWeekend, -1)), true
			}
			return i + 2, ptResult(m.rel(gWeekend, 0)), true
		case n.e.kind == kUnit && (n.e.val == uQuarter) && !n.e.plural && !m.at(i+2).is(fOf):
			if m.hasQuarter {
				return i + 2, ptResult(m.lastQ), true
			}
			return i + 2, ptResult(m.rel(gQuarter, -1)), true
		case n.e.kind == kUnit && n.e.val == uWeek && !n.e.plural && m.f(i+2, fOf):
			// "the week of March 6"
			if e, r, ok := m.calendar(i + 3); ok && r.isPt && r.p.g == gDay && r.p.resolved() {
				return e, ptResult(weekPoint(r.p.t)), true
			}
		}
		if j, r, ok := m.yearAgo(i); ok {
			return j, r, true
		}
		if j, r, ok := m.ordinalUnit(i); ok {
			return j, r, true
		}
		if j, r, ok := m.quarter(i, i+1); ok {
			return j, r, true
		}
		return m.this(i)
	case fAt:
		if m.f(i+1, fPresent) {
			return i + 2, refResult("PRESENT_REF"), true
		}
	case fA:
		return m.ago(i)
	case fSeveral, fFew, fSome, fMany, fCouple:
		return m.ago(i)
	}
	if j, r, ok := m.quarter(i, i); ok {
		return j, r, true
	}
	return m.this(i)
}

// this matches a unit, month, weekday or season with a deictic modifier:
// "this week", "last year", "next Tuesday", "last March", "this summer",
// "the previous day", "the latest quarter", "this year's third quarter".
func (m *matcher) this(i int) (int, result, bool) {
	j := i
	if m.f(j, fThe) {
		j++
	}
	w := m.at(j)
	if w.e.kind != kFunc {
		return i, result{}, false
	}
	dir := 0
	// "the following year", "the same day", "that week" count from the
	// date the text last mentioned.
	ana := j > i && (w.is(fSame) || w.is(fPrevious) || w.is(fFollowing) || w.is(fNext))
	switch int(w.e.val) {
	case fThis, fCurrent:
		dir = dirThis
	case fSame:
	case fThat:
		ana = true
	case fLast, fPast, fPrevious, fLatest:
		dir = -1
		if w.is(fLatest) && m.f(j+1, fRecent) {
			j++
		}
	case fNext, fComing, fFollowing:
		dir = 1
	default:
		return i, result{}, false
	}
	if j > i && (w.is(fThis) || w.is(fLast) || w.is(fNext) && m.at(j+1).e.kind != kUnit) {
		return i, result{}, false // "the last" is a duration's ("the last two weeks")
	}
	n := m.at(j + 1)
	e := j + 2
	if i > 0 && w.cap && n.cap && n.e.kind == kUnit {
		return i, result{}, false // a title: "This Week With David Brinkley"
	}
	switch n.e.kind {
	case kUnit:
		if n.e.plural {
			return i, result{}, false
		}
		g, k, ok := unitGran(int(n.e.val))
		if !ok {
			return i, result{}, false
		}
		if w.is(fLatest) && g != gQuarter && g != gYear {
			return i, result{}, false
		}
		if w.is(fThat) && g == gDay {
			return i, result{}, false // "that day" is too often generic
		}
		d := dir
		if d == dirThis {
			d = 0
		}
		// "this year's third quarter"
		if g == gYear && m.f(e, fPossessive) {
			base := m.rel(gYear, d)
			if qe, r, ok := m.quarterIn(e+1, base); ok {
				return qe, r, true
			}
		}
		var r result
		if ana {
			r = ptResult(m.relRef(g, d*k))
		} else {
			r = ptResult(m.rel(g, d*k))
		}
		if g == gDay && d != 0 && j == i {
			return i, result{}, false // "next day" without "the" is rare and often a noun phrase
		}
		return e, r, true
	case kWeekday:
		if n.e.plural || w.is(fThat) {
			return i, result{}, false
		}
		if dir == dirThis {
			dir = 1
			if m.hasDCT && int(m.dct.Weekday()) == int(n.e.val) {
				dir = 0
			}
		}
		if ana && m.hasRef && m.ref.g == gDay && m.ref.resolved() && dir != 0 {
			diff := int(n.e.val) - int(m.ref.t.Weekday())
			if dir < 0 && diff >= 0 {
				diff -= 7
			} else if dir > 0 && diff <= 0 {
				diff += 7
			}
			return e, ptResult(dayPoint(m.ref.t.AddDate(0, 0, diff))), true
		}
		return e, ptResult(m.weekday(int(n.e.val), dir, i)), true
	case kMonth:
		if w.is(fThat) {
			return i, result{}, false
		}
		return e, ptResult(m.month(int(n.e.val), dir, i)), true
	case kSeason:
		if w.is(fThat) {
			return i, result{}, false
		}
		return e, ptResult(m.season1(int(n.e.val), dir, i)), true
	case kPart:
		return m.partOfDay(i)
	}
	return i, result{}, false
}

// quarter matches a quarter or half of a year: "the third quarter",
// "third-quarter", "the fiscal first quarter", "the first half of 1990",
// "the 1998 third quarter". i is where the match starts, k the word after
// an optional "the".
func (m *matcher) quarter(i, k int) (int, result, bool) {
	y := 0
	hasY := false
	if yy, e, ok := m.year(k); ok && (m.at(e).e.kind == kOrdinal || m.at(e).is(fFiscal)) {
		y, hasY, k = yy, true, e
	}
	if m.f(k, fFiscal) {
		k++
	}
	if !hasY {
		if yy, e, ok := m.year(k); ok && m.at(e).e.kind == kOrdinal {
			y, hasY, k = yy, true, e
		}
	}
	o := m.at(k)
	if o.e.kind != kOrdinal {
		return i, result{}, false
	}
	q := int(o.e.val)
	u := m.at(k + 1)
	if u.e.kind != kUnit && !u.is(fHalf) {
		return i, result{}, false
	}
	half := u.is(fHalf)
	if (!half && (u.e.val != uQuarter || q > 4)) || (half && q > 2) {
		return i, result{}, false
	}
	if !half && u.e.plural {
		return i, result{}, false
	}
	e := k + 2
	if !hasY {
		kk := e
		if m.f(kk, fOf) || m.f(kk, fComma) {
			kk++
		}
		if m.f(kk, fFiscal) {
			kk++
		}
		if yy, ee, ok := m.year(kk); ok {
			y, hasY, e = yy, true, ee
		}
	}
	g := gQuarter
	if half {
		g = gHalf
	}
	if hasY {
		if half {
			return e, ptResult(halfPoint(y, q)), true
		}
		return e, ptResult(quarterPoint(y, q)), true
	}
	if !m.hasDCT {
		p := quarterPoint(2000, q)
		if half {
			p = halfPoint(2000, q)
		}
		p.yearX = true
		return e, ptResult(p), true
	}
	cur := unitOf(g, m.dct)
	p := quarterPoint(cur.t.Year(), q)
	if half {
		p = halfPoint(cur.t.Year(), q)
	}
	if p.t.After(cur.t) {
		p.t = p.t.AddDate(-1, 0, 0)
	}
	return e, ptResult(p), true
}

// quarterIn matches an ordinal quarter at k within the year of base.
func (m *matcher) quarterIn(k int, base point) (int, result, bool) {
	o, u := m.at(k), m.at(k+1)
	if o.e.kind != kOrdinal || o.e.val > 4 || u.e.kind != kUnit || u.e.val != uQuarter || u.e.plural {
		return k, result{}, false
	}
	p := quarterPoint(base.t.Year(), int(o.e.val))
	p.allX = base.allX
	if base.allX {
		p.allX, p.yearX = false, true
	}
	return k + 2, ptResult(p), true
}

// amount reads an amount of units: "two", "twenty four", "a", "several",
// "a few", "5 1/2", "a couple of". It returns the number (-1 when vague),
// whether a half is added, and the index after it.
func (m *matcher) amount(i int) (n int, half bool, j int, ok bool) {
	w := m.at(i)
	switch {
	case w.num >= 0 && w.ndig <= 6:
		if m.isYear(i) && !m.at(i+1).e.plural {
			return 0, false, i, false
		}
		if m.at(i + 1).half {
			return w.num, true, i + 2, true
		}
		return w.num, false, i + 1, true
	case w.e.kind == kNumber:
		n, j, ok := m.number(i)
		if ok && m.f(j, fAnd) && m.f(j+1, fA) && m.f(j+2, fHalf) {
			return n, true, j + 3, true
		}
		return n, false, j, ok
	case w.is(fA):
		nx := m.at(i + 1)
		switch {
		case nx.is(fFew):
			return -1, false, i + 2, true
		case nx.is(fCouple):
			if m.f(i+2, fOf) {
				return 2, false, i + 3, true
			}
			return 2, false, i + 2, true
		case nx.e.kind == kNumber && (nx.e.val == 100 || nx.e.val == 1000 || nx.e.val == 12):
			return int(nx.e.val), false, i + 2, true
		}
		return 1, false, i + 1, true
	case w.is(fSeveral) || w.is(fFew) || w.is(fMany) || w.is(fSome):
		return -1, false, i + 1, true
	case w.is(fCouple):
		if m.f(i+1, fOf) {
			return 2, false, i + 2, true
		}
	}
	return 0, false, i, false
}

// number reads a number written in words: "twenty four", "twenty-four",
// "two hundred", "two thousand".
func (m *matcher) number(i int) (int, int, bool) {
	w := m.at(i)
	if w.e.kind != kNumber {
		if w.num >= 0 && w.ndig <= 6 {
			return w.num, i + 1, true
		}
		return 0, i, false
	}
	n := int(w.e.val)
	j := i + 1
	if n >= 20 && n <= 90 && n%10 == 0 {
		if u := m.at(j); u.e.kind == kNumber && u.e.val >= 1 && u.e.val <= 9 {
			n += int(u.e.val)
			j++
		}
	}
	if u := m.at(j); u.e.kind == kNumber && (u.e.val == 100 || u.e.val == 1000) && n < 100 {
		n *= int(u.e.val)
		j++
	}
	return n, j, true
}

// ago matches "two days ago", "a year earlier", "three weeks from now".
func (m *matcher) ago(i int) (int, result, bool) {
	n, _, j, ok := m.amount(i)
	if !ok {
		return i, result{}, false
	}
	u := m.at(j)
	if u.e.kind != kUnit || (n == 1 && u.e.plural && !m.at(i).is(fA)) {
		return i, result{}, false
	}
	dir := 0
	e := j + 1
	// "two days later", "a week earlier" count from the date the text last
	// mentioned; "ago" and "from now" from the article's date.
	narrative := m.f(e, fLater) || m.f(e, fEarlier) && !m.f(e, fAgo)
	switch {
	case m.f(e, fAgo) || m.f(e, fEarlier):
		dir = -1
	case m.f(e, fLater):
		dir = 1
	case m.f(e, fFrom) && m.f(e+1, fNow):
		dir = 1
		e++
	default:
		return i, result{}, false
	}
	e++
	if n < 0 {
		r := refResult("PAST_REF")
		if dir > 0 {
			r.value = "FUTURE_REF"
		}
		r.amount = true
		return e, r, true
	}
	g, k, ok := unitGran(int(u.e.val))
	if !ok {
		g, k = gDay, 0 // hours, minutes: the day of the DCT
	}
	var r result
	switch g {
	case gYear:
		if m.hasQuarter && dir < 0 {
			r = ptResult(m.lastQ.shift(-4 * n))
			r.yearAgo = true
		} else {
			r = ptResult(m.rel(gYear, dir*n))
		}
	case gDecade:
		r = ptResult(m.rel(gYear, dir*n*10))
	case gCentury:
		r = ptResult(m.rel(gYear, dir*n*100))
	default:
		if narrative {
			r = ptResult(m.relRef(g, dir*n*k))
		} else {
			r = ptResult(m.rel(g, dir*n*k))
		}
	}
	r.amount = true
	return e, r, true
}

// ---- edges of periods ----

// edge matches a date with a modifier of its part: "early March", "late
// last week", "earlier this month", "mid-November", "the end of 1998",
// "the beginning of October", "year-end".
func (m *matcher) edge(i int) (int, result, bool) {
	w := m.at(i)
	mod := ""
	k := i + 1
	earlier, later := false, false
	switch {
	case w.is(fEarly):
		mod = "START"
	case w.is(fLate):
		mod = "END"
	case w.is(fMid):
		mod = "MID"
		if m.f(k, fDash) {
			k++
		}
	case w.is(fEarlier):
		earlier = true
	case w.is(fLater):
		later = true
	case w.is(fThe) || w.is(fEnd) || w.is(fBeginning) || w.is(fMiddle):
		j := i
		if w.is(fThe) {
			j++
		}
		x := m.at(j)
		switch {
		case x.is(fEnd):
			mod = "END"
		case x.is(fBeginning):
			mod = "START"
		case x.is(fMiddle):
			mod = "MID"
		default:
			return i, result{}, false
		}
		if !m.f(j+1, fOf) {
			return i, result{}, false
		}
		k = j + 2
		if m.f(k, fThe) {
			if u := m.at(k + 1); u.e.kind == kUnit && !u.e.plural {
				if g, _, ok := unitGran(int(u.e.val)); ok && g != gDay {
					r := ptResult(m.rel(g, 0))
					return m.narrow(k+2, r, mod)
				}
			}
		}
	case w.e.kind == kUnit && w.e.val == uYear && !w.e.plural:
		// "year-end", "year end", "year's end"
		j := i + 1
		if m.f(j, fPossessive) {
			j++
		}
		if m.f(j, fEnd) {
			return m.narrow(j+1, ptResult(m.rel(gYear, 0)), "END")
		}
		return i, result{}, false
	default:
		return i, result{}, false
	}
	if earlier || later {
		// "earlier this month", "later in the year", "earlier Sunday"
		if m.f(k, fIn) && m.f(k+1, fThe) {
			if u := m.at(k + 2); u.e.kind == kUnit && !u.e.plural {
				if g, _, ok := unitGran(int(u.e.val)); ok {
					return m.part(k+3, ptResult(m.rel(g, 0)), earlier)
				}
			}
			return i, result{}, false
		}
		if m.f(k, fThat) || m.f(k, fThe) && m.f(k+1, fSame) {
			kk := k + 1
			if m.f(k, fThe) {
				kk++
			}
			if u := m.at(kk); u.e.kind == kUnit && !u.e.plural {
				if g, _, ok := unitGran(int(u.e.val)); ok {
					return m.part(kk+1, ptResult(m.relRef(g, 0)), earlier)
				}
			}
			return i, result{}, false
		}
		j, r, ok := m.core(k)
		if !ok || !r.isPt {
			return i, result{}, false
		}
		return m.part(j, r, earlier)
	}
	j, r, ok := m.core(k)
	if !ok || !r.isPt || r.p.tod != "" {
		return i, result{}, false
	}
	return m.narrow(j, r, mod)
}

// part limits a period to before (earlier) or after the DCT when the DCT
// is in it: "earlier this month".
func (m *matcher) part(j int, r result, earlier bool) (int, result, bool) {
	if m.hasDCT && r.p.resolved() && !r.p.t.After(m.dct) && !r.p.last().Before(m.dct) && r.p.g != gDay {
		if earlier {
			r.from, r.to = r.p.t, m.dct
		} else {
			r.from, r.to = m.dct, r.p.last()
		}
	}
	return j, r, true
}

// narrow sets a START, MID or END mod and narrows the interval to the
// matching third of the period.
func (m *matcher) narrow(j int, r result, mod string) (int, result, bool) {
	r.mod = mod
	if r.p.g == gDay || !r.p.resolved() {
		return j, r, true
	}
	first, last := r.p.t, r.p.last()
	days := int(last.Sub(first).Hours()/24) + 1
	third := days / 3
	switch mod {
	case "START":
		r.from, r.to = first, first.AddDate(0, 0, third-1)
	case "MID":
		r.from, r.to = first.AddDate(0, 0, third), last.AddDate(0, 0, -third)
	case "END":
		r.from, r.to = last.AddDate(0, 0, -third+1), last
	}
	if third < 1 {
		r.from, r.to = first, last
	}
	return j, r, true
}

// ---- durations ----

// duration matches an amount of time: "two weeks", "the past five years",
// "the first nine months", "five-year", "several days", "years".
func (m *matcher) duration(i int) (int, result, bool) {
	k := i
	the := false
	if m.f(k, fThe) || m.f(k, fThose) {
		k++
		the = true
	}
	dir := 0
	anchor := false
	switch w := m.at(k); {
	case w.is(fPast) || w.is(fLast) || w.is(fPrevious) || w.is(fRecent) || w.is(fLatest):
		dir, anchor = -1, true
		k++
	case w.is(fNext) || w.is(fComing) || w.is(fFollowing):
		dir, anchor = 1, true
		k++
	case w.e.kind == kOrdinal && w.e.val == 1 && the:
		k++ // "the first nine months"
	case w.is(fAnother) || w.is(fAdditional):
		k++
	case w.is(fHalf):
		// "half an hour", "half a year"
		if m.f(k+1, fA) {
			if u := m.at(k + 2); u.e.kind == kUnit && !u.e.plural {
				return k + 3, m.durResult(0, true, int(u.e.val), i, 0, false), true
			}
		}
		return i, result{}, false
	}
	n, half, j, ok := m.amount(k)
	if ok && !the && !anchor && m.at(k).is(fA) && m.isPer(i) {
		// "$5 a year", "twice a week": a set
		if u := m.at(j); u.e.kind == kUnit && !u.e.plural {
			return j + 1, result{typ: TypeSet, value: durValue(1, false, int(u.e.val))}, true
		}
	}
	if !ok {
		n, half, j = -1, false, k
		if u := m.at(j); u.e.kind != kUnit || !u.e.plural {
			return i, result{}, false
		}
		if !anchor && the {
			return i, result{}, false // "the years"
		}
	}
	if m.f(j, fMore) || m.f(j, fAdditional) || m.f(j, fOther) {
		j++
	}
	u := m.at(j)
	if u.e.kind != kUnit || u.e.val == uSecond && m.at(k).is(fA) {
		return i, result{}, false
	}
	if u.e.val == uWeekend || u.e.val == uSeason {
		return i, result{}, false
	}
	if ok && n == 1 && u.e.plural && !m.at(k).is(fA) && m.at(k).ndig == 0 {
		return i, result{}, false
	}
	if !ok && !u.e.plural {
		return i, result{}, false
	}
	// A bare singular unit after "the" with an anchor is a date: "the past year".
	if anchor && !ok && !u.e.plural {
		return i, result{}, false
	}
	if anchor && ok && n == 1 && m.at(k).is(fA) {
		return i, result{}, false
	}
	e := j + 1
	if half == false && m.f(e, fAnd) && m.f(e+1, fA) && m.f(e+2, fHalf) {
		half, e = true, e+3
	}
	if m.f(e, fOr) && m.f(e+1, fSo) {
		e += 2
	}
	// "day-long"; an age ("6-year-old", "52 years old") is no time expression
	if x := m.at(e); x.e.kind == kNone && x.num < 0 {
		switch m.d.Tokens[x.tok].Text {
		case "long":
			if x.hyph {
				e++
			}
		case "old":
			return i, result{}, false
		}
	}
	if u.e.val == uQuarter && (u.hyph || m.f(e, fOf)) {
		return i, result{}, false // "three-quarters", "a quarter of"
	}
	r := m.durResult(n, half, int(u.e.val), k, dir, anchor)
	r.amount = true
	return e, r, true
}

// isPer reports whether the word before i makes "a unit" a rate: a
// number, an amount of money, "once", "twice", "times".
func (m *matcher) isPer(i int) bool {
	if i == 0 {
		return false
	}
	p := m.at(i - 1)
	if p.num >= 0 || p.is(fTimes) {
		return true
	}
	t := m.d.Tokens[p.end-1].Text
	return t == "%" || t == "percent" || t == "cents" || t == "dollars" || t == "barrels" || t == "tons"
}

// durResult builds the result of a duration of n units (-1: vague).
func (m *matcher) durResult(n int, half bool, u, i, dir int, anchor bool) result {
	r := result{typ: TypeDuration, value: durValue(n, half, u)}
	if anchor && n > 0 && m.hasDCT {
		var t time.Time
		switch u {
		case uDay:
			t = m.dct.AddDate(0, 0, dir*n)
		case uWeek:
			t = m.dct.AddDate(0, 0, 7*dir*n)
		case uFortnight:
			t = m.dct.AddDate(0, 0, 14*dir*n)
		case uMonth:
			t = m.dct.AddDate(0, dir*n, 0)
		case uQuarter:
			t = m.dct.AddDate(0, 3*dir*n, 0)
		case uYear:
			t = m.dct.AddDate(dir*n, 0, 0)
		case uDecade:
			t = m.dct.AddDate(10*dir*n, 0, 0)
		case uCentury:
			t = m.dct.AddDate(100*dir*n, 0, 0)
		default:
			return r
		}
		if dir < 0 {
			r.from, r.to = t, m.dct
		} else {
			r.from, r.to = m.dct, t
		}
	}
	return r
}

// durValue returns the TIMEX3 value of a duration of n units (n < 0: an
// unknown number, written X), plus half a unit when half is set.
func durValue(n int, half bool, u int) string {
	num := func(k int) string {
		if k < 0 {
			return "X"
		}
		return strconv.Itoa(k)
	}
	if n < 0 {
		half = false
	}
	switch u {
	case uSecond:
		return "PT" + num(n) + "S"
	case uMinute:
		if half {
			return "PT" + num(n) + "M30S"
		}
		return "PT" + num(n) + "M"
	case uHour:
		if half {
			if n == 0 {
				return "PT30M"
			}
			return "PT" + num(n) + "H30M"
		}
		return "PT" + num(n) + "H"
	case uDay:
		if half {
			if n == 0 {
				return "PT12H"
			}
			return "P" + num(n) + "DT12H"
		}
		return "P" + num(n) + "D"
	case uWeek:
		if half {
			return "P" + num(7*n+3) + "DT12H"
		}
		return "P" + num(n) + "W"
	case uFortnight:
		if n < 0 {
			return "PXW"
		}
		return "P" + num(2*n) + "W"
	case uMonth:
		if half {
			if n == 0 {
				return "P15D"
			}
			return "P" + num(n) + "M15D"
		}
		return "P" + num(n) + "M"
	case uQuarter:
		return "P" + num(n) + "Q"
	case uYear:
		if half {
			if n == 0 {
				return "P6M"
			}
			return "P" + num(n) + "Y6M"
		}
		return "P" + num(n) + "Y"
	case uDecade:
		if n < 0 {
			return "PXDE"
		}
		return "P" + num(10*n) + "Y"
	case uCentury:
		if n < 0 {
			return "PXCE"
		}
		return "P" + num(100*n) + "Y"
	case uMillennium:
		if n < 0 {
			return "PXML"
		}
		return "P" + num(1000*n) + "Y"
	case uWeekend:
		return "P" + num(n) + "WE"
	}
	return "PX"
}

// ---- sets ----

// set matches recurrences: "daily", "every week", "each Tuesday", "every
// two years".
func (m *matcher) set(i int) (int, result, bool) {
	w := m.at(i)
	if w.e.kind == kSetAdv {
		if n := m.at(i + 1); n.e.kind == kNone && n.num < 0 && !n.cap && isWord(m.d.Tokens[n.tok].Text) {
			return i, result{}, false // "quarterly dividend", "daily flights"
		}
		return i + 1, result{typ: TypeSet, value: durValue(1, false, int(w.e.val))}, true
	}
	if !w.is(fEvery) && !w.is(fEach) {
		return i, result{}, false
	}
	k := i + 1
	if m.f(k, fOther) {
		k++
	}
	n := m.at(k)
	switch n.e.kind {
	case kUnit:
		if n.e.plural {
			return i, result{}, false
		}
		c := 1
		if m.f(i+1, fOther) {
			c = 2
		}
		return k + 1, result{typ: TypeSet, value: durValue(c, false, int(n.e.val))}, true
	case kWeekday:
		return k + 1, result{typ: TypeSet, p: point{weekday: int(n.e.val) + 1}, isPt: true}, true
	case kMonth:
		return k + 1, result{typ: TypeSet, value: "XXXX-" + string(pad(nil, int(n.e.val), 2))}, true
	case kSeason:
		return k + 1, result{typ: TypeSet, value: "XXXX-" + seasonCode(3*int(n.e.val)+3)}, true
	case kPart:
		if c := partCode(int(n.e.val)); c != "" {
			return k + 1, result{typ: TypeSet, value: "T" + c}, true
		}
	}
	if num, half, j, ok := m.amount(k); ok && num > 1 {
		if u := m.at(j); u.e.kind == kUnit && u.e.plural {
			return j + 1, result{typ: TypeSet, value: durValue(num, half, int(u.e.val))}, true
		}
	}
	return i, result{}, false
}

// ---- times of day ----

// clockTime matches "10:30 a.m.", "6 p.m. EST", "noon", "midnight Friday",
// "9 a.m. Tuesday", "4 in the morning".
func (m *matcher) clockTime(i int) (int, result, bool) {
	w := m.at(i)
	tod := ""
	j := i + 1
	switch {
	case w.clock != "":
		tod = w.clock
		if m.f(j, fAM) || m.f(j, fPM) {
			tod = ampm(tod, m.f(j, fPM))
			j++
		}
	case w.num >= 1 && w.num <= 12 && w.ndig <= 2 && (m.f(j, fAM) || m.f(j, fPM)):
		tod = ampm(string(pad(nil, w.num, 2))+":00", m.f(j, fPM))
		j++
	case w.num >= 1 && w.num <= 12 && w.ndig <= 2 && m.f(j, fIn) && m.f(j+1, fThe) && m.at(j+2).e.kind == kPart:
		pm := m.at(j+2).e.val == pAfternoon || m.at(j+2).e.val == pEvening || (m.at(j+2).e.val == pNight && w.num >= 6)
		tod = ampm(string(pad(nil, w.num, 2))+":00", pm)
		j += 3
	case w.e.kind == kPart && (w.e.val == pNoon || w.e.val == pMidnight):
		tod = partCode(int(w.e.val))
	default:
		return i, result{}, false
	}
	if m.f(j, fZone) {
		j++
	}
	// a day after the time: "9 a.m. Tuesday", "5 p.m. EST, Nov. 6"
	k := j
	if m.f(k, fComma) {
		k++
	}
	if m.f(k, fOn) {
		k++
	}
	if e, r, ok := m.dayAt(k); ok {
		r.p.tod, r.typ = tod, TypeTime
		return e, r, true
	}
	r := ptResult(m.rel(gDay, 0))
	r.p.tod, r.typ = tod, TypeTime
	return j, r, true
}

// dayAt matches a day at word k: a weekday, a date or today, yesterday or
// tomorrow.
func (m *matcher) dayAt(k int) (int, result, bool) {
	w := m.at(k)
	var e int
	var r result
	var ok bool
	switch w.e.kind {
	case kWeekday, kMonth:
		e, r, ok = m.calendar(k)
	case kDeictic:
		e, r, ok = m.relative(k)
	default:
		return k, result{}, false
	}
	if !ok || !r.isPt || r.p.g != gDay || r.p.tod != "" {
		return k, result{}, false
	}
	return e, r, true
}

// ampm converts a 12-hour clock time "HH:MM" to 24 hours.
func ampm(hm string, pm bool) string {
	h := digits(hm[:2])
	switch {
	case pm && h < 12:
		h += 12
	case !pm && h == 12:
		h = 0
	}
	return string(pad(nil, h, 2)) + hm[2:]
}

// partOfDay matches "this morning", "last night", "the next morning",
// "overnight", "Tuesday nights" (a set).
func (m *matcher) partOfDay(i int) (int, result, bool) {
	w := m.at(i)
	if w.e.kind == kPart && w.e.val == pOvernight {
		r := ptResult(m.rel(gDay, 0))
		r.p.tod, r.typ = "NI", TypeTime
		return i + 1, r, true
	}
	if w.e.kind == kPart && w.e.val == pMidday {
		r := ptResult(m.rel(gDay, 0))
		r.p.tod, r.typ = "12:00", TypeTime
		return i + 1, r, true
	}
	if w.e.kind == kWeekday && w.e.plural {
		return i, result{}, false
	}
	k := i
	if m.f(k, fThe) {
		k++
	}
	shift := 0
	switch x := m.at(k); {
	case x.is(fThis):
		if k > i {
			return i, result{}, false
		}
	case x.is(fLast):
		if k > i {
			return i, result{}, false
		}
		shift = -1
	case x.is(fNext) || x.is(fFollowing):
		if k == i && x.is(fFollowing) {
			return i, result{}, false
		}
		shift = 1
	case x.is(fPrevious):
		if k == i {
			return i, result{}, false
		}
		shift = -1
	default:
		return i, result{}, false
	}
	p := m.at(k + 1)
	if p.e.kind != kPart || p.e.plural {
		return i, result{}, false
	}
	c := partCode(int(p.e.val))
	if c == "" || c[0] < 'A' {
		return i, result{}, false
	}
	if shift < 0 && c != "NI" && k == i {
		// "last morning" is not said; "last night" is the night before the DCT
		return i, result{}, false
	}
	r := ptResult(m.rel(gDay, shift))
	r.p.tod, r.typ = c, TypeTime
	return k + 2, r, true
}

// isWord reports whether s starts with a lower-case ASCII letter.
func isWord(s string) bool { return s != "" && 'a' <= s[0] && s[0] <= 'z' }

// yearAgo matches the comparisons of earnings reports: "the year-ago
// quarter", "year-earlier", "the year-earlier third quarter", "the 1988
// period". The value is the quarter a year before the last one the text
// named, or last year when it named none.
func (m *matcher) yearAgo(i int) (int, result, bool) {
	k := i
	if m.f(k, fThe) {
		k++
	}
	if x := m.at(k); x.e.kind == kNone && x.num < 0 {
		switch m.d.Tokens[x.tok].Text {
		case "comparable", "corresponding", "same":
			k++
		}
	}
	if y, e, ok := m.year(k); ok {
		// "the 1988 quarter", "the 1988 period"
		u := m.at(e)
		if !(u.e.kind == kUnit && u.e.val == uQuarter && !u.e.plural) && !u.is(fPeriod) {
			return i, result{}, false
		}
		if m.hasQuarter {
			p := m.lastQ
			p.t = date(y, p.t.Month(), 1)
			r := ptResult(p)
			r.yearAgo = y != m.lastQ.t.Year()
			return e + 1, r, true
		}
		return e + 1, ptResult(yearPoint(y)), true
	}
	u := m.at(k)
	if u.e.kind != kUnit || u.e.val != uYear || u.e.plural {
		return i, result{}, false
	}
	a := m.at(k + 1)
	if !a.hyph || !(a.is(fAgo) || a.is(fEarlier)) {
		return i, result{}, false
	}
	e := k + 2
	p := m.rel(gYear, -1)
	ago := false
	if m.hasQuarter {
		p, ago = m.lastQ.shift(-4), true
	}
	if o, n := m.at(e), m.at(e+1); o.e.kind == kOrdinal && o.e.val <= 4 && n.e.kind == kUnit && n.e.val == uQuarter && !n.e.plural {
		y := m.dct.Year() - 1
		if m.hasQuarter {
			y = m.lastQ.t.Year() - 1
		}
		p, ago = quarterPoint(y, int(o.e.val)), true
		if !m.hasDCT && !m.hasQuarter {
			p.yearX = true
		}
		e += 2
	} else if n := m.at(e); n.e.kind == kUnit && n.e.val == uQuarter && !n.e.plural || n.is(fPeriod) {
		e++
	}
	r := ptResult(p)
	r.yearAgo = ago
	return e, r, true
}

// ordinalUnit matches a day, week, month or year counted within a period
// the text does not date: "the second day of the war", "its first year".
// The value stays unresolved.
func (m *matcher) ordinalUnit(i int) (int, result, bool) {
	k := i
	if m.f(k, fThe) {
		k++
	}
	o := m.at(k)
	if o.e.kind != kOrdinal {
		return i, result{}, false
	}
	u := m.at(k + 1)
	if u.e.kind != kUnit || u.e.plural {
		return i, result{}, false
	}
	var g gran
	switch u.e.val {
	case uDay:
		g = gDay
	case uWeek:
		g = gWeek
	case uMonth:
		g = gMonth
	case uYear:
		g = gYear
	default:
		return i, result{}, false
	}
	// "the first week of March" can be dated.
	if m.f(k+2, fOf) && g == gWeek {
		if e, r, ok := m.calendar(k + 3); ok && r.isPt && r.p.g == gMonth && r.p.resolved() {
			t := r.p.t.AddDate(0, 0, 7*(int(o.e.val)-1))
			return e, ptResult(weekPoint(t)), true
		}
	}
	return k + 2, ptResult(point{g: g, allX: true}), true
}

// holiday matches a fixed or computable holiday: "Christmas", "Christmas
// Eve", "New Year's Day", "Thanksgiving (Day)", "Easter (Sunday)", "Easter
// week".
func (m *matcher) holiday(i int) (int, result, bool) {
	w := m.at(i)
	if !w.cap {
		return i, result{}, false
	}
	e := i + 1
	h := int(w.e.val)
	if h == hChristmas && m.at(e).e.kind == kNone && m.d.Tokens[m.at(e).tok].Text == "Eve" {
		h, e = hChristmasEve, e+1
	}
	if h == hThanksgiving || h == hEaster {
		if n := m.at(e); n.e.kind == kUnit && n.e.val == uDay && !n.e.plural && n.cap {
			e++
		} else if n.e.kind == kWeekday && n.e.val == 0 && h == hEaster {
			e++
		} else if n.e.kind == kUnit && n.e.val == uWeek && !n.e.plural && h == hEaster {
			day := m.holidayDate(h, i)
			if day.resolved() {
				return e + 1, ptResult(weekPoint(day.t)), true
			}
			return e + 1, ptResult(point{g: gWeek, allX: true}), true
		}
	}
	return e, ptResult(m.holidayDate(h, i)), true
}

// holidayDate resolves holiday h to the occurrence nearest the DCT, as
// nearestYear does.
func (m *matcher) holidayDate(h, i int) point {
	on := func(y int) time.Time {
		switch h {
		case hChristmas:
			return date(y, 12, 25)
		case hChristmasEve:
			return date(y, 12, 24)
		case hThanksgiving:
			// the fourth Thursday of November
			t := date(y, 11, 1)
			off := (int(time.Thursday) - int(t.Weekday()) + 7) % 7
			return t.AddDate(0, 0, off+21)
		}
		return easter(y)
	}
	if !m.hasDCT {
		p := dayPoint(on(2000))
		p.yearX = h == hChristmas || h == hChristmasEve
		p.allX = !p.yearX
		return p
	}
	t := on(m.dct.Year())
	y := m.nearestYear(int(t.Month()), t.Day(), i)
	return dayPoint(on(y))
}

// easter returns Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian computus).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	mm := (a + 11*h + 22*l) / 451
	month := (h + l - 7*mm + 114) / 31
	day := (h+l-7*mm+114)%31 + 1
	return date(y, time.Month(month), day)
}
