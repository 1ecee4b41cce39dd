package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/merge"
)

// dailyCountsSchema returns the statements of schema version 5: the
// daily_counts table that Put maintains and Aggregate reads, and the
// indexes that the filters of Scan use.
//
// A row of daily_counts sums the events of one day, dyad (merge.Dyad),
// CAMEO root, PLOVER type and status: how many, and the sum and number of
// their Goldstein weights. The day is the event's date start
// (YYYY-MM-DD), or its document's publication day (as written, in the
// publication time's own zone) when the event is undated, or "" when
// neither is known. A root, PLOVER type or status that is absent is "".
func dailyCountsSchema() []string {
	return []string{
		`CREATE TABLE daily_counts (
			dyad TEXT NOT NULL,
			day TEXT NOT NULL,
			cameo_root TEXT NOT NULL,
			plover_type TEXT NOT NULL,
			status TEXT NOT NULL,
			events BIGINT NOT NULL,
			goldstein_sum DOUBLE PRECISION NOT NULL,
			goldstein_n BIGINT NOT NULL,
			PRIMARY KEY (dyad, day, cameo_root, plover_type, status)
		){{without_rowid}}`,
		`CREATE INDEX daily_counts_day ON daily_counts (day)`,
		`CREATE INDEX events_date_start ON events (date_start)`,
		`CREATE INDEX events_cameo_root ON events (cameo_root)`,
		`CREATE INDEX event_actors_code ON event_actors (code)`,
		`CREATE INDEX event_actors_country ON event_actors (country)`,
		`CREATE INDEX documents_outlet ON documents (outlet)`,
	}
}

// dayKey is the key of a daily_counts row.
type dayKey struct {
	dyad, day, root, plover, status string
}

// dayCount holds the sums of a daily_counts row.
type dayCount struct {
	events, goldN int64
	goldSum       float64
}

// dayCounts sums events by dayKey.
type dayCounts map[dayKey]*dayCount

// eventDay returns the day an event is counted on: its date start, else
// pubDay (its document's publication day, "" when unknown).
func eventDay(r *event.Record, pubDay string) string {
	if r.Date != nil && r.Date.Start != "" {
		return r.Date.Start
	}
	return pubDay
}

// publishedDay returns the day of a publication time as the store writes
// it (RFC 3339 in the time's own zone), "" for the zero time.
func publishedDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// add counts the record r, whose document was published on pubDay.
func (c dayCounts) add(r *event.Record, pubDay string) {
	k := dayKey{dyad: merge.Dyad(r), day: eventDay(r, pubDay), root: r.CameoRoot, status: string(r.Status)}
	if r.PLOVER != nil {
		k.plover = r.PLOVER.Type
	}
	v := c[k]
	if v == nil {
		v = &dayCount{}
		c[k] = v
	}
	v.events++
	if r.Goldstein != nil {
		v.goldSum += *r.Goldstein
		v.goldN++
	}
}

// upsertCountsSQL ends the INSERT of daily_counts rows: a key already
// stored gets the new sums added to its own.
const upsertCountsSQL = ` ON CONFLICT (dyad, day, cameo_root, plover_type, status) DO UPDATE SET
	events = daily_counts.events + excluded.events,
	goldstein_sum = daily_counts.goldstein_sum + excluded.goldstein_sum,
	goldstein_n = daily_counts.goldstein_n + excluded.goldstein_n`

var countsTable = table{"daily_counts", []string{"dyad", "day", "cameo_root", "plover_type", "status", "events",
	"goldstein_sum", "goldstein_n"}}

// write adds c to the daily_counts of tx, each key once, in key order (so
// two writers lock shared rows in the same order).
func (c dayCounts) write(ctx context.Context, tx *sql.Tx, d *dialect) error {
	keys := slices.SortedFunc(maps.Keys(c), func(a, b dayKey) int {
		return cmp.Or(strings.Compare(a.dyad, b.dyad), strings.Compare(a.day, b.day), strings.Compare(a.root, b.root),
			strings.Compare(a.plover, b.plover), strings.Compare(a.status, b.status))
	})
	per := min(maxRows, maxParams/len(countsTable.cols))
	for chunk := range slices.Chunk(keys, per) {
		args := make([]any, 0, len(chunk)*len(countsTable.cols))
		for _, k := range chunk {
			v := c[k]
			args = append(args, k.dyad, k.day, k.root, k.plover, k.status, v.events, v.goldSum, v.goldN)
		}
		if _, err := tx.ExecContext(ctx, d.rebind(countsTable.insertSQL(len(chunk))+upsertCountsSQL), args...); err != nil {
			return fmt.Errorf("update daily counts: %w", err)
		}
	}
	return nil
}

// aggregate adds the events added by a Put to the daily counts, in its
// transaction, so that the counts never disagree with the events.
func (s *DB) aggregate(ctx context.Context, tx *sql.Tx, added []mergeItem) error {
	if len(added) == 0 {
		return nil
	}
	c := dayCounts{}
	for i := range added {
		c.add(added[i].Record, publishedDay(added[i].Published))
	}
	return c.write(ctx, tx, s.d)
}

// fillChunk is the number of events the migration to schema version 5
// reads at a time.
const fillChunk = 20000

// fillDailyCountsMigration fills the daily counts of the events stored
// before schema version 5.
func fillDailyCountsMigration(ctx context.Context, tx *sql.Tx, d *dialect) error {
	return fillDailyCounts(ctx, tx, d, fillChunk)
}

// fillDailyCounts counts the stored events into daily_counts, chunk
// events at a time in id order, the same way Put counts new ones.
func fillDailyCounts(ctx context.Context, tx *sql.Tx, d *dialect, chunk int) error {
	c := dayCounts{}
	var after int64
	for {
		recs := map[int64]*event.Record{}
		pub := map[int64]string{}
		last := after
		err := query(ctx, tx, d.rebind(`SELECT e.id, e.cameo_root, e.goldstein, e.plover_type, e.status,
			e.date_start, d.published FROM events e JOIN documents d ON d.id = e.doc
			WHERE e.id > ? ORDER BY e.id LIMIT `+fmt.Sprint(chunk)), []any{after}, func(rows *sql.Rows) error {
			var id int64
			var root, pType, status, start, published sql.NullString
			var gold sql.NullFloat64
			if err := rows.Scan(&id, &root, &gold, &pType, &status, &start, &published); err != nil {
				return err
			}
			r := &event.Record{CameoRoot: root.String, Status: event.Status(status.String)}
			if gold.Valid {
				r.Goldstein = &gold.Float64
			}
			if pType.Valid {
				r.PLOVER = &event.PLOVER{Type: pType.String}
			}
			if start.Valid {
				r.Date = &event.Date{Start: start.String}
			}
			recs[id], pub[id], last = r, dayOf(published.String), id
			return nil
		})
		if err != nil {
			return fmt.Errorf("read events after %d: %w", after, err)
		}
		if len(recs) == 0 {
			break
		}
		err = query(ctx, tx, d.rebind(`SELECT event, role, code, country, sector FROM event_actors
			WHERE event > ? AND event <= ? ORDER BY event, role, pos`), []any{after, last}, func(rows *sql.Rows) error {
			var id int64
			var role string
			var code, country, sector sql.NullString
			if err := rows.Scan(&id, &role, &code, &country, &sector); err != nil {
				return err
			}
			addActor(recs[id], role, event.Actor{Code: code.String, Country: country.String, Sector: sector.String})
			return nil
		})
		if err != nil {
			return fmt.Errorf("read actors of events %d to %d: %w", after+1, last, err)
		}
		for id, r := range recs {
			c.add(r, pub[id])
		}
		after = last
	}
	return c.write(ctx, tx, d)
}

// dayOf returns the day of a stored RFC 3339 time, "" when there is none.
func dayOf(stored string) string {
	if len(stored) < len(time.DateOnly) {
		return ""
	}
	return stored[:len(time.DateOnly)]
}
