package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteDialect is SQLite's: INTEGER PRIMARY KEY is the row id, and ids
// follow the largest stored: a writing transaction holds the write lock
// from its start (_txlock=immediate), so no other writer takes the same.
var sqliteDialect = &dialect{
	name:         "sqlite",
	idColumn:     "INTEGER PRIMARY KEY",
	withoutRowid: " WITHOUT ROWID",
	placeholder:  func(int) string { return "?" },
	ids: func(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error) {
		var first int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM `+table).Scan(&first); err != nil {
			return nil, fmt.Errorf("next %s id: %w", table, err)
		}
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = first + int64(i)
		}
		return ids, nil
	},
}

// sqliteParams are the connection settings: writes take the write lock
// when the transaction begins (no deadlock between two writers upgrading),
// a busy writer is waited for, WAL lets readers run during a write, and
// foreign keys are enforced. synchronous=NORMAL keeps every commit through
// a crash of the process and the file whole through a power cut, which may
// lose the last commits; ingesting is idempotent, so the next run stores
// them again (FULL would sync the log at every commit). The log is copied
// into the database every 8,192 pages (32 MiB) rather than 1,000, so the
// pages that every batch rewrites are copied once per many batches. The
// database file is read through a memory map of up to 1 GiB, which the
// connections share, rather than copied into each one's page cache.
var sqliteParams = []string{
	"_txlock=immediate",
	"_pragma=busy_timeout(10000)",
	"_pragma=journal_mode(WAL)",
	"_pragma=synchronous(NORMAL)",
	"_pragma=foreign_keys(ON)",
	"_pragma=cache_size(-32000)",
	"_pragma=temp_store(MEMORY)",
	"_pragma=wal_autocheckpoint(8192)",
	"_pragma=mmap_size(1073741824)",
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
	db.SetMaxIdleConns(sqliteIdleConns)
	s := &DB{db: db, d: sqliteDialect, name: path}
	if err := connectSQLite(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := migrate(ctx, db, s.d, steps); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// connectSQLite makes the first connection to db. Two processes opening
// a new file at once both switch it to WAL mode as they connect, and the
// one that finds the other doing it gets SQLITE_BUSY at once, without
// waiting for the busy timeout: it tries again, for up to 10 s.
func connectSQLite(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	wait := time.Millisecond
	for {
		err := db.PingContext(ctx)
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 100*time.Millisecond)
	}
}

// sqliteIdleConns is the number of open connections kept between uses
// (database/sql keeps 2): a new connection reads the schema again and
// starts with an empty page cache, so a server answering many requests at
// once keeps as many as it runs.
const sqliteIdleConns = 16
