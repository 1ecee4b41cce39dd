package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/kb"
)

// ActorRef is one actor of a development, as the report names it.
type ActorRef struct {
	// Key identifies the actor across the report: its knowledge base id,
	// else its CAMEO code, else its text.
	Key string
	// Name is the name the report uses ("Tom Barrack", "Lebanese
	// government").
	Name string
	// Code is the CAMEO actor code.
	Code string
	// Country is the actor's country code.
	Country string
	// Role is the actor's office, kind or sector, "" when unknown.
	Role string
	// Text is the actor as written in the record's sentence; "" for an
	// implicit actor or a pronoun.
	Text string
}

// KeyActor is one actor of the report with what it did and underwent.
type KeyActor struct {
	// Key, Name, Code, Country and Role are as in ActorRef.
	Key, Name, Code, Country, Role string
	// Mentions are the distinct ways the documents name it, longest first.
	Mentions []string
	// Events counts the developments it takes part in; AsSource and
	// AsTarget split them by side (an actor on both sides counts in both).
	Events, AsSource, AsTarget int
}

// namer names actors, with the knowledge base when there is one.
type namer struct{ kb *kb.KB }

func newNamer(k *kb.KB) namer { return namer{kb: k} }

// ref returns how the report names a, an actor of a record reported at t.
func (n namer) ref(a event.Actor, at time.Time) ActorRef {
	r := ActorRef{Code: a.Code, Country: a.Country}
	if a.Via != "coreference" && a.Via != "implicit" {
		r.Text = a.Text
	}
	composite := a.Sector != "" && (a.ID == "" || a.ID == a.Country)
	switch {
	case a.ID != "" && !composite:
		r.Key, r.Name = a.ID, cmp.Or(a.Name, a.Text, a.ID)
		r.Role = n.kbRole(a, at)
	case composite && a.Country != "":
		r.Key, r.Name = cmp.Or(a.Code, a.Country+a.Sector), n.composite(a)
		r.Role = sectorNoun(a.Sector)
	default:
		r.Key = cmp.Or(a.Code, "text:"+strings.ToLower(a.Text))
		r.Name = cmp.Or(a.Name, a.Text, a.Code, "an unidentified actor")
		if a.Sector != "" {
			r.Role = sectorNoun(a.Sector)
		}
	}
	return r
}

// composite names a country-and-sector actor: "Lebanese government"
// with the knowledge base, "government of Lebanon" without.
func (n namer) composite(a event.Actor) string {
	noun := sectorNoun(a.Sector)
	if n.kb != nil {
		if c, ok := n.kb.Country(a.Country); ok && len(c.Adjectives) > 0 {
			return c.Adjectives[0] + " " + noun
		}
	}
	return noun + " of " + cmp.Or(a.Name, a.Country)
}

// country returns the name of a country code, the code itself without a
// knowledge base entry.
func (n namer) country(code string) string {
	if n.kb != nil {
		if c, ok := n.kb.Country(code); ok {
			return c.Name
		}
	}
	return code
}

// kbRole describes the actor with knowledge base id a.ID: a person's
// offices at t, an organisation's kind, a place's kind, "state" for a
// country; "" without a knowledge base or entry.
func (n namer) kbRole(a event.Actor, at time.Time) string {
	if n.kb == nil {
		return ""
	}
	if p, ok := n.kb.Person(a.ID); ok {
		roles := p.RolesAt(at)
		if at.IsZero() || len(roles) == 0 {
			roles = p.Roles[len(p.Roles)-1:]
		}
		var titles, countries []string
		for _, r := range roles {
			titles = append(titles, r.Title)
			if r.Country != "" && !slices.Contains(countries, r.Country) {
				countries = append(countries, r.Country)
			}
		}
		s := strings.Join(slices.Compact(titles), "; ")
		if len(countries) == 1 {
			s += ", " + n.country(countries[0])
		}
		return s
	}
	if o, ok := n.kb.Org(a.ID); ok {
		if o.Country == "" {
			return orgKind(o.Kind)
		}
		return orgKind(o.Kind) + ", " + n.country(o.Country)
	}
	if p, ok := n.kb.Place(a.ID); ok {
		if p.Country == "" {
			return p.Kind
		}
		return p.Kind + ", " + n.country(p.Country)
	}
	if _, ok := n.kb.Country(a.ID); ok {
		return "state"
	}
	return ""
}

// orgKind words a knowledge base organisation kind.
func orgKind(kind string) string {
	switch kind {
	case kb.KindIGO:
		return "intergovernmental organisation"
	case kb.KindNGO:
		return "non-governmental organisation"
	case kb.KindArmed:
		return "armed non-state group"
	case kb.KindParty:
		return "political party"
	case kb.KindUnit:
		return "state body"
	case kb.KindOutlet:
		return "news outlet"
	case kb.KindAgency:
		return "international agency"
	}
	return kind
}

// sectorNoun words a CAMEO sector code; an unknown code is lower-cased.
func sectorNoun(sector string) string {
	switch sector {
	case "GOV":
		return "government"
	case "MIL":
		return "military"
	case "COP":
		return "police"
	case "LEG":
		return "parliament"
	case "JUD":
		return "judiciary"
	case "OPP":
		return "opposition"
	case "REB":
		return "rebels"
	case "INS":
		return "insurgents"
	case "SPY":
		return "intelligence services"
	case "PTY":
		return "party"
	case "BUS":
		return "business"
	case "MED":
		return "media"
	case "CVL":
		return "civilians"
	case "REF":
		return "refugees"
	case "LAB":
		return "labour"
	case "UAF":
		return "armed group"
	}
	return strings.ToLower(sector)
}

// refs returns the distinct actors of as, in order.
func (n namer) refs(as []event.Actor, at time.Time) []ActorRef {
	var out []ActorRef
	for _, a := range as {
		r := n.ref(a, at)
		if i := slices.IndexFunc(out, func(o ActorRef) bool { return o.Key == r.Key }); i >= 0 {
			if len(r.Text) > len(out[i].Text) {
				out[i].Text = r.Text
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// fillTexts gives each of refs the longest text among the actors of as
// with its key, so an actor named in full by one report and by a pronoun
// in another is shown as written in full.
func (n namer) fillTexts(refs []ActorRef, as []event.Actor) {
	for _, a := range as {
		r := n.ref(a, time.Time{})
		for i := range refs {
			if refs[i].Key == r.Key && len(r.Text) > len(refs[i].Text) {
				refs[i].Text = r.Text
			}
		}
	}
}

// keyActors lists the actors of devs, most developments first, then by
// name.
func keyActors(devs []Development) []KeyActor {
	var out []KeyActor
	at := map[string]int{}
	add := func(r ActorRef, source bool, seen map[string]bool) {
		i, ok := at[r.Key]
		if !ok {
			i = len(out)
			at[r.Key] = i
			out = append(out, KeyActor{Key: r.Key, Name: r.Name, Code: r.Code, Country: r.Country, Role: r.Role})
		}
		k := &out[i]
		k.Role = cmp.Or(k.Role, r.Role)
		if r.Text != "" && !slices.Contains(k.Mentions, r.Text) {
			k.Mentions = append(k.Mentions, r.Text)
		}
		if !seen[r.Key] {
			seen[r.Key] = true
			k.Events++
		}
		if source {
			k.AsSource++
		} else {
			k.AsTarget++
		}
	}
	for _, d := range devs {
		seen := map[string]bool{}
		for _, r := range d.Source {
			add(r, true, seen)
		}
		for _, r := range d.Target {
			add(r, false, seen)
		}
	}
	for i := range out {
		slices.SortStableFunc(out[i].Mentions, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	}
	slices.SortStableFunc(out, func(a, b KeyActor) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Name, b.Name))
	})
	return out
}
