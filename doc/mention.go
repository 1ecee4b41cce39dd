package doc

// Mention kinds.
const (
	KindActor  = "actor"  // an actor of events: state, organisation, group, person
	KindPlace  = "place"  // a location
	KindOutlet = "outlet" // a news outlet or agency: a source of claims
)

// How a mention was resolved.
const (
	ViaDictionary    = "dictionary"    // a knowledge base name or alias
	ViaCompositional = "compositional" // country or demonym plus an agent noun or title
	ViaCoreference   = "coreference"   // an earlier mention of the same entity
	ViaUnresolved    = "unresolved"    // a name the knowledge base does not know
)

// Mention is a span of the document that names an actor, place or outlet,
// with what it resolved to. Absent values are empty.
type Mention struct {
	Span
	// Sentence is the index of the sentence in Doc.Sentences; First and Last
	// delimit the mention's tokens in Doc.Tokens: [First, Last).
	Sentence    int
	First, Last int
	// Head is the index in Doc.Tokens of the mention's syntactic head.
	Head int
	Text string
	Kind string
	// Code is the CAMEO actor code ("LBNGOV"); Country the country code;
	// Sector the agent code ("GOV"); Name the canonical name; ID the
	// knowledge base id; Via how it was resolved.
	Code    string
	Country string
	Sector  string
	Name    string
	ID      string
	Via     string
	// Type is a guess at what an unresolved name is (person, org, place).
	Type string
	// Antecedent is the index in Doc.Mentions of the mention this one refers
	// back to, or -1.
	Antecedent int
	// Lat and Lon locate places; HasCoords says whether they are set.
	Lat, Lon  float64
	HasCoords bool
}
