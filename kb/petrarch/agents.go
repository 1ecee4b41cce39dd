package petrarch

import (
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/kb"
)

// AgentEntry is one agent line of an agent dictionary, expanded.
type AgentEntry struct {
	Terms  []string // lowercase: the phrase, its plural or its substitution forms
	Code   string   // agent code without '~', e.g. "GOV" or "GOVMED"
	Prefix bool     // written "NGO~": PETRARCH puts the code before the actor's
	Line   int
}

// ParseAgents reads an agent dictionary: lines "PHRASE {plural} [~CODE]"
// and substitution sets "!NAME! = A, B, C". The regular plural of the last
// word is added unless {} gives another form or none; substituted forms get
// no plural. Lines it cannot interpret are reported and skipped.
func ParseAgents(r io.Reader, name string) ([]AgentEntry, []error) {
	lines, errs := readLines(r, name)
	subst := map[string][]string{}
	var out []AgentEntry
	for _, l := range lines {
		if strings.Contains(l.text, "!") && strings.Contains(l.text, "=") {
			if err := defineMarker(subst, l.text); err != nil {
				errs = append(errs, lineErr(name, l.n, "%v", err))
			}
			continue
		}
		e, err := parseAgent(subst, l.text)
		if err != nil {
			errs = append(errs, lineErr(name, l.n, "%v", err))
			continue
		}
		e.Line = l.n
		out = append(out, e)
	}
	return out, errs
}

// defineMarker reads "!NAME! = A, B, C" into subst.
func defineMarker(subst map[string][]string, s string) error {
	head, list, _ := strings.Cut(s, "=")
	head = strings.TrimSpace(head)
	if len(head) < 3 || head[0] != '!' || head[len(head)-1] != '!' || strings.Count(head, "!") != 2 {
		return fmt.Errorf("substitution set: bad marker %q (want !NAME! = A, B, ...)", head)
	}
	var items []string
	for _, it := range strings.Split(list, ",") {
		p, err := phrase(it)
		if err != nil {
			return fmt.Errorf("substitution set %s: %w", head, err)
		}
		items = append(items, p)
	}
	subst[head] = items
	return nil
}

// parseAgent reads one agent line.
func parseAgent(subst map[string][]string, s string) (AgentEntry, error) {
	var e AgentEntry
	head, rest, found := strings.Cut(s, "[")
	if !found {
		return e, fmt.Errorf("no [code]: agents need a code")
	}
	code, tail, found := strings.Cut(rest, "]")
	if !found {
		return e, fmt.Errorf("missing ']' in %q", "["+rest)
	}
	if t := strings.TrimSpace(tail); t != "" {
		return e, fmt.Errorf("unexpected text %q after the code", t)
	}
	code = strings.TrimSpace(code)
	switch {
	case strings.HasPrefix(code, "~"):
		e.Code = code[1:]
	case strings.HasSuffix(code, "~"):
		e.Code, e.Prefix = code[:len(code)-1], true
	default:
		return e, fmt.Errorf("code %q has no '~' (want [~CODE] or [CODE~])", code)
	}
	if !kb.IsCode(e.Code) {
		return e, fmt.Errorf("code %q is not a CAMEO code (uppercase, groups of three letters)", e.Code)
	}
	root, plural, hasPlural := head, "", false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head, '}')
		if j < i {
			return e, fmt.Errorf("missing '}' in %q", head)
		}
		if t := strings.TrimSpace(head[j+1:]); t != "" {
			return e, fmt.Errorf("unexpected text %q after the plural", t)
		}
		root, plural, hasPlural = head[:i], strings.TrimSpace(head[i+1:j]), true
	}
	var forms []string
	if i := strings.IndexByte(root, '!'); i >= 0 {
		j := strings.IndexByte(root[i+1:], '!')
		if j < 0 {
			return e, fmt.Errorf("substitution marker in %q has no closing '!'", strings.TrimSpace(root))
		}
		marker := root[i : i+j+2]
		items, ok := subst[marker]
		if !ok {
			return e, fmt.Errorf("substitution marker %s is not defined", marker)
		}
		for _, it := range items {
			forms = append(forms, root[:i]+it+root[i+j+2:])
		}
	} else {
		forms = []string{root}
	}
	for _, f := range forms {
		if strings.Contains(f, "!") {
			return e, fmt.Errorf("more than one substitution marker in %q", strings.TrimSpace(root))
		}
		p, err := phrase(f)
		if err != nil {
			return e, err
		}
		e.Terms = append(e.Terms, strings.ToLower(p))
	}
	switch {
	case hasPlural && plural != "":
		p, err := phrase(plural)
		if err != nil {
			return e, fmt.Errorf("plural: %w", err)
		}
		e.Terms = append(e.Terms, strings.ToLower(p))
	case !hasPlural && len(forms) == 1 && !strings.Contains(root, "!"):
		e.Terms = append(e.Terms, Plural(e.Terms[0]))
	}
	return e, nil
}

// Plural returns the regular English plural of a phrase's last word: -ies
// after a consonant and 'y', -es after s, x, z, ch and sh, -s otherwise.
// PETRARCH's own rule (-ies after any 'y', -es after any 's') differs only
// for a vowel before 'y' and for x, z, ch and sh endings.
func Plural(p string) string {
	n := len(p)
	switch {
	case n >= 2 && p[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(p[n-2])):
		return p[:n-1] + "ies"
	case strings.HasSuffix(p, "s") || strings.HasSuffix(p, "x") || strings.HasSuffix(p, "z") ||
		strings.HasSuffix(p, "ch") || strings.HasSuffix(p, "sh"):
		return p + "es"
	}
	return p + "s"
}

// AgentStats counts what ToKB did with the entries.
type AgentStats struct {
	Narrowed  int // entries whose code was longer than three letters
	Prefix    int // entries with a prefix code (NGO~, IGO~)
	Conflicts int // terms dropped because an earlier entry gave them another sector
}

// ToKB groups agent entries into kb agents by sector: the first three
// letters of the code (GOVMED -> GOV), since kb agents are three-letter
// sectors. A term stays with the first sector that lists it. Agents come in
// order of first appearance; terms keep file order without repeats.
func ToKB(entries []AgentEntry) ([]kb.Agent, AgentStats) {
	var st AgentStats
	var out []kb.Agent
	idx := map[string]int{}
	owner := map[string]string{}
	for _, e := range entries {
		sector := e.Code[:3]
		if len(e.Code) > 3 {
			st.Narrowed++
		}
		if e.Prefix {
			st.Prefix++
		}
		i, ok := idx[sector]
		if !ok {
			i = len(out)
			idx[sector] = i
			out = append(out, kb.Agent{Code: sector, Notes: "imported from PETRARCH agents"})
		}
		for _, t := range e.Terms {
			switch o, seen := owner[t]; {
			case !seen:
				owner[t] = sector
				out[i].Terms = append(out[i].Terms, t)
			case o != sector:
				st.Conflicts++
			}
		}
	}
	return out, st
}
