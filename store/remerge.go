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

// inWindow restricts a query on merged_events g to the groups whose days
// reach into a window given as the arguments (end of window, start of
// window); groups of undated events never merge and are left alone.
const inWindow = ` AND g.date_start IS NOT NULL AND g.date_start <= ? AND g.date_end >= ?`

// windowMargin is how far beyond the added events' days remergeWindow
// reaches: a group that ends more than this before the earliest added
// day, or starts after the latest, is taken to be out of their reach.
const windowMargin = 31 * 24 * time.Hour

// remergeWindow merges the events of added, some of which come before
// stored events of their partitions, with the stored events of the groups
// of their dyads whose days come within windowMargin of theirs, and
// replaces those groups. Merging an event reported late can take members
// from later groups, which can pass them on further; the window bounds how
// far that is followed (Remerge follows it all the way).
func (s *DB) remergeWindow(ctx context.Context, tx *sql.Tx, added []mergeItem) error {
	if len(added) == 0 {
		return nil
	}
	var dyads []string
	for i := range added {
		dyads = append(dyads, merge.Dyad(added[i].Record))
	}
	slices.Sort(dyads)
	dyads = slices.Compact(dyads)
	lo, hi := window(added)
	var items []mergeItem
	for chunk := range slices.Chunk(dyads, maxIn) {
		list, args := inList(chunk)
		args = append(args, hi, lo)
		groups := `SELECT g.id FROM merged_events g WHERE g.dyad IN ` + list + inWindow
		read, err := s.mergeItems(ctx, tx, `e.id IN (SELECT m.event FROM merged_members m WHERE m.merged IN (`+groups+`))`, args)
		if err != nil {
			return err
		}
		items = append(items, read...)
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM merged_members WHERE merged IN (`+groups+`)`), args...); err != nil {
			return fmt.Errorf("delete members: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM merged_events WHERE id IN (`+groups+`)`), args...); err != nil {
			return fmt.Errorf("delete merged events: %w", err)
		}
	}
	return s.writeGroups(ctx, tx, append(items, added...))
}

// writeGroups merges items (package merge) and inserts the groups.
func (s *DB) writeGroups(ctx context.Context, tx *sql.Tx, items []mergeItem) error {
	in := make([]merge.Item, len(items))
	for i := range items {
		in[i] = items[i].Item
	}
	ge, gm := rows{t: mergedTable}, rows{t: membersTable}
	for _, g := range merge.Merge(in) {
		addGroup(&ge, &gm, &g, items[g.Representative].id, func(i int) int64 { return items[i].id })
	}
	if err := s.insert(ctx, tx, &ge); err != nil {
		return err
	}
	return s.insert(ctx, tx, &gm)
}

// Remerge merges every stored event again, from scratch, and replaces the
// merged events: the result does not depend on the order documents were
// put in.
func (s *DB) Remerge(ctx context.Context) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("remerge: begin: %w", err)
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("remerge: %w", err)
			if rerr := rollback(tx); rerr != nil {
				err = fmt.Errorf("%w; %w", err, rerr)
			}
		}
	}()
	if s.d.lockKey != "" {
		if _, err := tx.ExecContext(ctx, s.d.lockKey, "remerge"); err != nil {
			return err
		}
	}
	if err := remergeAll(ctx, tx, s.d); err != nil {
		return err
	}
	return tx.Commit()
}

// remergeAll replaces, in tx, the merged events by those of all stored
// events.
func remergeAll(ctx context.Context, tx *sql.Tx, d *dialect) error {
	s := &DB{d: d}
	for _, q := range []string{`DELETE FROM merged_members`, `DELETE FROM merged_events`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	items, err := s.mergeItems(ctx, tx, "", nil)
	if err != nil {
		return err
	}
	return s.writeGroups(ctx, tx, items)
}

// window returns the days (YYYY-MM-DD) between which remergeWindow merges
// again: the added events' intervals widened by windowMargin.
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

// mergeItems reads what merging needs of the stored events that where (a
// condition on events e, "" for all) selects.
func (s *DB) mergeItems(ctx context.Context, tx *sql.Tx, where string, args []any) ([]mergeItem, error) {
	cond := ""
	if where != "" {
		cond = " WHERE " + where
	}
	var items []mergeItem
	idx := map[int64]int{}
	err := query(ctx, tx, s.d.rebind(`SELECT e.id, e.eid, e.sentence, e.cameo, e.cameo_root, e.status,
		e.date_text, e.date_start, e.date_end, e.loc_country, d.hash, d.outlet, d.published
		FROM events e JOIN documents d ON d.id = e.doc`+cond+` ORDER BY e.id`), args, func(rows *sql.Rows) error {
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
		return nil, fmt.Errorf("read events to merge: %w", err)
	}
	if len(items) == 0 {
		return nil, nil
	}
	err = query(ctx, tx, s.d.rebind(`SELECT a.event, a.role, a.code, a.country, a.sector
		FROM events e JOIN event_actors a ON a.event = e.id`+cond+` ORDER BY a.event, a.role, a.pos`), args, func(rows *sql.Rows) error {
		var id int64
		var role string
		var code, country, sector sql.NullString
		if err := rows.Scan(&id, &role, &code, &country, &sector); err != nil {
			return err
		}
		addActor(items[idx[id]].Record, role, event.Actor{Code: code.String, Country: country.String, Sector: sector.String})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read actors of events to merge: %w", err)
	}
	return items, nil
}
