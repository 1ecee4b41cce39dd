package kb

import (
	"strconv"
	"strings"
)

// pos locates an entry in a data file.
type pos struct {
	file string
	line int
}

// item is one parsed entry with its id and where it was read; rolePos
// locates each role of a person.
type item[T any] struct {
	id      string
	v       T
	at      pos
	rolePos []pos
}

// Columns each kind of file must have, space-separated (see columns).
const (
	countryCols = "code iso2 name aliases adjectives people capital metonyms region start end"
	agentCols   = "code terms"
	orgCols     = "id code kind country name aliases start end"
	peopleCols  = "id name aliases role country code start end"
	placeCols   = "id name aliases kind country lat lon population parent"
)

// columns splits a column list constant.
func columns(s string) []string { return strings.Fields(s) }

// rows calls fn for each row of t with an error collector, and reports
// rows whose key repeats one seen before in the same file.
func rows[T any](t *table, key string, fn func(r row, e *rowErrs) (T, bool)) ([]item[T], []error) {
	var out []item[T]
	var errs []error
	seen := map[string]int{}
	for _, r := range t.rows {
		e := &rowErrs{file: t.file, line: r.line}
		id := t.get(r, key)
		if !isID(id) {
			e.add("%s: missing or malformed %q", key, id)
		} else if first, dup := seen[id]; dup {
			e.add("duplicate %s %q (first on line %d)", key, id, first)
		}
		v, ok := fn(r, e)
		if len(e.errs) > 0 || !ok {
			errs = append(errs, e.errs...)
			continue
		}
		seen[id] = r.line
		out = append(out, item[T]{id: id, v: v, at: pos{t.file, r.line}})
	}
	return out, errs
}

func parseCountries(t *table) ([]item[Country], []error) {
	return rows(t, "code", func(r row, e *rowErrs) (Country, bool) {
		c := Country{
			Code: t.get(r, "code"), ISO2: t.get(r, "iso2"), Name: t.get(r, "name"),
			Aliases:    e.list("aliases", t.get(r, "aliases")),
			Adjectives: e.list("adjectives", t.get(r, "adjectives")),
			People:     e.list("people", t.get(r, "people")),
			Capital:    t.get(r, "capital"),
			Metonyms:   e.list("metonyms", t.get(r, "metonyms")),
			Region:     t.get(r, "region"),
		}
		c.Start, c.End = e.interval(t.get(r, "start"), t.get(r, "end"))
		if !isCountryCode(c.Code) {
			e.add("code: %q is not three uppercase letters", c.Code)
		}
		if c.ISO2 != "" && (len(c.ISO2) != 2 || !isCountryCode(c.ISO2+"A")) {
			e.add("iso2: %q is not two uppercase letters", c.ISO2)
		}
		if c.Region != "" && !isCountryCode(c.Region) {
			e.add("region: %q is not three uppercase letters", c.Region)
		}
		if c.Name == "" {
			e.add("name: empty")
		}
		return c, true
	})
}

func parseAgents(t *table) ([]item[Agent], []error) {
	return rows(t, "code", func(r row, e *rowErrs) (Agent, bool) {
		a := Agent{Code: t.get(r, "code"), Terms: e.list("terms", t.get(r, "terms")), Notes: t.get(r, "notes")}
		if !isCountryCode(a.Code) {
			e.add("code: %q is not three uppercase letters", a.Code)
		}
		if len(a.Terms) == 0 {
			e.add("terms: empty")
		}
		return a, true
	})
}

func parseOrgs(t *table) ([]item[Org], []error) {
	return rows(t, "id", func(r row, e *rowErrs) (Org, bool) {
		o := Org{
			ID: t.get(r, "id"), Code: t.get(r, "code"), Kind: strings.ToLower(t.get(r, "kind")),
			Country: t.get(r, "country"), Name: t.get(r, "name"),
			Aliases: e.list("aliases", t.get(r, "aliases")), Notes: t.get(r, "notes"),
		}
		o.Start, o.End = e.interval(t.get(r, "start"), t.get(r, "end"))
		if !IsCode(o.Code) {
			e.add("code: %q is not a CAMEO-style code (uppercase, groups of three)", o.Code)
		}
		switch o.Kind {
		case KindIGO, KindNGO, KindArmed, KindParty, KindUnit, KindOutlet, KindAgency, KindCompany, KindCourt:
		default:
			e.add("kind: %q is not one of igo, ngo, armed, party, unit, outlet, agency, company, court", o.Kind)
		}
		if o.Country != "" && !isCountryCode(o.Country) {
			e.add("country: %q is not three uppercase letters", o.Country)
		}
		if o.Name == "" {
			e.add("name: empty")
		}
		return o, true
	})
}

// parsePeople reads one row per role; rows with the same id are merged
// into one person whose name and aliases come from the first row that has
// them.
func parsePeople(t *table) ([]item[Person], []error) {
	var out []item[Person]
	var errs []error
	idx := map[string]int{}
	for _, r := range t.rows {
		e := &rowErrs{file: t.file, line: r.line}
		id, name := t.get(r, "id"), t.get(r, "name")
		aliases := e.list("aliases", t.get(r, "aliases"))
		role := Role{Title: t.get(r, "role"), Country: t.get(r, "country"), Code: t.get(r, "code")}
		role.Start, role.End = e.interval(t.get(r, "start"), t.get(r, "end"))
		if !isID(id) {
			e.add("id: missing or malformed %q", id)
		}
		if role.Country != "" && !isCountryCode(role.Country) {
			e.add("country: %q is not three uppercase letters", role.Country)
		}
		if role.Code != "" && !IsCode(role.Code) {
			e.add("code: %q is not a CAMEO-style code (uppercase, groups of three)", role.Code)
		}
		if len(e.errs) > 0 {
			errs = append(errs, e.errs...)
			continue
		}
		i, ok := idx[id]
		if !ok {
			i = len(out)
			idx[id] = i
			out = append(out, item[Person]{id: id, v: Person{ID: id}, at: pos{t.file, r.line}})
		}
		p := &out[i]
		if p.v.Name == "" {
			p.v.Name = name
		}
		if len(p.v.Aliases) == 0 {
			p.v.Aliases = aliases
		}
		if role.Title != "" || role.Code != "" {
			p.v.Roles = append(p.v.Roles, role)
			p.rolePos = append(p.rolePos, pos{t.file, r.line})
		}
	}
	return out, errs
}

func parsePlaces(t *table) ([]item[Place], []error) {
	return rows(t, "id", func(r row, e *rowErrs) (Place, bool) {
		p := Place{
			ID: t.get(r, "id"), Name: t.get(r, "name"), Kind: strings.ToLower(t.get(r, "kind")),
			Country: t.get(r, "country"), Parent: t.get(r, "parent"),
			Aliases: e.list("aliases", t.get(r, "aliases")),
		}
		switch p.Kind {
		case PlaceRegion, PlaceArea, PlaceCity:
		default:
			e.add("kind: %q is not region, area or city", p.Kind)
		}
		if p.Country != "" && !isCountryCode(p.Country) {
			e.add("country: %q is not three uppercase letters", p.Country)
		}
		if p.Name == "" {
			e.add("name: empty")
		}
		p.Lat = coord(e, "lat", t.get(r, "lat"), 90)
		p.Lon = coord(e, "lon", t.get(r, "lon"), 180)
		if s := t.get(r, "population"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				e.add("population: %q is not a non-negative integer", s)
			}
			p.Population = n
		}
		return p, true
	})
}

// coord parses a latitude or longitude within ±limit.
func coord(e *rowErrs, col, s string, limit float64) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < -limit || v > limit || v != v {
		e.add("%s: %q is not a number in [-%g, %g]", col, s, limit, limit)
		return 0
	}
	return v
}
