// Package attribeval scores attribution finding against PolNeAR, the
// Political News Attribution Relations corpus: it reads the corpus's brat
// standoff (.ann) files and the texts they annotate, and counts how many
// gold source, cue and content spans a predicted span of the same kind
// shares a token with.
package attribeval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// The kinds of span an attribution relates.
const (
	Source  = "Source"
	Cue     = "Cue"
	Content = "Content"
)

// Span is one text-bound annotation ("T" line) of a brat file: its id,
// kind and fragments, code point offsets into the text (a discontinuous
// annotation has several fragments).
type Span struct {
	ID    string
	Kind  string
	Frags []doc.Span
	// Text is the annotated text as the file gives it (fragments joined by
	// a space, cut at the first line break).
	Text string
}

// Relation is one attribution event ("E" line): the ids of its spans by
// role. Source is empty for an attribution without a source.
type Relation struct {
	ID   string
	Type string
	// Trigger is the id of the event's trigger span.
	Trigger string
	Source  string
	Cue     string
	// Content lists the content spans (PolNeAR allows a second one).
	Content []string
}

// Ann is the content of one .ann file.
type Ann struct {
	Spans     []Span
	Relations []Relation
}

// Span returns the span with the given id, or nil.
func (a *Ann) Span(id string) *Span {
	for i := range a.Spans {
		if a.Spans[i].ID == id {
			return &a.Spans[i]
		}
	}
	return nil
}

// ReadAnn reads a brat standoff file; name is used in error messages.
// Text-bound ("T") and event ("E") lines are kept; notes, attributes and
// relations are skipped, and so are the lines that continue a "T" line's
// text past a line break (brat writes the span text verbatim).
func ReadAnn(r io.Reader, name string) (*Ann, error) {
	a := &Ann{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || !isID(id) {
			continue // a continuation of the previous span's text
		}
		switch id[0] {
		case 'T':
			s, err := parseSpan(id, rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			a.Spans = append(a.Spans, s)
		case 'E':
			e, err := parseEvent(id, rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			a.Relations = append(a.Relations, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// isID reports whether s looks like a brat annotation id: a letter or '*'
// and then digits.
func isID(s string) bool {
	if len(s) < 2 {
		return s == "*"
	}
	if (s[0] < 'A' || s[0] > 'Z') && s[0] != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseSpan parses the fields after the id of a "T" line:
// "Kind start end[;start end]...\ttext".
func parseSpan(id, rest string) (Span, error) {
	head, text, _ := strings.Cut(rest, "\t")
	kind, offs, ok := strings.Cut(head, " ")
	if !ok || kind == "" {
		return Span{}, fmt.Errorf("span %s: want \"Kind start end\", got %q", id, head)
	}
	s := Span{ID: id, Kind: kind, Text: text}
	for frag := range strings.SplitSeq(offs, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		if !ok {
			return Span{}, fmt.Errorf("span %s: bad fragment %q", id, frag)
		}
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || start < 0 || end < start {
			return Span{}, fmt.Errorf("span %s: bad offsets %q", id, frag)
		}
		s.Frags = append(s.Frags, doc.Span{Start: start, End: end})
	}
	return s, nil
}

// parseEvent parses the fields after the id of an "E" line:
// "Type:T1 Role:T2 ...".
func parseEvent(id, rest string) (Relation, error) {
	e := Relation{ID: id}
	for i, f := range strings.Fields(rest) {
		role, ref, ok := strings.Cut(f, ":")
		if !ok || ref == "" {
			return Relation{}, fmt.Errorf("event %s: bad argument %q", id, f)
		}
		if i == 0 {
			e.Type, e.Trigger = role, ref
			continue
		}
		switch strings.TrimRight(role, "0123456789") {
		case Source:
			e.Source = ref
		case Cue:
			e.Cue = ref
		case Content:
			e.Content = append(e.Content, ref)
		}
	}
	if e.Type == "" {
		return Relation{}, fmt.Errorf("event %s: no type", id)
	}
	return e, nil
}

// GoldSpans returns the spans of a that some relation uses as its source,
// cue or content, with their kinds, each once.
func (a *Ann) GoldSpans() []Span {
	seen := make(map[string]bool)
	var out []Span
	add := func(id, kind string) {
		if id == "" || seen[id] {
			return
		}
		s := a.Span(id)
		if s == nil {
			return
		}
		seen[id] = true
		c := *s
		c.Kind = kind
		out = append(out, c)
	}
	for _, e := range a.Relations {
		add(e.Source, Source)
		add(e.Cue, Cue)
		for _, c := range e.Content {
			add(c, Content)
		}
	}
	return out
}
