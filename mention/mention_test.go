package mention

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
)

// fixture holds the knowledge base, resolver and pipeline shared by tests.
type fixture struct {
	kb  *kb.KB
	res *Resolver
	p   *pipeline.Pipeline
}

var loadFixture = sync.OnceValues(func() (*fixture, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("load kb: %w", err)
	}
	p, err := models.Load()
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	return &fixture{kb: k, res: New(k), p: p}, nil
})

func setup(tb testing.TB) *fixture {
	tb.Helper()
	f, err := loadFixture()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// process parses text dated date and resolves its mentions.
func (f *fixture) process(text string, date time.Time) *doc.Doc {
	d := f.p.Process(doc.Article{ID: "t", Text: text, Published: date})
	f.res.Process(d)
	return d
}

// find returns the first mention whose text is text, at or after from.
func find(d *doc.Doc, text string, from int) (doc.Mention, bool) {
	for _, m := range d.Mentions {
		if m.Text == text && m.Start >= from {
			return m, true
		}
	}
	return doc.Mention{}, false
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is an expected mention: its text and, when set, its fields.
type want struct {
	text, kind, code, via, name, typ string
	coords                           bool
	// country is the expected country; noCode asks for no actor code.
	country string
	noCode  bool
	// after skips mentions starting before the n-th occurrence of text.
	nth int
}

func TestProcess(t *testing.T) {
	f := setup(t)
	tests := []struct {
		name string
		text string
		date string
		want []want
		none []string // texts that must not be mentions
	}{
		{
			name: "compositional and metonym",
			text: "Syrian officials met a Turkish envoy on Tuesday. Moscow warned that Russian troops would stay.",
			want: []want{
				{text: "Syrian officials", kind: "actor", code: "SYRGOV", via: "compositional"},
				{text: "Turkish envoy", kind: "actor", code: "TURGOV", via: "compositional"},
				{text: "Moscow", kind: "actor", code: "RUSGOV", via: "dictionary"},
				{text: "Russian troops", kind: "actor", code: "RUSMIL"},
			},
		},
		{
			name: "an envoy's posting is a country of its own",
			text: "Chile recalled its ambassador to Peru on Friday.",
			want: []want{
				{text: "ambassador to Peru", kind: "actor", code: "CHLGOV", via: "compositional"},
				{text: "Peru", kind: "actor", code: "PER", via: "dictionary"},
			},
		},
		{
			name: "a name's particle in either case",
			text: "Drones killed an al-Qaeda commander, and fighters of al-Shabaab attacked a base.",
			want: []want{
				{text: "al-Qaeda commander", kind: "actor", code: "IMGMOSALQ"},
				{text: "al-Shabaab", kind: "actor", code: "SOMREBSHB", via: "dictionary"},
			},
		},
		{
			name: "an adjective of an activity is no actor",
			text: "Azerbaijan launched a military operation, and Russian military bases stayed quiet.",
			want: []want{
				{text: "Azerbaijan", kind: "actor", code: "AZE"},
				{text: "Russian military", kind: "actor", code: "RUSMIL"},
			},
			none: []string{"military"},
		},
		{
			name: "an object pronoun is not its own verb's subject",
			text: "Iran said Israel had attacked it.",
			want: []want{{text: "it", kind: "actor", code: "IRN", via: "coreference"}},
		},
		{
			name: "a capital after an agent names the country that has it now",
			text: "A court in Moscow sentenced a journalist.",
			want: []want{{text: "court", kind: "actor", code: "RUSJUD"}},
		},
		{
			name: "a coalition a country leads is an armed one",
			text: "The Saudi-led coalition struck Sanaa, while the ruling coalition met in Rome.",
			want: []want{{text: "Saudi-led coalition", kind: "actor", code: "SAUMIL"}},
		},
		{
			name: "we in a quotation is the speaker's side",
			text: "\u201cWe will not allow it,\u201d the Israeli prime minister said. \u201cOur forces will respond,\u201d Hezbollah said.",
			want: []want{
				{text: "We", kind: "actor", code: "ISRGOV"},
				{text: "Our", kind: "actor", code: "LBNREBHEZ"},
				{text: "forces", kind: "actor", code: "LBNREBHEZ"},
			},
		},
		{
			name: "we outside a quotation, or spoken by someone unknown, is no one",
			text: "We met Iran's president. Iranian officials told him, and Vespermann said: \u201cWe agree.\u201d",
			none: []string{"We"},
		},
		{
			name: "they may be a people named by its country's noun",
			text: "Thousands of Palestinians fled after Israel ordered them to leave.",
			want: []want{{text: "them", kind: "actor", code: "PSE", via: "coreference"}},
		},
		{
			name: "opposition supporters",
			text: "Opposition supporters clashed with Kenyan police in Nairobi.",
			want: []want{{text: "Opposition supporters", kind: "actor", code: "KENOPP"}},
		},
		{
			name: "places and outlets",
			text: "Reuters said the ministers would meet in Qatar, while Hamas fighters stayed in Gaza City.",
			want: []want{
				{text: "Reuters", kind: "outlet"},
				{text: "Qatar", kind: "place", coords: true},
				{text: "Hamas fighters", kind: "actor", code: "PSEREBHMS", via: "dictionary"},
				{text: "Gaza City", kind: "place", coords: true},
			},
		},
		{
			name: "possessive and hyphen",
			text: "Hamas’s leaders rejected the Egyptian‑Jordanian plan, and Syria’s army withdrew.",
			want: []want{
				{text: "Hamas", code: "PSEREBHMS"},
				{text: "Egyptian", code: "EGY"},
				{text: "Jordanian", code: "JOR"},
				{text: "Syria’s army", code: "SYRMIL", via: "compositional"},
			},
			none: []string{"Hamas’s"},
		},
		{
			name: "role by date before",
			text: "Army commander Joseph Aoun inspected the border.",
			date: "2020-05-01",
			want: []want{{text: "Army commander Joseph Aoun", code: "LBNMIL", name: "Joseph Aoun", via: "dictionary"}},
		},
		{
			name: "role by date after",
			text: "President Joseph Aoun inspected the border.",
			date: "2026-01-10",
			want: []want{{text: "President Joseph Aoun", code: "LBNGOV", name: "Joseph Aoun"}},
		},
		{
			name: "apposition, surname and pronoun",
			text: "Karim Haddad, the Lebanese defence minister, visited the south on Monday. Haddad said he would return.",
			want: []want{
				{text: "Karim Haddad", code: "LBNGOV", via: "compositional", typ: "person"},
				{text: "Haddad", code: "LBNGOV", via: "coreference", name: "Karim Haddad"},
				{text: "he", code: "LBNGOV", via: "coreference"},
			},
		},
		{
			name: "unknown names",
			text: "The Popular Liberation Front claimed the attack, and Omar Zein denied it in Tarsaya.",
			want: []want{
				{text: "Popular Liberation Front", via: "unresolved", typ: "org", kind: "actor"},
				{text: "Omar Zein", via: "unresolved", typ: "person", kind: "actor"},
			},
		},
		{
			name: "definite description",
			text: "Hezbollah fired rockets overnight. The group said its fighters would continue.",
			want: []want{
				{text: "The group", code: "LBNREBHEZ", via: "coreference"},
				{text: "its", code: "LBNREBHEZ", via: "coreference"},
			},
		},
		{
			name: "countries and country areas as locations keep their code",
			text: "Aid groups delivered food to families in Yemen, while strikes hit the Gaza Strip and Aleppo.",
			want: []want{
				{text: "Yemen", kind: "place", code: "YEM", country: "YEM", coords: true},
				{text: "Gaza Strip", kind: "place", code: "PSE", country: "PSE", coords: true},
				{text: "Aleppo", kind: "place", country: "SYR", noCode: true, coords: true},
			},
		},
		{
			name: "country name is not a namesake city",
			text: "Fighting spread across eastern Lebanon on Sunday.",
			want: []want{{text: "Lebanon", kind: "place", code: "LBN", country: "LBN", coords: true}},
		},
		{
			name: "the country: topic and same-country actors over the nearest",
			text: "Iraqi officials fear that the clashes, which began after Iranian drones struck Kurdish camps, could spread across the country.",
			want: []want{
				{text: "Iranian drones", code: "IRNMIL"},
				{text: "the country", kind: "place", code: "IRQ", via: "coreference", coords: true},
			},
		},
		{
			name: "the country: nearest without other cues",
			text: "The minister flew to Kenya on Monday. He toured the country for a week.",
			want: []want{{text: "the country", kind: "actor", code: "KEN", via: "coreference"}},
		},
		{
			name: "bare agent with a country after it",
			text: "Officials in Tehran denied the report, and troops were deployed.",
			want: []want{
				{text: "Officials", code: "IRNGOV", via: "compositional"},
				{text: "Tehran", kind: "place"},
				// The document's only country is Iran: see inferCountry.
				{text: "troops", code: "IRNMIL", via: "coreference"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var date time.Time
			if tt.date != "" {
				date = day(tt.date)
			}
			d := f.process(tt.text, date)
			for _, w := range tt.want {
				m, ok := find(d, w.text, 0)
				if !ok {
					t.Errorf("no mention %q in %s", w.text, dump(d))
					continue
				}
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("%q: %s = %q, want %q", w.text, field, got, want)
					}
				}
				check("kind", m.Kind, w.kind)
				check("code", m.Code, w.code)
				check("via", m.Via, w.via)
				check("name", m.Name, w.name)
				check("type", m.Type, w.typ)
				check("country", m.Country, w.country)
				if w.noCode && m.Code != "" {
					t.Errorf("%q: code = %q, want none", w.text, m.Code)
				}
				if w.code == "" && w.via == "unresolved" && m.Code != "" {
					t.Errorf("%q: code = %q, want none", w.text, m.Code)
				}
				if w.coords && !m.HasCoords {
					t.Errorf("%q: no coordinates", w.text)
				}
			}
			for _, n := range tt.none {
				if _, ok := find(d, n, 0); ok {
					t.Errorf("unexpected mention %q in %s", n, dump(d))
				}
			}
			checkInvariants(t, d)
		})
	}
}

// dump formats the mentions of d for failure messages.
func dump(d *doc.Doc) string {
	var b strings.Builder
	for i, m := range d.Mentions {
		fmt.Fprintf(&b, "\n  %d %q %s %s %s ante=%d", i, m.Text, m.Kind, m.Code, m.Via, m.Antecedent)
	}
	return b.String()
}

// checkInvariants checks what every Process result must satisfy.
func checkInvariants(t *testing.T, d *doc.Doc) {
	t.Helper()
	for i, m := range d.Mentions {
		if m.First < 0 || m.Last > len(d.Tokens) || m.First >= m.Last {
			t.Fatalf("mention %d: tokens [%d,%d) out of range", i, m.First, m.Last)
		}
		if m.Head < m.First || m.Head >= m.Last {
			t.Errorf("mention %d: head %d outside [%d,%d)", i, m.Head, m.First, m.Last)
		}
		if i > 0 && m.Start < d.Mentions[i-1].Start {
			t.Errorf("mention %d out of text order", i)
		}
		if m.Antecedent >= i {
			t.Errorf("mention %d: antecedent %d not earlier", i, m.Antecedent)
		}
		if (m.Antecedent >= 0) != (m.Via == doc.ViaCoreference) {
			t.Errorf("mention %d: antecedent %d with via %q", i, m.Antecedent, m.Via)
		}
	}
}

func TestNameTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Iran's Revolutionary Guard", "Iran|'s|Revolutionary|Guard"},
		{"al-Qaeda", "al|-|Qaeda"},
		{"Washington, D.C.", "Washington|,|D.C."},
		{"pro-Iranian", "pro-Iranian"},
		{"Labor party (Israel)", "Labor|party|(|Israel|)"},
	}
	for _, tt := range tests {
		if got := strings.Join(nameTokens(tt.in), "|"); got != tt.want {
			t.Errorf("nameTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCase(t *testing.T) {
	tests := []struct {
		kb, text string
		ok       bool
	}{
		{"US", "US", true},
		{"US", "us", false},
		{"Chad", "chad", false},
		{"Chad", "CHAD", true},
		{"army", "Army", true},
	}
	for _, tt := range tests {
		if got := caseOK(tt.text, caseOf(tt.kb)); got != tt.ok {
			t.Errorf("case %q vs %q = %v, want %v", tt.kb, tt.text, got, tt.ok)
		}
	}
}

// TestSentenceInitialName checks that a name the tagger takes for a common
// noun at the start of a sentence still resolves when the document
// capitalises it mid-sentence too, and that it does not resolve otherwise.
func TestSentenceInitialName(t *testing.T) {
	f := setup(t)
	// The tagger reads "Axios" alone at the start as a plural common noun.
	tests := []struct {
		name, text string
		want       bool
	}{
		{"mid-sentence evidence", "Axios reported that the talks stalled. Officials spoke to Axios on Monday.", true},
		{"mid-sentence only", "Officials spoke to Axios on Monday.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := f.process(tt.text, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))
			m, ok := find(d, "Axios", 0)
			if ok != tt.want || ok && m.Kind != doc.KindOutlet {
				t.Errorf("Axios: found %v (%+v), want %v as an outlet", ok, m, tt.want)
			}
		})
	}
	d := f.process("Axios reported that the talks stalled. Officials spoke to Axios on Monday.", time.Time{})
	if len(d.Mentions) == 0 || d.Mentions[0].Start != 0 {
		t.Errorf("sentence-initial Axios not found: %+v", d.Mentions)
	}
}

// TestCoordinatedDemonyms checks that coordinated demonyms share the agent
// noun that follows the last of them.
func TestCoordinatedDemonyms(t *testing.T) {
	f := setup(t)
	date := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want map[string]string // mention text -> code
	}{
		{"Ukrainian and Russian negotiators met in Istanbul on Monday.", map[string]string{"Ukrainian": "UKRGOV", "Russian negotiators": "RUSGOV"}},
		{"Egyptian, Qatari and American mediators held talks in Cairo.", map[string]string{"Egyptian": "EGYGOV", "Qatari": "QATGOV", "American mediators": "USAGOV"}},
		{"Lebanese and Israeli troops exchanged fire near the border.", map[string]string{"Lebanese": "LBNMIL", "Israeli troops": "ISRMIL"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := f.process(tt.text, date)
			for text, code := range tt.want {
				m, ok := find(d, text, 0)
				if !ok || m.Code != code {
					t.Errorf("%q: found %v, code %q, want %q (mentions %+v)", text, ok, m.Code, code, d.Mentions)
				}
			}
		})
	}
}
