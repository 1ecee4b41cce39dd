package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/merge"
)

// Development is one event of the report: the records that report it,
// merged, told in one sentence with its sourcing.
type Development struct {
	// N numbers the development from 1 in time order; the proposals and
	// links refer to developments by it.
	N int
	// ID is the merged event's id (merge.Group.ID).
	ID string
	// Start and End bound the days it may have happened on (YYYY-MM-DD);
	// empty when unknown.
	Start, End string
	// When says when it happened as the text does ("last week,
	// 2026-03-02 to 2026-03-08") or, when the text does not, when it was reported.
	When string
	// Sentence tells who did what to whom, where, with its status.
	Sentence string
	// Source and Target are the actors of its earliest report.
	Source, Target []ActorRef
	// Cameo, CameoRoot and PLOVER are the codes of its earliest report.
	Cameo, CameoRoot, PLOVER string
	// Goldstein is the Goldstein weight; nil when not coded.
	Goldstein *float64
	// Penta is the penta class; nil when not coded.
	Penta *int
	// Status is the record status.
	Status event.Status
	// Standing words the status with the voice: "stated" (asserted in the
	// publisher's voice), "claimed" (asserted on someone's word),
	// "negated", "intended" or "hypothetical".
	Standing string
	// Sourcing lists the distinct sourcings of its reports ("Axios, 5
	// anonymous sources, reportedly").
	Sourcing []string
	// Place is where it happened; nil when unknown.
	Place *event.Location
	// Evidence is the sentence of its earliest report, as written.
	Evidence string
	// Trigger is the word that carries it in that sentence.
	Trigger string
	// Reports counts its records, Articles their documents; Outlets names
	// their known outlets.
	Reports, Articles int
	Outlets           []string
	// Links are the links of its reports to other events.
	Links []LinkRef
	// Records are the ids of its records.
	Records []string
}

// LinkRef is a link from a development's report to another event.
type LinkRef struct {
	// Rel is the relation ("responds_to").
	Rel string
	// To is the number of the development the linked record belongs to; 0
	// when that record is not in the report.
	To int
	// Event is the linked record's id.
	Event string
}

// developments merges items into developments in time order and resolves
// their links. Time order is by the last day a development may have
// happened on, then the first, then the canonical order of merge (by
// publication, document and sentence): an event dated only by its
// article's publication comes after one the text dates to a day before.
func developments(items []Item, names namer) []Development {
	groups := merge.Merge(mergeItems(items))
	devs := make([]Development, 0, len(groups))
	for _, g := range groups {
		devs = append(devs, development(items, &g, names))
	}
	slices.SortStableFunc(devs, func(a, b Development) int {
		return cmp.Or(cmpDay(a.End, b.End), cmpDay(a.Start, b.Start))
	})
	byRecord := map[string]int{}
	for i := range devs {
		devs[i].N = i + 1
		for _, id := range devs[i].Records {
			if _, ok := byRecord[id]; !ok {
				byRecord[id] = i + 1
			}
		}
	}
	for i := range devs {
		for j, l := range devs[i].Links {
			devs[i].Links[j].To = byRecord[l.Event]
		}
		devs[i].Sentence = sentence(&devs[i], devs)
	}
	return devs
}

// cmpDay orders YYYY-MM-DD days with the empty day last.
func cmpDay(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}

// development builds the development of group g of items; its sentence
// is written once all are numbered.
func development(items []Item, g *merge.Group, names namer) Development {
	rep := &items[g.Representative]
	r := &rep.Record
	at := rep.Doc.Published
	if at.IsZero() && r.Date != nil {
		at, _ = time.Parse(time.DateOnly, r.Date.Start)
	}
	d := Development{ID: g.ID, Start: g.Start, End: g.End, Cameo: r.Cameo, CameoRoot: r.Root(),
		Goldstein: r.Goldstein, Status: r.Status, Place: r.Location, Evidence: r.Text,
		Reports: g.Size, Articles: g.Articles, Outlets: g.OutletNames,
		Source: names.refs(r.Source, at), Target: names.refs(r.Target, at)}
	if p, ok := r.Penta(); ok {
		d.Penta = &p
	}
	if r.PLOVER != nil {
		d.PLOVER = r.PLOVER.Type
	}
	if r.Trigger != nil {
		d.Trigger = r.Trigger.Text
	}
	if d.Start == "" {
		mi := merge.Item{Record: r, Doc: rep.Doc.ID, Published: rep.Doc.Published}
		d.Start, d.End, _ = merge.Interval(&mi)
	}
	d.Standing = standing(r)
	for _, m := range g.Members {
		it := &items[m.Item]
		d.Records = append(d.Records, it.Record.ID)
		names.fillTexts(d.Source, it.Record.Source)
		names.fillTexts(d.Target, it.Record.Target)
		if s := sourcing(it.Record.Attribution, it.Doc.Outlet); !slices.Contains(d.Sourcing, s) {
			d.Sourcing = append(d.Sourcing, s)
		}
		for _, l := range it.Record.Links {
			ref := LinkRef{Rel: l.Rel, Event: l.Event}
			if !slices.Contains(d.Links, ref) {
				d.Links = append(d.Links, ref)
			}
		}
		if d.When == "" && it.Record.Date != nil && it.Record.Date.Text != "" {
			d.When = datePhrase(it.Record.Date)
		}
	}
	if d.When == "" {
		d.When = reportedPhrase(rep)
	}
	return d
}

// standing words the status of r together with its voice.
func standing(r *event.Record) string {
	if r.Status == event.Asserted || r.Status == "" {
		if r.Attribution != nil && r.Attribution.Voice == "cited" {
			return "claimed"
		}
		return "stated"
	}
	return string(r.Status)
}

// datePhrase writes a date the text gives: its words and its interval.
func datePhrase(d *event.Date) string {
	days := d.Start
	if d.End != "" && d.End != d.Start {
		days = d.Start + " to " + d.End
	}
	if days == "" {
		return d.Text
	}
	return d.Text + ", " + days
}

// reportedPhrase says when the event of it was reported, for an event
// whose sentence gives no date.
func reportedPhrase(it *Item) string {
	switch {
	case !it.Doc.Published.IsZero():
		return "reported " + it.Doc.Published.Format(time.DateOnly)
	case it.Record.Date != nil && it.Record.Date.Start != "":
		return "reported " + it.Record.Date.Start
	}
	return "undated"
}
