package kb

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Country is a country, territory or historical state.
type Country struct {
	Code       string   // CAMEO country code, ISO 3166-1 alpha-3 where one exists
	ISO2       string   // ISO 3166-1 alpha-2, empty if none
	Name       string   // common English short name
	Aliases    []string // other names: official, short, former, local
	Adjectives []string // demonym adjectives: "Lebanese"
	People     []string // person nouns, singular and plural: "Israeli", "Israelis"
	Capital    string
	Metonyms   []string // names standing for the government: "Kremlin", "Moscow"
	Region     string   // CAMEO region code, e.g. MEA
	Start, End Date     // existence of a historical state; zero = open
}

// Agent is a CAMEO sector agent (GOV, MIL, ...) and the nouns and titles
// that signal it.
type Agent struct {
	Code  string
	Terms []string // lowercase singular and plural forms, may be multiword
	Notes string
}

// Org kinds.
const (
	KindIGO     = "igo"     // intergovernmental organisation
	KindNGO     = "ngo"     // non-governmental organisation
	KindArmed   = "armed"   // armed non-state group
	KindParty   = "party"   // political party
	KindUnit    = "unit"    // state body: military or security unit, ministry, agency of a state
	KindOutlet  = "outlet"  // news outlet or agency: a source of claims, not an actor
	KindAgency  = "agency"  // UN or other international agency acting as an actor
	KindCompany = "company" // business
	KindCourt   = "court"   // court or tribunal
)

// Org is an organisation or group: an IGO, NGO, armed group, party, state
// unit, news outlet, company or court.
type Org struct {
	ID         string
	Code       string // CAMEO-style actor code, e.g. IGOUNO, LBNREBHEZ, IRNMIL
	Kind       string // one of the Kind constants
	Country    string // home country code, empty for international bodies
	Name       string
	Aliases    []string
	Start, End Date
	Notes      string
}

// Person is a person with the roles they held.
type Person struct {
	ID      string
	Name    string
	Aliases []string
	Roles   []Role // in file order
}

// Role is an office or position held over an interval.
type Role struct {
	Title   string // "prime minister", "army commander"
	Country string // country code, empty for international roles
	Code    string // CAMEO actor code while in the role, e.g. USAGOV
	Start   Date
	End     Date // zero = current
}

// Place kinds.
const (
	PlaceRegion = "region" // first-level administrative region
	PlaceArea   = "area"   // named area, sea, strait, geographic region
	PlaceCity   = "city"
)

// Place is an administrative region, named area or city.
type Place struct {
	ID         string
	Name       string
	Kind       string // region, area or city
	Country    string // country code, empty for areas spanning several
	Parent     string // id of the enclosing place, if any
	Aliases    []string
	Lat, Lon   float64 // approximate centre
	Population int     // 0 when unknown
}

// RoleAt returns the role p held at t: among the roles whose interval
// contains t, the one that started latest.
func (p *Person) RoleAt(t time.Time) (Role, bool) {
	var best Role
	found := false
	for _, r := range p.Roles {
		if During(t, r.Start, r.End) && (!found || r.Start.Compare(best.Start) > 0) {
			best, found = r, true
		}
	}
	return best, found
}

// RolesAt returns every role p held at t, in file order.
func (p *Person) RolesAt(t time.Time) []Role {
	var out []Role
	for _, r := range p.Roles {
		if During(t, r.Start, r.End) {
			out = append(out, r)
		}
	}
	return out
}

// ExistsAt reports whether the country existed at t (always true for one
// without start and end).
func (c *Country) ExistsAt(t time.Time) bool { return During(t, c.Start, c.End) }

// KB is a loaded knowledge base. Use Load or LoadDirs to make one; treat it
// as read-only afterwards.
type KB struct {
	Countries []Country
	Agents    []Agent
	Orgs      []Org
	People    []Person
	Places    []Place

	countryIdx, agentIdx, orgIdx, personIdx, placeIdx map[string]int
	countryName                                       map[string]int
}

// index builds the lookup maps.
func (k *KB) index() {
	k.countryIdx = make(map[string]int, len(k.Countries))
	k.countryName = make(map[string]int, 4*len(k.Countries))
	for i, c := range k.Countries {
		k.countryIdx[c.Code] = i
	}
	// Names of current states win over historical ones, so index those last.
	for _, current := range []bool{false, true} {
		for i, c := range k.Countries {
			if c.End.IsZero() != current {
				continue
			}
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				k.countryName[strings.ToLower(n)] = i
			}
		}
	}
	k.agentIdx = make(map[string]int, len(k.Agents))
	for i, a := range k.Agents {
		k.agentIdx[a.Code] = i
	}
	k.orgIdx = make(map[string]int, len(k.Orgs))
	for i, o := range k.Orgs {
		k.orgIdx[o.ID] = i
	}
	k.personIdx = make(map[string]int, len(k.People))
	for i, p := range k.People {
		k.personIdx[p.ID] = i
	}
	k.placeIdx = make(map[string]int, len(k.Places))
	for i, p := range k.Places {
		k.placeIdx[p.ID] = i
	}
}

func lookup[T any](items []T, idx map[string]int, key string) (*T, bool) {
	if i, ok := idx[key]; ok {
		return &items[i], true
	}
	return nil, false
}

// Country returns the country with the given code.
func (k *KB) Country(code string) (*Country, bool) { return lookup(k.Countries, k.countryIdx, code) }

// CountryByName returns the country whose name or alias is name, ignoring
// case; a current state wins over a historical one with the same name.
func (k *KB) CountryByName(name string) (*Country, bool) {
	return lookup(k.Countries, k.countryName, strings.ToLower(name))
}

// Agent returns the agent with the given code, e.g. "GOV".
func (k *KB) Agent(code string) (*Agent, bool) { return lookup(k.Agents, k.agentIdx, code) }

// Org returns the organisation with the given id.
func (k *KB) Org(id string) (*Org, bool) { return lookup(k.Orgs, k.orgIdx, id) }

// Person returns the person with the given id.
func (k *KB) Person(id string) (*Person, bool) { return lookup(k.People, k.personIdx, id) }

// Place returns the place with the given id.
func (k *KB) Place(id string) (*Place, bool) { return lookup(k.Places, k.placeIdx, id) }

// Stats counts the parts of a knowledge base.
type Stats struct {
	Countries  int
	Agents     int
	AgentTerms int
	Orgs       int
	OrgKinds   map[string]int // orgs per kind
	People     int            // distinct persons
	Roles      int
	Places     int
	PlaceKinds map[string]int // places per kind
}

// Stats returns the size of each part of k.
func (k *KB) Stats() Stats {
	s := Stats{
		Countries: len(k.Countries), Agents: len(k.Agents), Orgs: len(k.Orgs),
		People: len(k.People), Places: len(k.Places),
		OrgKinds: map[string]int{}, PlaceKinds: map[string]int{},
	}
	for _, a := range k.Agents {
		s.AgentTerms += len(a.Terms)
	}
	for _, o := range k.Orgs {
		s.OrgKinds[o.Kind]++
	}
	for _, p := range k.People {
		s.Roles += len(p.Roles)
	}
	for _, p := range k.Places {
		s.PlaceKinds[p.Kind]++
	}
	return s
}

// String formats s on one line, e.g. for a log or the README.
func (s Stats) String() string {
	return fmt.Sprintf("countries %d, agents %d (%d terms), orgs %d (%s), people %d (%d roles), places %d (%s)",
		s.Countries, s.Agents, s.AgentTerms, s.Orgs, kinds(s.OrgKinds), s.People, s.Roles, s.Places, kinds(s.PlaceKinds))
}

func kinds(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
