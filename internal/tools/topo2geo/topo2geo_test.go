package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/kb"
)

// squares is a hand-written topology: two unit squares side by side that
// share the edge x=11, quantized on a grid of 0.5 from (10, 20). Arc 0 is
// the shared edge going north, arc 1 the rest of the west square, arc 2 the
// rest of the east square.
const squares = `{"type":"Topology",
 "transform":{"scale":[0.5,0.5],"translate":[10,20]},
 "arcs":[
  [[2,0],[0,2]],
  [[2,2],[-2,0],[0,-2],[2,0]],
  [[2,0],[2,0],[0,2],[-2,0]]
 ],
 "objects":{"countries":{"type":"GeometryCollection","geometries":[
  {"type":"Polygon","arcs":[[0,1]],"id":"036","properties":{"name":"Oz"}},
  {"type":"MultiPolygon","arcs":[[[-1,2]]],"id":716,"properties":{"name":"Zim"}},
  {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"N. Cyprus"}},
  {"type":"Polygon","arcs":[[-1,2]],"properties":{"name":"Atlantis"}}
 ]},
 "bad":{"type":"LineString","arcs":[0]},
 "open":{"type":"Polygon","arcs":[[1]]},
 "far":{"type":"Polygon","arcs":[[0,7]]}}}`

var west = [][]position{{{11, 20}, {11, 21}, {10, 21}, {10, 20}, {11, 20}}}
var east = [][]position{{{11, 21}, {11, 20}, {12, 20}, {12, 21}, {11, 21}}}

func testNamer(t *testing.T) namer {
	t.Helper()
	base, err := kb.Load()
	if err != nil {
		t.Fatalf("loading the knowledge base: %v", err)
	}
	return namer{alpha3: isoAlpha3(), kb: base}
}

func TestConvert(t *testing.T) {
	features, err := convert([]byte(squares), "countries", testNamer(t), 4)
	if err != nil {
		t.Fatal(err)
	}
	want := []feature{
		{"Feature", "036", properties{"Australia", "AUS"}, shape{"Polygon", west}},
		{"Feature", "716", properties{"Zimbabwe", "ZWE"}, shape{"MultiPolygon", [][][]position{east}}},
		{"Feature", "", properties{"Northern Cyprus", "NCY"}, shape{"Polygon", west}},
		{"Feature", "", properties{"Atlantis", ""}, shape{"Polygon", east}},
	}
	if len(features) != len(want) {
		t.Fatalf("%d features, want %d", len(features), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(features[i], want[i]) {
			t.Errorf("feature %d:\n got %+v\nwant %+v", i, features[i], want[i])
		}
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct {
		name, data, object, want string
	}{
		{"not json", `{`, "countries", "parsing TopoJSON"},
		{"not a topology", `{"type":"FeatureCollection"}`, "countries", "not Topology"},
		{"no such object", squares, "rivers", `no object "rivers"`},
		{"line string", squares, "bad", `"LineString" not supported`},
		{"open ring", squares, "open", "not closed"},
		{"arc out of range", squares, "far", "arc 7 out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := convert([]byte(tt.data), tt.object, namer{}, 4)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestDecodeArcs(t *testing.T) {
	tests := []struct {
		name string
		topo topology
		want [][]position
	}{
		{"quantized", topology{
			Arcs:      [][][2]float64{{{4, 2}, {1, -1}, {-3, 0}}},
			Transform: &transform{Scale: [2]float64{0.25, 2}, Translate: [2]float64{-180, -90}},
		}, [][]position{{{-179, -86}, {-178.75, -88}, {-179.5, -88}}}},
		{"absolute", topology{
			Arcs: [][][2]float64{{{4, 2}, {1, -1}}, {{7, 7}}},
		}, [][]position{{{4, 2}, {1, -1}}, {{7, 7}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeArcs(&tt.topo); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRewind(t *testing.T) {
	cw := []position{{0, 0}, {0, 4}, {4, 4}, {4, 0}, {0, 0}}
	ccw := []position{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}
	holeCW := []position{{1, 1}, {1, 2}, {2, 2}, {2, 1}, {1, 1}}
	holeCCW := []position{{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}
	tests := []struct {
		name      string
		in, want  [][]position
		inArea    float64
		wantFirst float64
	}{
		{"clockwise exterior turned", [][]position{clone(cw)}, [][]position{ccw}, -16, 16},
		{"counterclockwise exterior kept", [][]position{clone(ccw)}, [][]position{ccw}, 16, 16},
		{"hole turned clockwise", [][]position{clone(cw), clone(holeCCW)}, [][]position{ccw, holeCW}, -16, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := area(tt.in[0]); a != tt.inArea {
				t.Errorf("area before %v, want %v", a, tt.inArea)
			}
			rewind(tt.in)
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("got %v, want %v", tt.in, tt.want)
			}
			if a := area(tt.in[0]); a != tt.wantFirst {
				t.Errorf("area after %v, want %v", a, tt.wantFirst)
			}
		})
	}
}

func clone(r []position) []position { return append([]position(nil), r...) }

func TestSpellOut(t *testing.T) {
	tests := []struct{ in, want string }{
		{"N. Cyprus", "North Cyprus"},
		{"Dem. Rep. Congo", "Democratic Republic Congo"},
		{"Solomon Is.", "Solomon Islands"},
		{"Eq. Guinea", "Equatorial Guinea"},
		{"Kosovo", "Kosovo"},
	}
	for _, tt := range tests {
		if got := spellOut(tt.in); got != tt.want {
			t.Errorf("spellOut(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumericID(t *testing.T) {
	tests := []struct {
		raw, want string
		err       bool
	}{
		{`"004"`, "004", false},
		{`4`, "004", false},
		{`716`, "716", false},
		{``, "", false},
		{`null`, "", false},
		{`true`, "", true},
	}
	for _, tt := range tests {
		got, err := numericID(json.RawMessage(tt.raw))
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("numericID(%s) = %q, %v; want %q, error %v", tt.raw, got, err, tt.want, tt.err)
		}
	}
}

// TestISOTable checks the numeric table: 249 codes, one to one, each
// alpha-3 code a country of the knowledge base.
func TestISOTable(t *testing.T) {
	base, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	m := isoAlpha3()
	if len(m) != 249 {
		t.Errorf("%d numeric codes, want 249", len(m))
	}
	seen := map[string]string{}
	for num, a3 := range m {
		if len(num) != 3 || len(a3) != 3 {
			t.Errorf("malformed pair %q %q", num, a3)
		}
		if other, dup := seen[a3]; dup {
			t.Errorf("%s has two numeric codes, %s and %s", a3, num, other)
		}
		seen[a3] = num
		if _, ok := base.Country(a3); !ok {
			t.Errorf("%s (%s) is not a country of the knowledge base", a3, num)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	out := filepath.Join(dir, "out.geojson")
	if err := os.WriteFile(in, []byte(squares), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := run([]string{"-in", in, "-out", out}, &stderr); err != nil {
		t.Fatal(err)
	}
	if got, want := stderr.String(), "4 features, 1 without a code: Atlantis\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []json.RawMessage
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 4 {
		t.Errorf("type %q with %d features, want a FeatureCollection of 4", fc.Type, len(fc.Features))
	}
	if lines := strings.Count(string(data), "\n"); lines != 6 {
		t.Errorf("%d lines, want 6 (one a feature)", lines)
	}
	if err := run([]string{"-in", filepath.Join(dir, "missing.json")}, &stderr); err == nil {
		t.Error("a missing input file gave no error")
	}
}
