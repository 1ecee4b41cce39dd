package main

import (
	"errors"
	"math"
)

// TopoJSON made for spherical rendering lets a ring cross the antimeridian
// (Fiji, the east of Russia): one position at 179.9, the next at -179.9.
// Drawn on a flat map such a ring streaks across the whole world, so the
// converter cuts it in two at ±180.

// unwrap returns the ring with longitudes made continuous (each step less
// than 180° east or west), and the total shift of its last position: 0
// for a ring that crosses the antimeridian and comes back, ±360 for one
// that goes round a pole.
func unwrap(r []position) ([]position, float64) {
	out := make([]position, len(r))
	var shift float64
	for i, p := range r {
		if i > 0 {
			switch d := p[0] + shift - out[i-1][0]; {
			case d > 180:
				shift -= 360
			case d < -180:
				shift += 360
			}
		}
		out[i] = position{p[0] + shift, p[1]}
	}
	return out, shift
}

// clip returns the part of a closed ring on one side of the meridian x:
// west of it (x ≤ meridian) when west is true, else east of it. The cut
// edge runs along the meridian.
func clip(r []position, x float64, west bool) []position {
	inside := func(p position) bool {
		if west {
			return p[0] <= x
		}
		return p[0] >= x
	}
	var out []position
	add := func(p position) {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if inside(a) {
			add(a)
		}
		if inside(a) != inside(b) {
			t := (x - a[0]) / (b[0] - a[0])
			add(position{x, a[1] + t*(b[1]-a[1])})
		}
	}
	if len(out) > 0 && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

// shifted returns the ring moved east by dx degrees.
func shifted(r []position, dx float64) []position {
	out := make([]position, len(r))
	for i, p := range r {
		out[i] = position{p[0] + dx, p[1]}
	}
	return out
}

// splitAntimeridian returns the polygon (exterior ring, then holes) as one
// or more polygons, none of which crosses the antimeridian. A ring round a
// pole (Antarctica) already spans -180 to 180 on a flat map and is kept as
// it is. Cutting a crossing polygon that has holes is not supported.
func splitAntimeridian(poly [][]position) ([][][]position, error) {
	ext, shift := unwrap(poly[0])
	west, east := math.Inf(1), math.Inf(-1)
	for _, p := range ext {
		west, east = math.Min(west, p[0]), math.Max(east, p[0])
	}
	if shift != 0 || (west >= -180 && east <= 180) {
		return [][][]position{poly}, nil
	}
	if len(poly) > 1 {
		return nil, errors.New("a polygon with holes crosses the antimeridian; cutting it is not supported")
	}
	edge, dx := 180.0, -360.0 // the ring reaches east of 180
	if west < -180 {
		edge, dx = -180, 360
	}
	var out [][][]position
	for _, part := range [][]position{clip(ext, edge, edge > 0), shifted(clip(ext, edge, edge < 0), dx)} {
		if len(part) >= 4 && math.Abs(area(part)) > 1e-9 {
			out = append(out, [][]position{part})
		}
	}
	return out, nil
}
