package mention

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
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
			checkWants(t, f.process(tt.text, time.Time{}), tt.want)
		})
	}
}

// TestOwnCountry covers a bare agent noun, titled person or people that
// takes its country from its own noun phrase, before the document's
// countries: a possessor, a prepositional modifier naming a country or a
// place, "X-led", and an ethnic group coded by where it lives.
func TestOwnCountry(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "possessive determiner before a country after the noun",
			text: "Russia has strengthened its forces in Crimea amid confrontation with Ukraine.",
			want: []want{{text: "forces", code: "RUSMIL", via: "compositional"}},
		},
		{
			name: "possessive determiner of a person",
			text: "Kenyan Interior Minister Peter Kamau said his police would patrol Somalia.",
			want: []want{{text: "police", code: "KENCOP", via: "compositional"}},
		},
		{
			name: "place as possessor of a titled unknown person, modifiers between",
			text: "A German court rejected a request for Catalonia's former leader Carles Puigdemont.",
			want: []want{{text: "leader Carles Puigdemont", code: "ESPGOV", via: "compositional"}},
		},
		{
			name: "demonym inside a prepositional modifier over the dominant country",
			text: "Macedonia protested to Macedonia's neighbours. Protesters in the eastern Kosovan town of Gjilan burned the Macedonian flag.",
			want: []want{{text: "Protesters", code: "XKXOPP", via: "compositional"}},
		},
		{
			name: "country two modifiers deep",
			text: "The president of the Central Asian nation of Kyrgyzstan resigned on Thursday.",
			want: []want{{text: "president", code: "KGZGOV", via: "compositional"}},
		},
		{
			name: "organisation after of",
			text: "Fighters of Hamas attacked the post.",
			want: []want{{text: "Fighters", code: "PSEREBHMS", via: "compositional"}},
		},
		{
			name: "X-led",
			text: "US-led forces and a Saudi-led coalition struck the port.",
			want: []want{{text: "US-led forces", code: "USAMIL"}, {text: "Saudi-led coalition", country: "SAU"}},
		},
		{
			name: "ethnic group where it lives",
			text: "Ethnic Albanians in south Serbia demanded autonomy.",
			want: []want{{text: "Albanians", code: "SRBCVL"}},
		},
		{
			name: "ethnic group: the document's country, the demonym not counted",
			text: "Ethnic Albanians have sworn to fight near Macedonia's border with Bulgaria, Macedonian officials said.",
			want: []want{{text: "Albanians", country: "MKD"}},
		},
		{
			name: "PRC is China",
			text: "The PRC demanded that the US cancel the sale.",
			want: []want{{text: "PRC", code: "CHN"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, f.process(tt.text, time.Time{}), tt.want)
		})
	}
}

// checkWants checks the mentions of d against wants and the invariants.
func checkWants(t *testing.T, d *doc.Doc, wants []want) {
	t.Helper()
	for _, w := range wants {
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
}
