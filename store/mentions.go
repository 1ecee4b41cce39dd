package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/doc"
)

// storedMention is a mention as documents.mentions holds it, one JSON
// object each in an array: offsets are code points into the document's
// text, end exclusive; antecedent is the index of the mention it refers
// back to (coreference).
type storedMention struct {
	Sentence   int      `json:"sentence"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Kind       string   `json:"kind"`
	Code       string   `json:"code,omitempty"`
	Country    string   `json:"country,omitempty"`
	Sector     string   `json:"sector,omitempty"`
	Name       string   `json:"name,omitempty"`
	KBID       string   `json:"kb_id,omitempty"`
	Via        string   `json:"via,omitempty"`
	Guess      string   `json:"guess,omitempty"`
	Antecedent *int     `json:"antecedent,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
}

// encodeMentions returns the JSON array of ms that documents.mentions
// holds.
func encodeMentions(ms []doc.Mention) (string, error) {
	out := make([]storedMention, len(ms))
	for i, m := range ms {
		sm := storedMention{Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text, Kind: m.Kind,
			Code: m.Code, Country: m.Country, Sector: m.Sector, Name: m.Name, KBID: m.ID, Via: m.Via, Guess: m.Type}
		if m.Antecedent >= 0 {
			sm.Antecedent = &m.Antecedent
		}
		if m.HasCoords {
			sm.Lat, sm.Lon = &m.Lat, &m.Lon
		}
		out[i] = sm
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("encode mentions: %w", err)
	}
	return string(b), nil
}

// decodeMentions reads the JSON array of documents.mentions.
func decodeMentions(s string) ([]doc.Mention, error) {
	if s == "" {
		return nil, nil
	}
	var in []storedMention
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode mentions: %w", err)
	}
	ms := make([]doc.Mention, len(in))
	for i, sm := range in {
		m := doc.Mention{Span: doc.Span{Start: sm.Start, End: sm.End}, Sentence: sm.Sentence, Text: sm.Text,
			Kind: sm.Kind, Code: sm.Code, Country: sm.Country, Sector: sm.Sector, Name: sm.Name, ID: sm.KBID,
			Via: sm.Via, Type: sm.Guess, Antecedent: -1}
		if sm.Antecedent != nil {
			m.Antecedent = *sm.Antecedent
		}
		if sm.Lat != nil && sm.Lon != nil {
			m.Lat, m.Lon, m.HasCoords = *sm.Lat, *sm.Lon, true
		}
		ms[i] = m
	}
	return ms, nil
}

// Mentions returns the actor, place and outlet mentions of the document
// with content hash h, in document order (without their token indexes,
// which are not stored); none when it is not stored.
func (s *DB) Mentions(ctx context.Context, h string) ([]doc.Mention, error) {
	var js sql.NullString
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT mentions FROM documents WHERE hash = ?`), h).Scan(&js)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", h, err)
	}
	ms, err := decodeMentions(js.String)
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", h, err)
	}
	return ms, nil
}

// moveMentions fills documents.mentions from the mentions table of
// schema version 3 and drops the table (migration 4).
func moveMentions(ctx context.Context, tx *sql.Tx, d *dialect) error {
	byDoc := map[int64][]doc.Mention{}
	err := query(ctx, tx, `SELECT doc, sentence, start_pos, end_pos, text, kind, code, country, sector, name,
		kb_id, via, guess, antecedent, lat, lon FROM mentions ORDER BY doc, pos`, nil, func(rows *sql.Rows) error {
		var id int64
		var m doc.Mention
		var code, country, sector, name, kbID, via, guess sql.NullString
		var ante sql.NullInt64
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&id, &m.Sentence, &m.Start, &m.End, &m.Text, &m.Kind, &code, &country, &sector,
			&name, &kbID, &via, &guess, &ante, &lat, &lon); err != nil {
			return err
		}
		m.Code, m.Country, m.Sector, m.Name, m.ID, m.Via, m.Type = code.String, country.String, sector.String,
			name.String, kbID.String, via.String, guess.String
		m.Antecedent = -1
		if ante.Valid {
			m.Antecedent = int(ante.Int64)
		}
		if lat.Valid && lon.Valid {
			m.Lat, m.Lon, m.HasCoords = lat.Float64, lon.Float64, true
		}
		byDoc[id] = append(byDoc[id], m)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	upd, err := tx.PrepareContext(ctx, d.rebind(`UPDATE documents SET mentions = ?, mention_count = ? WHERE id = ?`))
	if err != nil {
		return err
	}
	defer upd.Close()
	for id, ms := range byDoc {
		js, err := encodeMentions(ms)
		if err != nil {
			return err
		}
		if _, err := upd.ExecContext(ctx, js, len(ms), id); err != nil {
			return fmt.Errorf("move mentions of document %d: %w", id, err)
		}
	}
	_, err = tx.ExecContext(ctx, `DROP TABLE mentions`)
	return err
}
