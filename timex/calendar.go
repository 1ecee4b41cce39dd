package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar value.
type gran uint8

const (
	gDay gran = iota
	gWeek
	gWeekend
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
)

// precision returns the name of g as reported in Timex.Precision.
func (g gran) precision() string {
	switch g {
	case gDay:
		return PrecisionDay
	case gWeek, gWeekend:
		return PrecisionWeek
	case gMonth:
		return PrecisionMonth
	case gSeason:
		return PrecisionSeason
	case gQuarter:
		return PrecisionQuarter
	case gHalf:
		return PrecisionHalf
	case gYear:
		return PrecisionYear
	case gDecade:
		return PrecisionDecade
	}
	return PrecisionCentury
}

// point is a calendar value: a unit of granularity g starting on day t.
// For gWeek t is a Monday, for gWeekend a Saturday, for gSeason the first
// day of its first month.
type point struct {
	g gran
	t time.Time
	// yearX marks a value whose year is unknown ("March 9" without a DCT):
	// the year prints as XXXX and there is no interval.
	yearX bool
	// allX marks a value that cannot be resolved at all ("yesterday"
	// without a DCT).
	allX bool
	// weekday is set (1 + time.Weekday) for a weekday that cannot be
	// resolved to a day: it prints as XXXX-WXX-N.
	weekday int
	// tod is a time of day: "MO", "AF", "EV", "NI", or "15:04".
	tod string
}

// date returns midnight UTC of the given day, normalising overflow.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// valid reports whether y-m-d is a real calendar day.
func valid(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := date(y, time.Month(m), d)
	return t.Day() == d
}

func dayPoint(t time.Time) point  { return point{g: gDay, t: t} }
func monthPoint(y, m int) point   { return point{g: gMonth, t: date(y, time.Month(m), 1)} }
func yearPoint(y int) point       { return point{g: gYear, t: date(y, 1, 1)} }
func quarterPoint(y, q int) point { return point{g: gQuarter, t: date(y, time.Month(3*q-2), 1)} }
func halfPoint(y, h int) point    { return point{g: gHalf, t: date(y, time.Month(6*h-5), 1)} }
func decadePoint(y int) point     { return point{g: gDecade, t: date(y-y%10, 1, 1)} }
func centuryPoint(y int) point    { return point{g: gCentury, t: date(y-y%100, 1, 1)} }
func seasonPoint(y, s int) point  { return point{g: gSeason, t: date(y, time.Month(3*s+3), 1)} }
func weekPoint(t time.Time) point { return point{g: gWeek, t: monday(t)} }
func weekendPoint(t time.Time) point {
	m := monday(t)
	return point{g: gWeekend, t: m.AddDate(0, 0, 5)}
}

// monday returns the Monday of t's ISO week.
func monday(t time.Time) time.Time {
	wd := (int(t.Weekday()) + 6) % 7 // Monday 0 .. Sunday 6
	return t.AddDate(0, 0, -wd)
}

// unitOf returns the point of granularity g that contains day t.
func unitOf(g gran, t time.Time) point {
	y, m := t.Year(), int(t.Month())
	switch g {
	case gDay:
		return dayPoint(t)
	case gWeek:
		return weekPoint(t)
	case gWeekend:
		return weekendPoint(t)
	case gMonth:
		return monthPoint(y, m)
	case gSeason:
		s := (m - 3) / 3 // March..May 0, June..August 1, September..November 2, December 3
		if m < 3 {
			return seasonPoint(y-1, 3)
		}
		return seasonPoint(y, s)
	case gQuarter:
		return quarterPoint(y, (m-1)/3+1)
	case gHalf:
		return halfPoint(y, (m-1)/6+1)
	case gYear:
		return yearPoint(y)
	case gDecade:
		return decadePoint(y)
	}
	return centuryPoint(y)
}

// shift returns the point n units of p's granularity after p.
func (p point) shift(n int) point {
	switch p.g {
	case gDay:
		p.t = p.t.AddDate(0, 0, n)
	case gWeek, gWeekend:
		p.t = p.t.AddDate(0, 0, 7*n)
	case gMonth:
		p.t = p.t.AddDate(0, n, 0)
	case gSeason:
		p.t = p.t.AddDate(1*n, 0, 0)
	case gQuarter:
		p.t = p.t.AddDate(0, 3*n, 0)
	case gHalf:
		p.t = p.t.AddDate(0, 6*n, 0)
	case gYear:
		p.t = p.t.AddDate(n, 0, 0)
	case gDecade:
		p.t = p.t.AddDate(10*n, 0, 0)
	case gCentury:
		p.t = p.t.AddDate(100*n, 0, 0)
	}
	return p
}

// last returns the last day of p.
func (p point) last() time.Time {
	switch p.g {
	case gDay:
		return p.t
	case gWeek:
		return p.t.AddDate(0, 0, 6)
	case gWeekend:
		return p.t.AddDate(0, 0, 1)
	case gMonth:
		return p.t.AddDate(0, 1, -1)
	case gSeason, gQuarter:
		return p.t.AddDate(0, 3, -1)
	case gHalf:
		return p.t.AddDate(0, 6, -1)
	case gYear:
		return p.t.AddDate(1, 0, -1)
	case gDecade:
		return p.t.AddDate(10, 0, -1)
	}
	return p.t.AddDate(100, 0, -1)
}

// resolved reports whether p names actual days.
func (p point) resolved() bool { return !p.yearX && !p.allX && p.weekday == 0 }

// value returns p's TIMEX3 value.
func (p point) value() string {
	b := make([]byte, 0, 20)
	year := func() {
		if p.yearX || p.allX {
			b = append(b, "XXXX"...)
			return
		}
		b = pad(b, p.t.Year(), 4)
	}
	switch {
	case p.weekday > 0:
		b = append(b, "XXXX-WXX-"...)
		b = strconv.AppendInt(b, int64((p.weekday+5)%7+1), 10)
	case p.g == gDay:
		year()
		if p.allX {
			b = append(b, "-XX-XX"...)
		} else {
			b = append(b, '-')
			b = pad(b, int(p.t.Month()), 2)
			b = append(b, '-')
			b = pad(b, p.t.Day(), 2)
		}
	case p.g == gWeek || p.g == gWeekend:
		if p.allX {
			b = append(b, "XXXX-WXX"...)
		} else {
			y, w := p.t.ISOWeek()
			if p.g == gWeekend {
				y, w = p.t.AddDate(0, 0, -5).ISOWeek()
			}
			b = pad(b, y, 4)
			b = append(b, "-W"...)
			b = pad(b, w, 2)
		}
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case p.g == gMonth:
		year()
		if p.allX {
			b = append(b, "-XX"...)
		} else {
			b = append(b, '-')
			b = pad(b, int(p.t.Month()), 2)
		}
	case p.g == gSeason:
		year()
		b = append(b, '-')
		b = append(b, seasonCode(int(p.t.Month()))...)
	case p.g == gQuarter:
		year()
		b = append(b, "-Q"...)
		if p.allX {
			b = append(b, 'X')
		} else {
			b = strconv.AppendInt(b, int64((int(p.t.Month())-1)/3+1), 10)
		}
	case p.g == gHalf:
		year()
		b = append(b, "-H"...)
		if p.allX {
			b = append(b, 'X')
		} else {
			b = strconv.AppendInt(b, int64((int(p.t.Month())-1)/6+1), 10)
		}
	case p.g == gYear:
		year()
	case p.g == gDecade:
		if p.allX {
			b = append(b, "XXX"...)
		} else {
			b = pad(b, p.t.Year()/10, 3)
		}
	default:
		if p.allX {
			b = append(b, "XX"...)
		} else {
			b = pad(b, p.t.Year()/100, 2)
		}
	}
	if p.tod != "" {
		b = append(b, 'T')
		b = append(b, p.tod...)
	}
	return string(b)
}

// seasonCode returns the TIMEX3 code of the season starting in month m.
func seasonCode(m int) string {
	switch m {
	case 3:
		return "SP"
	case 6:
		return "SU"
	case 9:
		return "FA"
	}
	return "WI"
}

// pad appends n in decimal, zero-padded to width digits.
func pad(b []byte, n, width int) []byte {
	if n < 0 {
		n = 0
	}
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// ymd formats a day as YYYY-MM-DD.
func ymd(t time.Time) string {
	b := make([]byte, 0, 10)
	b = pad(b, t.Year(), 4)
	b = append(b, '-')
	b = pad(b, int(t.Month()), 2)
	b = append(b, '-')
	b = pad(b, t.Day(), 2)
	return string(b)
}
