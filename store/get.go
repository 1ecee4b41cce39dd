package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// Events returns the event records of the document with content hash h,
// in the order they were put, as they were put: every field of the record
// (actors, attribution chain, links) is read back.
func (s *DB) Events(ctx context.Context, h string) ([]event.Record, error) {
	var docID int64
	var docName string
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, doc_id FROM documents WHERE hash = ?`), h).Scan(&docID, &docName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", h, err)
	}
	recs, ids, err := s.readEvents(ctx, docID, docName)
	if err != nil {
		return nil, fmt.Errorf("events of document %s: %w", docName, err)
	}
	if len(recs) == 0 {
		return nil, nil
	}
	if err := s.readChildren(ctx, docID, recs, ids); err != nil {
		return nil, fmt.Errorf("events of document %s: %w", docName, err)
	}
	return recs, nil
}

// readEvents reads the events rows of document docID in order, and their
// row ids.
func (s *DB) readEvents(ctx context.Context, docID int64, docName string) ([]event.Record, map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT `+eventColumns+`
		FROM events e LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
		WHERE e.doc = ? ORDER BY e.pos`), docID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var recs []event.Record
	ids := map[int64]int{}
	for rows.Next() {
		id, r, err := scanRecord(rows)
		if err != nil {
			return nil, nil, err
		}
		r.Doc = docName
		ids[id] = len(recs)
		recs = append(recs, r)
	}
	return recs, ids, rows.Err()
}

// eventColumns are the columns scanRecord reads: the events row e (with
// its row id first) and the text of its sentence s.
const eventColumns = `e.id, e.eid, e.sentence, COALESCE(e.text, s.text, ''),
		e.trigger_text, e.trigger_start, e.trigger_end, e.cameo, e.cameo_root, e.goldstein, e.quad_class,
		e.penta_class, e.plover_type, e.plover_mode, e.plover_context, e.status, e.date_text, e.date_value,
		e.date_start, e.date_end, e.date_precision, e.loc_text, e.loc_name, e.loc_country, e.loc_lat,
		e.loc_lon, e.voice, e.hedged, e.confidence, e.explain`

// scanRecord reads the record of a row that selects eventColumns and then
// the columns extra are scanned into; it returns the event's row id. The
// record's Doc, actors, attribution chain and links are left to the caller.
func scanRecord(rows *sql.Rows, extra ...any) (int64, event.Record, error) {
	var (
		id                                      int64
		r                                       event.Record
		trText                                  sql.NullString
		trStart, trEnd, quad, penta             sql.NullInt64
		cameo, root, pType, pMode, pCtx, status sql.NullString
		dText, dValue, dStart, dEnd, dPrec      sql.NullString
		lText, lName, lCountry, voice, explain  sql.NullString
		gold, lat, lon, conf                    sql.NullFloat64
		hedged                                  sql.NullBool
	)
	dest := []any{&id, &r.ID, &r.Sentence, &r.Text, &trText, &trStart, &trEnd, &cameo, &root, &gold,
		&quad, &penta, &pType, &pMode, &pCtx, &status, &dText, &dValue, &dStart, &dEnd, &dPrec,
		&lText, &lName, &lCountry, &lat, &lon, &voice, &hedged, &conf, &explain}
	if err := rows.Scan(append(dest, extra...)...); err != nil {
		return 0, r, err
	}
	if trText.Valid {
		r.Trigger = &event.Span{Text: trText.String, Start: int(trStart.Int64), End: int(trEnd.Int64)}
	}
	r.Cameo, r.CameoRoot = cameo.String, root.String
	if gold.Valid {
		r.Goldstein = &gold.Float64
	}
	r.QuadClass = int(quad.Int64)
	if penta.Valid {
		p := int(penta.Int64)
		r.PentaClass = &p
	}
	if pType.Valid {
		r.PLOVER = &event.PLOVER{Type: pType.String, Mode: pMode.String}
		if pCtx.String != "" {
			r.PLOVER.Context = strings.Split(pCtx.String, ",")
		}
	}
	r.Status = event.Status(status.String)
	if dText.Valid || dValue.Valid || dStart.Valid || dEnd.Valid || dPrec.Valid {
		r.Date = &event.Date{Text: dText.String, Value: dValue.String, Start: dStart.String, End: dEnd.String,
			Precision: dPrec.String}
	}
	if lText.Valid || lName.Valid || lCountry.Valid || lat.Valid || lon.Valid {
		r.Location = &event.Location{Text: lText.String, Name: lName.String, Country: lCountry.String}
		if lat.Valid {
			r.Location.Lat = &lat.Float64
		}
		if lon.Valid {
			r.Location.Lon = &lon.Float64
		}
	}
	if voice.Valid || hedged.Valid {
		r.Attribution = &event.Attribution{Voice: voice.String, Hedged: hedged.Bool}
	}
	r.Confidence, r.Explain = conf.Float64, explain.String
	return id, r, nil
}

// readChildren fills the actors, attribution chains and links of recs,
// the events of document docID (ids maps event row ids to indexes in
// recs).
func (s *DB) readChildren(ctx context.Context, docID int64, recs []event.Record, ids map[int64]int) error {
	return s.readChildrenWhere(ctx, "e.doc = ?", []any{docID}, recs, ids)
}

// readChildrenWhere fills the actors, attribution chains and links of
// recs, the events that the condition where on the events row e selects
// with args (ids maps event row ids to indexes in recs).
func (s *DB) readChildrenWhere(ctx context.Context, where string, args []any, recs []event.Record, ids map[int64]int) error {
	q := func(sel string, scan func(rows *sql.Rows) error) error {
		return query(ctx, s.db, s.d.rebind(strings.ReplaceAll(sel, "{{where}}", where)), args, scan)
	}
	err := q(`SELECT a.event, a.role, a.text, a.start_pos, a.end_pos, a.code, a.country, a.sector, a.name,
		a.kb_id, a.via FROM event_actors a JOIN events e ON e.id = a.event
		WHERE {{where}} ORDER BY a.event, a.role, a.pos`, func(rows *sql.Rows) error {
		var id int64
		var role string
		var text, code, country, sector, name, kbID, via sql.NullString
		var start, end sql.NullInt64
		if err := rows.Scan(&id, &role, &text, &start, &end, &code, &country, &sector, &name, &kbID, &via); err != nil {
			return err
		}
		a := event.Actor{Text: text.String, Start: int(start.Int64), End: int(end.Int64), Code: code.String,
			Country: country.String, Sector: sector.String, Name: name.String, ID: kbID.String, Via: via.String}
		addActor(&recs[ids[id]], role, a)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	err = q(`SELECT c.event, c.role, c.name, c.cue, c.count, c.text FROM event_sources c
		JOIN events e ON e.id = c.event WHERE {{where}} ORDER BY c.event, c.pos`, func(rows *sql.Rows) error {
		var id int64
		var role, name, cue, text sql.NullString
		var count sql.NullInt64
		if err := rows.Scan(&id, &role, &name, &cue, &count, &text); err != nil {
			return err
		}
		r := &recs[ids[id]]
		if r.Attribution == nil {
			r.Attribution = &event.Attribution{}
		}
		r.Attribution.Chain = append(r.Attribution.Chain, event.Source{Role: role.String, Name: name.String,
			Cue: cue.String, Count: int(count.Int64), Text: text.String})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read attribution: %w", err)
	}
	err = q(`SELECT l.event, l.rel, l.target FROM event_links l JOIN events e ON e.id = l.event
		WHERE {{where}} ORDER BY l.event, l.pos`, func(rows *sql.Rows) error {
		var id int64
		var l event.Link
		if err := rows.Scan(&id, &l.Rel, &l.Event); err != nil {
			return err
		}
		r := &recs[ids[id]]
		r.Links = append(r.Links, l)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read links: %w", err)
	}
	return nil
}

// addActor adds a to the sources of r when role is "source", to its
// targets otherwise.
func addActor(r *event.Record, role string, a event.Actor) {
	if role == "source" {
		r.Source = append(r.Source, a)
	} else {
		r.Target = append(r.Target, a)
	}
}
