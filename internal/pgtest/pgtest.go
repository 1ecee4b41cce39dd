// Package pgtest gives tests a PostgreSQL database of their own: a new
// schema in the database named by $SITREP_TEST_POSTGRES, dropped when the
// test ends. A test that needs it fails under CI=true when the variable is
// unset (.ci/run starts a server and sets it) and is skipped, with a
// message, elsewhere.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// Env is the variable naming the test database: a PostgreSQL URL such as
// postgres://user@localhost/sitrep_test or, through a unix socket,
// postgres:///sitrep_test?host=/tmp/pgdir&user=me.
const Env = "SITREP_TEST_POSTGRES"

// admins holds one connection pool per database URL, shared by the tests
// of a process to create and drop their schemas.
var (
	mu     sync.Mutex
	admins = map[string]*sql.DB{}
)

func admin(dsn string) *sql.DB {
	mu.Lock()
	defer mu.Unlock()
	db := admins[dsn]
	if db == nil {
		db, _ = sql.Open("pgx", dsn) // a URL checked by the caller; connects lazily
		admins[dsn] = db
	}
	return db
}

// DSN returns the URL of a new, empty schema in the database of $SITREP_TEST_POSTGRES:
// the variable's URL with search_path set to the schema, so that tables
// are created there. The schema and all in it are dropped when tb ends.
// When the variable is unset, tb fails under CI=true and is skipped
// elsewhere; when the database cannot be reached, tb fails.
func DSN(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		msg := Env + " is not set: PostgreSQL tests need the URL of a database they may create schemas in " +
			"(.ci/run and .ci/with-postgres start a throwaway server and set it)"
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		tb.Fatalf("%s must be a postgres:// URL, not %q", Env, base)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "sitrep_test_" + hex.EncodeToString(b[:])
	db := admin(base)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("%s: create schema: %v", Env, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
