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
