// Command topo2geo converts one object of a TopoJSON topology into a
// GeoJSON FeatureCollection for sitrep's map: it decodes the quantized,
// delta-encoded arcs with the topology's transform, stitches them into
// Polygon and MultiPolygon rings (exterior counterclockwise, as RFC 7946
// asks; a ring crossing the antimeridian cut in two, for flat maps), and gives each feature a "name" and, where it can, a "code": the
// ISO 3166-1 alpha-3 code of its numeric ISO id, or for features without
// an id the code of the knowledge base country of that name (Kosovo is
// XKX there). Names are written out as the knowledge base has them.
//
// It makes web/static/vendor/world/countries.geojson from world-atlas
// (see web/static/vendor/refresh.sh):
//
//	go run ./internal/tools/topo2geo -in countries-110m.json -object countries \
//		-out web/static/vendor/world/countries.geojson
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "topo2geo:", err)
		os.Exit(1)
	}
}

// run parses the flags, converts and writes the output, and reports the
// features without a code on stderr.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("topo2geo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "TopoJSON file to read (required)")
	out := fs.String("out", "", "GeoJSON file to write (default: standard output)")
	object := fs.String("object", "countries", "name of the topology's object to convert")
	decimals := fs.Int("decimals", 4, "decimals kept in each coordinate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || fs.NArg() > 0 {
		return errors.New("usage: topo2geo -in FILE.topojson [-object NAME] [-decimals N] [-out FILE.geojson]")
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		return fmt.Errorf("reading topology: %w", err)
	}
	base, err := kb.Load()
	if err != nil {
		return fmt.Errorf("loading the knowledge base: %w", err)
	}
	features, err := convert(data, *object, namer{alpha3: isoAlpha3(), kb: base}, *decimals)
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	var missing []string
	for _, f := range features {
		if f.Properties.Code == "" {
			missing = append(missing, f.Properties.Name)
		}
	}
	fmt.Fprintf(stderr, "%d features, %d without a code", len(features), len(missing))
	if len(missing) > 0 {
		fmt.Fprintf(stderr, ": %s", strings.Join(missing, ", "))
	}
	fmt.Fprintln(stderr)
	geo, err := writeCollection(features)
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = os.Stdout.Write(geo)
		return err
	}
	if err := os.WriteFile(*out, geo, 0o644); err != nil {
		return fmt.Errorf("writing GeoJSON: %w", err)
	}
	return nil
}

// convert returns the features of the named GeometryCollection object (or
// single geometry) of a TopoJSON topology, coordinates rounded to decimals.
func convert(data []byte, object string, n namer, decimals int) ([]feature, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("parsing TopoJSON: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("type is %q, not Topology", t.Type)
	}
	raw, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("no object %q in the topology", object)
	}
	var g geometry
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("object %q: %w", object, err)
	}
	geoms := []geometry{g}
	if g.Type == "GeometryCollection" {
		geoms = g.Geometries
	}
	arcs := decodeArcs(&t)
	features := make([]feature, 0, len(geoms))
	for i, g := range geoms {
		id, err := numericID(g.ID)
		if err != nil {
			return nil, fmt.Errorf("geometry %d: %w", i, err)
		}
		source, _ := g.Properties["name"].(string)
		typ, coords, err := coordinates(arcs, g)
		if err != nil {
			return nil, fmt.Errorf("geometry %d (%s): %w", i, source, err)
		}
		tidy(coords, decimals)
		code, name := n.name(id, source)
		features = append(features, feature{
			Type:       "Feature",
			ID:         id,
			Properties: properties{Name: name, Code: code},
			Geometry:   shape{Type: typ, Coordinates: coords},
		})
	}
	return features, nil
}
