package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

// Filter selects stored events for Scan and Aggregate. A zero field
// selects every event; the fields set must all hold. Text comparisons
// other than codes ignore case (on SQLite, the case of ASCII letters only).
type Filter struct {
	// Actor selects events with a source or target actor whose CAMEO code
	// starts with it ("ISR", "LBNREB"), or whose name or knowledge base id
	// it is ("Hezbollah", "joseph-aoun").
	Actor string `json:"actor,omitempty"`
	// Country selects events with a source or target actor of that
	// country (ISO/CAMEO code). Actor, Country and Sector, when several
	// are set, must hold of the same actor.
	Country string `json:"country,omitempty"`
	// Sector selects events with an actor of that CAMEO sector ("GOV").
	Sector string `json:"sector,omitempty"`
	// Cameo selects events whose CAMEO code starts with it ("19", "1722").
	Cameo string `json:"cameo,omitempty"`
	// Root selects events of that CAMEO root ("19").
	Root string `json:"cameo_root,omitempty"`
	// PLOVER selects events of that PLOVER type ("ASSAULT").
	PLOVER string `json:"plover,omitempty"`
	// Status selects events of that status ("asserted").
	Status string `json:"status,omitempty"`
	// From and To bound the event's day (YYYY-MM-DD, both included): its
	// date start, or its document's publication day when it is undated
	// (Row.Day). An event with neither is left out when either is set.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Place selects events placed in that country (code) or at a place of
	// that name, as resolved or as written.
	Place string `json:"place,omitempty"`
	// Outlet selects events of documents from that outlet.
	Outlet string `json:"outlet,omitempty"`
	// Text selects events whose text (their sentence's) contains it.
	Text string `json:"text,omitempty"`
	// Merged selects one event record per merged event: its
	// representative, the earliest report.
	Merged bool `json:"merged,omitempty"`
	// Limit, when positive, is the most rows Scan returns, after skipping
	// Offset rows.
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
	// Order is the order of Scan's rows.
	Order Order `json:"order,omitempty"`
}

// Order is an order of Scan's rows.
type Order string

// The orders of Scan's rows.
const (
	// ByDay orders by the event's day, then as stored; the default.
	ByDay Order = "day"
	// ByDayDesc orders by the event's day, latest first, then latest
	// stored first.
	ByDayDesc Order = "-day"
	// ByStored orders as the events were stored.
	ByStored Order = "stored"
)

// Validate checks the values of f that have a form (days, order,
// limits) and that no text holds a NUL character, which SQLite's LIKE
// would take as the end of the pattern.
func (f *Filter) Validate() error {
	for _, v := range []struct{ name, v string }{{"actor", f.Actor}, {"country", f.Country}, {"sector", f.Sector},
		{"cameo", f.Cameo}, {"cameo root", f.Root}, {"plover", f.PLOVER}, {"status", f.Status}, {"place", f.Place},
		{"outlet", f.Outlet}, {"text", f.Text}} {
		if strings.ContainsRune(v.v, 0) {
			return fmt.Errorf("%s %q: holds a NUL character", v.name, v.v)
		}
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return fmt.Errorf("%s %q: not a day (YYYY-MM-DD)", d.name, d.v)
		}
	}
	switch f.Order {
	case "", ByDay, ByDayDesc, ByStored:
	default:
		return fmt.Errorf("order %q: want %s, %s or %s", f.Order, ByDay, ByDayDesc, ByStored)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return fmt.Errorf("limit %d, offset %d: must not be negative", f.Limit, f.Offset)
	}
	return nil
}

// Row is one event record as Scan reads it: the record as Events returns
// it, with its day, its document and its merged event.
type Row struct {
	event.Record
	// Day is the day the event is counted on: its date start, or its
	// document's publication day when undated; "" when neither is known.
	Day string
	// Document is the record's document.
	Document DocumentInfo
	// Merged is the merged event the record is a member of; nil when it
	// has none.
	Merged *MergeInfo
}

// dayExpr is the SQL of an event's day (Row.Day) over events e: the
// column Put fills with eventDay (schema v6).
const dayExpr = `e.day`

// where returns the SQL conditions of f over events e, documents d and
// sentences s, and their arguments.
func (f *Filter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, vals ...any) {
		conds = append(conds, cond)
		args = append(args, vals...)
	}
	var actor []string
	var actorArgs []any
	if f.Actor != "" {
		actor = append(actor, "("+prefix("a.code", f.Actor)+" OR LOWER(a.name) = LOWER(?) OR a.kb_id = ?)")
		actorArgs = append(actorArgs, strings.ToUpper(f.Actor), f.Actor, f.Actor)
	}
	if f.Country != "" {
		actor = append(actor, "a.country = ?")
		actorArgs = append(actorArgs, strings.ToUpper(f.Country))
	}
	if f.Sector != "" {
		actor = append(actor, "a.sector = ?")
		actorArgs = append(actorArgs, strings.ToUpper(f.Sector))
	}
	if len(actor) > 0 {
		add("EXISTS (SELECT 1 FROM event_actors a WHERE a.event = e.id AND "+strings.Join(actor, " AND ")+")", actorArgs...)
	}
	if f.Cameo != "" {
		add(prefix("e.cameo", f.Cameo), f.Cameo)
	}
	if f.Root != "" {
		add("e.cameo_root = ?", f.Root)
	}
	if f.PLOVER != "" {
		add("e.plover_type = ?", strings.ToUpper(f.PLOVER))
	}
	if f.Status != "" {
		add("e.status = ?", strings.ToLower(f.Status))
	}
	if f.From != "" || f.To != "" {
		// On the indexed day; an event of no known day is in no range.
		add("e.day <> ''")
		if f.From != "" {
			add("e.day >= ?", f.From)
		}
		if f.To != "" {
			add("e.day <= ?", f.To)
		}
	}
	if f.Place != "" {
		add("(e.loc_country = ? OR LOWER(e.loc_name) = LOWER(?) OR LOWER(e.loc_text) = LOWER(?))",
			strings.ToUpper(f.Place), f.Place, f.Place)
	}
	if f.Outlet != "" {
		add("LOWER(d.outlet) = LOWER(?)", f.Outlet)
	}
	if f.Text != "" {
		add(`LOWER(COALESCE(e.text, s.text, '')) LIKE LOWER(?) ESCAPE '\'`, "%"+escapeLike(f.Text)+"%")
	}
	if f.Merged {
		add("m.pos = 0")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// prefix returns the condition that column starts with p, whose value is
// the next argument. (LIKE would ignore case on SQLite and not on
// PostgreSQL.)
func prefix(column, p string) string {
	return fmt.Sprintf("substr(%s, 1, %d) = ?", column, utf8.RuneCountInString(p))
}

// escapeLike escapes the LIKE wildcards of s with '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// scanChunk is the number of rows whose actors, attribution chains and
// links Scan reads at a time.
const scanChunk = 256

// Scan calls fn with each stored event that f selects, in f's order, and
// stops at the first error fn returns. It runs one query over events,
// their documents, sentences and merged events, with f's conditions;
// the actors, attribution chains and links of its rows are read
// scanChunk rows at a time. A page (Limit or Offset) is chosen first from
// the events and the tables f's conditions need, and only its rows are
// joined to the rest: the rows skipped by an offset cost an index step
// each, not four joins.
func (s *DB) Scan(ctx context.Context, f Filter, fn func(*Row) error) error {
	if err := f.Validate(); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	where, args := f.where()
	var order string
	switch f.Order {
	case ByDayDesc:
		order = " ORDER BY " + dayExpr + " DESC, e.id DESC"
	case ByStored:
		order = " ORDER BY e.id"
	default:
		order = " ORDER BY " + dayExpr + ", e.id"
	}
	const joins = ` JOIN documents d ON d.id = e.doc
		LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
		LEFT JOIN merged_members m ON m.event = e.id
		LEFT JOIN merged_events g ON g.id = m.merged`
	q := `SELECT ` + eventColumns + `, d.hash, d.doc_id, d.url, d.outlet, d.title, d.published, d.ingested,
		` + dayExpr + `, g.id, g.size, g.articles, g.outlets, g.first_reported FROM `
	if f.Limit > 0 || f.Offset > 0 {
		limit := int64(f.Limit)
		if limit == 0 {
			limit = 1 << 62
		}
		q += `(SELECT e.id FROM events e` + f.pageJoins() + where + order +
			fmt.Sprintf(" LIMIT %d OFFSET %d", limit, f.Offset) + `) p JOIN events e ON e.id = p.id` + joins + order
	} else {
		q += `events e` + joins + where + order
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	defer rows.Close()
	var chunk []Row
	ids := map[int64]int{}
	for rows.Next() {
		row, id, err := scanRow(rows)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		ids[id] = len(chunk)
		chunk = append(chunk, row)
		if len(chunk) == scanChunk {
			if err := s.emit(ctx, chunk, ids, fn); err != nil {
				return err
			}
			chunk, ids = chunk[:0], map[int64]int{}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	return s.emit(ctx, chunk, ids, fn)
}

// pageJoins returns the joins to events e that f's conditions need
// besides events: documents d for the outlet, sentences s for the text,
// merged members m for merged events.
func (f *Filter) pageJoins() string {
	var j string
	if f.Outlet != "" {
		j += " JOIN documents d ON d.id = e.doc"
	}
	if f.Text != "" {
		j += " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
	}
	if f.Merged {
		j += " LEFT JOIN merged_members m ON m.event = e.id"
	}
	return j
}

// scanRow reads one row of Scan's query, and the event's row id.
func scanRow(rows *sql.Rows) (Row, int64, error) {
	var row Row
	var url, outlet, title, published, merged, first sql.NullString
	var ingested string
	var size, articles, outlets sql.NullInt64
	d := &row.Document
	id, r, err := scanRecord(rows, &d.Hash, &d.ID, &url, &outlet, &title, &published, &ingested,
		&row.Day, &merged, &size, &articles, &outlets, &first)
	if err != nil {
		return row, 0, err
	}
	r.Doc = d.ID
	row.Record = r
	d.URL, d.Outlet, d.Title = url.String, outlet.String, title.String
	d.Published, d.Ingested = parseTime(published.String), parseTime(ingested)
	if merged.Valid {
		row.Merged = &MergeInfo{ID: merged.String, Reports: int(size.Int64), Articles: int(articles.Int64),
			Outlets: int(outlets.Int64), FirstReported: parseTime(first.String)}
	}
	return row, id, nil
}

// emit reads the actors, attribution chains and links of chunk (ids maps
// event row ids to its indexes) and calls fn with each row in order.
func (s *DB) emit(ctx context.Context, chunk []Row, ids map[int64]int, fn func(*Row) error) error {
	if len(chunk) == 0 {
		return nil
	}
	recs := make([]event.Record, len(chunk))
	list := make([]string, 0, len(ids))
	args := make([]any, 0, len(ids))
	for id, i := range ids {
		recs[i] = chunk[i].Record
		list = append(list, "?")
		args = append(args, id)
	}
	if err := s.readChildrenWhere(ctx, "e.id IN ("+strings.Join(list, ", ")+")", args, recs, ids); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	for i := range chunk {
		chunk[i].Record = recs[i]
		if err := fn(&chunk[i]); err != nil {
			return err
		}
	}
	return nil
}
