// Package report turns coded event records into a situation report (issue
// 7, point 1): the key actors with their roles, the developments in time
// order with their sourcing and status, the proposals, appeals and demands
// with the responses linked to them, a stance matrix of who cooperates
// with or confronts whom, and the places named.
//
// Build computes a Report from records and the documents that carry them
// (Item), so both freshly coded articles and rows read back from the store
// can feed it. Reports of one event (the same dyad, CAMEO root and status,
// overlapping dates: package merge) are one development with several
// reports. Every sentence of the report is written from the records'
// fields; nothing is added that the records do not say. WriteText,
// WriteMarkdown and WriteHTML render a Report.
package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/merge"
)

// Doc is what the report needs of the document that reports a record.
type Doc struct {
	// ID identifies the document (the input's id, or the store's).
	ID string
	// Title is the document's headline, "" when unknown.
	Title string
	// Outlet is the publishing outlet, "" when unknown.
	Outlet string
	// URL is where the document was read, "" when unknown.
	URL string
	// Published is the publication time; zero when unknown.
	Published time.Time
}

// Item is one event record with the document that reports it.
type Item struct {
	// Record is the coded event.
	Record event.Record
	// Doc is the document whose text the record comes from.
	Doc Doc
}

// Options tunes Build.
type Options struct {
	// Title is the report's title; "Situation report" when empty.
	Title string
	// KB, when set, gives the actors' offices, the kinds of organisations
	// and places, and country adjectives ("Lebanese government").
	KB *kb.KB
}

// Report is a situation report, ready to render.
type Report struct {
	// Title is the report's title.
	Title string
	// From and To bound the days the developments may have happened on
	// (YYYY-MM-DD); empty when no record is dated.
	From, To string
	// Records is the number of event records read.
	Records int
	// Documents are the documents read, in order of publication.
	Documents []DocSummary
	// Actors are the key actors, most involved first.
	Actors []KeyActor
	// Developments are the events, in time order.
	Developments []Development
	// Proposals are the proposals, appeals and demands with their
	// responses, in time order.
	Proposals []Proposal
	// Stances are the directed actor pairs, most events first.
	Stances []Stance
	// Places are the places of the events, most events first.
	Places []Place
}

// DocSummary is one document read, with the number of its records.
type DocSummary struct {
	Doc
	// Records is the number of event records the document gave.
	Records int
}

// Build makes the report of items. Records reporting the same event are
// merged into one development (package merge); developments are numbered
// from 1 in time order.
func Build(items []Item, opts Options) *Report {
	r := &Report{Title: cmp.Or(opts.Title, "Situation report"), Records: len(items)}
	r.Documents = documents(items)
	names := newNamer(opts.KB)
	r.Developments = developments(items, names)
	for _, d := range r.Developments {
		if d.Start != "" && (r.From == "" || d.Start < r.From) {
			r.From = d.Start
		}
		if d.End != "" && d.End > r.To {
			r.To = d.End
		}
	}
	r.Actors = keyActors(r.Developments)
	r.Proposals = proposals(r.Developments)
	r.Stances = stances(r.Developments)
	r.Places = places(r.Developments)
	return r
}

// documents lists the distinct documents of items by publication time
// (undated last), then id.
func documents(items []Item) []DocSummary {
	var docs []DocSummary
	at := map[string]int{}
	for _, it := range items {
		i, ok := at[it.Doc.ID]
		if !ok {
			i = len(docs)
			at[it.Doc.ID] = i
			docs = append(docs, DocSummary{Doc: it.Doc})
		}
		docs[i].Records++
	}
	slices.SortStableFunc(docs, func(a, b DocSummary) int {
		if c := cmpTime(a.Published, b.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return docs
}

// cmpTime orders times with the zero time last.
func cmpTime(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// mergeItems returns the merge input for items.
func mergeItems(items []Item) []merge.Item {
	out := make([]merge.Item, len(items))
	for i := range items {
		it := &items[i]
		out[i] = merge.Item{Record: &it.Record, Doc: it.Doc.ID, Outlet: it.Doc.Outlet, Published: it.Doc.Published}
	}
	return out
}
