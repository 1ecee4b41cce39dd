package event

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/ontology"
)

func ptr[T any](v T) *T { return &v }

// example is the record of DESIGN.md's example, built by hand.
func example() Record {
	return Record{
		ID: "stable id", Doc: "input document id", Sentence: 3,
		Text:      "the sentence, exactly as in the document",
		Trigger:   &Span{Text: "rejected", Start: 1234, End: 1242},
		Cameo:     "125",
		CameoRoot: "12", Goldstein: ptr(-5.0), QuadClass: 3, PentaClass: ptr(3),
		PLOVER: &PLOVER{Type: "REJECT", Mode: "meet", Context: []string{"diplomatic"}},
		Status: Asserted,
		Source: []Actor{{Text: "US Ambassador to Turkey Tom Barrack", Start: 10, End: 45, Code: "USAGOV",
			Country: "USA", Sector: "GOV", Name: "Tom Barrack", ID: "kb id", Via: "dictionary"}},
		Target: []Actor{{Code: "LBNGOV", Country: "LBN", Sector: "GOV", Via: "discourse"}},
		Date: &Date{Text: "last week", Value: "2026-W10", Start: "2026-03-02", End: "2026-03-08",
			Precision: "week"},
		Location: &Location{Text: "Cyprus", Name: "Cyprus", Country: "CYP", Lat: ptr(35.0), Lon: ptr(33.0)},
		Attribution: &Attribution{Voice: "cited", Chain: []Source{
			{Role: "outlet", Name: "Axios", Cue: "according to"},
			{Role: "anonymous", Count: 5, Text: "five sources familiar with the matter"}}},
		Links:      []Link{{Rel: "responds_to", Event: "id of the proposal"}},
		Confidence: 0.82,
		Explain:    "which rule or pattern fired, on which tokens",
	}
}

// golden is example() as one JSON line, written by hand from DESIGN.md.
const golden = `{"id":"stable id","doc":"input document id","sentence":3,` +
	`"text":"the sentence, exactly as in the document",` +
	`"trigger":{"text":"rejected","start":1234,"end":1242},` +
	`"cameo":"125","cameo_root":"12","goldstein":-5,"quad_class":3,"penta_class":3,` +
	`"plover":{"type":"REJECT","mode":"meet","context":["diplomatic"]},` +
	`"status":"asserted",` +
	`"source":[{"text":"US Ambassador to Turkey Tom Barrack","start":10,"end":45,"code":"USAGOV",` +
	`"country":"USA","sector":"GOV","name":"Tom Barrack","id":"kb id","via":"dictionary"}],` +
	`"target":[{"code":"LBNGOV","country":"LBN","sector":"GOV","via":"discourse"}],` +
	`"date":{"text":"last week","value":"2026-W10","start":"2026-03-02","end":"2026-03-08","precision":"week"},` +
	`"location":{"text":"Cyprus","name":"Cyprus","country":"CYP","lat":35,"lon":33},` +
	`"attribution":{"voice":"cited","hedged":false,` +
	`"chain":[{"role":"outlet","name":"Axios","cue":"according to"},` +
	`{"role":"anonymous","count":5,"text":"five sources familiar with the matter"}]},` +
	`"links":[{"rel":"responds_to","event":"id of the proposal"}],` +
	`"confidence":0.82,"explain":"which rule or pattern fired, on which tokens"}` + "\n"

func TestGoldenLine(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, []Record{example()}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != golden {
		t.Errorf("written:\n%s\nwant:\n%s", buf.String(), golden)
	}
	recs, err := ReadJSONL(strings.NewReader(golden), "golden")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || !reflect.DeepEqual(recs[0], example()) {
		t.Errorf("read %+v", recs)
	}
}

func TestOmitted(t *testing.T) {
	tests := []struct {
		name string
		rec  Record
		want string
	}{
		{"minimal", Record{ID: "a", Doc: "d", Text: "t"},
			`{"id":"a","doc":"d","sentence":0,"text":"t"}`},
		{"zero values that mean something", Record{ID: "a", Doc: "d", Text: "t", Goldstein: ptr(0.0),
			PentaClass: ptr(0), Location: &Location{Lat: ptr(0.0), Lon: ptr(0.0)}},
			`{"id":"a","doc":"d","sentence":0,"text":"t","goldstein":0,"penta_class":0,"location":{"lat":0,"lon":0}}`},
		{"actor at offset 0", Record{ID: "a", Doc: "d", Text: "t", Source: []Actor{{Text: "I", End: 1, Code: "ISR"}}},
			`{"id":"a","doc":"d","sentence":0,"text":"t","source":[{"text":"I","start":0,"end":1,"code":"ISR"}]}`},
		{"hedged false written", Record{ID: "a", Doc: "d", Text: "t", Attribution: &Attribution{Voice: "publisher"}},
			`{"id":"a","doc":"d","sentence":0,"text":"t","attribution":{"voice":"publisher","hedged":false}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got  %s\nwant %s", b, tt.want)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	recs := []Record{example(), {ID: "b", Doc: "d2", Sentence: 7, Text: "Hezbollah <fired> & \"rockets\".",
		Status: Hypothetical, Source: []Actor{{Text: "Hezbollah", End: 9, Code: "LBNREB"}}}}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, recs); err != nil {
		t.Fatal(err)
	}
	if strings.Count(buf.String(), "\n") != 2 || strings.Contains(buf.String(), `\u003c`) {
		t.Errorf("unexpected output %q", buf.String())
	}
	got, err := ReadJSONL(&buf, "buf")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, recs) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, recs)
	}
}

func TestReadJSONLErrors(t *testing.T) {
	tests := []struct {
		name, in, wantErr string
		n                 int
	}{
		{"blank lines skipped", "\n{\"id\":\"a\"}\n\n{\"id\":\"b\"}", "", 2},
		{"bad line", "{\"id\":\"a\"}\n{\"id\":\n", "f.jsonl:2:", 1},
		{"wrong type", "{\"id\":\"a\"}\n\n{\"sentence\":\"x\"}\n", "f.jsonl:3:", 1},
		{"trailing data", "{\"id\":\"a\"} {}\n", "f.jsonl:1:", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ReadJSONL(strings.NewReader(tt.in), "f.jsonl")
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want prefix %q", err, tt.wantErr)
			}
			if len(recs) != tt.n {
				t.Errorf("%d records, want %d", len(recs), tt.n)
			}
		})
	}
}

func TestSetCode(t *testing.T) {
	o, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, root string
		goldstein  float64
		quad       int
		penta      int
		plover     *PLOVER
	}{
		{"125", "12", -5, 3, 3, &PLOVER{Type: "REJECT", Mode: "meet", Context: []string{"diplomatic"}}},
		{"195", "19", -10, 4, 4, &PLOVER{Type: "ASSAULT", Mode: "aerial", Context: []string{"military"}}},
		{"010", "01", 0, 1, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r := Record{PLOVER: &PLOVER{Type: "stale"}}
			if err := r.SetCode(o, tt.code); err != nil {
				t.Fatal(err)
			}
			if r.Cameo != tt.code || r.CameoRoot != tt.root || *r.Goldstein != tt.goldstein ||
				r.QuadClass != tt.quad || *r.PentaClass != tt.penta || !reflect.DeepEqual(r.PLOVER, tt.plover) {
				t.Errorf("got %+v plover %+v", r, r.PLOVER)
			}
			if p, ok := r.Penta(); !ok || p != tt.penta {
				t.Errorf("Penta() = %d, %v", p, ok)
			}
		})
	}
	r := Record{Cameo: "042"}
	if err := r.SetCode(o, "999"); err == nil || r.Cameo != "042" {
		t.Errorf("unknown code: err %v, record %+v", err, r)
	}
	if p, ok := r.Penta(); !ok || p != 1 {
		t.Errorf("Penta from root of 042 = %d, %v", p, ok)
	}
}

func TestStableID(t *testing.T) {
	a := []Actor{{Code: "USAGOV", Start: 1, End: 5}, {Code: "ISR", Start: 10, End: 16}}
	b := []Actor{a[1], a[0]}
	id := StableID("doc", 3, 100, "125", a, nil)
	if len(id) != 16 {
		t.Errorf("id %q: want 16 hex digits", id)
	}
	if StableID("doc", 3, 100, "125", b, nil) != id {
		t.Error("actor order changes the id")
	}
	for i, other := range []string{
		StableID("doc2", 3, 100, "125", a, nil),
		StableID("doc", 4, 100, "125", a, nil),
		StableID("doc", 3, 101, "125", a, nil),
		StableID("doc", 3, 100, "120", a, nil),
		StableID("doc", 3, 100, "125", nil, a),
		StableID("doc", 3, 100, "125", a[:1], nil),
	} {
		if other == id {
			t.Errorf("variant %d gives the same id", i)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(golden)
	f.Add("{\"id\":\"a\"}\n\n{\"source\":[{\"code\":\"X\",\"start\":0,\"end\":0}]}")
	f.Add("{\"location\":{\"lat\":-0}}\n{")
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := ReadJSONL(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		// What was read must write, and writing is stable from then on.
		var b1, b2 bytes.Buffer
		if err := WriteJSONL(&b1, recs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSONL(bytes.NewReader(b1.Bytes()), "again")
		if err != nil {
			t.Fatalf("re-reading %q: %v", b1.String(), err)
		}
		if err := WriteJSONL(&b2, again); err != nil {
			t.Fatal(err)
		}
		if b1.String() != b2.String() {
			t.Errorf("unstable:\n%s\n%s", b1.String(), b2.String())
		}
	})
}
