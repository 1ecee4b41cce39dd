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

// The merge tables, as Put fills them.
var (
	mergedTable = table{"merged_events", []string{"id", "representative", "dyad", "cameo_root", "status", "place",
		"date_start", "date_end", "articles", "outlets", "first_reported", "size", "outlet_names", "first_key", "last_key"}}
	membersTable = table{"merged_members", []string{"event", "merged", "pos", "reason"}}
)

// maxIn is the most values one "IN (...)" list carries.
const maxIn = 500

// merge merges, in tx, the events added by a Put with the stored ones
// (package merge). Merging in Put's transaction keeps the merge tables in
// step with the events: a crash leaves neither without the other, and a
// reader never sees an event without its merged event.
//
// Grouping is greedy in the canonical order of reports (merge.SortKey),
// and within one partition (dyad, CAMEO root, status) only. Where every
// added event of a partition comes after all its stored events, the usual
// case when news is ingested as it is published, the added events are
// merged into the stored groups they may join (merge.Extend), reading only
// those groups' state and writing only what changed: the result is the
// one merging everything at once would give. Where an added event comes
// before a stored one, the groups of its dyad within a month of the added
// events' days are merged again from their members (remergeWindow).
// Remerge merges the whole store again.
func (s *DB) merge(ctx context.Context, tx *sql.Tx, added []mergeItem) error {
	if len(added) == 0 {
		return nil
	}
	dyads := make([]string, 0, len(added))
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
	inOrder, err := s.afterStored(ctx, tx, added)
	if err != nil {
		return err
	}
	var late []mergeItem
	var onTime []mergeItem
	for i := range added {
		if inOrder[merge.Dyad(added[i].Record)] {
			onTime = append(onTime, added[i])
		} else {
			late = append(late, added[i])
		}
	}
	if err := s.extend(ctx, tx, onTime); err != nil {
		return err
	}
	return s.remergeWindow(ctx, tx, late)
}

// afterStored reports, for each dyad of added, whether every added event
// of the dyad comes after every stored event of its partition in the
// canonical order.
func (s *DB) afterStored(ctx context.Context, tx *sql.Tx, added []mergeItem) (map[string]bool, error) {
	type part struct{ dyad, root, status string }
	first := map[part]string{} // the earliest sort key of the added events of a partition
	ok := map[string]bool{}
	for i := range added {
		r := added[i].Record
		p := part{merge.Dyad(r), r.Root(), string(statusOf(r))}
		k := merge.SortKey(&added[i].Item)
		if f, seen := first[p]; !seen || k < f {
			first[p] = k
		}
		ok[p.dyad] = true
	}
	stmt, err := tx.PrepareContext(ctx, s.d.rebind(`SELECT MAX(last_key) FROM merged_events
		WHERE dyad = ? AND cameo_root = ? AND status = ?`))
	if err != nil {
		return nil, fmt.Errorf("latest report: %w", err)
	}
	defer stmt.Close()
	for p, k := range first {
		var last sql.NullString
		if err := stmt.QueryRowContext(ctx, p.dyad, p.root, p.status).Scan(&last); err != nil {
			return nil, fmt.Errorf("latest report of %s %s: %w", p.dyad, p.root, err)
		}
		if last.Valid && last.String >= k {
			ok[p.dyad] = false
		}
	}
	return ok, nil
}

// statusOf is the status merging uses: asserted when unset.
func statusOf(r *event.Record) event.Status {
	if r.Status == "" {
		return event.Asserted
	}
	return r.Status
}

// extend merges added, each after every stored event of its partition,
// into the stored groups it may join (merge.Extend) and writes the groups
// that changed and the new ones.
func (s *DB) extend(ctx context.Context, tx *sql.Tx, added []mergeItem) error {
	if len(added) == 0 {
		return nil
	}
	stored, err := s.openGroups(ctx, tx, added)
	if err != nil {
		return err
	}
	in := make([]merge.Item, len(added))
	for i := range added {
		in[i] = added[i].Item
	}
	sizes := make([]int, len(stored))
	for i := range stored {
		sizes[i] = stored[i].Size
	}
	groups := merge.Extend(stored, in)
	upd, err := tx.PrepareContext(ctx, s.d.rebind(`UPDATE merged_events SET place = ?, date_start = ?,
		date_end = ?, articles = ?, outlets = ?, outlet_names = ?, last_key = ?, size = ? WHERE id = ?`))
	if err != nil {
		return fmt.Errorf("update merged events: %w", err)
	}
	defer upd.Close()
	ge, gm := rows{t: mergedTable}, rows{t: membersTable}
	for gi := range groups {
		g := &groups[gi]
		if gi >= len(stored) {
			addGroup(&ge, &gm, g, added[g.Representative].id, func(i int) int64 { return added[i].id })
			continue
		}
		if len(g.Members) == 0 {
			continue
		}
		if _, err := upd.ExecContext(ctx, null(g.Place), g.Start, g.End, g.Articles, g.Outlets,
			strings.Join(g.OutletNames, "\n"), g.Last, g.Size, g.ID); err != nil {
			return fmt.Errorf("update merged event %s: %w", g.ID, err)
		}
		for k, m := range g.Members {
			gm.add(added[m.Item].id, g.ID, sizes[gi]+k, m.Reason)
		}
	}
	if err := s.insert(ctx, tx, &ge); err != nil {
		return err
	}
	return s.insert(ctx, tx, &gm)
}

// addGroup adds the row of the new group g and its members to ge and gm;
// rep is the representative's row id and id gives a member's.
func addGroup(ge, gm *rows, g *merge.Group, rep int64, id func(item int) int64) {
	var first any
	if !g.FirstReported.IsZero() {
		first = g.FirstReported.UTC().Format(time.RFC3339Nano)
	}
	ge.add(g.ID, rep, g.Dyad, null(g.Root), null(string(g.Status)), null(g.Place), null(g.Start), null(g.End),
		g.Articles, g.Outlets, first, g.Size, strings.Join(g.OutletNames, "\n"), g.First, g.Last)
	for pos, m := range g.Members {
		gm.add(id(m.Item), g.ID, pos, m.Reason)
	}
}

// openGroups reads the state of the stored groups that events of added
// may join: those of their partitions whose days overlap theirs, in the
// order they were created.
func (s *DB) openGroups(ctx context.Context, tx *sql.Tx, added []mergeItem) ([]merge.Group, error) {
	parts := map[string]bool{}
	var dyads []string
	lo, hi := "", ""
	for i := range added {
		r := added[i].Record
		start, end, ok := merge.Interval(&added[i].Item)
		if !ok {
			continue
		}
		d := merge.Dyad(r)
		parts[d+"|"+r.Root()+"|"+string(statusOf(r))] = true
		dyads = append(dyads, d)
		if lo == "" || start < lo {
			lo = start
		}
		hi = max(hi, end)
	}
	if lo == "" {
		return nil, nil
	}
	slices.Sort(dyads)
	dyads = slices.Compact(dyads)
	var groups []merge.Group
	for chunk := range slices.Chunk(dyads, maxIn) {
		list, args := inList(chunk)
		args = append(args, lo, hi)
		err := query(ctx, tx, s.d.rebind(`SELECT id, dyad, cameo_root, status, place, date_start, date_end,
			articles, outlet_names, first_key, last_key, size, first_reported FROM merged_events
			WHERE dyad IN `+list+` AND date_end >= ? AND date_start <= ?`), args, func(rows *sql.Rows) error {
			var g merge.Group
			var root, status, place, outlets, first sql.NullString
			if err := rows.Scan(&g.ID, &g.Dyad, &root, &status, &place, &g.Start, &g.End, &g.Articles, &outlets,
				&g.First, &g.Last, &g.Size, &first); err != nil {
				return err
			}
			if !parts[g.Dyad+"|"+root.String+"|"+status.String] {
				return nil
			}
			g.Root, g.Status, g.Place = root.String, event.Status(status.String), place.String
			if outlets.String != "" {
				g.OutletNames = strings.Split(outlets.String, "\n")
			}
			g.Outlets = len(g.OutletNames)
			if first.Valid {
				t, err := time.Parse(time.RFC3339Nano, first.String)
				if err != nil {
					return fmt.Errorf("merged event %s: first reported %q: %w", g.ID, first.String, err)
				}
				g.FirstReported = t
			}
			groups = append(groups, g)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read merged events: %w", err)
		}
	}
	slices.SortFunc(groups, func(a, b merge.Group) int { return strings.Compare(a.First, b.First) })
	return groups, nil
}
