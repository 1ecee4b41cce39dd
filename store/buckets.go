package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/merge"
)

// Period is the span of time an aggregate's buckets cover.
type Period string

// The periods of Aggregate.
const (
	// Daily buckets are days.
	Daily Period = "day"
	// Weekly buckets are ISO weeks, Monday to Sunday.
	Weekly Period = "week"
)

// AggregateQuery says what Aggregate sums: the events Filter selects
// (its Limit, Offset and Order do not apply), of Dyad when set, in
// buckets of By, one series per dyad when PerDyad.
type AggregateQuery struct {
	// Filter selects the events.
	Filter Filter `json:"filter"`
	// By is the bucket period; "" means Daily.
	By Period `json:"by,omitempty"`
	// Dyad, when set, selects the events of that dyad ("ISR>LBN", see
	// merge.Dyad).
	Dyad string `json:"dyad,omitempty"`
	// PerDyad makes one series per dyad rather than one of all events.
	PerDyad bool `json:"per_dyad,omitempty"`
}

// Bucket sums the events of one period (of one dyad, with PerDyad).
type Bucket struct {
	// Period names the bucket: the day ("2026-03-09") or ISO week
	// ("2026-W10"); "" for events with no day (see Row.Day).
	Period string `json:"period"`
	// Start and End are its first and last days.
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Dyad is the dyad of the series, with PerDyad or Dyad; else "".
	Dyad string `json:"dyad,omitempty"`
	// Events is the number of event records.
	Events int64 `json:"events"`
	// GoldsteinSum and GoldsteinN are the sum and number of the Goldstein
	// weights of those that have one; GoldsteinMean is their mean, nil
	// when none has one.
	GoldsteinSum  float64  `json:"goldstein_sum"`
	GoldsteinN    int64    `json:"goldstein_n"`
	GoldsteinMean *float64 `json:"goldstein_mean,omitempty"`
	// PLOVER counts the events of each PLOVER type (events without one
	// are not in it).
	PLOVER map[string]int64 `json:"plover,omitempty"`
}

// FromDailyCounts reports whether Aggregate answers q from the daily
// counts kept by Put: when its filter sets nothing but Root, PLOVER,
// Status, From and To. Other filters are answered from the events
// themselves (Scan), which takes time in proportion to the events
// selected.
func (q *AggregateQuery) FromDailyCounts() bool {
	f := q.Filter
	f.Root, f.PLOVER, f.Status, f.From, f.To, f.Limit, f.Offset, f.Order = "", "", "", "", "", 0, 0, ""
	return f == Filter{}
}

// Aggregate returns the buckets of q, ordered by dyad (with PerDyad) and
// then by start, the bucket of events with no day last. See
// AggregateQuery.FromDailyCounts for where they are read from.
func (s *DB) Aggregate(ctx context.Context, q AggregateQuery) ([]Bucket, error) {
	switch q.By {
	case "", Daily, Weekly:
	default:
		return nil, fmt.Errorf("aggregate: period %q: want %s or %s", q.By, Daily, Weekly)
	}
	if err := q.Filter.Validate(); err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	c := dayCounts{}
	if q.FromDailyCounts() {
		if err := s.readCounts(ctx, &q, c); err != nil {
			return nil, fmt.Errorf("aggregate: %w", err)
		}
	} else {
		f := q.Filter
		f.Limit, f.Offset, f.Order = 0, 0, ByStored
		err := s.Scan(ctx, f, func(r *Row) error {
			if q.Dyad == "" || merge.Dyad(&r.Record) == q.Dyad {
				c.add(&r.Record, publishedDay(r.Document.Published))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("aggregate: %w", err)
		}
	}
	return rollUp(c, &q), nil
}

// readCounts adds to c the daily counts that q selects; q must be
// answerable from them.
func (s *DB) readCounts(ctx context.Context, q *AggregateQuery, c dayCounts) error {
	var conds []string
	var args []any
	f := &q.Filter
	for _, cond := range []struct{ col, v string }{{"dyad", q.Dyad}, {"cameo_root", f.Root},
		{"plover_type", strings.ToUpper(f.PLOVER)}, {"status", strings.ToLower(f.Status)}} {
		if cond.v != "" {
			conds = append(conds, cond.col+" = ?")
			args = append(args, cond.v)
		}
	}
	if f.From != "" || f.To != "" {
		conds = append(conds, "day <> ''")
	}
	if f.From != "" {
		conds, args = append(conds, "day >= ?"), append(args, f.From)
	}
	if f.To != "" {
		conds, args = append(conds, "day <= ?"), append(args, f.To)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	// Summed here rather than by GROUP BY, which sorts: the rows come in
	// key order and are few (a dyad's day has a row per root, PLOVER type
	// and status).
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT dyad, day, plover_type, events, goldstein_sum, goldstein_n
		FROM daily_counts`+where), args...)
	if err != nil {
		return fmt.Errorf("read daily counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k dayKey
		var v dayCount
		if err := rows.Scan(&k.dyad, &k.day, &k.plover, &v.events, &v.goldSum, &v.goldN); err != nil {
			return fmt.Errorf("read daily counts: %w", err)
		}
		if !q.PerDyad {
			k.dyad = ""
		}
		p := c[k]
		if p == nil {
			p = &dayCount{}
			c[k] = p
		}
		p.events += v.events
		p.goldSum += v.goldSum
		p.goldN += v.goldN
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read daily counts: %w", err)
	}
	return nil
}

// rollUp sums the counts c into the buckets of q.
func rollUp(c dayCounts, q *AggregateQuery) []Bucket {
	type key struct{ dyad, period string }
	buckets := map[key]*Bucket{}
	periods := map[string][3]string{} // bucketOf of each day seen
	for k, v := range c {
		b := Bucket{Dyad: q.Dyad}
		if q.PerDyad {
			b.Dyad = k.dyad
		}
		per, ok := periods[k.day]
		if !ok {
			per[0], per[1], per[2] = bucketOf(k.day, q.By)
			periods[k.day] = per
		}
		b.Period, b.Start, b.End = per[0], per[1], per[2]
		bk := key{b.Dyad, b.Period}
		p := buckets[bk]
		if p == nil {
			p = &b
			buckets[bk] = p
		}
		p.Events += v.events
		p.GoldsteinSum += v.goldSum
		p.GoldsteinN += v.goldN
		if k.plover != "" {
			if p.PLOVER == nil {
				p.PLOVER = map[string]int64{}
			}
			p.PLOVER[k.plover] += v.events
		}
	}
	out := make([]Bucket, 0, len(buckets))
	for _, b := range buckets {
		if b.GoldsteinN > 0 {
			m := b.GoldsteinSum / float64(b.GoldsteinN)
			b.GoldsteinMean = &m
		}
		out = append(out, *b)
	}
	slices.SortFunc(out, func(a, b Bucket) int {
		return cmp.Or(strings.Compare(a.Dyad, b.Dyad), cmp.Compare(undated(a), undated(b)),
			strings.Compare(a.Start, b.Start), strings.Compare(a.Period, b.Period))
	})
	return out
}

// bucketOf returns the bucket of day for period by: its name, first and
// last days. A day that is not YYYY-MM-DD is a bucket of its own.
func bucketOf(day string, by Period) (name, start, end string) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil || by != Weekly {
		return day, day, day
	}
	y, w := t.ISOWeek()
	monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return fmt.Sprintf("%04d-W%02d", y, w), monday.Format(time.DateOnly), monday.AddDate(0, 0, 6).Format(time.DateOnly)
}

// undated is 1 for the bucket of events with no day, else 0.
func undated(b Bucket) int {
	if b.Period == "" {
		return 1
	}
	return 0
}

// PLOVERTypes returns the PLOVER types counted in buckets, sorted.
func PLOVERTypes(buckets []Bucket) []string {
	seen := map[string]bool{}
	for _, b := range buckets {
		for t := range b.PLOVER {
			seen[t] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
