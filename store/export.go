package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/event"
)

// DocumentInfo is the provenance of a stored document, as EachEvent gives
// it.
type DocumentInfo struct {
	// Hash is the content hash (Hash) and ID the id in the input.
	Hash, ID string
	// URL, Outlet and Title are "" when unknown.
	URL, Outlet, Title string
	// Published is zero when unknown; Ingested is when it was stored.
	Published, Ingested time.Time
}

// MergeInfo is the merged event an event record belongs to.
type MergeInfo struct {
	// ID is the merged event's id.
	ID string
	// Reports is the number of its records; Articles and Outlets count
	// its documents and known outlets.
	Reports, Articles, Outlets int
	// FirstReported is the publication time of its earliest report, zero
	// when unknown.
	FirstReported time.Time
}

// EachEvent calls fn with every stored event record, document by
// document in the order they were stored and in each document in the
// order of its records, with the document's provenance and the merged
// event of the record (nil when it has none). It stops at the first error
// fn returns.
func (s *DB) EachEvent(ctx context.Context, fn func(d *DocumentInfo, r *event.Record, m *MergeInfo) error) error {
	type docRow struct {
		id   int64
		info DocumentInfo
	}
	var docs []docRow
	rows, err := s.db.QueryContext(ctx, `SELECT id, hash, doc_id, url, outlet, title, published, ingested
		FROM documents ORDER BY id`)
	if err != nil {
		return fmt.Errorf("documents of %s: %w", s.name, err)
	}
	for rows.Next() {
		var d docRow
		var url, outlet, title, published sql.NullString
		var ingested string
		if err := rows.Scan(&d.id, &d.info.Hash, &d.info.ID, &url, &outlet, &title, &published, &ingested); err != nil {
			rows.Close()
			return fmt.Errorf("documents of %s: %w", s.name, err)
		}
		d.info.URL, d.info.Outlet, d.info.Title = url.String, outlet.String, title.String
		d.info.Published = parseTime(published.String)
		d.info.Ingested = parseTime(ingested)
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("documents of %s: %w", s.name, err)
	}
	for i := range docs {
		d := &docs[i]
		recs, ids, err := s.readEvents(ctx, d.id, d.info.ID)
		if err == nil && len(recs) > 0 {
			err = s.readChildren(ctx, d.id, recs, ids)
		}
		var merged map[string]*MergeInfo
		if err == nil && len(recs) > 0 {
			merged, err = s.mergeInfo(ctx, d.id)
		}
		if err != nil {
			return fmt.Errorf("events of document %s: %w", d.info.ID, err)
		}
		for j := range recs {
			if err := fn(&d.info, &recs[j], merged[recs[j].ID]); err != nil {
				return err
			}
		}
	}
	return nil
}

// mergeInfo returns the merged events of the records of document docID,
// by record id.
func (s *DB) mergeInfo(ctx context.Context, docID int64) (map[string]*MergeInfo, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT e.eid, g.id, g.articles, g.outlets, g.first_reported,
		(SELECT COUNT(*) FROM merged_members c WHERE c.merged = g.id)
		FROM events e JOIN merged_members m ON m.event = e.id JOIN merged_events g ON g.id = m.merged
		WHERE e.doc = ?`), docID)
	if err != nil {
		return nil, fmt.Errorf("merged events: %w", err)
	}
	defer rows.Close()
	out := map[string]*MergeInfo{}
	for rows.Next() {
		var eid string
		var m MergeInfo
		var first sql.NullString
		if err := rows.Scan(&eid, &m.ID, &m.Articles, &m.Outlets, &first, &m.Reports); err != nil {
			return nil, fmt.Errorf("merged events: %w", err)
		}
		m.FirstReported = parseTime(first.String)
		out[eid] = &m
	}
	return out, rows.Err()
}

// parseTime parses a stored RFC 3339 time; zero for "" or a value that
// does not parse.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
