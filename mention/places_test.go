package mention

import "testing"

// TestPlaces checks how place names and the nouns around them resolve:
// regions read from "X province", "X oblast", "the province of X", water
// bodies whose names hold a country's name, and namesakes that follow the
// article's country.
func TestPlaces(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name, text, span, id, country, code string
	}{
		{"region before lowercase province", "Taliban fighters attacked a checkpoint in Afghanistan's northern Kunduz province.",
			"Kunduz province", "afg-kunduz", "AFG", ""},
		{"region named without its noun", "Fighting erupted in Kunar on Monday.", "Kunar", "afg-kunar", "AFG", ""},
		{"province of X", "Militants attacked troops in the province of Kunar.", "Kunar", "afg-kunar", "AFG", ""},
		{"governorate, not the city", "Airstrikes hit targets in Idlib governorate.", "Idlib governorate", "syr-idlib", "SYR", ""},
		{"oblast, not the city", "Russian forces shelled villages in the Kharkiv oblast.", "Kharkiv oblast", "ukr-kharkiv", "UKR", ""},
		{"lowercase state", "Gunmen killed 20 people in Kaduna state.", "Kaduna state", "nga-kaduna", "NGA", ""},
		{"state named in full", "Sudan lifted a state of emergency in West Darfur State on Monday.", "West Darfur State", "sdn-west-darfur", "SDN", ""},
		{"district", "Gunmen killed five people in Kurram district.", "Kurram district", "pak-kurram", "PAK", ""},
		{"gulf named after a country", "Iran seized a tanker in the Gulf of Oman on Thursday.", "Gulf of Oman", "gulf-of-oman", "", ""},
		{"strait", "Iran seized a tanker in the Strait of Hormuz.", "Strait of Hormuz", "strait-of-hormuz", "", ""},
		{"town of X", "A car bomb exploded near the town of Samarra on Friday.", "Samarra", "", "IRQ", ""},
		{"country-level area carries the code", "Croatian troops entered the Krajina.", "Krajina", "krajina", "HRV", "HRV"},
		{"Indian-administered Kashmir", "Indian troops killed three militants in Indian-administered Kashmir.",
			"Indian-administered Kashmir", "ind-jk", "IND", ""},
		{"capital namesake in an article about another country",
			"Lebanese troops deployed in the north of Lebanon on Monday. Clashes erupted in Tripoli overnight.",
			"Tripoli", "city-tripoli-lbn", "LBN", ""},
		{"capital in an article about its own country", "Clashes erupted in Tripoli, the Libyan capital, overnight.",
			"Tripoli", "", "LBY", ""},
		{"regions as subjects stand for their authorities",
			"South Kordofan and Blue Nile have agreed to allow humanitarian access.", "South Kordofan", "sdn-south-kordofan", "SDN", "SDN"},
		{"a region modifying a title is no actor", "Illinois Governor Rod Blagojevich has denied the charges.",
			"Illinois", "usa-il", "USA", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := f.process(tc.text, day("2020-01-01"))
			m, ok := find(d, tc.span, 0)
			if !ok {
				t.Fatalf("no mention %q in\n%s", tc.span, dump(d))
			}
			if tc.id != "" && m.ID != tc.id || m.Country != tc.country || m.Code != tc.code {
				t.Errorf("%q = id %q country %q code %q, want %q %q %q", tc.span, m.ID, m.Country, m.Code, tc.id, tc.country, tc.code)
			}
		})
	}
}
