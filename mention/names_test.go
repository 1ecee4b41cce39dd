package mention

import (
	"testing"
	"time"
)

// TestNamesAndBodies covers names the KB does not know, or knows under
// another reading, resolved by their phrase: officials of an organisation,
// acronyms in brackets, unknown organisation names, peoples named after
// where they live, surnames that are also places or titles, and religious
// qualifiers.
func TestNamesAndBodies(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "unknown official of an organisation",
			text: "Arab League Secretary-General Mahmoud Riad today urged the European Community to support the PLO.",
			want: []want{{text: "Arab League Secretary-General Mahmoud Riad", code: "IGOARL"}},
		},
		{
			name: "unknown official in apposition to an organisation's title",
			text: "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access to Iraq.",
			want: []want{{text: "Kenzo Oshima", code: "IGOUNO"}},
		},
		{
			name: "demonym, secretary title, first name and a title word as surname",
			text: "British Defence Secretary Tom King has promised to continue military aid to Mozambique.",
			want: []want{{text: "British Defence Secretary Tom King", code: "GBRGOV"}},
		},
		{
			name: "a title before a name is no surname",
			text: "Labor Minister Maurizio Sacconi expressed pessimism on Friday.",
			want: []want{{text: "Minister Maurizio Sacconi"}},
		},
		{
			name: "bracketed acronym codes the unknown name and later mentions",
			text: "The International Labor Office (ILO) reiterated its demand that Israel ease restrictions. The ILO said so again.",
			want: []want{
				{text: "International Labor Office", code: "IGOILO"},
				{text: "its", code: "IGOILO"},
				{text: "ILO", code: "IGOILO", nth: 2},
			},
		},
		{
			name: "a coded name codes the bracketed acronym, not a person of those initials",
			text: "The Nigerian Air Force (NAF) carried out operations in Borno State. The NAF said ten died.",
			want: []want{{text: "NAF", code: "NGAMIL"}, {text: "NAF", code: "NGAMIL", nth: 2}},
		},
		{
			name: "an acronym is no namesake town",
			text: "The Government Accountability Office (GAO) said it is skeptical the program would meet the deadline.",
			want: []want{{text: "GAO", noCode: true}, {text: "Government Accountability Office", noCode: true}},
		},
		{
			name: "unknown organisation of a country",
			text: "The Liberian Peace Council accused the NPFL of taking the city.",
			want: []want{{text: "Liberian Peace Council", code: "LBR"}},
		},
		{
			name: "an agent noun gives an unknown organisation its sector",
			text: "Junior Doctors Association has warned that it will not end the strike till the Indian government acts.",
			want: []want{{text: "Doctors Association", code: "INDHLH"}},
		},
		{
			name: "a people named after the country it lives in",
			text: "Bosnian Serbs demanded a truce. Some 800,000 Iraqi Kurds sought refuge in Germany.",
			want: []want{{text: "Bosnian Serbs", code: "BIH"}, {text: "Iraqi Kurds", code: "IRQ"}},
		},
		{
			name: "surname of several heads of one country before a government noun",
			text: "The Assad regime bombed the town. The Bush administration declared that China must drop barriers.",
			want: []want{{text: "Assad regime", code: "SYRGOV"}, {text: "Bush administration", code: "USAGOV"}},
		},
		{
			name: "a town that is the subject and the surname of an official",
			text: "Bolton said Iran was lying.",
			want: []want{{text: "Bolton", code: "USAGOV"}},
		},
		{
			name: "bare surname of several officials of one country, undated",
			text: "Bush said he would veto the bill. Kabila rejected the plan.",
			want: []want{{text: "Bush", code: "USAGOV"}, {text: "Kabila", code: "CODGOV"}},
		},
		{
			name: "one-word places completing a titled name",
			text: "Russian President Boris Yeltsin hosted Japanese Prime Minister Ryutaro Hashimoto.",
			want: []want{{text: "Japanese Prime Minister Ryutaro Hashimoto", code: "JPNGOV"}},
		},
		{
			name: "a region before a small town of its name elsewhere",
			text: "Colorado sued the federal government.",
			want: []want{{text: "Colorado", country: "USA"}},
		},
		{
			name: "an acronym of a country's body modifies the agent noun",
			text: "Poland demanded an admission that Soviet NKVD security forces murdered Polish officers.",
			want: []want{{text: "Soviet NKVD security forces", code: "SUNCOP"}},
		},
		{
			name: "religious leaders are no state's officials",
			text: "Israeli tanks fired on Gaza. Hamas attacked the Jewish state. Jewish leaders condemned it. Palestinian Christian leaders rejected the plan.",
			want: []want{
				{text: "Jewish state", code: "ISR"},
				{text: "leaders", code: "ISRREL"},
				{text: "Palestinian Christian leaders", code: "PSEREL"},
			},
		},
		{
			name: "plural possessive in a KB name, compound head's modifier",
			text: "The rebel Kurdistan Workers' Party issued a declaration. Opposition groups in Zimbabwe called a strike.",
			want: []want{{text: "rebel Kurdistan Workers' Party", code: "TURREBPKK"}, {text: "Opposition groups", code: "ZWEOPP"}},
		},
		{
			name: "a KB surname or name at the start of a sentence, before its verb",
			text: "Baker said. Suharto resigned as president. Farc has said it will release a sergeant. DHS returned artifacts.",
			want: []want{{text: "Baker", code: "USAGOV"}, {text: "Suharto", code: "IDNGOV"}, {text: "Farc", code: "COLREBFRC"},
				{text: "DHS", code: "USAGOV"}},
		},
		{
			name: "misspelt country names",
			text: "Ethopia agreed. The Phillippines military and Quatar's emir met. Romana and Syriac stayed.",
			want: []want{{text: "Ethopia", code: "ETH"}, {text: "Phillippines military", code: "PHLMIL"},
				{text: "Quatar's emir", code: "QATGOV"}, {text: "Romana", noCode: true}, {text: "Syriac", noCode: true}},
		},
		{
			name: "adjectives and leanings between a demonym and its agent noun",
			text: "Irish nationalist guerrillas wounded two soldiers. An Iranian political prisoner died.",
			want: []want{{text: "Irish nationalist guerrillas", code: "IRLREB"}, {text: "Iranian political prisoner", code: "IRNCRM"}},
		},
		{
			name: "a spokesman for an organisation, a titled person of a country, a title before a name",
			text: "Ben Malor, a spokesman for the UN, spoke. King Hassan of Morocco was quoted. Peru's interim president, Manuel Merino, resigned.",
			want: []want{{text: "spokesman", code: "IGOUNO"}, {text: "King Hassan", code: "MARGOV"},
				{text: "Manuel Merino", code: "PERGOV"}},
		},
		{
			name: "a city naming the country of the body after it",
			text: "Disha Ravi was arrested by Delhi Police. Baghdad police said three died. The Federal Government of Somalia appealed.",
			want: []want{{text: "Delhi Police", code: "INDCOP"}, {text: "Baghdad police", code: "IRQCOP"}},
		},
		{
			name: "a party name many countries share follows the article's country",
			text: "Japan holds elections. The Democratic Party criticised the Japanese government. Japan will vote. Germany's Social Democrats won.",
			want: []want{{text: "Democratic Party", code: "JPNPTY"}, {text: "Germany's Social Democrats", code: "DEUPTY"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, f.process(tt.text, time.Time{}), tt.want)
		})
	}
}

// TestAcronymNotPlace checks that an all-capitals acronym is not read as
// the place it spells ("GAO" is not Gao, Mali).
func TestAcronymNotPlace(t *testing.T) {
	f := setup(t)
	d := f.process("The GAO said costs rose.", time.Time{})
	if m, ok := find(d, "GAO", 0); ok && (m.Kind != "actor" || m.Country != "") {
		t.Errorf("GAO: kind %q country %q, want an actor without a country%s", m.Kind, m.Country, dump(d))
	}
	checkInvariants(t, d)
}

// TestNoMovementCoref checks that "the movement" does not refer to an
// international body, however near.
func TestNoMovementCoref(t *testing.T) {
	f := setup(t)
	d := f.process("The International Labour Organization met in Geneva. Workers backed the movement.", time.Time{})
	if m, ok := find(d, "the movement", 0); ok && m.Code != "" {
		t.Errorf("the movement: code = %q, want none%s", m.Code, dump(d))
	}
	checkInvariants(t, d)
}
