package petrarch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

// File names Write uses; kb.LoadDirs reads them from a user directory.
const (
	PeopleFile    = "people-imported.tsv"
	OrgsFile      = "orgs-imported.tsv"
	AgentsFile    = "agents.tsv"    // kb reads agents from agents.tsv only
	CountriesFile = "countries.tsv" // kb reads countries from countries.tsv only
)

// Options controls Write.
type Options struct {
	// Base is the knowledge base the output will be layered on (kb.Load()).
	// Agents and countries in a user directory replace those with the same
	// code, so Write merges imported terms and names into Base's entries.
	// With nil Base, imported agents are written as they are.
	Base *kb.KB
	// Countries adds the names of country entries ([AFG]) as aliases of the
	// Base countries, written to countries.tsv. Off by default: the
	// dictionaries list cities and provinces as country synonyms.
	Countries bool
}

// Written reports what Write wrote.
type Written struct {
	Files          []string // paths written
	People, Roles  int
	Orgs           int
	Agents, Terms  int // agents written and their terms, base terms included
	NewTerms       int // imported terms added
	ClashTerms     int // imported terms left out: Base gives them to another agent
	Countries      int // countries given new aliases
	CountryAliases int // aliases added
}

// Write writes the converted entries as kb data files into dir (created if
// needed): people-imported.tsv, orgs-imported.tsv, agents.tsv (when there
// are agents) and countries.tsv (with Options.Countries). Files without
// entries are not written. kb.LoadDirs(dir) reads the result.
func Write(dir string, a *Actors, agents []kb.Agent, opts Options) (Written, error) {
	var w Written
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return w, fmt.Errorf("petrarch: create output directory: %w", err)
	}
	put := func(name string, rows [][]string) error {
		if len(rows) <= 1 {
			return nil
		}
		var b strings.Builder
		b.WriteString("# Imported from PETRARCH/Phoenix dictionaries by \"sitrep kb import\"; see kb/doc.go for the format.\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("petrarch: write %s: %w", name, err)
		}
		w.Files = append(w.Files, p)
		return nil
	}
	if a != nil {
		if err := put(PeopleFile, peopleRows(a.People, &w)); err != nil {
			return w, err
		}
		if err := put(OrgsFile, orgRows(a.Orgs, &w)); err != nil {
			return w, err
		}
	}
	merged := mergeAgents(opts.Base, agents, &w)
	rows := [][]string{{"code", "terms", "notes"}}
	for _, ag := range merged {
		rows = append(rows, []string{ag.Code, strings.Join(ag.Terms, "|"), ag.Notes})
	}
	if err := put(AgentsFile, rows); err != nil {
		return w, err
	}
	if opts.Countries && opts.Base != nil && a != nil {
		if err := put(CountriesFile, countryRows(opts.Base, a.Countries, &w)); err != nil {
			return w, err
		}
	}
	return w, nil
}

func peopleRows(people []kb.Person, w *Written) [][]string {
	rows := [][]string{{"id", "name", "aliases", "role", "country", "code", "start", "end"}}
	for _, p := range people {
		w.People++
		for i, r := range p.Roles {
			name, aliases := "", ""
			if i == 0 {
				name, aliases = p.Name, strings.Join(p.Aliases, "|")
			}
			rows = append(rows, []string{p.ID, name, aliases, r.Title, r.Country, r.Code, r.Start.String(), r.End.String()})
			w.Roles++
		}
	}
	return rows
}

func orgRows(orgs []kb.Org, w *Written) [][]string {
	rows := [][]string{{"id", "code", "kind", "country", "name", "aliases", "start", "end", "notes"}}
	for _, o := range orgs {
		rows = append(rows, []string{o.ID, o.Code, o.Kind, o.Country, o.Name, strings.Join(o.Aliases, "|"),
			o.Start.String(), o.End.String(), o.Notes})
		w.Orgs++
	}
	return rows
}

// mergeAgents adds the imported terms to the base agents of the same code
// and keeps new codes as new agents; a term the base gives to another agent
// is left out, since a term belongs to one agent only.
func mergeAgents(base *kb.KB, imported []kb.Agent, w *Written) []kb.Agent {
	owner := map[string]string{}
	if base != nil {
		for _, ag := range base.Agents {
			for _, t := range ag.Terms {
				owner[t] = ag.Code
			}
		}
	}
	var out []kb.Agent
	for _, im := range imported {
		ag := kb.Agent{Code: im.Code, Notes: im.Notes}
		if base != nil {
			if b, ok := base.Agent(im.Code); ok {
				ag.Terms, ag.Notes = append([]string(nil), b.Terms...), b.Notes
			}
		}
		for _, t := range im.Terms {
			switch o, ok := owner[t]; {
			case !ok:
				owner[t] = im.Code
				ag.Terms = append(ag.Terms, t)
				w.NewTerms++
			case o != im.Code:
				w.ClashTerms++
			}
		}
		if len(ag.Terms) > 0 {
			out = append(out, ag)
			w.Agents++
			w.Terms += len(ag.Terms)
		}
	}
	return out
}

// countryRows copies the base countries that gain names and adds those
// names as aliases.
func countryRows(base *kb.KB, names []CountryNames, w *Written) [][]string {
	rows := [][]string{{"code", "iso2", "name", "aliases", "adjectives", "people", "capital", "metonyms", "region", "start", "end"}}
	extra := map[string][]string{}
	var order []string
	for _, cn := range names {
		c, ok := base.Country(cn.Code)
		if !ok {
			continue
		}
		have := map[string]bool{}
		for _, l := range [][]string{{c.Name, c.Capital}, c.Aliases, c.Adjectives, c.People, c.Metonyms, extra[c.Code]} {
			for _, n := range l {
				have[strings.ToLower(n)] = true
			}
		}
		for _, n := range cn.Names {
			if k := strings.ToLower(n); !have[k] {
				have[k] = true
				if extra[c.Code] == nil {
					order = append(order, c.Code)
				}
				extra[c.Code] = append(extra[c.Code], n)
			}
		}
	}
	for _, code := range order {
		c, _ := base.Country(code)
		j := func(l []string) string { return strings.Join(l, "|") }
		rows = append(rows, []string{c.Code, c.ISO2, c.Name, j(append(append([]string(nil), c.Aliases...), extra[code]...)),
			j(c.Adjectives), j(c.People), c.Capital, j(c.Metonyms), c.Region, c.Start.String(), c.End.String()})
		w.Countries++
		w.CountryAliases += len(extra[code])
	}
	return rows
}
