package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
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

// The merge tables, as Put fills them.
var (
	mergedTable  = table{"merged_events", []string{"id", "representative", "dyad", "cameo_root", "status", "place", "date_start", "date_end", "articles", "outlets", "first_reported"}}
	membersTable = table{"merged_members", []string{"event", "merged", "pos", "reason"}}
)

// maxIn is the most values one "IN (...)" list carries.
const maxIn = 500

// merge recomputes, in tx, the merged events of the dyads of the events
// added whose days come within windowMargin of theirs: it reads the events
// stored in those merged events, merges them with the added ones (package
// merge), and replaces those merged events and members. Merging in Put's transaction keeps the merge
// tables in step with the events: a crash leaves neither without the
// other, and a reader never sees an event without its merged event.
// Recomputing a whole dyad is what makes the result independent of the
// order documents arrive in.
func (s *DB) merge(ctx context.Context, tx *sql.Tx, added []mergeItem) error {
	if len(added) == 0 {
		return nil
	}
	var dyads []string
	for i := range added {
		dyads = append(dyads, merge.Dyad(added[i].Record))
	}
	slices.Sort(dyads)
	dyads = slices.Compact(dyads)
	if s.d.lockKey != "" {
		// In sorted order, so two writers cannot wait for each other.
		for _, d := range dyads {
			if _, err := tx.ExecContext(ctx, s.d.lockKey, "merge "+d); err != nil {
				return fmt.Errorf("lock dyad %s: %w", d, err)
			}
		}
	}
	lo, hi := window(added)
	items, err := s.dyadEvents(ctx, tx, dyads, lo, hi)
	if err != nil {
		return err
	}
	items = append(items, added...)
	in := make([]merge.Item, len(items))
	for i := range items {
		in[i] = items[i].Item
	}
	groups := merge.Merge(in)
	for chunk := range slices.Chunk(dyads, maxIn) {
		list, args := inList(chunk)
		args = append(args, hi, lo)
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM merged_members WHERE merged IN
			(SELECT id FROM merged_events WHERE dyad IN `+list+inWindow+`)`), args...); err != nil {
			return fmt.Errorf("delete members: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM merged_events WHERE dyad IN `+list+inWindow), args...); err != nil {
			return fmt.Errorf("delete merged events: %w", err)
		}
	}
	ge, gm := rows{t: mergedTable}, rows{t: membersTable}
	for _, g := range groups {
		var first any
		if !g.FirstReported.IsZero() {
			first = g.FirstReported.UTC().Format(time.RFC3339Nano)
		}
		ge.add(g.ID, items[g.Representative].id, g.Dyad, null(g.Root), null(string(g.Status)), null(g.Place),
			null(g.Start), null(g.End), g.Articles, g.Outlets, first)
		for pos, m := range g.Members {
			gm.add(items[m.Item].id, g.ID, pos, m.Reason)
		}
	}
	if err := s.insert(ctx, tx, &ge); err != nil {
		return err
	}
	return s.insert(ctx, tx, &gm)
}

// inWindow restricts a query on merged_events to the groups whose days
// reach into a window given as the arguments (end of window, start of
// window); groups of undated events never merge and are left alone.
const inWindow = ` AND date_start IS NOT NULL AND date_start <= ? AND date_end >= ?`

// windowMargin is how far beyond the added events' days the merged events
// recomputed reach: a group that ends more than this before the earliest
// added day, or starts after the latest, shares no day with any added
// event and cannot change when they are merged.
const windowMargin = 31 * 24 * time.Hour

// window returns the days (YYYY-MM-DD) between which the merged events of
// the added events' dyads are recomputed: their intervals widened by
// windowMargin. Recomputing only these, rather than a dyad's whole history,
// keeps the cost of a batch from growing with the store.
func window(added []mergeItem) (lo, hi string) {
	for i := range added {
		s, e, ok := merge.Interval(&added[i].Item)
		if !ok {
			continue
		}
		if lo == "" || s < lo {
			lo = s
		}
		if e > hi {
			hi = e
		}
	}
	if lo == "" {
		return "9999-12-31", "0000-01-01" // nothing dated: an empty window
	}
	shift := func(day string, d time.Duration) string {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return day
		}
		return t.Add(d).Format(time.DateOnly)
	}
	return shift(lo, -windowMargin), shift(hi, windowMargin)
}

// inList returns "(?, ?, ...)" for vals and vals as arguments.
func inList(vals []string) (string, []any) {
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return "(" + strings.Repeat("?, ", len(vals)-1) + "?)", args
}

// dyadEvents reads what merging needs of the events that are members of
// the merged events of dyads whose days reach into [lo, hi].
func (s *DB) dyadEvents(ctx context.Context, tx *sql.Tx, dyads []string, lo, hi string) ([]mergeItem, error) {
	var items []mergeItem
	for chunk := range slices.Chunk(dyads, maxIn) {
		list, args := inList(chunk)
		args = append(args, hi, lo)
		start := len(items)
		idx := map[int64]int{}
		err := query(ctx, tx, s.d.rebind(`SELECT e.id, e.eid, e.sentence, e.cameo, e.cameo_root, e.status,
			e.date_text, e.date_start, e.date_end, e.loc_country, d.hash, d.outlet, d.published
			FROM merged_events g JOIN merged_members m ON m.merged = g.id JOIN events e ON e.id = m.event
			JOIN documents d ON d.id = e.doc WHERE g.dyad IN `+list+strings.ReplaceAll(inWindow, "date_", "g.date_")+` ORDER BY e.id`), args, func(rows *sql.Rows) error {
			var it mergeItem
			r := &event.Record{}
			var cameo, root, status, dText, dStart, dEnd, country, outlet, published sql.NullString
			if err := rows.Scan(&it.id, &r.ID, &r.Sentence, &cameo, &root, &status, &dText, &dStart, &dEnd,
				&country, &it.Doc, &outlet, &published); err != nil {
				return err
			}
			r.Cameo, r.CameoRoot, r.Status = cameo.String, root.String, event.Status(status.String)
			if dText.Valid || dStart.Valid || dEnd.Valid {
				r.Date = &event.Date{Text: dText.String, Start: dStart.String, End: dEnd.String}
			}
			if country.Valid {
				r.Location = &event.Location{Country: country.String}
			}
			it.Record, it.Outlet = r, outlet.String
			if published.Valid {
				t, err := time.Parse(time.RFC3339Nano, published.String)
				if err != nil {
					return fmt.Errorf("event %s: published %q: %w", r.ID, published.String, err)
				}
				it.Published = t
			}
			idx[it.id] = len(items)
			items = append(items, it)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read events of dyads: %w", err)
		}
		if len(items) == start {
			continue
		}
		err = query(ctx, tx, s.d.rebind(`SELECT a.event, a.role, a.code, a.country, a.sector
			FROM merged_events g JOIN merged_members m ON m.merged = g.id JOIN event_actors a ON a.event = m.event
			WHERE g.dyad IN `+list+strings.ReplaceAll(inWindow, "date_", "g.date_")+` ORDER BY a.event, a.role, a.pos`), args, func(rows *sql.Rows) error {
			var id int64
			var role string
			var code, country, sector sql.NullString
			if err := rows.Scan(&id, &role, &code, &country, &sector); err != nil {
				return err
			}
			r := items[idx[id]].Record
			a := event.Actor{Code: code.String, Country: country.String, Sector: sector.String}
			if role == "source" {
				r.Source = append(r.Source, a)
			} else {
				r.Target = append(r.Target, a)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read actors of dyads: %w", err)
		}
	}
	return items, nil
}

// query runs q in tx and calls scan for each row.
func query(ctx context.Context, tx *sql.Tx, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
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
