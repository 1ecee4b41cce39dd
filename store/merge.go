package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep/sitrep/merge"
)

// MergedEvent is one real-world event as stored: a group of package
// merge.
type MergedEvent struct {
	// ID is the group id (merge.GroupID of its earliest report).
	ID string `json:"id"`
	// Dyad, Root and Status are those of its members.
	Dyad   string `json:"dyad"`
	Root   string `json:"cameo_root,omitempty"`
	Status string `json:"status,omitempty"`
	// Place is the country of its members with one.
	Place string `json:"place,omitempty"`
	// Start and End bound the days all its members allow.
	Start string `json:"date_start,omitempty"`
	End   string `json:"date_end,omitempty"`
	// Articles and Outlets count its distinct documents and known outlets.
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	// FirstReported is the publication time (RFC 3339) of the earliest
	// report, "" when unknown.
	FirstReported string `json:"first_reported,omitempty"`
	// Members are its records, the representative (earliest report) first.
	Members []MergedMember `json:"members"`
}

// MergedMember is one event record of a merged event.
type MergedMember struct {
	// Event is the record's stable id and Doc its document's input id.
	Event string `json:"event"`
	Doc   string `json:"doc"`
	// Outlet is the document's outlet.
	Outlet string `json:"outlet,omitempty"`
	// Reason says why the record is a member.
	Reason string `json:"reason"`
}

// mergeItem is an event to merge with its row id.
type mergeItem struct {
	id int64
	merge.Item
}

// appendMergeItems appends the events of d, stored as ids, to items.
func appendMergeItems(items []mergeItem, ids []int64, d *Document) []mergeItem {
	a := &d.Doc.Article
	h := Hash(a)
	for i := range d.Events {
		items = append(items, mergeItem{ids[i], merge.Item{Record: &d.Events[i], Doc: h, Outlet: a.Outlet,
			Published: a.Published}})
	}
	return items
}

// querier runs queries: a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// query runs q on db (a database or a transaction) with args and calls
// scan with each row.
func query(ctx context.Context, db querier, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Merged returns the merged events of dyad, or of all dyads when it is "";
// see Store.
func (s *DB) Merged(ctx context.Context, dyad string) ([]MergedEvent, error) {
	where, args := "", []any(nil)
	if dyad != "" {
		where, args = "WHERE g.dyad = ?", []any{dyad}
	}
	var out []MergedEvent
	idx := map[string]int{}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT g.id, g.dyad, g.cameo_root, g.status, g.place,
		g.date_start, g.date_end, g.articles, g.outlets, g.first_reported, e.eid, d.doc_id, d.outlet, m.reason
		FROM merged_events g JOIN merged_members m ON m.merged = g.id JOIN events e ON e.id = m.event
		JOIN documents d ON d.id = e.doc `+where+`
		ORDER BY COALESCE(g.first_reported, 'z'), g.id, m.pos`), args...)
	if err != nil {
		return nil, fmt.Errorf("merged events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g MergedEvent
		var m MergedMember
		var root, status, place, start, end, first, outlet sql.NullString
		if err := rows.Scan(&g.ID, &g.Dyad, &root, &status, &place, &start, &end, &g.Articles, &g.Outlets,
			&first, &m.Event, &m.Doc, &outlet, &m.Reason); err != nil {
			return nil, fmt.Errorf("merged events: %w", err)
		}
		m.Outlet = outlet.String
		i, ok := idx[g.ID]
		if !ok {
			g.Root, g.Status, g.Place, g.Start, g.End, g.FirstReported = root.String, status.String, place.String,
				start.String, end.String, first.String
			i = len(out)
			idx[g.ID] = i
			out = append(out, g)
		}
		out[i].Members = append(out[i].Members, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("merged events: %w", err)
	}
	return out, nil
}
