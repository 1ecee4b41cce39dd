package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// This file holds the queries that the HTTP API browses the store with:
// the stored documents, one document with its text, and the actors,
// network edges and places of the events a Filter selects.

// browseFrom joins an event e to its document d, its sentence s and its
// merged event membership m: the names Filter.where's conditions use.
const browseFrom = ` FROM events e JOIN documents d ON d.id = e.doc
	LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
	LEFT JOIN merged_members m ON m.event = e.id`

// browseWhere returns f's conditions with cond added, and their arguments.
func browseWhere(f *Filter, cond string) (string, []any) {
	where, args := f.where()
	if where == "" {
		return " WHERE " + cond, args
	}
	return where + " AND " + cond, args
}

// limitSQL returns the LIMIT and OFFSET clause of limit (none when not
// positive) and offset.
func limitSQL(limit, offset int) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = 1 << 30
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
}

// DocumentSummary is a stored document as listed: its provenance and how
// many event records were coded from it.
type DocumentSummary struct {
	DocumentInfo
	// Events is the number of its event records.
	Events int64
}

// DocumentText is a stored document with its text; the offsets of its
// event records are code points into Text.
type DocumentText struct {
	DocumentInfo
	// Text is the document's text, as read.
	Text string
}

// ErrNotFound is returned for a document that is not stored.
var ErrNotFound = errors.New("not found")

// Documents lists the stored documents, latest stored first, skipping
// offset of them and returning at most limit (all when not positive).
func (s *DB) Documents(ctx context.Context, limit, offset int) ([]DocumentSummary, error) {
	if limit < 0 || offset < 0 {
		return nil, fmt.Errorf("documents: limit %d, offset %d: must not be negative", limit, offset)
	}
	q := `SELECT d.hash, d.doc_id, d.outlet, d.url, d.title, d.published,
		(SELECT COUNT(*) FROM events e WHERE e.doc = d.id)
		FROM documents d ORDER BY d.id DESC` + limitSQL(limit, offset)
	var out []DocumentSummary
	err := query(ctx, s.db, q, nil, func(rows *sql.Rows) error {
		var d DocumentSummary
		var outlet, url, title, published sql.NullString
		if err := rows.Scan(&d.Hash, &d.ID, &outlet, &url, &title, &published, &d.Events); err != nil {
			return err
		}
		d.Outlet, d.URL, d.Title, d.Published = outlet.String, url.String, title.String, parseTime(published.String)
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}

// Document returns the document with content hash h and its text, or an
// error wrapping ErrNotFound when it is not stored.
func (s *DB) Document(ctx context.Context, h string) (DocumentText, error) {
	var d DocumentText
	var outlet, url, title, published sql.NullString
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT hash, doc_id, outlet, url, title, published, text
		FROM documents WHERE hash = ?`), h).Scan(&d.Hash, &d.ID, &outlet, &url, &title, &published, &d.Text)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return d, fmt.Errorf("document %s: %w", h, ErrNotFound)
	case err != nil:
		return d, fmt.Errorf("document %s: %w", h, err)
	}
	d.Outlet, d.URL, d.Title, d.Published = outlet.String, url.String, title.String, parseTime(published.String)
	return d, nil
}

// ActorCount is an actor (a CAMEO code) of the selected events: how many
// of them it takes part in, as source and as target.
type ActorCount struct {
	// Code is the actor's CAMEO code.
	Code string `json:"code"`
	// Name, Country, Sector and KBID are those of one of its mentions
	// (the greatest, where they differ).
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	KBID    string `json:"kb_id,omitempty"`
	// Events counts the events it takes part in; AsSource and AsTarget
	// the events it is a source or target of.
	Events   int64 `json:"events"`
	AsSource int64 `json:"as_source"`
	AsTarget int64 `json:"as_target"`
}

// Actors returns the actors (with a code) of the events f selects, the
// most frequent first, then by code (byte by byte, on every backend), at
// most f.Limit of them after f.Offset (all when f.Limit is not positive);
// f.Order does not apply.
func (s *DB) Actors(ctx context.Context, f Filter) ([]ActorCount, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	where, args := browseWhere(&f, "ea.code IS NOT NULL")
	q := `SELECT ea.code, MAX(ea.name), MAX(ea.country), MAX(ea.sector), MAX(ea.kb_id), COUNT(DISTINCT e.id),
		COUNT(DISTINCT CASE WHEN ea.role = 'source' THEN e.id END),
		COUNT(DISTINCT CASE WHEN ea.role = 'target' THEN e.id END)` + browseFrom + `
		JOIN event_actors ea ON ea.event = e.id` + where + `
		GROUP BY ea.code ORDER BY COUNT(DISTINCT e.id) DESC, ea.code` + s.d.bytewise + limitSQL(f.Limit, f.Offset)
	var out []ActorCount
	err := query(ctx, s.db, s.d.rebind(q), args, func(rows *sql.Rows) error {
		var a ActorCount
		var name, country, sector, kbID sql.NullString
		if err := rows.Scan(&a.Code, &name, &country, &sector, &kbID, &a.Events, &a.AsSource, &a.AsTarget); err != nil {
			return err
		}
		a.Name, a.Country, a.Sector, a.KBID = name.String, country.String, sector.String, kbID.String
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}

// Edge sums the events of the selected ones that have one actor code as a
// source and another as a target.
type Edge struct {
	// Source and Target are the actors' CAMEO codes.
	Source string `json:"source"`
	Target string `json:"target"`
	// Events is the number of events.
	Events int64 `json:"events"`
	// GoldsteinMean is the mean Goldstein weight of those that have one;
	// nil when none has.
	GoldsteinMean *float64 `json:"goldstein_mean,omitempty"`
	// PLOVER counts them per PLOVER type.
	PLOVER map[string]int64 `json:"plover,omitempty"`
}

// Edges returns the source-to-target edges of the events f selects (an
// event with several source or target actors is on every pair of them;
// an actor is never its own target), the heaviest first, at most f.Limit
// of them (all when it is not positive) after f.Offset.
func (s *DB) Edges(ctx context.Context, f Filter) ([]Edge, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	where, args := browseWhere(&f, "sa.code IS NOT NULL AND ta.code IS NOT NULL AND sa.code <> ta.code")
	// Each event once per pair: one with two source (or target) actors of
	// one code would otherwise weigh twice in the pair's Goldstein mean.
	q := `SELECT src, tgt, ptype, COUNT(*), SUM(goldstein), COUNT(goldstein) FROM (
		SELECT DISTINCT e.id, sa.code AS src, ta.code AS tgt, COALESCE(e.plover_type, '') AS ptype,
		e.goldstein AS goldstein` + browseFrom + `
		JOIN event_actors sa ON sa.event = e.id AND sa.role = 'source'
		JOIN event_actors ta ON ta.event = e.id AND ta.role = 'target'` + where + `) p
		GROUP BY src, tgt, ptype`
	type sums struct {
		edge    Edge
		goldSum float64
		goldN   int64
	}
	byPair := map[[2]string]*sums{}
	err := query(ctx, s.db, s.d.rebind(q), args, func(rows *sql.Rows) error {
		var src, tgt, ptype string
		var n, goldN int64
		var gold sql.NullFloat64
		if err := rows.Scan(&src, &tgt, &ptype, &n, &gold, &goldN); err != nil {
			return err
		}
		k := [2]string{src, tgt}
		v := byPair[k]
		if v == nil {
			v = &sums{edge: Edge{Source: src, Target: tgt}}
			byPair[k] = v
		}
		v.edge.Events += n
		v.goldSum += gold.Float64
		v.goldN += goldN
		if ptype != "" {
			if v.edge.PLOVER == nil {
				v.edge.PLOVER = map[string]int64{}
			}
			v.edge.PLOVER[ptype] += n
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("edges: %w", err)
	}
	out := make([]Edge, 0, len(byPair))
	for _, v := range byPair {
		if v.goldN > 0 {
			mean := v.goldSum / float64(v.goldN)
			v.edge.GoldsteinMean = &mean
		}
		out = append(out, v.edge)
	}
	slices.SortFunc(out, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return page(out, f.Limit, f.Offset), nil
}

// page returns the items of xs after offset, at most limit of them (all
// when limit is not positive).
func page[T any](xs []T, limit, offset int) []T {
	xs = xs[min(offset, len(xs)):]
	if limit > 0 && len(xs) > limit {
		xs = xs[:limit]
	}
	return xs
}

// PlaceCount is a place with coordinates that selected events happened at.
type PlaceCount struct {
	// Name is the place's resolved name, or its text when unresolved.
	Name string `json:"name"`
	// Country is its country code; "" when unknown.
	Country string `json:"country,omitempty"`
	// Lat and Lon are its coordinates (their mean, where its events
	// disagree).
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	// Events is the number of events there.
	Events int64 `json:"events"`
}

// Places returns the places with coordinates of the events f selects, the
// most frequent first, then by name and country (byte by byte, on every
// backend), at most f.Limit of them (all when it is not positive) after
// f.Offset.
func (s *DB) Places(ctx context.Context, f Filter) ([]PlaceCount, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	where, args := browseWhere(&f, "e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL")
	name, country := "COALESCE(e.loc_name, e.loc_text, '')", "COALESCE(e.loc_country, '')"
	q := `SELECT ` + name + `, ` + country + `, AVG(e.loc_lat), AVG(e.loc_lon), COUNT(*)` + browseFrom + where + `
		GROUP BY ` + name + `, ` + country + ` ORDER BY COUNT(*) DESC, ` + name + s.d.bytewise + `, ` + country +
		limitSQL(f.Limit, f.Offset)
	var out []PlaceCount
	err := query(ctx, s.db, s.d.rebind(q), args, func(rows *sql.Rows) error {
		var p PlaceCount
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}
