package ontology

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/tsv"
)

// Names of the embedded tables, relative to data/.
const (
	cameoFile  = "cameo.tsv"
	ploverFile = "plover.tsv"
	mapFile    = "cameo2plover.tsv"
)

// lineError is a problem on one line of one table.
func lineError(file string, line int, format string, args ...any) error {
	return tsv.Errorf("ontology/data/"+file, line, format, args...)
}

// readTSV calls fn for every line of data that is neither blank nor a
// comment ('#' first), with its 1-based line number and exactly ncols fields,
// and stops at the first problem. Trailing empty fields may be left out of a
// line.
func readTSV(file string, data []byte, ncols int, fn func(line int, f []string) error) error {
	var err error
	_, errs := tsv.Lines("ontology/data/"+file, data, func(n int, f []string) bool {
		if len(f) > ncols {
			err = lineError(file, n, "%d fields, want at most %d", len(f), ncols)
			return false
		}
		for len(f) < ncols {
			f = append(f, "")
		}
		err = fn(n, f)
		return err == nil
	})
	if len(errs) > 0 {
		return errs[0]
	}
	return err
}

// parse builds an Ontology from the three tables' contents.
func parse(cameo, plover, mapping []byte) (*Ontology, error) {
	o := &Ontology{byCode: map[string]int{}, modes: map[string][]string{}, descr: map[string]string{}}
	if err := o.parsePLOVER(plover); err != nil {
		return nil, err
	}
	if err := o.parseCAMEO(cameo); err != nil {
		return nil, err
	}
	if err := o.parseMapping(mapping); err != nil {
		return nil, err
	}
	return o, nil
}

func (o *Ontology) parsePLOVER(data []byte) error {
	err := readTSV(ploverFile, data, 4, func(n int, f []string) error {
		kind, name, typ, descr := f[0], f[1], f[2], f[3]
		if name == "" {
			return lineError(ploverFile, n, "empty name")
		}
		var key string
		switch kind {
		case "type":
			if typ != "" {
				return lineError(ploverFile, n, "type %s: third column must be empty", name)
			}
			if slices.Contains(o.types, name) {
				return lineError(ploverFile, n, "duplicate type %s", name)
			}
			o.types = append(o.types, name)
			key = "type:" + name
		case "mode":
			if !slices.Contains(o.types, typ) {
				return lineError(ploverFile, n, "mode %s of unknown type %q (types come first)", name, typ)
			}
			if slices.Contains(o.modes[typ], name) {
				return lineError(ploverFile, n, "duplicate mode %s of %s", name, typ)
			}
			o.modes[typ] = append(o.modes[typ], name)
			key = "mode:" + typ + ":" + name
		case "context":
			if typ != "" {
				return lineError(ploverFile, n, "context %s: third column must be empty", name)
			}
			if slices.Contains(o.contexts, name) {
				return lineError(ploverFile, n, "duplicate context %s", name)
			}
			o.contexts = append(o.contexts, name)
			key = "context:" + name
		default:
			return lineError(ploverFile, n, "kind %q, want type, mode or context", kind)
		}
		o.descr[key] = descr
		return nil
	})
	if err != nil {
		return err
	}
	if len(o.types) == 0 {
		return fmt.Errorf("ontology/data/%s: no PLOVER types", ploverFile)
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (o *Ontology) parseCAMEO(data []byte) error {
	lines := map[string]int{}
	err := readTSV(cameoFile, data, 5, func(n int, f []string) error {
		code, name := f[0], f[1]
		if !isDigits(code) || len(code) < 2 || len(code) > 4 {
			return lineError(cameoFile, n, "code %q: want 2 to 4 digits", code)
		}
		if _, dup := lines[code]; dup {
			return lineError(cameoFile, n, "duplicate code %s (first on line %d)", code, lines[code])
		}
		quad, penta, ok := RootClasses(code[:2])
		if !ok {
			return lineError(cameoFile, n, "code %s: root %s is not 01-20", code, code[:2])
		}
		if name == "" {
			return lineError(cameoFile, n, "code %s: empty name", code)
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || math.IsNaN(g) || g < -10 || g > 10 {
			return lineError(cameoFile, n, "code %s: goldstein %q: want a number from -10 to 10", code, f[2])
		}
		for i, want := range []int{quad, penta} {
			col := [...]string{"quad_class", "penta_class"}[i]
			got, err := strconv.Atoi(f[3+i])
			if err != nil {
				return lineError(cameoFile, n, "code %s: %s %q: %v", code, col, f[3+i], errors.Unwrap(err))
			}
			if got != want {
				return lineError(cameoFile, n, "code %s: %s %d, but root %s gives %d", code, col, got, code[:2], want)
			}
		}
		lines[code] = n
		o.byCode[code] = len(o.codes)
		o.codes = append(o.codes, Code{Code: code, Root: code[:2], Name: name, Goldstein: g, QuadClass: quad, PentaClass: penta})
		return nil
	})
	if err != nil {
		return err
	}
	if len(o.codes) == 0 {
		return fmt.Errorf("ontology/data/%s: no codes", cameoFile)
	}
	// Every subcode's parent must exist: the root for a 3-digit code, the
	// 3-digit code for a 4-digit one.
	for _, c := range o.codes {
		if len(c.Code) > 2 {
			parent := c.Code[:len(c.Code)-1]
			if len(c.Code) == 3 {
				parent = c.Root
			}
			if _, ok := o.byCode[parent]; !ok {
				return lineError(cameoFile, lines[c.Code], "code %s: parent %s is missing", c.Code, parent)
			}
		}
	}
	slices.SortFunc(o.codes, func(a, b Code) int { return strings.Compare(a.Code, b.Code) })
	for i, c := range o.codes {
		o.byCode[c.Code] = i
	}
	return nil
}

func (o *Ontology) parseMapping(data []byte) error {
	seen := map[string]bool{}
	err := readTSV(mapFile, data, 4, func(n int, f []string) error {
		code, typ, mode, ctx := f[0], f[1], f[2], f[3]
		i, ok := o.byCode[code]
		if !ok {
			return lineError(mapFile, n, "code %q is not in %s", code, cameoFile)
		}
		if seen[code] {
			return lineError(mapFile, n, "duplicate code %s", code)
		}
		seen[code] = true
		p := PLOVER{Type: typ, Mode: mode}
		if typ == "" {
			if mode != "" || ctx != "" {
				return lineError(mapFile, n, "code %s: mode or context without a type", code)
			}
		} else if !slices.Contains(o.types, typ) {
			return lineError(mapFile, n, "code %s: unknown PLOVER type %q", code, typ)
		}
		if mode != "" && !slices.Contains(o.modes[typ], mode) {
			return lineError(mapFile, n, "code %s: %q is not a mode of %s", code, mode, typ)
		}
		if ctx != "" {
			for c := range strings.SplitSeq(ctx, ";") {
				c = strings.TrimSpace(c)
				if !slices.Contains(o.contexts, c) {
					return lineError(mapFile, n, "code %s: unknown context %q", code, c)
				}
				p.Context = append(p.Context, c)
			}
		}
		o.codes[i].PLOVER = p
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range o.codes {
		if !seen[c.Code] {
			return fmt.Errorf("ontology/data/%s: code %s has no line (give it one, with an empty type if PLOVER has none)", mapFile, c.Code)
		}
	}
	return nil
}
