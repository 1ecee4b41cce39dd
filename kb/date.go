package kb

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a possibly partial calendar date: Year only, Year and Month, or a
// full day. The zero Date means "unknown" or "open": as a start it lies
// before every time, as an end after every time.
type Date struct{ Year, Month, Day int }

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD. The empty string gives the
// zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	var d Date
	var err error
	bad := fmt.Errorf("bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return Date{}, bad
	}
	if d.Year, err = digits(s[:4]); err != nil || d.Year == 0 {
		return Date{}, bad
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return Date{}, bad
		}
		if d.Month, err = digits(s[5:7]); err != nil || d.Month < 1 || d.Month > 12 {
			return Date{}, bad
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return Date{}, bad
		}
		if d.Day, err = digits(s[8:10]); err != nil || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, bad
		}
	}
	return d, nil
}

// digits parses a string of ASCII digits only (no sign, no spaces).
func digits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero (open) Date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d as it is written in the data files; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Begin is the first instant (UTC) of the period d names: 2024 begins on
// 2024-01-01, 2024-03 on 2024-03-01. The zero Date gives the zero time.
func (d Date) Begin() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Finish is the first instant (UTC) after the period d names, so the
// period is [Begin, Finish): 2024 finishes at 2025-01-01, 2024-03-10 at
// 2024-03-11. The zero Date gives the zero time.
func (d Date) Finish() time.Time {
	switch {
	case d.IsZero():
		return time.Time{}
	case d.Month == 0:
		return d.Begin().AddDate(1, 0, 0)
	case d.Day == 0:
		return d.Begin().AddDate(0, 1, 0)
	}
	return d.Begin().AddDate(0, 0, 1)
}

// StartsBy reports whether d, read as the start of an interval, lies at or
// before t: true when d is zero or t is at or after d.Begin().
func (d Date) StartsBy(t time.Time) bool { return d.IsZero() || !t.Before(d.Begin()) }

// LastsTill reports whether d, read as the inclusive end of an interval,
// still covers t: true when d is zero or t is before d.Finish().
func (d Date) LastsTill(t time.Time) bool { return d.IsZero() || t.Before(d.Finish()) }

// During reports whether t lies in the interval from start to end, both
// inclusive at their precision and open when zero.
func During(t time.Time, start, end Date) bool { return start.StartsBy(t) && end.LastsTill(t) }

// Compare orders dates by their Begin time; the zero Date sorts first.
// It returns -1, 0 or +1.
func (d Date) Compare(o Date) int { return d.Begin().Compare(o.Begin()) }
