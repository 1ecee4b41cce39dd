package report

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/ontology"
)

// fixture returns records of our own, fictional wire reports from two
// outlets: a proposal, its rejection (linked) and acceptance (linked), one
// strike reported by both outlets, a denial, a hypothetical threat, and a
// sentence with markup characters.
func fixture(t *testing.T) []Item {
	t.Helper()
	ont, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	wire := Doc{ID: "wire-1", Title: "Ceasefire plan tabled", Outlet: "Northwire", URL: "https://example.org/1", Published: day("2031-05-04")}
	post := Doc{ID: "post-7", Title: "Strikes go on <despite> talks", Outlet: "Harbour Post", Published: day("2031-05-05")}
	country := func(code, name string) event.Actor {
		return event.Actor{Text: name, Start: 1, End: 2, Code: code, Country: code, Name: name, ID: code, Via: "dictionary"}
	}
	gov := func(code, name, text string) event.Actor {
		return event.Actor{Text: text, Start: 1, End: 2, Code: code + "GOV", Country: code, Sector: "GOV", Name: name, Via: "compositional"}
	}
	envoy := event.Actor{Text: "envoy Mara Quill", Start: 3, End: 4, Code: "NORGOV", Country: "NOR", Sector: "GOV", Name: "Mara Quill", ID: "mara-quill", Via: "dictionary"}
	rec := func(id string, sent int, code string, st event.Status, src, tgt []event.Actor, at *event.Attribution) event.Record {
		r := event.Record{ID: id, Sentence: sent, Text: "Sentence " + id + ".", Status: st, Source: src, Target: tgt,
			Trigger: &event.Span{Text: "trigger-" + id}, Attribution: at}
		if err := r.SetCode(ont, code); err != nil {
			t.Fatal(err)
		}
		return r
	}
	self := &event.Attribution{Voice: "publisher"}
	anon := &event.Attribution{Voice: "cited", Hedged: true, Chain: []event.Source{
		{Role: "outlet", Name: "Northwire", Cue: "according to"},
		{Role: "anonymous", Count: 3, Text: "three diplomats"}}}
	named := &event.Attribution{Voice: "cited", Chain: []event.Source{{Role: "person", Name: "Ida Renn", Cue: "said"}}}

	prop := rec("p1", 0, "036", event.Asserted, []event.Actor{gov("SWE", "Sweden", "Swedish government")}, []event.Actor{country("FIN", "Finland")}, anon)
	prop.Location = &event.Location{Text: "Oslo", Name: "Oslo", Country: "NOR", Lat: ptr(59.913), Lon: ptr(10.739)}
	rej := rec("r1", 1, "125", event.Asserted, []event.Actor{country("FIN", "Finland")}, []event.Actor{gov("SWE", "Sweden", "")}, named)
	rej.Links = []event.Link{{Rel: "responds_to", Event: "p1"}}
	acc := rec("a1", 2, "081", event.Asserted, []event.Actor{envoy}, []event.Actor{gov("SWE", "Sweden", "Stockholm")}, self)
	acc.Links = []event.Link{{Rel: "responds_to", Event: "p1"}}
	strike1 := rec("s1", 3, "195", event.Asserted, []event.Actor{country("FIN", "Finland")}, []event.Actor{country("SWE", "Sweden")}, self)
	strike1.Date = &event.Date{Text: "on Sunday", Value: "2031-05-04", Start: "2031-05-04", End: "2031-05-04", Precision: "day"}
	strike1.Location = &event.Location{Text: "Malmo", Name: "Malmo", Country: "SWE"}
	strike2 := rec("s2", 0, "190", event.Asserted, []event.Actor{country("FIN", "Finland")}, []event.Actor{country("SWE", "Sweden")}, self)
	strike2.Location = &event.Location{Text: "Malmo", Name: "Malmo", Country: "SWE"}
	denial := rec("n1", 1, "190", event.Negated, []event.Actor{country("SWE", "Sweden")}, []event.Actor{country("FIN", "Finland")}, named)
	threat := rec("h1", 2, "138", event.Hypothetical, []event.Actor{country("FIN", "Finland")}, nil, anon)
	odd := rec("x1", 3, "111", event.Asserted, []event.Actor{{Text: "the <b>*Pipe|Group*</b>", Start: 5, End: 6, Code: "SWEREB", Country: "SWE", Sector: "REB", Name: "<b>*Pipe|Group*</b> & co", ID: "pipe-group"}},
		[]event.Actor{gov("FIN", "Finland", "Helsinki")}, &event.Attribution{Voice: "cited", Chain: []event.Source{{Role: "organisation", Name: "<script>alert(1)</script>"}}})
	odd.Text = "A sentence with <script>alert(1)</script> & [link](javascript:x) | pipes."
	return []Item{
		{prop, wire}, {rej, wire}, {acc, wire}, {strike1, wire},
		{strike2, post}, {denial, post}, {threat, post}, {odd, post},
	}
}

func ptr(f float64) *float64 { return &f }

func TestBuild(t *testing.T) {
	r := Build(fixture(t), Options{Title: "Baltic watch"})
	byRecord := map[string]*Development{}
	for i := range r.Developments {
		for _, id := range r.Developments[i].Records {
			byRecord[id] = &r.Developments[i]
		}
	}
	tests := []struct {
		record, sentence, standing, sourcing, when string
	}{
		{"p1", "Government of Sweden offered talks with Finland in Oslo.", "claimed", "Northwire, 3 anonymous sources, reportedly", "reported 2031-05-04"},
		{"r1", "Finland rejected the proposal of government of Sweden (answering #1).", "claimed", "Northwire, Ida Renn", "reported 2031-05-04"},
		{"a1", "Mara Quill yielded to government of Sweden (answering #1).", "stated", "Northwire (own voice)", "reported 2031-05-04"},
		{"s1", "Finland carried out airstrikes on Sweden in Malmo.", "stated", "Northwire (own voice); Harbour Post (own voice)", "on Sunday, 2031-05-04"},
		{"n1", "Sweden did not attack Finland.", "negated", "Harbour Post, Ida Renn", "reported 2031-05-05"},
		{"h1", "Finland might threaten (target not named).", "hypothetical", "Harbour Post, Northwire, 3 anonymous sources, reportedly", "reported 2031-05-05"},
	}
	for _, tt := range tests {
		t.Run(tt.record, func(t *testing.T) {
			d := byRecord[tt.record]
			if d == nil {
				t.Fatalf("no development of %s", tt.record)
			}
			if d.Sentence != tt.sentence || d.Standing != tt.standing || d.SourcingText() != tt.sourcing || d.When != tt.when {
				t.Errorf("got %q / %s / %q / %q,\nwant %q / %s / %q / %q", d.Sentence, d.Standing, d.SourcingText(), d.When,
					tt.sentence, tt.standing, tt.sourcing, tt.when)
			}
		})
	}
	if byRecord["s1"] != byRecord["s2"] || byRecord["s1"].Reports != 2 || byRecord["s1"].Articles != 2 {
		t.Errorf("the strike reported by both outlets is not one development of 2 reports: %+v", byRecord["s1"])
	}
	if len(r.Developments) != 7 || r.Records != 8 || len(r.Documents) != 2 {
		t.Errorf("%d developments, %d records, %d documents; want 7, 8, 2", len(r.Developments), r.Records, len(r.Documents))
	}
	if len(r.Proposals) != 1 || len(r.Proposals[0].Responses) != 2 {
		t.Fatalf("proposals %+v, want one with two responses", r.Proposals)
	}
	for i, want := range []string{"r1", "a1"} {
		if got := r.Development(r.Proposals[0].Responses[i].Development); got != byRecord[want] {
			t.Errorf("response %d is #%d, want the development of %s", i, got.N, want)
		}
	}
	if r.From != "2031-04-27" || r.To != "2031-05-05" {
		t.Errorf("period %s to %s", r.From, r.To)
	}
}

func TestStances(t *testing.T) {
	r := Build(fixture(t), Options{})
	got := map[string]string{}
	for _, s := range r.Stances {
		got[s.Source+" -> "+s.Target] = strings.Join([]string{s.GoldsteinText(), s.Type, s.Relation}, " ")
	}
	tests := []struct{ pair, want string }{
		{"Finland -> Sweden", "-10.0 ASSAULT conflict"},
		{"government of Sweden -> Finland", "+4.0 AGREE cooperation"},
		{"Finland -> government of Sweden", "-5.0 REJECT conflict"},
		{"Mara Quill -> government of Sweden", "+5.0 CONCEDE cooperation"},
		{"Sweden -> Finland", ""}, // negated: no stance
	}
	for _, tt := range tests {
		if got[tt.pair] != tt.want {
			t.Errorf("%s: %q, want %q", tt.pair, got[tt.pair], tt.want)
		}
	}
	if len(r.Places) != 2 || r.Places[0].Name != "Malmo" || r.Places[0].Refs() == "" || r.Places[1].Coords() != "59.913, 10.739" {
		t.Errorf("places %+v", r.Places)
	}
}

func TestSourcing(t *testing.T) {
	tests := []struct {
		name   string
		attr   *event.Attribution
		outlet string
		want   string
	}{
		{"none", nil, "", "sourcing not coded"},
		{"own voice", &event.Attribution{Voice: "publisher"}, "", "the article's own voice"},
		{"outlet's voice", &event.Attribution{Voice: "publisher"}, "Wire", "Wire (own voice)"},
		{"hedged only", &event.Attribution{Voice: "cited", Hedged: true}, "", "reportedly"},
		{"cited, no chain", &event.Attribution{Voice: "cited"}, "", "an unidentified source"},
		{"outlet is first source", &event.Attribution{Voice: "cited", Chain: []event.Source{{Role: "outlet", Name: "wire"}}}, "Wire", "wire"},
		{"anonymous counts", &event.Attribution{Voice: "cited", Chain: []event.Source{
			{Role: "outlet", Name: "Axis"}, {Role: "anonymous", Count: 1}, {Role: "anonymous"}}}, "", "Axis, 1 anonymous source, anonymous sources"},
		{"repeated link once", &event.Attribution{Voice: "cited", Chain: []event.Source{
			{Role: "anonymous", Count: 2}, {Role: "anonymous", Count: 2}}}, "", "2 anonymous sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourcing(tt.attr, tt.outlet); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestVerbFor(t *testing.T) {
	tests := []struct{ code, past string }{
		{"1722", "banned"}, {"1724", "imposed restrictions"}, {"1711", "coerced"}, {"036", "offered talks"},
		{"0361", "offered talks"}, {"99", ""},
	}
	for _, tt := range tests {
		v, _ := verbFor(tt.code)
		if v.past != tt.past {
			t.Errorf("%s: %q, want %q", tt.code, v.past, tt.past)
		}
	}
}
