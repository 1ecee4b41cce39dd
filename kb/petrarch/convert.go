package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

// Actors is the conversion of one or more actor dictionaries.
type Actors struct {
	Entries   int // entries read
	Uncoded   int // entries without any code, not converted
	People    []kb.Person
	Orgs      []kb.Org
	Countries []CountryNames
}

// CountryNames is an entry coding a bare three-letter code ([AFG]): a
// country or region and the phrases that name it.
type CountryNames struct {
	Code  string
	Names []string // primary phrase first, title case
	Known bool     // the code is a country of the kb passed to ParseActors
	File  string
	Line  int
}

// ParseActors reads an actor dictionary and converts its entries (see the
// package documentation for the mapping). base supplies the known country
// codes; with nil no code counts as a known country. Ids are "pet-" and the
// slug of the primary phrase, made unique within the result.
func ParseActors(r io.Reader, name string, base *kb.KB) (*Actors, []error) {
	entries, errs := ReadActors(r, name)
	a := &Actors{Entries: len(entries)}
	known := func(code string) bool {
		if base == nil || len(code) < 3 {
			return false
		}
		_, ok := base.Country(code[:3])
		return ok
	}
	regions := map[string]bool{}
	if base != nil {
		for _, c := range base.Countries {
			regions[c.Region] = true
		}
	}
	// place reports whether a bare three-letter code names a country or
	// region rather than a kind of organisation.
	place := func(code string) bool {
		if base != nil {
			return known(code) || regions[code]
		}
		switch code {
		case "IGO", "NGO", "NGM", "IMG", "MNC":
			return false
		}
		return true
	}
	people, orgs := ids{}, ids{}
	for _, e := range entries {
		a.add(e, name, known, place, people, orgs)
	}
	return a, errs
}

// add converts one entry.
func (a *Actors) add(e Entry, file string, known, place func(string) bool, people, orgs ids) {
	if len(e.Codes) == 0 {
		a.Uncoded++
		return
	}
	name := Title(e.Name)
	aliases := aliasList(name, e.Synonyms)
	dated, bare := false, true
	for _, c := range e.Codes {
		dated = dated || c.Dated()
		bare = bare && !c.Dated() && len(c.Code) == 3 && c.Code == e.Codes[0].Code
	}
	bare = bare && place(e.Codes[0].Code)
	src := fmt.Sprintf("%s:%d", file, e.Line)
	switch {
	case bare:
		a.Countries = append(a.Countries, CountryNames{
			Code: e.Codes[0].Code, Names: append([]string{name}, aliases...),
			Known: known(e.Codes[0].Code), File: file, Line: e.Line,
		})
	case dated && !orgLook(e.Name):
		p := kb.Person{ID: people.next(name), Name: name, Aliases: aliases}
		for _, c := range e.Codes {
			r := kb.Role{Code: c.Code, Start: c.Start, End: c.End}
			if known(c.Code) {
				r.Country = c.Code[:3]
			}
			p.Roles = append(p.Roles, r)
		}
		a.People = append(a.People, p)
	default:
		for _, c := range e.Codes {
			o := kb.Org{
				ID: orgs.next(name), Code: c.Code, Kind: OrgKind(c.Code), Name: name, Aliases: aliases,
				Start: c.Start, End: c.End, Notes: "imported from " + src,
			}
			if known(c.Code) {
				o.Country = c.Code[:3]
			}
			a.Orgs = append(a.Orgs, o)
		}
	}
}

// Merge appends the entries of b to a, renaming ids of b that a already
// uses.
func (a *Actors) Merge(b *Actors) {
	a.Entries += b.Entries
	a.Uncoded += b.Uncoded
	a.Countries = append(a.Countries, b.Countries...)
	people, orgs := ids{}, ids{}
	for _, p := range a.People {
		people.use(p.ID)
	}
	for _, o := range a.Orgs {
		orgs.use(o.ID)
	}
	for _, p := range b.People {
		p.ID = people.unique(p.ID)
		a.People = append(a.People, p)
	}
	for _, o := range b.Orgs {
		o.ID = orgs.unique(o.ID)
		a.Orgs = append(a.Orgs, o)
	}
}

// aliasList returns the title-case synonyms, without repeats and without
// the name itself (ignoring case).
func aliasList(name string, synonyms []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, s := range synonyms {
		t := Title(s)
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// orgWords lists, between blanks, the words that mark a phrase as an
// organisation or body rather than a person.
const orgWords = ` PARTY FRONT ARMY MOVEMENT ORGANIZATION ORGANISATION COUNCIL COMMITTEE MINISTRY GROUP
 BRIGADE BRIGADES UNION ASSOCIATION FORCE FORCES GOVERNMENT COMMISSION BANK AGENCY OFFICE CORPS
 LEAGUE ALLIANCE CONGRESS ASSEMBLY PARLIAMENT COURT FEDERATION INSTITUTE FUND PROGRAMME PROGRAM
 CENTER CENTRE MISSION UNIVERSITY COMPANY CORPORATION NETWORK COALITION BLOC REGIME POLICE GUARD
 GUARDS MILITIA SECRETARIAT DEPARTMENT BUREAU SOCIETY FOUNDATION AUTHORITY NATIONS BOARD CABINET
 SENATE MINISTERS COMMAND `

// orgLook reports whether a phrase contains an organisation word.
func orgLook(p string) bool {
	set := " " + strings.Join(strings.Fields(orgWords), " ") + " "
	for _, w := range strings.Fields(strings.ToUpper(p)) {
		if strings.Contains(set, " "+w+" ") {
			return true
		}
	}
	return false
}

// OrgKind chooses the kb organisation kind for a CAMEO code: by its first
// three letters IGO -> igo, NGO/NGM -> ngo, IMG (international militarised
// group) -> armed, MNC -> company; otherwise by the first later group that
// says: REB/SEP/INS/UAF/IMG -> armed, PTY -> party, MED -> outlet, BUS/MNC
// -> company, JUD -> court, SPY -> agency, GOV/MIL/COP/LEG/ELI/PRE ->
// unit, OPP/EDU/HLH/REL/HRI/LAB/ENV/CVL/AGR/DEV/REF/NGO/CHR/MUS/JEW/BUD/HIN
// -> ngo, IGO -> igo. The default is unit.
func OrgKind(code string) string {
	groups := make([]string, 0, len(code)/3)
	for i := 0; i+3 <= len(code); i += 3 {
		groups = append(groups, code[i:i+3])
	}
	if len(groups) == 0 {
		return kb.KindUnit
	}
	switch groups[0] {
	case "IGO":
		return kb.KindIGO
	case "NGO", "NGM":
		return kb.KindNGO
	case "IMG":
		return kb.KindArmed
	case "MNC":
		return kb.KindCompany
	}
	for _, g := range groups[1:] {
		switch g {
		case "REB", "SEP", "INS", "UAF", "IMG":
			return kb.KindArmed
		case "PTY":
			return kb.KindParty
		case "MED":
			return kb.KindOutlet
		case "BUS", "MNC":
			return kb.KindCompany
		case "JUD":
			return kb.KindCourt
		case "SPY":
			return kb.KindAgency
		case "GOV", "MIL", "COP", "LEG", "ELI", "PRE":
			return kb.KindUnit
		case "OPP", "EDU", "HLH", "REL", "HRI", "LAB", "ENV", "CVL", "AGR", "DEV", "REF", "NGO",
			"CHR", "MUS", "JEW", "BUD", "HIN":
			return kb.KindNGO
		case "IGO":
			return kb.KindIGO
		}
	}
	return kb.KindUnit
}

// ids hands out unique ids: the slug of a name with the prefix "pet-", and
// a numeric suffix on clashes.
type ids map[string]bool

// next returns a new unique id for name.
func (s ids) next(name string) string { return s.unique("pet-" + slug(name)) }

// use records an id as taken.
func (s ids) use(id string) { s[id] = true }

// unique returns id, or id-2, id-3, ... if taken, and records it.
func (s ids) unique(id string) string {
	out := id
	for i := 2; s[out]; i++ {
		out = fmt.Sprintf("%s-%d", id, i)
	}
	s[out] = true
	return out
}

// slug lowercases ASCII letters and digits and joins the runs between
// them with '-'; other characters are dropped. An empty slug is "x".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}
