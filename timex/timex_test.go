package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/tokenize"
)

// find tokenizes text and returns its time expressions relative to dct.
func find(tb testing.TB, tg *Tagger, text string, dct time.Time) []Timex {
	tb.Helper()
	d := &doc.Doc{Article: doc.Article{Text: text}}
	tokenize.New().Process(d)
	return tg.Find(d, dct)
}

// dct is a Monday.
var dct = time.Date(2026, 3, 9, 15, 4, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	type want struct{ text, typ, value, from, to, prec, mod string }
	tests := []struct {
		name string
		text string
		dct  time.Time
		want []want
	}{
		{"full date", "The talks were held on March 9, 2026, in Beirut.", dct,
			[]want{{"March 9, 2026", "DATE", "2026-03-09", "2026-03-09", "2026-03-09", "day", ""}}},
		{"a day later counts from the last date", "Talks began on March 2. A day later they broke down.", dct,
			[]want{{"March 2", "DATE", "2026-03-02", "2026-03-02", "2026-03-02", "day", ""},
				{"A day later", "DATE", "2026-03-03", "2026-03-03", "2026-03-03", "day", ""}}},
		{"day month", "It happened on 9 March.", dct,
			[]want{{"9 March", "DATE", "2026-03-09", "2026-03-09", "2026-03-09", "day", ""}}},
		{"iso", "Filed 2026-03-05 by the ministry.", dct,
			[]want{{"2026-03-05", "DATE", "2026-03-05", "2026-03-05", "2026-03-05", "day", ""}}},
		{"month year", "Prices rose in March 2026.", dct,
			[]want{{"March 2026", "DATE", "2026-03", "2026-03-01", "2026-03-31", "month", ""}}},
		{"year", "The party was founded in 1998.", dct,
			[]want{{"1998", "DATE", "1998", "1998-01-01", "1998-12-31", "year", ""}}},
		{"weekday before the DCT", "Israel struck Beirut on Tuesday.", dct,
			[]want{{"Tuesday", "DATE", "2026-03-03", "2026-03-03", "2026-03-03", "day", ""}}},
		{"weekday of the DCT", "Israel struck Beirut on Monday.", dct,
			[]want{{"Monday", "DATE", "2026-03-09", "", "", "day", ""}}},
		{"weekday in the future", "The envoy will arrive on Tuesday.", dct,
			[]want{{"Tuesday", "DATE", "2026-03-10", "", "", "day", ""}}},
		{"last weekday", "He spoke last Monday.", dct,
			[]want{{"last Monday", "DATE", "2026-03-02", "", "", "day", ""}}},
		{"deictic days", "Today, yesterday and tomorrow.", dct, []want{
			{"Today", "DATE", "2026-03-09", "", "", "day", ""},
			{"yesterday", "DATE", "2026-03-08", "", "", "day", ""},
			{"tomorrow", "DATE", "2026-03-10", "", "", "day", ""}}},
		{"last week", "Hezbollah fired rockets last week.", dct,
			[]want{{"last week", "DATE", "2026-W10", "2026-03-02", "2026-03-08", "week", ""}}},
		{"this week", "Talks resume this week.", dct,
			[]want{{"this week", "DATE", "2026-W11", "2026-03-09", "2026-03-15", "week", ""}}},
		{"next month", "Elections are due next month.", dct,
			[]want{{"next month", "DATE", "2026-04", "2026-04-01", "2026-04-30", "month", ""}}},
		{"earlier this month", "The army was deployed earlier this month.", dct,
			[]want{{"earlier this month", "DATE", "2026-03", "2026-03-01", "2026-03-09", "month", ""}}},
		{"last year", "The war began last year.", dct,
			[]want{{"last year", "DATE", "2025", "2025-01-01", "2025-12-31", "year", ""}}},
		{"references", "Lebanon recently proposed talks and is now waiting.", dct, []want{
			{"recently", "DATE", "PAST_REF", "", "", "", ""},
			{"now", "DATE", "PRESENT_REF", "", "", "", ""}}},
		{"month alone in the past", "The ceasefire collapsed in January.", dct,
			[]want{{"January", "DATE", "2026-01", "", "", "month", ""}}},
		{"month alone after the DCT", "The ceasefire was agreed in November.", dct,
			[]want{{"November", "DATE", "2025-11", "", "", "month", ""}}},
		{"season", "Fighting escalated last summer.", dct,
			[]want{{"last summer", "DATE", "2025-SU", "2025-06-01", "2025-08-31", "season", ""}}},
		{"quarter", "Exports fell in the third quarter.", dct,
			[]want{{"the third quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30", "quarter", ""}}},
		{"decade", "The militia grew in the 1990s.", dct,
			[]want{{"the 1990s", "DATE", "199", "1990-01-01", "1999-12-31", "decade", ""}}},
		{"time of day", "Shelling resumed Tuesday morning.", dct,
			[]want{{"Tuesday morning", "TIME", "2026-03-03TMO", "2026-03-03", "2026-03-03", "time", ""}}},
		{"clock", "The strike hit at 10:30 a.m. local time.", dct,
			[]want{{"10:30 a.m.", "TIME", "2026-03-09T10:30", "", "", "time", ""}}},
		{"ago", "Talks collapsed two days ago.", dct,
			[]want{{"two days ago", "DATE", "2026-03-07", "", "", "day", ""}}},
		{"duration", "The siege lasted three years.", dct,
			[]want{{"three years", "DURATION", "P3Y", "", "", "", ""}}},
		{"duration for", "They fought for two weeks.", dct,
			[]want{{"two weeks", "DURATION", "P2W", "", "", "", ""}}},
		{"anchored duration", "Prices doubled over the past two weeks.", dct,
			[]want{{"the past two weeks", "DURATION", "P2W", "2026-02-23", "2026-03-09", "", ""}}},
		{"amount modifier", "The talks took more than five hours.", dct,
			[]want{{"more than five hours", "DURATION", "PT5H", "", "", "", "MORE_THAN"}}},
		{"sets", "Convoys leave every week; bulletins appear weekly.", dct, []want{
			{"every week", "SET", "P1W", "", "", "", ""},
			{"weekly", "SET", "P1W", "", "", "", ""}}},
		{"unresolved ordinal", "It was the second day of the war.", dct,
			[]want{{"the second day", "DATE", "XXXX-XX-XX", "", "", "", ""}}},
		{"range", "The summit runs March 3-9.", dct, []want{
			{"March 3", "DATE", "2026-03-03", "", "", "day", ""},
			{"9", "DATE", "2026-03-09", "", "", "day", ""}}},
		{"early month", "Talks are planned for early April.", dct,
			[]want{{"early April", "DATE", "2026-04", "2026-04-01", "2026-04-10", "month", "START"}}},
		{"holiday", "The truce held over Christmas.", dct,
			[]want{{"Christmas", "DATE", "2025-12-25", "", "", "day", ""}}},
		{"not times", "A 6-year-old boy, 1,000 people and Theresa May said so.", dct, nil},
		{"no DCT: partial date", "It happened on March 9.", time.Time{},
			[]want{{"March 9", "DATE", "XXXX-03-09", "", "", "", ""}}},
		{"no DCT: relative", "Yesterday and last week, on Tuesday, recently.", time.Time{}, []want{
			{"Yesterday", "DATE", "XXXX-XX-XX", "", "", "", ""},
			{"last week", "DATE", "XXXX-WXX", "", "", "", ""},
			{"Tuesday", "DATE", "XXXX-WXX-2", "", "", "", ""},
			{"recently", "DATE", "PAST_REF", "", "", "", ""}}},
		{"no DCT: absolute", "On March 9, 2026.", time.Time{},
			[]want{{"March 9, 2026", "DATE", "2026-03-09", "2026-03-09", "2026-03-09", "day", ""}}},
	}
	tg := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tg, tt.text, tt.dct)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d expressions %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Type != w.typ || g.Value != w.value || g.Mod != w.mod {
					t.Errorf("expression %d = %q %s %s %s, want %q %s %s %s", i, g.Text, g.Type, g.Value, g.Mod, w.text, w.typ, w.value, w.mod)
				}
				if w.from != "" && (g.From != w.from || g.To != w.to) {
					t.Errorf("%q: interval %s..%s, want %s..%s", g.Text, g.From, g.To, w.from, w.to)
				}
				if g.Precision != w.prec {
					t.Errorf("%q: precision %q, want %q", g.Text, g.Precision, w.prec)
				}
			}
		})
	}
}

func TestDate(t *testing.T) {
	x := Timex{Text: "last week", Value: "2026-W10", From: "2026-03-02", To: "2026-03-08", Precision: PrecisionWeek}
	want := Date{Text: "last week", Value: "2026-W10", Start: "2026-03-02", End: "2026-03-08", Precision: "week"}
	if got := x.Date(); got != want {
		t.Errorf("Date() = %+v, want %+v", got, want)
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		p    point
		want string
	}{
		{dayPoint(date(2026, 3, 9)), "2026-03-09"},
		{weekPoint(date(2026, 3, 9)), "2026-W11"},
		{weekPoint(date(2027, 1, 1)), "2026-W53"},
		{weekendPoint(date(2026, 3, 9)), "2026-W11-WE"},
		{monthPoint(2026, 3), "2026-03"},
		{quarterPoint(2026, 4), "2026-Q4"},
		{halfPoint(2026, 2), "2026-H2"},
		{seasonPoint(2025, 3), "2025-WI"},
		{yearPoint(998), "0998"},
		{decadePoint(1994), "199"},
		{centuryPoint(1901), "19"},
		{point{g: gMonth, allX: true}, "XXXX-XX"},
		{point{g: gDay, weekday: 1}, "XXXX-WXX-7"},
		{point{g: gDay, t: date(2000, 2, 29), yearX: true}, "XXXX-02-29"},
		{point{g: gDay, t: date(2026, 3, 3), tod: "MO"}, "2026-03-03TMO"},
	}
	for _, tt := range tests {
		if got := tt.p.value(); got != tt.want {
			t.Errorf("value of %+v = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2000: "2000-04-23"} {
		if got := ymd(easter(y)); got != want {
			t.Errorf("easter(%d) = %s, want %s", y, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", "On March 9, 2026, last week and two days ago.", "the 1990s '80s 1,000 mid-November",
		"10:30 a.m. EST Tuesday, 5 p.m. EST, Nov. 6", "2026-03-09 2026-13-40 1990-95 March 3-9",
		"the year-ago quarter and the 1988 period", "every other week, Tuesdays, half an hour",
		"\xff\xfe bad utf8 “Friday” — yesterday’s", "May May May March 31 February 30",
	} {
		f.Add(s, int64(0))
		f.Add(s, dct.Unix())
	}
	tg := New()
	tk := tokenize.New()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<35), 0).UTC()
		}
		d := &doc.Doc{Article: doc.Article{Text: text}}
		tk.Process(d)
		n := utf8.RuneCountInString(text)
		rs := []rune(text)
		prev := 0
		for _, x := range tg.Find(d, ref) {
			if x.Start < prev || x.End <= x.Start || x.End > n {
				t.Fatalf("expression %q [%d,%d) out of order or range (previous end %d, %d code points)", x.Text, x.Start, x.End, prev, n)
			}
			if want := string(rs[x.Start:x.End]); x.Text != want {
				t.Fatalf("text %q, want %q", x.Text, want)
			}
			if x.First < 0 || x.Last <= x.First || x.Last > len(d.Tokens) {
				t.Fatalf("tokens [%d,%d) out of range", x.First, x.Last)
			}
			if x.Value == "" || x.Type == "" {
				t.Fatalf("expression %q without type or value", x.Text)
			}
			prev = x.End
		}
	})
}

// news is a paragraph of wire copy for the benchmark.
const news = `BEIRUT, March 9 (Reuters) - Lebanon proposed direct talks with Israel last week, officials said on Monday, ` +
	`as Israeli jets struck the southern suburbs of Beirut for the second day. Hezbollah fired rockets at northern Israel ` +
	`early on Sunday, two days after the army said it would deploy 10,000 troops by the end of the month. The talks, ` +
	`first proposed in January 2026, could begin within two weeks, a senior official told reporters. "We have waited ` +
	`for years," he said. The cabinet meets every Tuesday and will decide next month. Prices have doubled since 2019.`

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(news+"\n\n", 20)
	d := &doc.Doc{Article: doc.Article{Text: text}}
	tokenize.New().Process(d)
	tg := New()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg.Find(d, dct)
	}
	b.ReportMetric(float64(b.N*len(d.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}
