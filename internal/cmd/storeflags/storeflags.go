// Package storeflags registers the flags that select stored events (a
// store.Filter), shared by the commands that read the event store.
package storeflags

import (
	"flag"

	"github.com/sitrep/sitrep/store"
)

// AddFilter registers on fs the flags that set f's selection: --actor,
// --country, --sector, --cameo, --root, --plover, --status, --from, --to,
// --place, --outlet, --text and --merged.
func AddFilter(fs *flag.FlagSet, f *store.Filter) {
	fs.StringVar(&f.Actor, "actor", "", "events with an actor whose CAMEO code starts with `X`, or whose name or knowledge base id is X")
	fs.StringVar(&f.Country, "country", "", "events with an actor of this `country` code")
	fs.StringVar(&f.Sector, "sector", "", "events with an actor of this CAMEO `sector` (GOV, MIL, REB, ...)")
	fs.StringVar(&f.Cameo, "cameo", "", "events whose CAMEO code starts with `CODE`")
	fs.StringVar(&f.Root, "root", "", "events of this CAMEO `root` (01 to 20)")
	fs.StringVar(&f.PLOVER, "plover", "", "events of this PLOVER `type` (ASSAULT, REJECT, ...)")
	fs.StringVar(&f.Status, "status", "", "events of this `status`: asserted, negated, intended or hypothetical")
	fs.StringVar(&f.From, "from", "", "events on or after this `day` (YYYY-MM-DD; the date's start, or the publication day when undated)")
	fs.StringVar(&f.To, "to", "", "events on or before this `day`")
	fs.StringVar(&f.Place, "place", "", "events placed in this country code or at this place `name`")
	fs.StringVar(&f.Outlet, "outlet", "", "events reported by this `outlet`")
	fs.StringVar(&f.Text, "text", "", "events whose sentence contains `TEXT` (case ignored)")
	fs.BoolVar(&f.Merged, "merged", false, "one event record per merged event (its earliest report)")
}

// Selects reports whether f selects anything less than every event.
func Selects(f *store.Filter) bool {
	g := *f
	g.Limit, g.Offset, g.Order = 0, 0, ""
	return g != store.Filter{}
}
