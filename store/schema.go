package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// A migration is one step of the schema: the statements that take a
// database from version Version-1 to Version. Statements are written in
// the SQL that SQLite and PostgreSQL share (types TEXT, INTEGER, BIGINT,
// DOUBLE PRECISION, BOOLEAN); "{{bytewise}}" after a text type makes the
// column compare byte by byte; "{{id}}" stands for the dialect's
// auto-assigned 64-bit integer primary key column type and
// "{{without_rowid}}" for SQLite's WITHOUT ROWID.
type migration struct {
	Version int
	Name    string
	Stmts   []string
	// Fill, when set, runs after Stmts in the same transaction: a step
	// that computes what SQL alone cannot.
	Fill func(ctx context.Context, tx *sql.Tx, d *dialect) error
}

// migrations lists the schema steps in order; a new step is appended,
// never edited once released, since files in the field are at its version.
func migrations() []migration {
	return []migration{{
		Version: 1,
		Name:    "documents, sentences, mentions, events, actors, attribution sources, links",
		Stmts: []string{
			// A document: its content hash (Hash) is its identity; published
			// and ingested are RFC 3339 times (published NULL when unknown).
			`CREATE TABLE documents (
				id {{id}},
				hash TEXT NOT NULL UNIQUE,
				doc_id TEXT NOT NULL,
				source TEXT,
				url TEXT,
				outlet TEXT,
				title TEXT,
				published TEXT,
				dateline_start INTEGER NOT NULL DEFAULT 0,
				dateline_end INTEGER NOT NULL DEFAULT 0,
				body_start INTEGER NOT NULL DEFAULT 0,
				text TEXT NOT NULL,
				ingested TEXT NOT NULL
			)`,
			`CREATE INDEX documents_doc_id ON documents (doc_id)`,
			// Offsets everywhere are code points into documents.text, end
			// exclusive.
			`CREATE TABLE sentences (
				doc BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
				idx INTEGER NOT NULL,
				start_pos INTEGER NOT NULL,
				end_pos INTEGER NOT NULL,
				text TEXT NOT NULL,
				PRIMARY KEY (doc, idx)
			){{without_rowid}}`,
			// Actor, place and outlet mentions; antecedent is the pos of the
			// mention this one refers back to (coreference).
			`CREATE TABLE mentions (
				doc BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
				pos INTEGER NOT NULL,
				sentence INTEGER NOT NULL,
				start_pos INTEGER NOT NULL,
				end_pos INTEGER NOT NULL,
				text TEXT NOT NULL,
				kind TEXT NOT NULL,
				code TEXT,
				country TEXT,
				sector TEXT,
				name TEXT,
				kb_id TEXT,
				via TEXT,
				guess TEXT,
				antecedent INTEGER,
				lat DOUBLE PRECISION,
				lon DOUBLE PRECISION,
				PRIMARY KEY (doc, pos)
			){{without_rowid}}`,
			// The event record of DESIGN.md. eid is the record's stable id
			// (unique within a document, not across re-ingested versions);
			// text is NULL when it is the sentence's text; voice and hedged
			// are the attribution, both NULL when the record has none.
			`CREATE TABLE events (
				id {{id}},
				eid TEXT NOT NULL,
				doc BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
				pos INTEGER NOT NULL,
				sentence INTEGER NOT NULL,
				text TEXT,
				trigger_text TEXT,
				trigger_start INTEGER,
				trigger_end INTEGER,
				cameo TEXT,
				cameo_root TEXT,
				goldstein DOUBLE PRECISION,
				quad_class INTEGER,
				penta_class INTEGER,
				plover_type TEXT,
				plover_mode TEXT,
				plover_context TEXT,
				status TEXT,
				date_text TEXT,
				date_value TEXT,
				date_start TEXT,
				date_end TEXT,
				date_precision TEXT,
				loc_text TEXT,
				loc_name TEXT,
				loc_country TEXT,
				loc_lat DOUBLE PRECISION,
				loc_lon DOUBLE PRECISION,
				voice TEXT,
				hedged BOOLEAN,
				confidence DOUBLE PRECISION,
				explain TEXT,
				UNIQUE (doc, pos)
			)`,
			`CREATE INDEX events_eid ON events (eid)`,
			// Source and target actors; start_pos and end_pos are NULL for an
			// implicit actor (no span in the text).
			`CREATE TABLE event_actors (
				event BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
				role TEXT NOT NULL CHECK (role IN ('source', 'target')),
				pos INTEGER NOT NULL,
				text TEXT,
				start_pos INTEGER,
				end_pos INTEGER,
				code TEXT,
				country TEXT,
				sector TEXT,
				name TEXT,
				kb_id TEXT,
				via TEXT,
				PRIMARY KEY (event, role, pos)
			){{without_rowid}}`,
			// The attribution chain, outermost source first.
			`CREATE TABLE event_sources (
				event BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
				pos INTEGER NOT NULL,
				role TEXT,
				name TEXT,
				cue TEXT,
				count INTEGER,
				text TEXT,
				PRIMARY KEY (event, pos)
			){{without_rowid}}`,
			// Links to other events, by their stable id (target may be in
			// another document).
			`CREATE TABLE event_links (
				event BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
				pos INTEGER NOT NULL,
				rel TEXT NOT NULL,
				target TEXT NOT NULL,
				PRIMARY KEY (event, pos)
			){{without_rowid}}`,
			`CREATE INDEX event_links_target ON event_links (target)`,
		},
	}, {
		Version: 2,
		Name:    "merged events and their members",
		Stmts: []string{
			// One real-world event reported by one or more event records
			// (package merge): id is the hash of its earliest report;
			// representative is that report; dyad, cameo_root and status are
			// its members'; place is the country of those with one; the
			// members' dates all allow [date_start, date_end];
			// first_reported is the RFC 3339 publication time of the
			// earliest report (NULL when unknown).
			`CREATE TABLE merged_events (
				id TEXT NOT NULL PRIMARY KEY,
				representative BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
				dyad TEXT NOT NULL,
				cameo_root TEXT,
				status TEXT,
				place TEXT,
				date_start TEXT,
				date_end TEXT,
				articles INTEGER NOT NULL,
				outlets INTEGER NOT NULL,
				first_reported TEXT
			)`,
			`CREATE INDEX merged_events_dyad ON merged_events (dyad)`,
			// Each event record is a member of one merged event; pos is its
			// place among the members (0 for the representative) and reason
			// says why it was merged.
			`CREATE TABLE merged_members (
				event BIGINT NOT NULL PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
				merged TEXT NOT NULL REFERENCES merged_events (id) ON DELETE CASCADE,
				pos INTEGER NOT NULL,
				reason TEXT NOT NULL
			)`,
			`CREATE INDEX merged_members_merged ON merged_members (merged, pos)`,
		},
	}, {
		Version: 3,
		Name:    "merged events keep their state for merging new reports into them",
		Stmts: []string{
			// size is the number of members; outlet_names the distinct known
			// outlets, sorted, one a line; first_key and last_key the sort
			// keys (merge.SortKey) of the earliest and latest members.
			`ALTER TABLE merged_events ADD COLUMN size INTEGER NOT NULL DEFAULT 0`,
			`ALTER TABLE merged_events ADD COLUMN outlet_names TEXT NOT NULL DEFAULT ''`,
			`ALTER TABLE merged_events ADD COLUMN first_key TEXT{{bytewise}} NOT NULL DEFAULT ''`,
			`ALTER TABLE merged_events ADD COLUMN last_key TEXT{{bytewise}} NOT NULL DEFAULT ''`,
			// The groups a new report may join: its dyad's, by days; and
			// the latest report of a partition.
			`DROP INDEX merged_events_dyad`,
			`CREATE INDEX merged_events_days ON merged_events (dyad, date_end)`,
			`CREATE INDEX merged_events_last ON merged_events (dyad, cameo_root, status, last_key)`,
		},
		// The state is computed by merging every stored event again.
		Fill: remergeAll,
	}, {
		Version: 4,
		Name:    "mentions kept with their document",
		Stmts: []string{
			// A document's actor, place and outlet mentions, a JSON array
			// (store.storedMention), and their number; they are read a
			// document at a time, so one value rather than a row each.
			`ALTER TABLE documents ADD COLUMN mentions TEXT`,
			`ALTER TABLE documents ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0`,
		},
		// The mentions table's rows move into the documents, and the table
		// goes.
		Fill: moveMentions,
	}, {
		Version: 5,
		Name:    "daily counts per dyad, and indexes for queries",
		Stmts:   dailyCountsSchema(),
		Fill:    fillDailyCountsMigration,
	}, {
		Version: 6,
		Name:    "the day each event is counted on, indexed",
		Stmts:   daySchema(),
	}, {
		Version: 7,
		Name:    "no index on the CAMEO root of events",
		// The daily counts answer sums by root; a list of one root's
		// events reads the day index, which an index on the root would
		// have the planner leave for a sort of all the root's events.
		Stmts: []string{`DROP INDEX events_cameo_root`},
	}, {
		Version: 8,
		Name:    "the daily counts' day index covers their columns",
		// A period's counts (all dyads of a month) are then read from
		// the index alone, not looked up row by row (a month of 4,000
		// rows: 18.9 ms to 11.3 ms per request).
		Stmts: []string{
			`DROP INDEX daily_counts_day`,
			`CREATE INDEX daily_counts_day ON daily_counts
				(day, dyad, cameo_root, plover_type, status, events, goldstein_sum, goldstein_n)`,
		},
	}, {
		Version: 9,
		Name:    "no index on stable ids or link targets",
		// No query looks events up by their stable id or links by their
		// target. Both are hashes, so each insert lands on a random page
		// of its index: dropping the two takes Put from 10,738 to 13,604
		// events/s at 1,000,000 events (BenchmarkPutEvents/wire).
		Stmts: []string{`DROP INDEX events_eid`, `DROP INDEX event_links_target`},
	}}
}

// migrate brings db to the last version of steps: it creates the
// schema_version table when missing and applies each step the database
// lacks in its own transaction, recording the version with it, so a failed
// step leaves the database at the previous version. A database newer than
// steps is an error.
func migrate(ctx context.Context, db *sql.DB, d *dialect, steps []migration) error {
	if err := createVersionTable(ctx, db, d); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	latest := 0
	if len(steps) > 0 {
		latest = steps[len(steps)-1].Version
	}
	for i, m := range steps {
		if m.Version != i+1 {
			return fmt.Errorf("migration %d (%s) is out of order", m.Version, m.Name)
		}
	}
	v, err := version(ctx, db)
	if err != nil {
		return err
	}
	if v > latest {
		return fmt.Errorf("schema version %d is newer than this sitrep knows (%d); use a newer sitrep", v, latest)
	}
	for _, m := range steps[v:] {
		if err := apply(ctx, db, d, m); err != nil {
			return fmt.Errorf("migrate to version %d (%s): %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// createVersionTable creates the schema_version table unless it exists.
func createVersionTable(ctx context.Context, db *sql.DB, d *dialect) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, rollback(tx))
		}
	}()
	if d.lockSchema != "" {
		if _, err := tx.ExecContext(ctx, d.lockSchema); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	return tx.Commit()
}

// version returns the schema version recorded in db, 0 for a new one.
func version(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// apply runs the statements of m and records its version in one
// transaction. The version is checked again inside it, after the
// dialect's schema lock, so two processes opening a new database at once
// do not both apply m.
func apply(ctx context.Context, db *sql.DB, d *dialect, m migration) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, rollback(tx))
		}
	}()
	if d.lockSchema != "" {
		if _, err := tx.ExecContext(ctx, d.lockSchema); err != nil {
			return err
		}
	}
	var v sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v); err != nil {
		return err
	}
	if int(v.Int64) >= m.Version {
		return tx.Rollback()
	}
	for _, s := range m.Stmts {
		if _, err := tx.ExecContext(ctx, d.ddl(s)); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	if m.Fill != nil {
		if err := m.Fill(ctx, tx, d); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, d.rebind(`DELETE FROM schema_version`)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO schema_version (version) VALUES (?)`), m.Version); err != nil {
		return err
	}
	return tx.Commit()
}

// rollback rolls tx back, ignoring a transaction already done.
func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSuffix(strings.TrimSpace(s), "(")
}
