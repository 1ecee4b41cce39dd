package main

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON document the converter reads: the
// shared arcs, the optional quantization transform and the named objects.
type topology struct {
	Type      string                     `json:"type"`
	Arcs      [][][2]float64             `json:"arcs"`
	Transform *transform                 `json:"transform"`
	Objects   map[string]json.RawMessage `json:"objects"`
}

// transform maps quantized, delta-encoded arc positions back to
// coordinates: x = translate[0] + scale[0]*Σdx, and the same for y.
type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// geometry is one TopoJSON geometry: a collection of geometries, or a
// polygonal geometry whose rings are lists of arc indexes (a negative index
// ~i stands for arc i walked backwards).
type geometry struct {
	Type       string          `json:"type"`
	ID         json.RawMessage `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []geometry      `json:"geometries"`
}

// position is a longitude and latitude.
type position [2]float64

// decodeArcs returns the arcs of t as absolute positions: with a transform,
// each arc's positions are running sums of deltas, scaled and translated;
// without one they are used as they are.
func decodeArcs(t *topology) [][]position {
	out := make([][]position, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]position, len(arc))
		var x, y float64
		for j, p := range arc {
			if t.Transform == nil {
				pts[j] = position{p[0], p[1]}
				continue
			}
			x += p[0]
			y += p[1]
			pts[j] = position{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			}
		}
		out[i] = pts
	}
	return out
}

// ring joins the arcs named by refs into one closed ring. Consecutive arcs
// share their joining position, so it is kept once.
func ring(arcs [][]position, refs []int) ([]position, error) {
	var out []position
	for k, ref := range refs {
		i, reverse := ref, false
		if ref < 0 {
			i, reverse = ^ref, true
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("arc %d out of range (%d arcs)", ref, len(arcs))
		}
		pts := arcs[i]
		if len(pts) == 0 {
			return nil, fmt.Errorf("arc %d is empty", i)
		}
		for j := range pts {
			p := pts[j]
			if reverse {
				p = pts[len(pts)-1-j]
			}
			if k > 0 && j == 0 {
				continue // the previous arc ended here
			}
			out = append(out, p)
		}
	}
	if len(out) < 4 {
		return nil, fmt.Errorf("ring of arcs %v has %d positions, fewer than 4", refs, len(out))
	}
	if out[0] != out[len(out)-1] {
		return nil, fmt.Errorf("ring of arcs %v is not closed", refs)
	}
	return out, nil
}

// polygon turns the ring arc lists of one polygon into rings, the first
// the exterior and the others holes.
func polygon(arcs [][]position, rings [][]int) ([][]position, error) {
	out := make([][]position, 0, len(rings))
	for _, refs := range rings {
		r, err := ring(arcs, refs)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// coordinates returns the GeoJSON type and coordinates of a Polygon or
// MultiPolygon geometry, its polygons cut at the antimeridian: a Polygon
// cut in two becomes a MultiPolygon.
func coordinates(arcs [][]position, g geometry) (string, any, error) {
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return "", nil, fmt.Errorf("polygon arcs: %w", err)
		}
		polys = [][][]int{rings}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return "", nil, fmt.Errorf("multipolygon arcs: %w", err)
		}
	default:
		return "", nil, fmt.Errorf("geometry type %q not supported (Polygon and MultiPolygon are)", g.Type)
	}
	var out [][][]position
	for _, rings := range polys {
		p, err := polygon(arcs, rings)
		if err != nil {
			return "", nil, err
		}
		parts, err := splitAntimeridian(p)
		if err != nil {
			return "", nil, err
		}
		out = append(out, parts...)
	}
	if g.Type == "Polygon" && len(out) == 1 {
		return "Polygon", out[0], nil
	}
	return "MultiPolygon", out, nil
}
