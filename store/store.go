// Package store keeps coded documents and their events in a database: the
// documents with their text and provenance, their sentences and actor,
// place and outlet mentions, and each event record of DESIGN.md with its
// actors, attribution chain and links, in tables that queries, merging and
// exports read back.
//
// A document's identity is its content hash (Hash): putting a document that
// is already stored does nothing, so ingesting twice changes nothing. A
// batch of documents is stored in one transaction, so a crash loses no
// committed batch and leaves no half-written document.
//
// The schema is versioned: Open creates it on first use and applies the
// migrations a file lacks, in order, each in a transaction. The SQL is kept
// to what SQLite and PostgreSQL share (the backend differences are in a
// dialect value), so one schema and one set of queries serve both backends:
// SQLite through the pure-Go driver modernc.org/sqlite (no cgo), the
// default, and PostgreSQL through pgx's database/sql driver.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// Store is an event store.
type Store interface {
	// Put stores a batch of documents with their events in one
	// transaction. A document whose content hash is already stored, or
	// that comes twice in the batch, is skipped. On error nothing of the
	// batch is stored. In the same transaction it recomputes the merged
	// events (package merge) of the dyads of the batch's events, and adds
	// the batch's events to the daily counts that Aggregate reads.
	Put(ctx context.Context, docs []Document) (PutResult, error)
	// HasDocument reports whether a document with the content hash h
	// (Hash) is stored.
	HasDocument(ctx context.Context, h string) (bool, error)
	// Events returns the event records of the document with content hash
	// h, in the order they were put; none when it is not stored.
	Events(ctx context.Context, h string) ([]event.Record, error)
	// Merged returns the merged events of dyad ("ISR>LBN", see
	// merge.Dyad), or of every dyad when it is "", with their members, in
	// the order of their first report.
	Merged(ctx context.Context, dyad string) ([]MergedEvent, error)
	// Remerge merges every stored event again, from scratch, and replaces
	// the merged events. Put merges as it goes, exactly for reports that
	// come after the stored ones and within a window for those that come
	// late; Remerge gives what merging all at once gives.
	Remerge(ctx context.Context) error
	// Scan calls fn with each stored event record that the filter
	// selects, with its document and merged event, in the filter's
	// order; it stops at the first error fn returns.
	Scan(ctx context.Context, f Filter, fn func(*Row) error) error
	// Aggregate sums the events a query selects per day or week (per
	// dyad): their number, Goldstein sum and mean, and PLOVER type
	// counts, read from the daily counts Put keeps when the query's
	// filters are ones they hold (AggregateQuery.FromDailyCounts).
	Aggregate(ctx context.Context, q AggregateQuery) ([]Bucket, error)
	// Counts returns the number of rows of each kind.
	Counts(ctx context.Context) (Counts, error)
	// Close closes the store.
	Close() error
}

// Document is one document to store: the parsed and annotated document
// (its article, sentences and mentions; tokens are not stored) and the
// event records coded from it.
type Document struct {
	// Doc is the document; its Article gives the content hash.
	Doc *doc.Doc
	// Events are the records coded from Doc, in output order.
	Events []event.Record
	// Ingested is when the document was read; zero means the time of Put.
	Ingested time.Time
}

// PutResult says what a Put stored.
type PutResult struct {
	// Stored is the number of documents stored.
	Stored int
	// Skipped is the number of documents already stored (or repeated in
	// the batch), left as they were.
	Skipped int
	// Events is the number of event records stored.
	Events int
}

// Counts holds the number of rows of each table.
type Counts struct {
	// Documents is the number of documents.
	Documents int64 `json:"documents"`
	// Sentences is the number of sentences of all documents.
	Sentences int64 `json:"sentences"`
	// Mentions is the number of actor, place and outlet mentions.
	Mentions int64 `json:"mentions"`
	// Events is the number of event records.
	Events int64 `json:"events"`
	// Actors is the number of source and target actors of the events.
	Actors int64 `json:"actors"`
	// Sources is the number of links of attribution chains.
	Sources int64 `json:"sources"`
	// Links is the number of links between events.
	Links int64 `json:"links"`
	// Merged is the number of merged events: real-world events, each
	// reported by one or more event records.
	Merged int64 `json:"merged_events"`
}

// Hash returns the content hash of a: the hex SHA-256 of its text, title,
// outlet and URL, each field length-prefixed. Where the article was read
// from (Source) and its id in the input are provenance, not identity: the
// same article read from another path is the same document. The
// publication time is left out too: a dateline without a year is dated
// against the day it is read, and a feed that re-dates an item republishes
// the same article.
func Hash(a *doc.Article) string {
	h := sha256.New()
	for _, s := range []string{"sitrep-doc-1", a.Text, a.Title, a.Outlet, a.URL} {
		fmt.Fprintf(h, "%d:", len(s))
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Validate checks that d can be stored: it has a document with an id, and
// every event belongs to it and points at one of its sentences.
func (d *Document) Validate() error {
	if d.Doc == nil {
		return errors.New("no document")
	}
	if d.Doc.ID == "" {
		return errors.New("document without an id")
	}
	for i := range d.Events {
		r := &d.Events[i]
		switch {
		case r.ID == "":
			return fmt.Errorf("event %d has no id", i)
		case r.Doc != d.Doc.ID:
			return fmt.Errorf("event %s belongs to document %q", r.ID, r.Doc)
		case r.Sentence < 0 || r.Sentence >= len(d.Doc.Sentences) && len(d.Doc.Sentences) > 0:
			return fmt.Errorf("event %s: sentence %d out of range (%d sentences)", r.ID, r.Sentence, len(d.Doc.Sentences))
		}
		for _, a := range append(append([]event.Actor(nil), r.Source...), r.Target...) {
			if a.Start < 0 || a.End < a.Start {
				return fmt.Errorf("event %s: actor %q has bad offsets %d-%d", r.ID, a.Text, a.Start, a.End)
			}
		}
	}
	return nil
}

// Open opens the store named by dsn, creating and migrating it as needed:
// a PostgreSQL URL ("postgres://..." or "postgresql://...") opens that
// database (OpenPostgres); anything else is a file path (or "file:PATH")
// and opens a SQLite database, created on first use (OpenSQLite).
func Open(ctx context.Context, dsn string) (Store, error) {
	var s *DB
	var err error
	switch {
	case dsn == "":
		return nil, errors.New("open store: empty database name")
	case isPostgres(dsn):
		s, err = OpenPostgres(ctx, dsn)
	default:
		s, err = OpenSQLite(ctx, strings.TrimPrefix(dsn, "file:"))
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// redact drops the password of a database URL, for messages.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			rest = user + ":xxxxx" + rest[at:]
		}
	}
	return scheme + "://" + rest
}
