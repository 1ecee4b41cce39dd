package attrib

import (
	"strings"
	"testing"
)

// TestHedgedStances checks that a hedge on a stance or directive cue
// ("are reportedly concerned", "reportedly asked") hedges the event it
// states, and not what the stance is about.
func TestHedgedStances(t *testing.T) {
	tests := []struct {
		name, text, trigger string
		hedged              bool
	}{
		{"hedged adjective of stance", "Egyptian officials are reportedly worried about the border.", "worried", true},
		{"what the stance is about keeps its voice", "Egyptian officials are reportedly worried that Israel will strike Rafah.", "strike", false},
		{"hedged directive", "Qatar reportedly urged Hamas to accept the deal.", "urged", true},
		{"no hedge", "Egyptian officials are worried about the border.", "worried", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.text)
			x := NewIndex(d, Find(d))
			found := false
			for tok, tk := range d.Tokens {
				if tk.Text != tt.trigger {
					continue
				}
				found = true
				if got := x.Sourcing(0, tok); got.Hedged != tt.hedged {
					t.Errorf("%q is %+v, want hedged %v", tt.trigger, got, tt.hedged)
				}
			}
			if !found {
				t.Fatalf("no token %q", tt.trigger)
			}
		})
	}
}

// TestShowing checks that an actor showing a disposition reports nothing,
// while a poll or study showing something does.
func TestShowing(t *testing.T) {
	tests := []struct {
		name, text string
		cue        bool
	}{
		{"an actor shows a disposition", "The government has shown little interest in the talks.", false},
		{"an actor shows restraint", "Russia showed restraint on the border.", false},
		{"a poll shows a finding", "The poll shows a close race in Ohio.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.text)
			got := false
			for _, a := range Find(d) {
				if strings.Contains(spanText(d, a.Cue), "show") {
					got = true
				}
			}
			if got != tt.cue {
				t.Errorf("cue of showing found %v, want %v", got, tt.cue)
			}
		})
	}
}
