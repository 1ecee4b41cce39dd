// Package merge groups the event records of several articles that report
// the same real-world event (issue 6, point 3). It is pure logic: the
// store (package store) feeds it the records of the dyads a batch touched
// and keeps its groups.
//
// Two records can be in one group when
//
//   - they have the same dyad: the sorted set of the source actors'
//     country+sector codes, ">" and the same for the targets (order
//     matters: ISR>LBN is not LBN>ISR). A record without a target only
//     merges with records without a target: letting an empty target match
//     any target would make "Israel rejected" the bridge between "Israel
//     rejected Lebanon" and "Israel rejected the US", and such one-sided
//     reports are usually another event anyway. A record without a source
//     is never merged;
//   - they have the same CAMEO root (190 "use conventional military force"
//     and 195 "employ aerial weapons" share root 19, so an airstrike
//     merges with a report of fighting) and the same status (a refusal
//     that happened is not a refusal denied or planned);
//   - their date intervals overlap, and do so for every member of the
//     group: the group keeps the intersection of its members' intervals,
//     so all its reports allow one common day. A record dated by a time
//     expression of its sentence has that expression's interval; a record
//     dated only by its article (the coder's fallback, a date without
//     text) or not dated at all counts as [published-7d, published]: a
//     report names an event of the past days, so reports of the same event
//     on the following days merge. A record with neither is never merged;
//   - their places are compatible: the same country, or one of them (or
//     the group so far) without a known country.
//
// Grouping is greedy over the records in a canonical order (publication
// time, undated articles last, then document, sentence and record id):
// each record joins the first group, in order of creation, it is
// compatible with, or starts a new one. The result depends only on the
// set of records, not on their input order, so it is deterministic and can
// be recomputed at any time; records reported after all others can only
// join groups or start new ones. A group's id is a hash of its first
// record's document and record id (the earliest report, its
// representative), so it keeps its id as later reports join it.
package merge

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
)

// Window is how far before its article's publication a record dated only
// by the article may have happened.
const Window = 7 * 24 * time.Hour

// Item is one record to merge, with the document that reports it.
type Item struct {
	// Record is the event record.
	Record *event.Record
	// Doc is the stable identity of the document (the store uses its
	// content hash); with Record.ID it identifies the record.
	Doc string
	// Outlet is the document's outlet, "" when unknown.
	Outlet string
	// Published is the document's publication time; zero when unknown.
	Published time.Time
}

// Key returns the stable identity of the item's record: its document and
// record id.
func (it *Item) Key() string { return it.Doc + "/" + it.Record.ID }

// Member is one record of a group.
type Member struct {
	// Item is the index of the record in the input.
	Item int
	// Key is the record's stable identity (Item.Key).
	Key string
	// Reason says why the record is in the group.
	Reason string
}

// Group is one real-world event and the records that report it.
type Group struct {
	// ID is the hex hash of the representative's key.
	ID string
	// Dyad is the group's dyad (Dyad).
	Dyad string
	// Root is the CAMEO root of its records.
	Root string
	// Status is the status of its records.
	Status event.Status
	// Place is the country of its records with a known country; "" when
	// none has one.
	Place string
	// Start and End bound the days all its records allow (YYYY-MM-DD);
	// empty for a record without a date.
	Start, End string
	// Representative is the index in the input of the earliest report.
	Representative int
	// Members are its records, in canonical order: the representative
	// first. A group that Extend was given keeps only the records added to
	// it; Size counts them all.
	Members []Member
	// Size is the number of its records.
	Size int
	// Articles is the number of distinct documents of its records.
	Articles int
	// Outlets is the number of distinct known outlets of its records (a
	// document without an outlet counts as an article, not an outlet).
	Outlets int
	// OutletNames are those outlets, sorted.
	OutletNames []string
	// First and Last are the sort keys (SortKey) of its earliest and latest
	// records.
	First, Last string
	// FirstReported is the publication time of the earliest report; zero
	// when no member's document has one.
	FirstReported time.Time
}

// Dyad returns the dyad of r ("ISR>LBN"); a side without actors is "-"
// ("LBNGOV>-", "->ISR").
func Dyad(r *event.Record) string {
	return cmp.Or(actorKeys(r.Source), "-") + ">" + cmp.Or(actorKeys(r.Target), "-")
}

// actorKeys returns the sorted, distinct country+sector codes of actors
// (the CAMEO code when an actor has no country), joined by "+".
func actorKeys(actors []event.Actor) string {
	var keys []string
	for _, a := range actors {
		k := a.Country + a.Sector
		if a.Country == "" {
			k = a.Code
		}
		if k != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), "+")
}

// Interval returns the days [start, end] (YYYY-MM-DD) the record of it may
// have happened on, as the package comment says; false when unknown.
func Interval(it *Item) (start, end string, ok bool) {
	d := it.Record.Date
	if d != nil && d.Text != "" && d.Start != "" {
		return d.Start, cmp.Or(d.End, d.Start), true
	}
	if !it.Published.IsZero() {
		p := it.Published.UTC()
		return p.Add(-Window).Format(time.DateOnly), p.Format(time.DateOnly), true
	}
	if d != nil && d.Start != "" {
		return d.Start, cmp.Or(d.End, d.Start), true
	}
	return "", "", false
}

// GroupID returns the id of the group whose earliest report is the record
// with key: the first 16 hex digits of its SHA-256.
func GroupID(key string) string {
	h := sha256.Sum256([]byte("sitrep-merge-1\x00" + key))
	return hex.EncodeToString(h[:8])
}

// prepared is an item with what grouping needs.
type prepared struct {
	i           int
	key         string
	sortKey     string
	dyad, root  string
	status      event.Status
	place       string
	start, end  string
	dated, able bool
}

// order returns the indexes of items in the canonical order (SortKey).
func order(items []Item) []int {
	idx := make([]int, len(items))
	keys := make([]string, len(items))
	for i := range idx {
		idx[i], keys[i] = i, SortKey(&items[i])
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	return idx
}

// Merge groups items; every item is in exactly one group, those that
// merge with nothing alone. Groups come in the canonical order of their
// representatives.
func Merge(items []Item) []Group {
	return Extend(nil, items)
}

// reason explains why p joins g, whose days become [s, e].
func reason(g *Group, p *prepared, s, e string) string {
	place := "place " + g.Place
	switch {
	case g.Place == "" && p.place == "":
		place = "place unknown"
	case g.Place == "" || p.place == "":
		place = "place compatible (" + cmp.Or(g.Place, p.place) + ", one unknown)"
	}
	return fmt.Sprintf("same dyad %s, root %s, %s, dates overlap %s, %s", p.dyad, p.root, p.status, days(s, e), place)
}

// days writes the interval [s, e] briefly: 2026-03-02..09,
// 2026-03-28..04-02, 2026-12-30..2027-01-02, or one day.
func days(s, e string) string {
	switch {
	case s == e:
		return s
	case len(s) == 10 && len(e) == 10 && s[:8] == e[:8]:
		return s + ".." + e[8:]
	case len(s) == 10 && len(e) == 10 && s[:5] == e[:5]:
		return s + ".." + e[5:]
	}
	return s + ".." + e
}

// unmergeable says why p merges with nothing.
func unmergeable(p *prepared) string {
	var why []string
	if strings.HasPrefix(p.dyad, "-") {
		why = append(why, "no source actor")
	}
	if p.root == "" {
		why = append(why, "no CAMEO code")
	}
	if !p.dated {
		why = append(why, "no date")
	}
	return strings.Join(why, ", ")
}
