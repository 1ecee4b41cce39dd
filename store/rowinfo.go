package store

import (
	"time"
)

// DocumentInfo is the provenance of a stored document, as Scan gives it.
type DocumentInfo struct {
	// Hash is the content hash (Hash) and ID the id in the input.
	Hash, ID string
	// URL, Outlet and Title are "" when unknown.
	URL, Outlet, Title string
	// Published is zero when unknown; Ingested is when it was stored.
	Published, Ingested time.Time
}

// MergeInfo is the merged event an event record belongs to.
type MergeInfo struct {
	// ID is the merged event's id.
	ID string
	// Reports is the number of its records; Articles and Outlets count
	// its documents and known outlets.
	Reports, Articles, Outlets int
	// FirstReported is the publication time of its earliest report, zero
	// when unknown.
	FirstReported time.Time
}

// parseTime parses a stored RFC 3339 time; zero for "" or a value that
// does not parse.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
