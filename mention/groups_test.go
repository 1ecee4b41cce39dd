package mention

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
)

// TestNotActors covers demonyms that name no actor: a language and what is
// written in it.
func TestNotActors(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, text, not string
		want            []want
	}{
		{
			name: "a demonym before a language noun is the language",
			text: "The Kazakh parliament limited the use of the Russian language in schools.",
			not:  "Russian",
			want: []want{{text: "Kazakh parliament", code: "KAZLEG"}},
		},
		{
			name: "nor does it lend its country to the document",
			text: "The court banned Uzbek dialects on radio.",
			not:  "Uzbek",
			want: []want{{text: "court", noCode: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.process(tt.text, time.Time{})
			for _, m := range d.Mentions {
				if m.Kind == doc.KindActor && m.Text == tt.not {
					t.Errorf("%q is an actor mention: %s", tt.not, dump(d))
				}
			}
			checkWants(t, d, tt.want)
		})
	}
}

// TestStackedPeoples covers a group named by two peoples' words before its
// agent noun: the first names the country it lives in, the second (a
// demonym, an unknown name or adjective) the people.
func TestStackedPeoples(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, text string
		want       []want
	}{
		{
			name: "two demonyms: the first is the country",
			text: "Bosnian Croat soldiers left the village.",
			want: []want{{text: "Bosnian Croat soldiers", code: "BIHMIL", via: "compositional"}},
		},
		{
			name: "a demonym and an unknown people's name",
			text: "Nigerian Ijaw militants seized the platform.",
			want: []want{{text: "Nigerian Ijaw militants", code: "NGAREB", via: "compositional"}},
		},
		{
			name: "a demonym and a people's adjective",
			text: "Iranian Kurdish refugees crossed the border.",
			want: []want{{text: "Iranian Kurdish refugees", code: "IRNREF", via: "compositional"}},
		},
		{
			name: "a plural people's name alone is still the people",
			text: "Bosnian Serbs voted on Sunday.",
			want: []want{{text: "Bosnian Serbs", code: "BIH"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, f.process(tt.text, time.Time{}), tt.want)
		})
	}
}

// TestFledCountry covers a group coded by the country it flees, named
// through a participle or relative clause of a fleeing verb.
func TestFledCountry(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, text string
		want       []want
	}{
		{
			name: "the object of a fleeing participle",
			text: "Kenya sheltered refugees fleeing Somalia last year.",
			want: []want{{text: "refugees", code: "SOMREF", via: "compositional"}},
		},
		{
			name: "a relative clause",
			text: "Italy rescued migrants who had escaped from Libya on Monday.",
			want: []want{{text: "migrants", country: "LBY"}},
		},
		{
			name: "where the war they flee is",
			text: "Guinea will feed refugees fleeing the fighting in Sierra Leone.",
			want: []want{{text: "refugees", code: "SLEREF"}},
		},
		{
			name: "where they flee to is not theirs",
			text: "The agency counted refugees fleeing to Chad.",
			want: []want{{text: "refugees", noCode: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, f.process(tt.text, time.Time{}), tt.want)
		})
	}
}
