package timex

// kind classifies a lexicon word.
type kind uint8

const (
	kNone       kind = iota
	kMonth           // val 1..12
	kWeekday         // val time.Weekday
	kUnit            // val a unit
	kNumber          // val the number: "one".."ninety", "hundred", "dozen"
	kOrdinal         // val the number: "first".."thirty-first"
	kSeason          // val 0 spring, 1 summer, 2 fall, 3 winter
	kPart            // val a part of day
	kDeictic         // val dToday, dYesterday, dTomorrow, dTonight
	kRef             // val rPresent, rPast, rFuture: a word that is a reference by itself
	kSetAdv          // val a unit: "daily", "weekly"
	kDecadeWord      // val the decade's tens: "nineties" 9
	kFunc            // val a function word (f...)
	kHoliday         // val a holiday (h...)
)

// Holidays.
const (
	hChristmas = iota + 1
	hChristmasEve
	hThanksgiving
	hEaster
)

// Units of time.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uSeason
	uYear
	uDecade
	uCentury
	uMillennium
)

// Parts of day.
const (
	pMorning = iota + 1
	pAfternoon
	pEvening
	pNight
	pNoon
	pMidnight
	pMidday
	pOvernight
)

// Deictic day words.
const (
	dToday = iota + 1
	dYesterday
	dTomorrow
	dTonight
)

// Reference words.
const (
	rPresent = iota + 1
	rPast
	rFuture
)

// Function words the grammar looks at.
const (
	fThe = iota + 1
	fA
	fLast
	fNext
	fThis
	fPast
	fComing
	fPrevious
	fFollowing
	fCurrent
	fSame
	fThat
	fRecent
	fAgo
	fEarlier
	fLater
	fEarly
	fLate
	fMid
	fEnd
	fBeginning
	fMiddle
	fOf
	fIn
	fAt
	fLeast
	fMore
	fLess
	fThan
	fApprox
	fNearly
	fOver
	fUp
	fTo
	fWithin
	fSeveral
	fFew
	fCouple
	fMany
	fSome
	fEvery
	fEach
	fFiscal
	fHalf
	fAnd
	fOr
	fSo
	fComma
	fAM
	fPM
	fZone
	fFuture
	fNow
	fRight
	fThese
	fLatest
	fPeriod
	fTerm
	fNear
	fShort
	fWill
	fFutureVerb
	fAnother
	fAdditional
	fApostrophe
	fDash
	fBy
	fThose
	fFrom
	fUntil
	fOn
	fSince
	fDuring
	fOther
	fSaid
	fNo
	fPresent
	fUnder
	fJust
	fTimes
	fPossessive
	fAs
)

// entry is a lexicon word: its kind, value and, for units, plurality.
type entry struct {
	kind   kind
	val    int16
	plural bool
	// abbr marks month and weekday abbreviations, which count only when
	// capitalised.
	abbr bool
}

// buildLexicon returns the word table used by the matcher. Keys are lower
// case.
func buildLexicon() map[string]entry {
	m := make(map[string]entry, 512)
	add := func(k kind, v int, words ...string) {
		for _, w := range words {
			m[w] = entry{kind: k, val: int16(v)}
		}
	}
	abbr := func(k kind, v int, words ...string) {
		for _, w := range words {
			m[w] = entry{kind: k, val: int16(v), abbr: true}
		}
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, w := range months {
		add(kMonth, i+1, w)
		if len(w) > 3 {
			abbr(kMonth, i+1, w[:3], w[:3]+".")
		}
	}
	abbr(kMonth, 9, "sept", "sept.")
	abbr(kMonth, 6, "june.")
	abbr(kMonth, 7, "july.")
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, w := range days {
		add(kWeekday, i, w)
		abbr(kWeekday, i, w[:3]+".")
		m[w+"s"] = entry{kind: kWeekday, val: int16(i), plural: true}
	}
	abbr(kWeekday, 2, "tues.", "tue")
	abbr(kWeekday, 4, "thurs.", "thur.", "thu")
	unit := func(u int, sing, plural string) {
		m[sing] = entry{kind: kUnit, val: int16(u)}
		if plural != "" {
			m[plural] = entry{kind: kUnit, val: int16(u), plural: true}
		}
	}
	unit(uSecond, "second", "seconds")
	unit(uMinute, "minute", "minutes")
	unit(uHour, "hour", "hours")
	unit(uDay, "day", "days")
	unit(uWeek, "week", "weeks")
	unit(uWeekend, "weekend", "weekends")
	unit(uFortnight, "fortnight", "fortnights")
	unit(uMonth, "month", "months")
	unit(uQuarter, "quarter", "quarters")
	unit(uSeason, "season", "seasons")
	unit(uYear, "year", "years")
	unit(uDecade, "decade", "decades")
	unit(uCentury, "century", "centuries")
	unit(uMillennium, "millennium", "millennia")
	m["yrs"] = entry{kind: kUnit, val: uYear, plural: true}
	m["hrs"] = entry{kind: kUnit, val: uHour, plural: true}
	m["mins"] = entry{kind: kUnit, val: uMinute, plural: true}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen"} {
		add(kNumber, i, w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(kNumber, 20+10*i, w)
	}
	add(kNumber, 100, "hundred")
	add(kNumber, 1000, "thousand")
	add(kNumber, 12, "dozen")
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"} {
		add(kOrdinal, i+1, w)
	}
	add(kOrdinal, 30, "thirtieth")
	for i, w := range []string{"spring", "summer", "fall", "winter"} {
		add(kSeason, i, w)
	}
	add(kSeason, 2, "autumn")
	add(kPart, pMorning, "morning", "mornings")
	add(kPart, pAfternoon, "afternoon", "afternoons")
	add(kPart, pEvening, "evening", "evenings")
	add(kPart, pNight, "night", "nights")
	add(kPart, pNoon, "noon")
	add(kPart, pMidnight, "midnight")
	add(kPart, pMidday, "midday")
	add(kPart, pOvernight, "overnight")
	add(kDeictic, dToday, "today")
	add(kDeictic, dYesterday, "yesterday")
	add(kDeictic, dTomorrow, "tomorrow")
	add(kDeictic, dTonight, "tonight")
	add(kRef, rPresent, "currently", "nowadays", "presently")
	add(kRef, rPast, "recently", "lately")
	add(kRef, rFuture, "soon")
	add(kSetAdv, uDay, "daily")
	add(kSetAdv, uWeek, "weekly")
	add(kSetAdv, uMonth, "monthly")
	add(kSetAdv, uQuarter, "quarterly")
	add(kSetAdv, uYear, "yearly", "annually")
	add(kSetAdv, uHour, "hourly")
	add(kSetAdv, uFortnight, "fortnightly")
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		add(kDecadeWord, i+2, w)
	}
	add(kHoliday, hChristmas, "christmas")
	add(kHoliday, hThanksgiving, "thanksgiving")
	add(kHoliday, hEaster, "easter")
	fn := func(v int, words ...string) { add(kFunc, v, words...) }
	fn(fThe, "the")
	fn(fA, "a", "an")
	fn(fLast, "last")
	fn(fNext, "next")
	fn(fThis, "this")
	fn(fPast, "past")
	fn(fComing, "coming", "upcoming")
	fn(fPrevious, "previous", "preceding", "prior")
	fn(fFollowing, "following", "ensuing", "subsequent")
	fn(fCurrent, "current")
	fn(fSame, "same")
	fn(fThat, "that")
	fn(fRecent, "recent")
	fn(fAgo, "ago")
	fn(fEarlier, "earlier")
	fn(fLater, "later")
	fn(fEarly, "early")
	fn(fLate, "late")
	fn(fMid, "mid")
	fn(fEnd, "end")
	fn(fBeginning, "beginning", "start")
	fn(fMiddle, "middle")
	fn(fOf, "of")
	fn(fIn, "in")
	fn(fAt, "at")
	fn(fLeast, "least")
	fn(fMore, "more")
	fn(fLess, "less", "fewer")
	fn(fThan, "than")
	fn(fApprox, "about", "approximately", "roughly", "some", "around")
	fn(fNearly, "nearly", "almost")
	fn(fOver, "over")
	fn(fUp, "up")
	fn(fTo, "to", "through")
	fn(fWithin, "within")
	fn(fSeveral, "several")
	fn(fFew, "few")
	fn(fCouple, "couple")
	fn(fMany, "many")
	fn(fEvery, "every")
	fn(fEach, "each")
	fn(fFiscal, "fiscal")
	fn(fHalf, "half")
	fn(fAnd, "and")
	fn(fOr, "or")
	fn(fSo, "so")
	fn(fAs, "as")
	fn(fComma, ",")
	fn(fAM, "a.m.", "a.m", "am")
	fn(fPM, "p.m.", "p.m", "pm")
	fn(fZone, "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet")
	fn(fFuture, "future")
	fn(fNow, "now")
	fn(fRight, "right")
	fn(fThese, "these")
	fn(fLatest, "latest", "most")
	fn(fPeriod, "period")
	fn(fTerm, "term")
	fn(fNear, "near")
	fn(fShort, "short")
	fn(fWill, "will", "'ll", "’ll", "shall", "wo")
	fn(fFutureVerb, "plans", "planned", "plan", "scheduled", "expected", "due", "intends", "aims")
	fn(fAnother, "another")
	fn(fAdditional, "additional", "further", "extra")
	fn(fApostrophe, "'", "’", "‘")
	fn(fDash, "-", "–", "—")
	fn(fBy, "by")
	fn(fThose, "those")
	fn(fFrom, "from")
	fn(fUntil, "until", "till", "til")
	fn(fOn, "on")
	fn(fSince, "since")
	fn(fDuring, "during", "throughout")
	fn(fOther, "other")
	fn(fSaid, "said", "says", "told", "announced", "reported", "added", "stated", "declared")
	fn(fNo, "no")
	fn(fPresent, "present")
	fn(fUnder, "under")
	fn(fJust, "just")
	fn(fTimes, "times", "once", "twice")
	fn(fPossessive, "'s", "’s")
	return m
}
