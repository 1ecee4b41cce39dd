package eventeval

import (
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/event"
)

func TestSeedRules(t *testing.T) {
	g := SeedGold{ID: "S", Anchor: "Israel  rejected", Source: []string{"ISR"}, Target: []string{"LBN"},
		Roots: []string{"12"}, Required: true}
	open := g
	open.Target = nil
	base := event.Record{Text: "Then Israel\nrejected it.", CameoRoot: "12",
		Source: []event.Actor{{Code: "ISRGOV"}}, Target: []event.Actor{{Code: "USA"}, {Code: "LBNGOV"}}}
	tests := []struct {
		name  string
		gold  SeedGold
		edit  func(r *event.Record)
		found bool
	}{
		{"match, white space collapsed, some target accepted", g, func(*event.Record) {}, true},
		{"anchor missing", g, func(r *event.Record) { r.Text = "Israel accepted" }, false},
		{"wrong source", g, func(r *event.Record) { r.Source[0].Code = "IRN" }, false},
		{"no source", g, func(r *event.Record) { r.Source = nil }, false},
		{"no target", g, func(r *event.Record) { r.Target = nil }, false},
		{"empty target list accepts none", open, func(r *event.Record) { r.Target = nil }, true},
		{"root from cameo", g, func(r *event.Record) { r.CameoRoot, r.Cameo = "", "125" }, true},
		{"wrong root", g, func(r *event.Record) { r.CameoRoot = "11" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			r.Source = append([]event.Actor{}, base.Source...)
			tt.edit(&r)
			s := ScoreSeed([]SeedGold{tt.gold}, []event.Record{r}, "")
			want := Ratio{0, 1}
			if tt.found {
				want = Ratio{1, 1}
			}
			if s.Required != want || s.Precision != want {
				t.Errorf("required %v precision %v, want %v (lines %+v)", s.Required, s.Precision, want, s.Lines)
			}
		})
	}
}

func TestMarkupSpans(t *testing.T) {
	tests := []struct {
		markup, text string
		want         []PLOVERSpan
	}{
		{"Senior (SRC/TAR: Hungarian) officials (EVT: agreed) in (LOC: (TAR: Bosnia))",
			"Senior Hungarian officials agreed in Bosnia",
			[]PLOVERSpan{{"SRC/TAR", "Hungarian", 7, 16}, {"EVT", "agreed", 27, 33},
				{"TAR", "Bosnia", 37, 43}, {"LOC", "Bosnia", 37, 43}}},
		{"The (SRC: Azadliq (Freedom) group) (EVT: has sent} ‘x’ (TAR: Baku)",
			"The Azadliq (Freedom) group has sent ‘x’ Baku",
			[]PLOVERSpan{{"SRC", "Azadliq (Freedom) group", 4, 27}, {"EVT", "has sent", 28, 36},
				{"TAR", "Baku", 41, 45}}},
		{"(SRC: Isreal) (EVT: will evacuate)", "Israel will evacuate",
			[]PLOVERSpan{{"EVT", "will evacuate", 7, 20}}},
	}
	for _, tt := range tests {
		if got := markupSpans(tt.markup, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("markupSpans(%q)\n got %+v\nwant %+v", tt.markup, got, tt.want)
		}
	}
}

func TestTop(t *testing.T) {
	tests := []struct {
		conf []float64
		want int
	}{{nil, -1}, {[]float64{0}, 0}, {[]float64{0.2, 0.9, 0.9}, 1}, {[]float64{0.5, 0.1}, 0}}
	for _, tt := range tests {
		recs := make([]event.Record, len(tt.conf))
		for i, c := range tt.conf {
			recs[i].Confidence = c
		}
		if got := Top(recs); got != tt.want {
			t.Errorf("Top(%v) = %d, want %d", tt.conf, got, tt.want)
		}
	}
}

func TestDatasetPenta(t *testing.T) {
	tests := []struct {
		root string
		want int
		ok   bool
	}{
		{"01", 0, true}, {"02", 0, true}, {"05", 1, true}, {"08", 2, true}, {"09", 3, true},
		{"13", 3, true}, {"14", 4, true}, {"15", 4, true}, {"16", 3, true}, {"20", 4, true}, {"21", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		if got, ok := DatasetPenta(tt.root); got != tt.want || ok != tt.ok {
			t.Errorf("DatasetPenta(%q) = %d %v, want %d %v", tt.root, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCountriesOKSuccessors(t *testing.T) {
	tests := []struct {
		code string
		gold []string
		want bool
	}{
		{"SUNGOV", []string{"RUS"}, true},
		{"DDRGOV", []string{"DEU"}, true},
		{"YUGMIL", []string{"SRB"}, true},
		{"RUSGOV", []string{"RUS"}, true},
		{"SUNGOV", []string{"UKR"}, false},
	}
	for _, tt := range tests {
		if got := countriesOK([]event.Actor{{Code: tt.code}}, tt.gold); got != tt.want {
			t.Errorf("countriesOK(%s, %v) = %v, want %v", tt.code, tt.gold, got, tt.want)
		}
	}
}
