package store

import (
	"context"
	"database/sql"
	"strings"
)

// dialect holds what differs between the SQL backends; the schema and the
// queries are otherwise shared. Queries are written with "?" parameters
// and rebound; schema statements use "{{id}}" and "{{without_rowid}}"
// (ddl).
type dialect struct {
	// name names the backend in messages.
	name string
	// idColumn is the type of an auto-assigned 64-bit integer primary key.
	idColumn string
	// withoutRowid ends the CREATE TABLE of a table whose primary key is
	// its storage order (SQLite's WITHOUT ROWID: one b-tree, not two).
	withoutRowid string
	// placeholder returns the n-th (from 1) bind parameter.
	placeholder func(n int) string
	// lockSchema, when set, is run first in each transaction that changes
	// the schema, so that two processes opening a new database at once
	// migrate it one after the other. (SQLite's transactions take the
	// write lock as they begin, which does the same.)
	lockSchema string
	// lockKey, when set, takes a transaction-scoped lock named by its
	// parameter: Put takes one per dyad it merges, so that two writers
	// merge a dyad one after the other. (SQLite has one writer at a time.)
	lockKey string
	// bytewise, appended to a text column's type ("{{bytewise}}" in the
	// schema), makes it compare byte by byte, as the sort keys of package
	// merge are compared (SQLite's text does by default).
	bytewise string
	// ids returns n new ids of table (its "id" column) for the rows that
	// tx inserts, in increasing order.
	ids func(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error)
}

// ddl returns the schema statement s for d.
func (d *dialect) ddl(s string) string {
	return strings.NewReplacer("{{id}}", d.idColumn, "{{without_rowid}}", d.withoutRowid,
		"{{bytewise}}", d.bytewise).Replace(s)
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
