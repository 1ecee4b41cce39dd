package mention

import (
	"testing"
	"time"
)

// TestInferCountry covers bare agent nouns and titled people without a
// country, coded from the document by inferCountry, and unknown names coded
// by a title or an apposition that carries a country.
func TestInferCountry(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "nearest actor of the same sector before the dominant country",
			text: "Israeli troops entered the village. Syria protested, and Syria warned Israel. Later, troops fired shots.",
			want: []want{{text: "troops", code: "ISRMIL", via: "coreference"}},
		},
		{
			name: "dominant country",
			text: "Ethiopia and Eritrea signed a border deal. Ethiopia said officials would visit the border.",
			want: []want{{text: "officials", code: "ETHGOV", via: "coreference"}},
		},
		{
			name: "two countries named equally often: left uncoded",
			text: "Ethiopia and Eritrea signed a border deal. Officials said it would hold.",
			want: []want{{text: "Officials", via: "unresolved", noCode: true}},
		},
		{
			name: "no country named: the first place",
			text: "Gunfire was heard in Mombasa on Monday. Police said two people were hurt.",
			want: []want{{text: "Police", code: "KENCOP", via: "coreference"}},
		},
		{
			name: "country named only later: compositional",
			text: "Police said on Monday that two men had been arrested in Uganda.",
			want: []want{{text: "Police", code: "UGACOP", via: "compositional"}},
		},
		{
			name: "weapons, modifiers and roles are not coded",
			text: "Hezbollah fired drones at Israel. Israel asked Egypt to serve as a mediator in the guerrilla war.",
			want: []want{
				{text: "drones", noCode: true},
				{text: "mediator", noCode: true},
			},
		},
		{
			name: "titled person of unknown country takes the dominant country",
			text: "Kenya and Somalia met in Nairobi. Defence Minister Peter Kamau said Kenya would help.",
			want: []want{{text: "Defence Minister Peter Kamau", code: "KENGOV", country: "KEN", via: "coreference"}},
		},
		{
			name: "bare surname of one KB person",
			text: "Putin said the talks had failed.",
			want: []want{{text: "Putin", code: "RUSGOV"}},
		},
		{
			name: "the only country is the document's: refugees are not coded",
			text: "Refugees crossed into Sudan, and civilians fled the fighting in Sudan.",
			want: []want{
				{text: "Refugees", noCode: true},
				{text: "civilians", code: "SDNCVL"},
			},
		},
		{
			name: "unknown name with a country-bearing title",
			text: "Kenyan Interior Minister Peter Kamau visited Somalia.",
			want: []want{{text: "Kenyan Interior Minister Peter Kamau", code: "KENGOV", via: "compositional"}},
		},
		{
			name: "unknown name with an apposition that carries a country",
			text: "Peter Kamau, Kenya's interior minister, visited Somalia.",
			want: []want{{text: "Peter Kamau", code: "KENGOV", via: "compositional"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.process(tt.text, time.Time{})
			for _, w := range tt.want {
				from := 0
				for n := 1; n < w.nth; n++ {
					m, ok := find(d, w.text, from)
					if !ok {
						break
					}
					from = m.End
				}
				m, ok := find(d, w.text, from)
				if !ok {
					t.Errorf("no mention %q in %s", w.text, dump(d))
					continue
				}
				if w.code != "" && m.Code != w.code {
					t.Errorf("%q: code = %q, want %q", w.text, m.Code, w.code)
				}
				if w.noCode && m.Code != "" {
					t.Errorf("%q: code = %q, want none", w.text, m.Code)
				}
				if w.via != "" && m.Via != w.via {
					t.Errorf("%q: via = %q, want %q", w.text, m.Via, w.via)
				}
				if w.country != "" && m.Country != w.country {
					t.Errorf("%q: country = %q, want %q", w.text, m.Country, w.country)
				}
			}
			checkInvariants(t, d)
		})
	}
}
