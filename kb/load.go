package kb

import (
	"embed"
	"errors"
	"fmt"
	"github.com/sitrep/sitrep/internal/tsv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed data/*.tsv
var embedded embed.FS

// Load returns the knowledge base built from the embedded data only.
func Load() (*KB, error) { return LoadDirs() }

// LoadDirs loads the embedded data, then each directory in turn: its
// countries.tsv, agents.tsv, orgs*.tsv, people*.tsv and places*.tsv (all
// optional) add entries or replace those with the same id (code for
// countries and agents). Other *.tsv files in a directory are reported.
//
// Every malformed line is reported as "file:line: problem" (see LineError),
// as are references to unknown countries or parent places. On error,
// LoadDirs still returns a KB built from the valid lines, together with an
// error joining all problems found.
func LoadDirs(dirs ...string) (*KB, error) {
	l := &loader{}
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	l.layer(sub, func(name string) string { return "kb/data/" + name })
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			l.errs = append(l.errs, fmt.Errorf("kb: %s: not a readable directory", d))
			continue
		}
		l.layer(os.DirFS(d), func(name string) string { return filepath.Join(d, name) })
	}
	return l.finish()
}

// set holds entries by id in first-seen order; a later put with a known id
// replaces the entry in place.
type set[T any] struct {
	items []item[T]
	idx   map[string]int
}

func (s *set[T]) put(it item[T]) {
	if s.idx == nil {
		s.idx = map[string]int{}
	}
	if i, ok := s.idx[it.id]; ok {
		s.items[i] = it
		return
	}
	s.idx[it.id] = len(s.items)
	s.items = append(s.items, it)
}

// loader accumulates the layers of one LoadDirs call.
type loader struct {
	countries set[Country]
	agents    set[Agent]
	orgs      set[Org]
	people    set[Person]
	places    set[Place]
	errs      []error
}

// layer reads one source of data files; name maps a file name in fsys to
// the name used in error messages.
func (l *loader) layer(fsys fs.FS, name func(string) string) {
	files, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		l.errs = append(l.errs, err)
		return
	}
	sort.Strings(files)
	orgs, places := map[string]pos{}, map[string]pos{}
	var people set[Person]
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			l.errs = append(l.errs, fmt.Errorf("kb: %s: %v", name(f), err))
			continue
		}
		file := name(f)
		switch {
		case f == "countries.tsv":
			l.countries.putAll(read(l, file, data, columns(countryCols), parseCountries), nil, &l.errs)
		case f == "agents.tsv":
			l.agents.putAll(read(l, file, data, columns(agentCols), parseAgents), nil, &l.errs)
		case strings.HasPrefix(f, "orgs"):
			l.orgs.putAll(read(l, file, data, columns(orgCols), parseOrgs), orgs, &l.errs)
		case strings.HasPrefix(f, "places"):
			l.places.putAll(read(l, file, data, columns(placeCols), parsePlaces), places, &l.errs)
		case strings.HasPrefix(f, "people"):
			for _, it := range read(l, file, data, columns(peopleCols), parsePeople) {
				if i, ok := people.idx[it.id]; ok {
					p := &people.items[i]
					p.v.Roles = append(p.v.Roles, it.v.Roles...)
					p.rolePos = append(p.rolePos, it.rolePos...)
					continue
				}
				people.put(it)
			}
		default:
			l.errs = append(l.errs, fmt.Errorf("kb: %s: unknown data file (want countries.tsv, agents.tsv, orgs*.tsv, people*.tsv or places*.tsv)", file))
		}
	}
	for _, it := range people.items {
		l.people.put(it)
	}
}

// read parses one file with the given columns and row parser.
func read[T any](l *loader, file string, data []byte, cols []string, parse func(*table) ([]item[T], []error)) []item[T] {
	t, errs := parseTSV(file, data, cols)
	l.errs = append(l.errs, errs...)
	if t == nil {
		return nil
	}
	items, errs := parse(t)
	l.errs = append(l.errs, errs...)
	return items
}

// putAll adds items to s; when seen is non-nil, an id already read from
// another file of the same layer is reported instead.
func (s *set[T]) putAll(items []item[T], seen map[string]pos, errs *[]error) {
	for _, it := range items {
		if seen != nil {
			if p, dup := seen[it.id]; dup {
				*errs = append(*errs, tsv.Errorf(it.at.file, it.at.line, "duplicate id %q (first at %s:%d)", it.id, p.file, p.line))
				continue
			}
			seen[it.id] = it.at
		}
		s.put(it)
	}
}

// finish checks references between the merged parts and builds the KB.
func (l *loader) finish() (*KB, error) {
	k := &KB{}
	for _, it := range l.countries.items {
		k.Countries = append(k.Countries, it.v)
	}
	for _, it := range l.agents.items {
		k.Agents = append(k.Agents, it.v)
	}
	for _, it := range l.orgs.items {
		k.Orgs = append(k.Orgs, it.v)
	}
	for _, it := range l.people.items {
		k.People = append(k.People, it.v)
	}
	for _, it := range l.places.items {
		k.Places = append(k.Places, it.v)
	}
	k.index()
	errs := l.errs
	ref := func(at pos, what, code string) {
		if code == "" {
			return
		}
		if _, ok := k.countryIdx[code]; !ok {
			errs = append(errs, tsv.Errorf(at.file, at.line, "%s: unknown country code %q", what, code))
		}
	}
	for _, it := range l.orgs.items {
		ref(it.at, "country", it.v.Country)
	}
	for _, it := range l.people.items {
		if it.v.Name == "" {
			errs = append(errs, tsv.Errorf(it.at.file, it.at.line, "person %q has no name on any row", it.id))
		}
		for i, r := range it.v.Roles {
			ref(it.rolePos[i], "country", r.Country)
		}
	}
	for _, it := range l.places.items {
		ref(it.at, "country", it.v.Country)
		if it.v.Parent != "" {
			if _, ok := k.placeIdx[it.v.Parent]; !ok {
				errs = append(errs, tsv.Errorf(it.at.file, it.at.line, "parent: unknown place %q", it.v.Parent))
			}
		}
	}
	return k, errors.Join(errs...)
}
