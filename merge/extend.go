package merge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// SortKey returns the place of it in the canonical order as a string that
// sorts in that order: publication time (undated documents last),
// document, sentence, record id. Its fields are separated by U+0001, which
// sorts before the characters of ids and which PostgreSQL's text can hold.
func SortKey(it *Item) string {
	pub := "~" // after every time
	if !it.Published.IsZero() {
		pub = it.Published.UTC().Format("2006-01-02T15:04:05.000000000Z")
	}
	return fmt.Sprintf("%s\x01%s\x01%09d\x01%s", pub, it.Doc, it.Record.Sentence, it.Record.ID)
}

// Extend merges items into groups, the groups of earlier items in the
// order they were created (by their First key), as Merge would have merged
// the earlier items and these together, provided that every item comes
// after every record of groups in the canonical order (SortKey greater
// than each group's Last) and that no item's document is already one of
// the groups' documents. The groups given need only their state (ID,
// Dyad, Root, Status, Place, Start, End, Size, Articles, OutletNames,
// First, Last, FirstReported): their Members may be empty, and Extend
// appends to them only the items that join them. It returns the groups
// given, updated, followed by the new ones in the canonical order of their
// representatives; indexes in Member.Item and Representative of new groups
// are into items.
//
// Because grouping is greedy in the canonical order, reports that arrive
// after all others (the usual case: news is ingested as it is published)
// can be merged this way, reading only the state of the groups they may
// join rather than their members.
func Extend(groups []Group, items []Item) []Group {
	groups = slices.Clone(groups)
	open := map[string][]int{} // partition (dyad, root, status) → indexes into groups
	for gi := range groups {
		g := &groups[gi]
		if g.Start != "" && g.Root != "" && !strings.HasPrefix(g.Dyad, "-") {
			p := partition(g.Dyad, g.Root, g.Status)
			open[p] = append(open[p], gi)
		}
	}
	newDocs := make([]map[string]bool, len(groups))
	for _, i := range order(items) {
		it := &items[i]
		p := prepare(i, it)
		gi := -1
		if p.able {
			for _, k := range open[partition(p.dyad, p.root, p.status)] {
				g := &groups[k]
				s, e := max(g.Start, p.start), min(g.End, p.end)
				if s > e || (p.place != "" && g.Place != "" && p.place != g.Place) {
					continue
				}
				g.Members = append(g.Members, Member{Item: i, Key: p.key, Reason: reason(g, &p, s, e)})
				g.Start, g.End = s, e
				g.Place = cmp.Or(g.Place, p.place)
				gi = k
				break
			}
		}
		if gi < 0 {
			why := "first report"
			if !p.able {
				why = "not mergeable: " + unmergeable(&p)
			}
			groups = append(groups, Group{ID: GroupID(p.key), Dyad: p.dyad, Root: p.root, Status: p.status,
				Place: p.place, Start: p.start, End: p.end, Representative: i, FirstReported: it.Published,
				First: p.sortKey, Members: []Member{{Item: i, Key: p.key, Reason: why}}})
			newDocs = append(newDocs, nil)
			gi = len(groups) - 1
			if p.able {
				part := partition(p.dyad, p.root, p.status)
				open[part] = append(open[part], gi)
			}
		}
		g := &groups[gi]
		g.Size++
		g.Last = p.sortKey
		if newDocs[gi] == nil {
			newDocs[gi] = map[string]bool{}
		}
		if !newDocs[gi][it.Doc] {
			newDocs[gi][it.Doc] = true
			g.Articles++
		}
		if o := it.Outlet; o != "" {
			if k, found := slices.BinarySearch(g.OutletNames, o); !found {
				g.OutletNames = slices.Insert(g.OutletNames, k, o)
			}
		}
		g.Outlets = len(g.OutletNames)
	}
	return groups
}

// partition names the groups an item may join: same dyad, root and status.
func partition(dyad, root string, status event.Status) string {
	return dyad + "|" + root + "|" + string(status)
}

// prepare returns what grouping needs of item i.
func prepare(i int, it *Item) prepared {
	r := it.Record
	p := prepared{i: i, key: it.Key(), sortKey: SortKey(it), dyad: Dyad(r), root: r.Root(),
		status: cmp.Or(r.Status, event.Asserted)}
	if r.Location != nil {
		p.place = r.Location.Country
	}
	p.start, p.end, p.dated = Interval(it)
	p.able = !strings.HasPrefix(p.dyad, "-") && p.root != "" && p.dated
	return p
}
