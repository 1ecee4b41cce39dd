package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
)

// DB is a Store over a SQL database, SQLite or PostgreSQL. It is safe for
// concurrent use.
type DB struct {
	db   *sql.DB
	d    *dialect
	name string
}

var _ Store = (*DB)(nil)

// Close closes the database.
func (s *DB) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.name, err)
	}
	return nil
}

// Version returns the schema version of the database.
func (s *DB) Version(ctx context.Context) (int, error) {
	return version(ctx, s.db)
}

// HasDocument reports whether a document with content hash h is stored.
func (s *DB) HasDocument(ctx context.Context, h string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM documents WHERE hash = ?`), h).Scan(&n)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("look up document %s: %w", h, err)
	}
	return true, nil
}

// Counts returns the number of rows of each table.
func (s *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	for _, t := range []struct {
		table string
		n     *int64
	}{
		{"documents", &c.Documents}, {"sentences", &c.Sentences},
		{"events", &c.Events}, {"event_actors", &c.Actors}, {"event_sources", &c.Sources},
		{"event_links", &c.Links}, {"merged_events", &c.Merged},
	} {
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t.table).Scan(t.n); err != nil {
			return Counts{}, fmt.Errorf("count %s: %w", t.table, err)
		}
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(mention_count), 0) FROM documents`).Scan(&c.Mentions); err != nil {
		return Counts{}, fmt.Errorf("count mentions: %w", err)
	}
	return c, nil
}

// A table that Put fills: its name and columns, in the order of the
// values of its rows.
type table struct {
	name string
	cols []string
}

// The tables Put fills after documents, parents before children (foreign
// keys are checked as each statement runs).
var (
	sentencesTable = table{"sentences", []string{"doc", "idx", "start_pos", "end_pos", "text"}}
	eventsTable    = table{"events", []string{"id", "eid", "doc", "pos", "sentence", "text", "trigger_text",
		"trigger_start", "trigger_end", "cameo", "cameo_root", "goldstein", "quad_class", "penta_class",
		"plover_type", "plover_mode", "plover_context", "status", "date_text", "date_value", "date_start",
		"date_end", "date_precision", "loc_text", "loc_name", "loc_country", "loc_lat", "loc_lon", "voice",
		"hedged", "confidence", "explain", "day"}}
	actorsTable = table{"event_actors", []string{"event", "role", "pos", "text", "start_pos", "end_pos", "code",
		"country", "sector", "name", "kb_id", "via"}}
	sourcesTable = table{"event_sources", []string{"event", "pos", "role", "name", "cue", "count", "text"}}
	linksTable   = table{"event_links", []string{"event", "pos", "rel", "target"}}
)

// maxRows is the most rows one INSERT statement carries; maxParams bounds
// its bind parameters (SQLite allows 32,766, PostgreSQL 65,535).
const (
	maxRows   = 64
	maxParams = 32766
)

// insertSQL returns an INSERT of rows rows into t.
func (t table) insertSQL(rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES ")
	row := "(" + strings.Repeat("?, ", len(t.cols)-1) + "?)"
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}

// rows collects the values of rows to insert into one table.
type rows struct {
	t    table
	vals []any
}

func (r *rows) add(vals ...any) {
	if len(vals) != len(r.t.cols) {
		panic(fmt.Sprintf("store: %d values for the %d columns of %s", len(vals), len(r.t.cols), r.t.name))
	}
	r.vals = append(r.vals, vals...)
}

// insert inserts the collected rows in statements of up to maxRows rows.
func (s *DB) insert(ctx context.Context, tx *sql.Tx, r *rows) error {
	ncol := len(r.t.cols)
	per := min(maxRows, maxParams/ncol)
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for vals := r.vals; len(vals) > 0; {
		n := min(per, len(vals)/ncol)
		var err error
		if n == per {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, s.d.rebind(r.t.insertSQL(per))); err != nil {
					return fmt.Errorf("insert into %s: %w", r.t.name, err)
				}
			}
			_, err = full.ExecContext(ctx, vals[:n*ncol]...)
		} else {
			_, err = tx.ExecContext(ctx, s.d.rebind(r.t.insertSQL(n)), vals[:n*ncol]...)
		}
		if err != nil {
			return fmt.Errorf("insert into %s: %w", r.t.name, err)
		}
		vals = vals[n*ncol:]
	}
	return nil
}

// insertDocSQL inserts a document unless its hash is stored, and returns
// the id the database gave it (no row when it was stored).
const insertDocSQL = `INSERT INTO documents (hash, doc_id, source, url, outlet, title, published,
	dateline_start, dateline_end, body_start, text, ingested, mentions, mention_count)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`

// Put stores docs in one transaction; see Store. Documents are inserted
// one by one, with their mentions (a stored hash skips one); their sentences, events
// and the events' actors, attribution sources and links then go in
// multi-row statements, table by table.
func (s *DB) Put(ctx context.Context, docs []Document) (res PutResult, err error) {
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			return PutResult{}, fmt.Errorf("put %s: %w", docName(&docs[i]), err)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return PutResult{}, fmt.Errorf("put: begin: %w", err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, rollback(tx))
			res = PutResult{}
		}
	}()
	insDoc, err := tx.PrepareContext(ctx, s.d.rebind(insertDocSQL))
	if err != nil {
		return res, fmt.Errorf("put: prepare: %w", err)
	}
	defer insDoc.Close()
	type storedDoc struct {
		id int64
		d  *Document
	}
	var stored []storedDoc
	now := time.Now().UTC()
	// Documents go in in the order of their hashes, the same in every
	// transaction: two writers putting the same documents in other orders
	// would otherwise each wait for the other's uncommitted row
	// (PostgreSQL; SQLite lets one writer in at a time).
	order := make([]int, len(docs))
	hashes := make([]string, len(docs))
	for i := range docs {
		order[i], hashes[i] = i, Hash(&docs[i].Doc.Article)
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(hashes[i], hashes[j]) })
	for _, i := range order {
		d := &docs[i]
		id, ok, err := putDoc(ctx, insDoc, d, hashes[i], now)
		if err != nil {
			return res, fmt.Errorf("put %s: %w", docName(d), err)
		}
		if !ok {
			res.Skipped++
			continue
		}
		stored = append(stored, storedDoc{id, d})
		res.Stored++
		res.Events += len(d.Events)
	}
	eventIDs, err := s.d.ids(ctx, tx, "events", res.Events)
	if err != nil {
		return res, fmt.Errorf("put: %w", err)
	}
	b := &putRows{sents: rows{t: sentencesTable}, events: rows{t: eventsTable},
		actors: rows{t: actorsTable}, sources: rows{t: sourcesTable}, links: rows{t: linksTable}}
	var added []mergeItem
	for _, sd := range stored {
		ids := eventIDs[:len(sd.d.Events)]
		b.add(sd.id, ids, sd.d)
		added = appendMergeItems(added, ids, sd.d)
		eventIDs = eventIDs[len(sd.d.Events):]
	}
	for _, r := range []*rows{&b.sents, &b.events, &b.actors, &b.sources, &b.links} {
		if err := s.insert(ctx, tx, r); err != nil {
			return res, fmt.Errorf("put: %w", err)
		}
	}
	if err := s.merge(ctx, tx, added); err != nil {
		return res, fmt.Errorf("put: merge: %w", err)
	}
	if err := s.aggregate(ctx, tx, added); err != nil {
		return res, fmt.Errorf("put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("put: commit: %w", err)
	}
	return res, nil
}

// docName names d in messages: its id, and where it was read from.
func docName(d *Document) string {
	if d.Doc == nil {
		return "document"
	}
	if d.Doc.Source != "" && d.Doc.Source != d.Doc.ID {
		return fmt.Sprintf("document %s (%s)", d.Doc.ID, d.Doc.Source)
	}
	return "document " + d.Doc.ID
}

// putDoc inserts the documents row of d, whose content hash is hash,
// unless the hash is stored; it returns the row's id and whether it was
// inserted.
func putDoc(ctx context.Context, ins *sql.Stmt, d *Document, hash string, now time.Time) (int64, bool, error) {
	a := &d.Doc.Article
	ingested := d.Ingested
	if ingested.IsZero() {
		ingested = now
	}
	var published any
	if !a.Published.IsZero() {
		published = a.Published.Format(time.RFC3339Nano)
	}
	mentions, err := encodeMentions(d.Doc.Mentions)
	if err != nil {
		return 0, false, err
	}
	var id int64
	err = ins.QueryRowContext(ctx, hash, a.ID, null(a.Source), null(a.URL), null(a.Outlet), null(a.Title),
		published, a.Dateline.Start, a.Dateline.End, a.BodyStart, a.Text, ingested.UTC().Format(time.RFC3339Nano),
		mentions, len(d.Doc.Mentions)).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("insert document: %w", err)
	}
	return id, true, nil
}

// putRows collects the rows of the stored documents of one Put.
type putRows struct {
	sents, events, actors, sources, links rows
}

// add adds the sentences and events of d, stored as docID; its
// events get the ids eventIDs, in order.
func (b *putRows) add(docID int64, eventIDs []int64, d *Document) {
	for i, se := range d.Doc.Sentences {
		b.sents.add(docID, i, se.Start, se.End, se.Text)
	}
	for i := range d.Events {
		b.addEvent(eventIDs[i], docID, i, d, &d.Events[i])
	}
}

// addEvent adds the record r, the pos-th of d, stored as id, with its
// actors, attribution chain and links.
func (b *putRows) addEvent(id, docID int64, pos int, d *Document, r *event.Record) {
	var text any
	if r.Sentence >= len(d.Doc.Sentences) || d.Doc.Sentences[r.Sentence].Text != r.Text {
		text = r.Text
	}
	var trText, trStart, trEnd any
	if r.Trigger != nil {
		trText, trStart, trEnd = r.Trigger.Text, r.Trigger.Start, r.Trigger.End
	}
	var gold, penta, quad any
	if r.Goldstein != nil {
		gold = *r.Goldstein
	}
	if r.PentaClass != nil {
		penta = *r.PentaClass
	}
	if r.QuadClass != 0 {
		quad = r.QuadClass
	}
	var pType, pMode, pCtx any
	if r.PLOVER != nil {
		pType, pMode = r.PLOVER.Type, null(r.PLOVER.Mode)
		if len(r.PLOVER.Context) > 0 {
			pCtx = strings.Join(r.PLOVER.Context, ",")
		}
	}
	var dt event.Date
	if r.Date != nil {
		dt = *r.Date
	}
	var loc event.Location
	var lat, lon any
	if r.Location != nil {
		loc = *r.Location
		if loc.Lat != nil {
			lat = *loc.Lat
		}
		if loc.Lon != nil {
			lon = *loc.Lon
		}
	}
	var voice, hedged any
	if r.Attribution != nil {
		voice, hedged = r.Attribution.Voice, r.Attribution.Hedged
	}
	var conf any
	if r.Confidence != 0 {
		conf = r.Confidence
	}
	b.events.add(id, r.ID, docID, pos, r.Sentence, text, trText, trStart, trEnd,
		null(r.Cameo), null(r.CameoRoot), gold, quad, penta, pType, pMode, pCtx, null(string(r.Status)),
		null(dt.Text), null(dt.Value), null(dt.Start), null(dt.End), null(dt.Precision),
		null(loc.Text), null(loc.Name), null(loc.Country), lat, lon, voice, hedged, conf, null(r.Explain),
		eventDay(r, publishedDay(d.Doc.Published)))
	for _, side := range []struct {
		role   string
		actors []event.Actor
	}{{"source", r.Source}, {"target", r.Target}} {
		for i, a := range side.actors {
			var start, end any
			if a.Start != 0 || a.End != 0 {
				start, end = a.Start, a.End
			}
			b.actors.add(id, side.role, i, null(a.Text), start, end, null(a.Code), null(a.Country),
				null(a.Sector), null(a.Name), null(a.ID), null(a.Via))
		}
	}
	if r.Attribution != nil {
		for i, src := range r.Attribution.Chain {
			var count any
			if src.Count != 0 {
				count = src.Count
			}
			b.sources.add(id, i, null(src.Role), null(src.Name), null(src.Cue), count, null(src.Text))
		}
	}
	for i, l := range r.Links {
		b.links.add(id, i, l.Rel, l.Event)
	}
}

// null returns nil (SQL NULL) for an empty string, else s.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}
