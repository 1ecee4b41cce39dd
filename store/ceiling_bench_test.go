package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkSQLiteRowCeiling measures how fast the SQLite driver takes
// event rows alone, without documents, sentences, merging or daily
// counts: the upper bound of what Put can reach for the same rows. Each
// iteration inserts one transaction of 700 rows of the events table's
// columns (the events of 100 wire documents), with Put's multi-row
// statements, into tables that keep growing:
//
//   - "bare": the events table with its row id alone;
//   - "indexed": with the three indexes the store keeps (document and
//     position, date start, day), whose keys grow with the batches;
//   - "indexed+stable-id": and an index on the hashed stable id, as before
//     migration 9: each insert lands on a random page of it;
//   - "indexed+actors": the three, and 1.4 actor rows an event, keyed and
//     indexed by code and country as event_actors is;
//   - "indexed+actors+documents": and the documents the events come from,
//     one row for 7 events with a 2,200-character text and its content
//     hash (unique), and their 13 sentence rows (170 characters each).
//
// Run it to 1,000,000 events with
//
//	go test -run XXX -bench SQLiteRowCeiling -benchtime 1430x ./store
func BenchmarkSQLiteRowCeiling(b *testing.B) {
	for _, v := range []struct {
		name                            string
		indexed, stableID, actors, docs bool
	}{{"bare", false, false, false, false}, {"indexed", true, false, false, false},
		{"indexed+stable-id", true, true, false, false}, {"indexed+actors", true, false, true, false},
		{"indexed+actors+documents", true, false, true, true}} {
		b.Run(v.name, func(b *testing.B) {
			ctx := context.Background()
			dsn := "file:" + filepath.Join(b.TempDir(), "ceiling.db") + "?" + strings.Join(sqliteParams, "&")
			db, err := sql.Open("sqlite", dsn)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			schema := []string{
				`CREATE TABLE events (id INTEGER PRIMARY KEY, ` + strings.Join(eventsTable.cols[1:], ", ") + `)`,
				`CREATE TABLE event_actors (event BIGINT NOT NULL, role TEXT NOT NULL, pos INTEGER NOT NULL, ` +
					strings.Join(actorsTable.cols[3:], ", ") + `, PRIMARY KEY (event, role, pos)) WITHOUT ROWID`,
				`CREATE TABLE documents (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL)`,
				`CREATE TABLE sentences (doc BIGINT NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER NOT NULL,
					end_pos INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID`,
			}
			if v.indexed {
				schema = append(schema, `CREATE UNIQUE INDEX events_doc_pos ON events (doc, pos)`,
					`CREATE INDEX events_date_start ON events (date_start)`, `CREATE INDEX events_day ON events (day, id)`)
			}
			if v.stableID {
				schema = append(schema, `CREATE INDEX events_eid ON events (eid)`)
			}
			if v.actors {
				schema = append(schema, `CREATE INDEX event_actors_code ON event_actors (code)`,
					`CREATE INDEX event_actors_country ON event_actors (country)`)
			}
			for _, s := range schema {
				if _, err := db.ExecContext(ctx, s); err != nil {
					b.Fatalf("%s: %v", s, err)
				}
			}
			s := &DB{db: db, d: sqliteDialect}
			const perBatch, perDoc, sentsPerDoc = 700, 7, 13
			sentence := strings.Repeat("x", 169) + "."
			text := strings.Repeat(sentence+" ", sentsPerDoc)
			docsTable := table{"documents", []string{"id", "hash", "text"}}
			var id int64
			start := time.Now()
			for n := 0; b.Loop(); n++ {
				events, actors := &rows{t: eventsTable}, &rows{t: actorsTable}
				docs, sents := &rows{t: docsTable}, &rows{t: sentencesTable}
				day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 12 * time.Hour).Format(time.DateOnly)
				for i := range perBatch {
					id++
					if doc := id / perDoc; v.docs && id%perDoc == 0 {
						// Content hashes, like stable ids, are spread out.
						docs.add(doc, fmt.Sprintf("%064x", uint64(doc)*0x9e3779b97f4a7c15), text)
						for k := range sentsPerDoc {
							sents.add(doc, k, k*171, k*171+170, sentence)
						}
					}
					// Stable ids are hashes: spread over the key space.
					eid := fmt.Sprintf("%016x", uint64(id)*0x9e3779b97f4a7c15)
					events.add(id, eid, id/7, id%7, i%13, nil, "struck", 40, 46, "190", "19", -10.0, 4, 4,
						"ASSAULT", nil, "military", "asserted", nil, day, day, day, "day", nil, nil, nil, nil, nil,
						"publisher", false, 0.6, "verb strike [190] nsubj=forces obj=positions status=asserted", day)
					if v.actors {
						actors.add(id, "source", 0, "Israel", 10, 16, "ISR", "ISR", nil, "Israel", "ISR", "dictionary")
						if i%5 < 2 {
							actors.add(id, "target", 0, "Hezbollah", 60, 69, "LBNREBHEZ", "LBN", "REB", "Hezbollah",
								"hezbollah", "dictionary")
						}
					}
				}
				tx, err := db.BeginTx(ctx, nil)
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range []*rows{docs, sents, events, actors} {
					if err := s.insert(ctx, tx, r); err != nil {
						b.Fatal(errors.Join(err, tx.Rollback()))
					}
				}
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(id)/time.Since(start).Seconds(), "events/s")
		})
	}
}
