package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// dialect holds what differs between the SQL backends; the schema and the
// queries are otherwise shared.
type dialect struct {
	// name names the backend in messages.
	name string
	// idColumn is the type of an auto-assigned 64-bit integer primary key.
	idColumn string
	// withoutRowid ends the CREATE TABLE of a table whose primary key is
	// its storage order (SQLite's WITHOUT ROWID: one b-tree, not two).
	withoutRowid string
	// placeholder returns the n-th (from 1) bind parameter; queries are
	// written with "?".
	placeholder func(n int) string
}

// sqliteDialect is SQLite's: INTEGER PRIMARY KEY is the row id.
var sqliteDialect = &dialect{
	name:         "sqlite",
	idColumn:     "INTEGER PRIMARY KEY",
	withoutRowid: " WITHOUT ROWID",
	placeholder:  func(int) string { return "?" },
}

// ddl returns the schema statement s for d.
func (d *dialect) ddl(s string) string {
	return strings.NewReplacer("{{id}}", d.idColumn, "{{without_rowid}}", d.withoutRowid).Replace(s)
}

// rebind rewrites the "?" bind parameters of q for d (PostgreSQL numbers
// them: $1, $2, ...). q must not hold a "?" inside a string literal.
func (d *dialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString(d.placeholder(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sqliteParams are the connection settings: writes take the write lock
// when the transaction begins (no deadlock between two writers upgrading),
// a busy writer is waited for, WAL lets readers run during a write, and
// foreign keys are enforced. synchronous=NORMAL keeps every commit through
// a crash of the process and the file whole through a power cut, which may
// lose the last commits; ingesting is idempotent, so the next run stores
// them again (FULL would sync the log at every commit). The log is copied
// into the database every 8,192 pages (32 MiB) rather than 1,000, so the
// pages that every batch rewrites are copied once per many batches.
var sqliteParams = []string{
	"_txlock=immediate",
	"_pragma=busy_timeout(10000)",
	"_pragma=journal_mode(WAL)",
	"_pragma=synchronous(NORMAL)",
	"_pragma=foreign_keys(ON)",
	"_pragma=cache_size(-32000)",
	"_pragma=temp_store(MEMORY)",
	"_pragma=wal_autocheckpoint(8192)",
}

// OpenSQLite opens the SQLite database file at path, creating it on first
// use, and brings its schema to the current version.
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
	return openSQLite(ctx, path, migrations())
}

func openSQLite(ctx context.Context, path string, steps []migration) (*DB, error) {
	if path == "" {
		return nil, errors.New("open store: empty file name")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open store %s: the file name must not contain '?' or '#'", path)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + strings.Join(sqliteParams, "&")
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &DB{db: db, d: sqliteDialect, name: path}
	if err := migrate(ctx, db, s.d, steps); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// nextID returns the first free id of table (its "id" column) for the
// rows a transaction inserts. In SQLite the transaction holds the write
// lock from its start (_txlock=immediate), so no other writer takes the
// same ids; PostgreSQL will draw them from the table's sequence.
func (d *dialect) nextID(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM `+table).Scan(&id); err != nil {
		return 0, fmt.Errorf("next %s id: %w", table, err)
	}
	return id, nil
}
