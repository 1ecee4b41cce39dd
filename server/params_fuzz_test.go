package server

import (
	"net/url"
	"testing"
)

// FuzzParseFilter feeds arbitrary query strings to the filter parser: it
// must not panic, and a filter it accepts is valid and within the limit.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "actor=ISR&limit=5", "from=2026-03-01&to=2026-03-09&order=-day", "merged=1&offset=3",
		"limit=99999", "cameo=%00&text=%27%3B--", "q=x&q=y", "order=stored&limit=-4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := parseFilter(q, limits{10, 100})
		if err != nil {
			return
		}
		if err := fl.Validate(); err != nil {
			t.Errorf("accepted %q, whose filter is invalid: %v", raw, err)
		}
		if fl.Limit < 1 || fl.Limit > 100 {
			t.Errorf("accepted %q with limit %d", raw, fl.Limit)
		}
	})
}
