// Package ontology is sitrep's event codebook: every CAMEO event code of the
// twenty roots with its name, Goldstein weight, GDELT quad class and sitrep
// penta class, the PLOVER event types with their modes and the PLOVER
// contexts, and the mapping from each CAMEO code to a PLOVER type, mode and
// contexts.
//
// The tables are the project's own tab-separated files under data/, meant to
// be read and edited by people, and embedded in the binary. Load parses and
// checks them; the returned Ontology is read-only and safe for concurrent use.
package ontology

import (
	"embed"
	"fmt"
	"slices"
)

//go:embed data/*.tsv
var dataFS embed.FS

// PLOVER is the PLOVER coding of an event: its type (e.g. "REJECT"), its
// mode within the type (e.g. "meet"; empty when none applies) and its
// contexts (e.g. ["diplomatic"]; empty when none is given).
type PLOVER struct {
	Type, Mode string
	Context    []string
}

// Code is one CAMEO event code with everything the record derives from it.
type Code struct {
	// Code is the CAMEO code: two digits for a root ("19"), three or four
	// for a subcode ("190", "0311").
	Code string
	// Root is the two-digit root of Code ("03" for "0311").
	Root string
	// Name is the codebook's short name, e.g. "Make public statement".
	Name string
	// Goldstein is the Goldstein conflict-cooperation weight, -10 to +10.
	Goldstein float64
	// QuadClass is GDELT's quad class: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict.
	QuadClass int
	// PentaClass is sitrep's penta class: 0 public statement, 1 verbal
	// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
	// conflict.
	PentaClass int
	// PLOVER is the PLOVER coding of the code; its Type is empty where
	// PLOVER has no event for it (root 01, public statements).
	PLOVER PLOVER
}

// Ontology holds the loaded tables. It is never modified after Load, so one
// value may be shared by any number of goroutines.
type Ontology struct {
	codes    []Code         // in code order
	byCode   map[string]int // code -> index in codes
	types    []string       // PLOVER types, in file order
	modes    map[string][]string
	contexts []string
	descr    map[string]string // "type:X", "mode:X:m", "context:c" -> description
}

// Load parses the embedded tables and checks them against each other. A
// malformed line is reported as "ontology/data/cameo.tsv:12: ...".
func Load() (*Ontology, error) {
	var files [3][]byte
	for i, name := range []string{cameoFile, ploverFile, mapFile} {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("ontology: reading embedded %s: %w", name, err)
		}
		files[i] = b
	}
	return parse(files[0], files[1], files[2])
}

// Code returns the CAMEO code code ("0311", "125", "19") and whether it
// exists. The returned value shares nothing with the Ontology.
func (o *Ontology) Code(code string) (Code, bool) {
	i, ok := o.byCode[code]
	if !ok {
		return Code{}, false
	}
	return o.codes[i].clone(), true
}

// Codes returns every CAMEO code in code order (each root followed by its
// subcodes: "01", "010", ..., "02", "020", "021", "0211", ...).
func (o *Ontology) Codes() []Code {
	out := make([]Code, len(o.codes))
	for i, c := range o.codes {
		out[i] = c.clone()
	}
	return out
}

// Valid reports whether code is a CAMEO code of the ontology.
func (o *Ontology) Valid(code string) bool {
	_, ok := o.byCode[code]
	return ok
}

// Types returns the PLOVER event types in the order of the PLOVER manual.
func (o *Ontology) Types() []string { return slices.Clone(o.types) }

// Modes returns the modes of the PLOVER event type typ, or nil when it has
// none or is not a type.
func (o *Ontology) Modes(typ string) []string { return slices.Clone(o.modes[typ]) }

// Contexts returns the PLOVER general contexts.
func (o *Ontology) Contexts() []string { return slices.Clone(o.contexts) }

// Describe returns sitrep's short description of a PLOVER type (mode and
// context empty), of a mode of a type (context empty) or of a context (typ
// and mode empty), and whether there is one.
func (o *Ontology) Describe(typ, mode, context string) (string, bool) {
	var key string
	switch {
	case context != "" && typ == "" && mode == "":
		key = "context:" + context
	case typ != "" && mode != "" && context == "":
		key = "mode:" + typ + ":" + mode
	case typ != "" && mode == "" && context == "":
		key = "type:" + typ
	default:
		return "", false
	}
	d, ok := o.descr[key]
	return d, ok
}

func (c Code) clone() Code {
	c.PLOVER.Context = slices.Clone(c.PLOVER.Context)
	return c
}

// RootClasses returns the GDELT quad class and the sitrep penta class of a
// CAMEO root ("01".."20"), and false for anything else. The rules:
// quad 1 for roots 01-05, 2 for 06-09, 3 for 10-14, 4 for 15-20 (GDELT 2.0
// Event Codebook, QuadClass); penta 0 for 01, 1 for 02-05, 2 for 06-09, 3 for
// 10-14, 4 for 15-20 (sitrep DESIGN.md).
func RootClasses(root string) (quad, penta int, ok bool) {
	if len(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9' {
		return 0, 0, false
	}
	r := int(root[0]-'0')*10 + int(root[1]-'0')
	switch {
	case r == 1:
		return 1, 0, true
	case r >= 2 && r <= 5:
		return 1, 1, true
	case r >= 6 && r <= 9:
		return 2, 2, true
	case r >= 10 && r <= 14:
		return 3, 3, true
	case r >= 15 && r <= 20:
		return 4, 4, true
	}
	return 0, 0, false
}
