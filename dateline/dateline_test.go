package dateline

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestFind(t *testing.T) {
	ref := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		ref  time.Time
		ok   bool
		span doc.Span
		date time.Time
		body string // text from span.End, prefix
	}{
		{"seed form", " date 2026-03-09 The cabinet met on Monday.", ref, true, doc.Span{Start: 1, End: 17}, ymd(2026, 3, 9), "The cabinet"},
		{"seed form colon", "Date: 2026-03-09\nThe cabinet met.", ref, true, doc.Span{Start: 0, End: 17}, ymd(2026, 3, 9), "The cabinet"},
		{"reuters", "BEIRUT, March 9 (Reuters) - The army said on Monday.", ref, true, doc.Span{Start: 0, End: 28}, ymd(2026, 3, 9), "The army"},
		{"ap", "WASHINGTON (AP) — Officials met.", ref, true, doc.Span{Start: 0, End: 18}, time.Time{}, "Officials"},
		{"afp with region and year", "KYIV, Ukraine, March 9, 2026 (AFP) – Sirens sounded.", ref, true, doc.Span{Start: 0, End: 37}, ymd(2026, 3, 9), "Sirens"},
		{"xinhua abbreviated month", "GAZA CITY, Jan 5 (Xinhua) -- Rain fell.", ref, true, doc.Span{Start: 0, End: 29}, ymd(2026, 1, 5), "Rain"},
		{"bare place", "LONDON — Talks resumed.", ref, true, doc.Span{Start: 0, End: 9}, time.Time{}, "Talks"},
		{"title-case place with agency", "Gaza City, Jan. 5 (Xinhua) -- Rain fell.", ref, true, doc.Span{Start: 0, End: 30}, ymd(2026, 1, 5), "Rain"},
		{"non-ASCII place", "SÃO PAULO, 9 de março — x", ref, false, doc.Span{}, time.Time{}, ""},
		{"non-ASCII place dash", "\u00a0SÃO PAULO (Reuters) — Prices rose.", ref, true, doc.Span{Start: 1, End: 23}, time.Time{}, "Prices"},
		{"non-ASCII before body", "N’DJAMENA, March 2 (AFP) - Über alles.", ref, true, doc.Span{Start: 0, End: 27}, ymd(2026, 3, 2), "Über"},
		{"iso line", "2026-03-09\nThe cabinet met.", ref, true, doc.Span{Start: 0, End: 11}, ymd(2026, 3, 9), "The cabinet"},
		{"long date line", "March 9, 2026\n\nThe cabinet met.", ref, true, doc.Span{Start: 0, End: 15}, ymd(2026, 3, 9), "The cabinet"},
		{"weekday date line", "Monday, March 9, 2026\r\nThe cabinet met.", ref, true, doc.Span{Start: 0, End: 23}, ymd(2026, 3, 9), "The cabinet"},
		{"date line then wire", "2026-03-09\nBEIRUT (AP) — The army said.", ref, true, doc.Span{Start: 0, End: 25}, ymd(2026, 3, 9), "The army"},
		{"year from ref, previous year", "BEIRUT, Dec 30 (Reuters) - Snow.", ref, true, doc.Span{Start: 0, End: 27}, ymd(2025, 12, 30), "Snow"},
		{"year from ref, one day ahead allowed", "BEIRUT, March 11 (Reuters) - Snow.", ref, true, doc.Span{Start: 0, End: 29}, ymd(2026, 3, 11), "Snow"},
		{"year from ref, two days ahead is last year", "BEIRUT, March 12 (Reuters) - Snow.", ref, true, doc.Span{Start: 0, End: 29}, ymd(2025, 3, 12), "Snow"},
		{"feb 29 goes to a leap year", "PARIS, Feb 29 (AFP) - Snow.", ref, true, doc.Span{Start: 0, End: 22}, ymd(2024, 2, 29), "Snow"},
		{"zero ref leaves yearless date zero", "PARIS, March 9 (AFP) - Snow.", time.Time{}, true, doc.Span{Start: 0, End: 23}, time.Time{}, "Snow"},
		{"impossible date keeps dateline", "PARIS, Feb 30 (AFP) - Snow.", ref, true, doc.Span{Start: 0, End: 22}, time.Time{}, "Snow"},
		{"day month year", "MOSUL, 9 March 2026 (AP) — Snow.", ref, true, doc.Span{Start: 0, End: 27}, ymd(2026, 3, 9), "Snow"},
		// Not datelines.
		{"plain sentence", "The Lebanese cabinet met on Monday.", ref, false, doc.Span{}, time.Time{}, ""},
		{"sentence with dash", "Officials — speaking privately — said no.", ref, false, doc.Span{}, time.Time{}, ""},
		{"short caps", "US — China talks resumed.", ref, false, doc.Span{}, time.Time{}, ""},
		{"hyphenated caps word", "BEIRUT-based groups said.", ref, false, doc.Span{}, time.Time{}, ""},
		{"date inside sentence", "March 9, 2026 was a quiet day.", ref, false, doc.Span{}, time.Time{}, ""},
		{"date word", "Date rape drugs were seized.", ref, false, doc.Span{}, time.Time{}, ""},
		{"impossible iso line", "2026-02-30\nText.", ref, false, doc.Span{}, time.Time{}, ""},
		{"title-case without date or agency", "Israel - the country said.", ref, false, doc.Span{}, time.Time{}, ""},
		{"empty", "", ref, false, doc.Span{}, time.Time{}, ""},
		{"spaces", "  \n ", ref, false, doc.Span{}, time.Time{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			span, date, ok := Find(tc.text, tc.ref)
			if ok != tc.ok || span != tc.span || !date.Equal(tc.date) {
				t.Fatalf("Find(%q) = %v, %v, %v; want %v, %v, %v", tc.text, span, date, ok, tc.span, tc.date, tc.ok)
			}
			if ok {
				r := []rune(tc.text)
				if got := string(r[span.End:]); len(got) < len(tc.body) || got[:len(tc.body)] != tc.body {
					t.Errorf("body starts %q, want prefix %q", got, tc.body)
				}
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		" date 2026-03-09 The cabinet met.",
		"BEIRUT, March 9 (Reuters) - The army said.",
		"KYIV, Ukraine, March 9, 2026 (AFP) – Sirens.",
		"Monday, March 9, 2026\nText",
		"SÃO PAULO (Reuters) — x",
		"PARIS, Feb 29 (AFP) -",
		"\xff\xfeBEIRUT —",
	} {
		f.Add(s, int64(1773100800))
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		ref := time.Unix(sec%(1<<35), 0).UTC()
		span, _, ok := Find(text, ref)
		n := utf8.RuneCountInString(text)
		if span.Start < 0 || span.End < span.Start || span.End > n {
			t.Fatalf("span %v out of range for %d runes", span, n)
		}
		if !ok && span != (doc.Span{}) {
			t.Fatalf("non-empty span %v without a match", span)
		}
		if ok && span.IsZero() {
			t.Fatalf("empty span for a match")
		}
	})
}
