package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

// feature is one GeoJSON feature written by the converter.
type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id,omitempty"`
	Properties properties `json:"properties"`
	Geometry   shape      `json:"geometry"`
}

// properties are a country's name and code; Code is empty when neither the
// numeric id nor the name leads to one.
type properties struct {
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

// shape is a GeoJSON geometry.
type shape struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// namer finds a feature's country code and display name: the numeric ISO
// id gives the alpha-3 code; without one, the name (abbreviations such as
// "N." spelled out) is looked up in the knowledge base, which also gives
// the name written out.
type namer struct {
	alpha3 map[string]string
	kb     *kb.KB
}

// numericID returns a TopoJSON id as a three-digit ISO numeric code; ids
// may be strings ("004") or numbers (4). An absent id gives "".
func numericID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", fmt.Errorf("id %s: %w", raw, err)
	}
	switch id := v.(type) {
	case string:
		return id, nil
	case float64:
		return fmt.Sprintf("%03d", int(id)), nil
	}
	return "", fmt.Errorf("id %s is neither a string nor a number", raw)
}

// spellOut expands the abbreviations Natural Earth uses in short names.
func spellOut(name string) string {
	long := map[string]string{
		"N.": "North", "S.": "South", "W.": "Western", "Dem.": "Democratic",
		"Rep.": "Republic", "Is.": "Islands", "Eq.": "Equatorial", "St.": "Saint",
	}
	words := strings.Fields(name)
	for i, w := range words {
		if l, ok := long[w]; ok {
			words[i] = l
		}
	}
	return strings.Join(words, " ")
}

// name returns the code and display name of a feature with numeric id
// (possibly empty) and source name.
func (n namer) name(id, source string) (code, name string) {
	code = n.alpha3[id]
	if code == "" && n.kb != nil {
		for _, try := range []string{source, spellOut(source)} {
			if c, ok := n.kb.CountryByName(try); ok {
				code = c.Code
				break
			}
		}
	}
	name = source
	if n.kb != nil && code != "" {
		if c, ok := n.kb.Country(code); ok {
			name = c.Name
		}
	}
	return code, name
}

// round rounds every coordinate to the given number of decimals.
func round(rings [][]position, decimals int) {
	f := math.Pow(10, float64(decimals))
	for _, r := range rings {
		for i := range r {
			r[i][0] = math.Round(r[i][0]*f) / f
			r[i][1] = math.Round(r[i][1]*f) / f
		}
	}
}

// area returns the signed planar area of a closed ring: positive when it
// runs counterclockwise.
func area(r []position) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}

// rewind orders the rings of a polygon as RFC 7946 asks: the exterior ring
// counterclockwise, holes clockwise. TopoJSON made by d3 winds them the
// other way.
func rewind(rings [][]position) {
	for i, r := range rings {
		if ccw := area(r) > 0; ccw != (i == 0) {
			for a, b := 0, len(r)-1; a < b; a, b = a+1, b-1 {
				r[a], r[b] = r[b], r[a]
			}
		}
	}
}

// tidy rounds and rewinds the rings of Polygon or MultiPolygon coordinates.
func tidy(coords any, decimals int) {
	switch c := coords.(type) {
	case [][]position:
		round(c, decimals)
		rewind(c)
	case [][][]position:
		for _, p := range c {
			round(p, decimals)
			rewind(p)
		}
	}
}

// writeCollection writes features as a GeoJSON FeatureCollection, one
// feature a line so that a refresh shows as a readable diff.
func writeCollection(features []feature) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	for i, f := range features {
		line, err := json.Marshal(f)
		if err != nil {
			return nil, fmt.Errorf("feature %s (%s): %w", strconv.Quote(f.Properties.Name), f.ID, err)
		}
		b.Write(line)
		if i < len(features)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}
