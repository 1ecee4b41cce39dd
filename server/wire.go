package server

import (
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// The JSON of the API's rows and documents: the event record of
// DESIGN.md with its day, document and merged event; times are RFC 3339.

// docJSON is a document's provenance.
type docJSON struct {
	Hash      string `json:"hash"`
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// mergedJSON is the merged event of a row: how many records, documents
// and outlets report it.
type mergedJSON struct {
	ID       string `json:"id"`
	Reports  int    `json:"reports"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
}

// rowJSON is an event of /events and /search.
type rowJSON struct {
	event.Record
	Day      string      `json:"day,omitempty"`
	Document docJSON     `json:"document"`
	Merged   *mergedJSON `json:"merged,omitempty"`
}

// docSummaryJSON is a document of /documents.
type docSummaryJSON struct {
	docJSON
	Events int64 `json:"events"`
}

// docTextJSON is the document of /documents/{hash}.
type docTextJSON struct {
	docJSON
	Text string `json:"text"`
}

// docOf returns the JSON of d.
func docOf(d *store.DocumentInfo) docJSON {
	j := docJSON{Hash: d.Hash, ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title}
	if !d.Published.IsZero() {
		j.Published = d.Published.Format(time.RFC3339)
	}
	return j
}

// rowOf returns the JSON of r.
func rowOf(r *store.Row) rowJSON {
	j := rowJSON{Record: r.Record, Day: r.Day, Document: docOf(&r.Document)}
	if m := r.Merged; m != nil {
		j.Merged = &mergedJSON{ID: m.ID, Reports: m.Reports, Articles: m.Articles, Outlets: m.Outlets}
	}
	return j
}
