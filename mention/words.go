package mention

// wordLists holds the closed word lists the rules use. They are built by
// newWordLists for each Resolver so that no package-level state exists.
type wordLists struct {
	// titles maps abbreviated titles to their sector ("" for courtesy
	// titles that only mark a person).
	titles map[string]string
	// locative prepositions make a following country a place; cities and
	// capitals are places after these and after placeWords too.
	locative  map[string]bool
	placeWord map[string]bool
	// modifiers may stand inside an actor phrase ("senior", "former").
	modifiers map[string]bool
	// leanings name political leanings that may stand between a demonym
	// and its agent noun ("Irish nationalist guerrillas").
	leanings map[string]bool
	// liaison terms may be followed by "to <country>" inside a title.
	liaison map[string]bool
	// orgWords end unknown organisation names.
	orgWords map[string]bool
	// notNames are capitalised words that are not names (months, days).
	notNames map[string]bool
	// personHeads are agent terms naming one person ("the commander").
	personHeads map[string]bool
	// groupNouns are definite descriptions of organisations ("the group").
	groupNouns map[string]bool
	// blocNouns are the groupNouns that may name an international body
	// ("the alliance" is NATO; "the movement" is no IGO).
	blocNouns map[string]bool
	// partyWords make up the party names many countries' parties share
	// ("Democratic Party", "Social Democrats", "Labour").
	partyWords map[string]bool
	// religions are adjectives naming a religious community.
	religions map[string]bool
	// countryNouns are definite descriptions of countries ("the country").
	countryNouns map[string]bool
	// geoNouns name places of a country: npCountry looks through them
	// ("the Kosovan town of Gjilan", "the nation of Kyrgyzstan").
	geoNouns map[string]bool
	// memberNouns name the members of a body; npCountry looks through them
	// too ("diplomats of the member states of ASEAN").
	memberNouns map[string]bool
	// adminNouns name administrative divisions and areas: after a place
	// ("Kunduz province", "Kharkiv oblast") or before "of" and a place ("the
	// province of Kunar") they make it the region, not a namesake city.
	adminNouns map[string]bool
	// townNouns name settlements: "the town of Samarra", "Idlib city" are
	// the city, not the region of the same name.
	townNouns map[string]bool
	// stemStops are region name stems that are no place names on their
	// own: directions and common words ("Northern State", "Central
	// District", "Rivers State", "Bay Region") and common personal names
	// or abbreviations ("Farah Province", "Mon State", "Cesar Department").
	stemStops map[string]bool
	// languageNouns make a demonym before them name a language or what is
	// written in it, not the country ("the Russian language", "Kurdish
	// dialects").
	languageNouns map[string]bool
	// activityNouns name what a body does, not the body: "military" or
	// "judicial" before them is an adjective ("a military operation",
	// "judicial reform"), not an actor.
	activityNouns map[string]bool
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func newWordLists() wordLists {
	return wordLists{
		titles: map[string]string{
			"gen.": "MIL", "lt.": "MIL", "col.": "MIL", "maj.": "MIL", "brig.": "MIL",
			"adm.": "MIL", "capt.": "MIL", "sgt.": "MIL", "cpl.": "MIL",
			"sen.": "LEG", "rep.": "LEG", "gov.": "GOV", "pres.": "GOV", "amb.": "GOV",
			"mr.": "", "mrs.": "", "ms.": "", "dr.": "", "mr": "", "mrs": "", "ms": "", "dr": "",
			"sayyed": "", "sayyid": "",
		},
		locative:  set("in", "near", "across", "inside", "throughout", "within", "outside", "around"),
		placeWord: set("at", "into", "beyond", "towards", "toward", "along", "onto", "via", "through"),
		modifiers: set("senior", "top", "former", "deputy", "acting", "interim", "chief",
			"high-ranking", "top-ranking", "then", "outgoing", "incoming", "new", "veteran",
			"retired", "local", "regional", "federal", "national", "state", "provincial",
			"leading", "powerful", "influential", "elected", "junior"),
		leanings: set("nationalist", "nationalists", "leftist", "rightist", "communist", "maoist",
			"marxist", "loyalist", "republican", "royalist", "hardline", "hard-line", "radical",
			"extremist", "moderate", "pro-government", "anti-government", "opposition"),
		activityNouns: set("operation", "operations", "offensive", "action", "aid", "assistance", "exercise",
			"exercises", "drill", "drills", "cooperation", "campaign", "intervention", "presence", "support",
			"deployment", "escalation", "buildup", "build-up", "spending", "budget", "reform", "reforms", "review",
			"training", "pressure", "option", "options", "solution", "ties", "relations", "cooperation",
			"agreement", "pact", "deal", "talks", "service", "rule", "power", "capability", "capabilities",
			"process", "proceedings", "system"),
		liaison: set("ambassador", "ambassadors", "envoy", "envoys", "special envoy",
			"emissary", "representative", "representatives", "delegate", "delegation", "amb."),
		orgWords: set("party", "front", "council", "brigades", "brigade", "army", "movement",
			"union", "league", "organization", "organisation", "committee", "forces",
			"corps", "ministry", "agency", "bank", "group", "association", "alliance",
			"coalition", "company", "corporation", "inc", "inc.", "ltd", "club", "university",
			"institute", "federation", "fund", "commission", "court", "assembly", "authority",
			"office", "service", "guard", "militia", "battalion", "division", "command",
			"exchange", "bureau", "department", "foundation", "society", "trust", "network"),
		notNames: set("january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december", "monday", "tuesday",
			"wednesday", "thursday", "friday", "saturday", "sunday", "jan.", "feb.", "mar.",
			"apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "i",
			"however", "meanwhile", "but", "the", "a", "an", "and", "in", "on", "at", "it",
			"he", "she", "they", "we", "this", "that", "these", "those", "there", "according",
			"following", "despite", "after", "before", "while", "when", "if", "as", "for",
			"god", "christmas", "ramadan", "eid", "easter"),
		personHeads: set("president", "prime minister", "premier", "minister", "foreign minister",
			"defence minister", "defense minister", "commander", "army commander",
			"military commander", "general", "speaker", "envoy", "special envoy", "ambassador",
			"spokesman", "spokeswoman", "spokesperson", "leader", "king", "queen", "emir",
			"chancellor", "chief of staff", "secretary of state", "secretary-general",
			"secretary general", "secretary", "defence secretary", "defense secretary",
			"foreign secretary", "home secretary",
			"governor", "mayor", "crown prince", "sultan", "monarch", "ruler", "chief",
			"negotiator", "diplomat", "official", "officer", "colonel", "captain", "judge",
			"prosecutor", "senator", "lawmaker"),
		groupNouns: set("group", "movement", "militia", "organization", "organisation",
			"faction", "party", "network", "alliance", "coalition", "outfit", "insurgency"),
		blocNouns: set("organization", "organisation", "alliance", "coalition"),
		partyWords: set("democratic", "democrats", "republican", "republicans", "conservative",
			"conservatives", "labour", "labor", "liberal", "liberals", "socialist", "socialists",
			"social", "national", "nationalist", "progressive", "party", "people's", "peoples", "'",
			"christian", "communist", "green", "greens", "workers", "united", "the"),
		religions: set("jewish", "muslim", "christian", "catholic", "protestant", "orthodox",
			"islamic", "islamist", "sunni", "shiite", "shia", "shi'ite", "hindu", "buddhist",
			"sikh", "evangelical", "druze", "alawite", "coptic", "maronite"),
		countryNouns: set("country", "nation", "state", "kingdom", "republic"),
		geoNouns: set("town", "city", "village", "capital", "province", "region", "district",
			"county", "governorate", "state", "nation", "country", "republic", "kingdom",
			"territory", "island", "enclave", "area", "neighbourhood", "neighborhood", "suburb",
			"camp", "port", "border", "towns", "cities", "villages", "provinces", "regions",
			"areas", "districts", "camps"),
		adminNouns: set("province", "governorate", "region", "state", "district", "oblast", "krai",
			"department", "prefecture", "county", "territory", "division", "municipality", "emirate"),
		stemStops: set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
			"central", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
			"southeast", "southwest", "upper", "lower", "middle", "capital", "federal", "national",
			"new", "far", "greater", "great", "high", "coast", "coastal", "islands", "red sea", "lakes",
			"unity", "free", "delta", "river", "lake", "sea", "mountain", "border", "frontier",
			"rivers", "bay", "plateau", "chin", "mon", "harari", "farah", "cesar", "magdalena", "bolívar",
			"bolivar", "santander", "caldas", "meta", "khyber", "tanganyika"),
		townNouns: set("city", "town", "village", "port", "hamlet"),
		languageNouns: set("language", "languages", "tongue", "dialect", "dialects", "alphabet",
			"script", "grammar", "literature", "translation", "translations", "speakers"),
		memberNouns: set("member", "members", "member-states", "member-state", "member-countries",
			"states", "countries", "nations"),
	}
}
