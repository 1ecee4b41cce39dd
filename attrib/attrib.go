// Package attrib finds attributions in a parsed document: who is said to
// have said, reported or thought what. An attribution relates a source
// ("Axios", "five sources familiar with the matter"), a cue ("reported",
// "according to") and a content (the clause or quotation attributed). It
// also gives each attribution its chain of sources, outermost first
// ("according to a report by Axios citing five sources": Axios, then five
// anonymous sources), and says whether the text hedges it ("reportedly",
// "is said to").
//
// Find works on the dependency trees and the resolved mentions of a Doc
// in one cheap pass per sentence; an Index then answers, for any token,
// which attribution covers it, so that the event coder can give each event
// record its sourcing (event.Attribution). A token no attribution covers
// is in the publisher's own voice.
package attrib

import (
	"slices"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// Roles of the links of a chain.
const (
	RoleOutlet       = "outlet"       // a news outlet or agency
	RolePerson       = "person"       // a named person
	RoleOrganisation = "organisation" // a named state, government, group or body
	RoleAnonymous    = "anonymous"    // unnamed sources ("two officials")
	RoleDocument     = "document"     // a report, statement or study of no named author
	RoleOther        = "other"        // anything else ("he", "critics")
)

// Voices of an attribution, as in the event record.
const (
	VoicePublisher = "publisher" // the article's own voice
	VoiceCited     = "cited"     // on someone else's word
)

// Link is one source of an attribution chain.
type Link struct {
	// Role is one of the Role constants.
	Role string `json:"role"`
	// Name is the canonical name of a named source (outlet, person,
	// organisation), from its mention.
	Name string `json:"name,omitempty"`
	// Code is the actor code of the source's mention ("USAGOV"), when it
	// has one; Country its country.
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
	// Affiliations lists the countries of anonymous sources ("a US
	// official, an Israeli official": USA, ISR), each once.
	Affiliations []string `json:"affiliations,omitempty"`
	// Cue is the cue that introduces this source ("according to",
	// "citing", "cited by").
	Cue string `json:"cue,omitempty"`
	// Count is the number of anonymous sources when the text gives it
	// (coordinated counts summed); 0 when it does not.
	Count int `json:"count,omitempty"`
	// Text is the source as written, and Span where.
	Text string   `json:"text"`
	Span doc.Span `json:"span"`
	// resolved marks a link taken from elsewhere (the author of a report,
	// an earlier report) whose text the phrase must not replace.
	resolved bool
}

// Attribution is one attribution relation. Spans are code point offsets
// into the document text; an empty span is absent.
type Attribution struct {
	// Sentence is the index in Doc.Sentences of the sentence of the cue.
	Sentence int
	// Source is who the content is attributed to; empty for a hedge or a
	// passive with no agent ("is said to").
	Source doc.Span
	// Cue is the word or phrase that marks the attribution ("said",
	// "according to"); empty for a hedge alone.
	Cue doc.Span
	// Content is the extent of what is attributed. Tokens of the source
	// and cue inside it are not covered.
	Content doc.Span
	// Hedge is the hedging word ("reportedly"), when there is one.
	Hedge doc.Span
	// Chain lists the sources, outermost first.
	Chain []Link
	// Hedged reports whether the text hedges the content.
	Hedged bool
	// Continued reports that the attribution carries the chain of the
	// sentence before (a hedge right after "X reported that ...").
	Continued bool
	// Rule names the rule that found the attribution.
	Rule string
	// lemma is the lemma of the cue verb, when the verb rule found it.
	lemma string
	// main reports that the cue verb heads the main clause of its
	// sentence.
	main bool
}

// Covers reports whether the attribution covers the text [start, end):
// inside its content and outside its source and cue.
func (a *Attribution) Covers(start, end int) bool {
	if start < a.Content.Start || end > a.Content.End || a.Content.IsZero() {
		return false
	}
	in := func(s doc.Span) bool { return !s.IsZero() && start >= s.Start && end <= s.End }
	return !in(a.Source) && !in(a.Cue)
}

// Event returns the attribution as the event record gives it: voice cited,
// the hedge, and the chain. A nil attribution is the publisher's voice.
func (a *Attribution) Event() *event.Attribution {
	if a == nil {
		return &event.Attribution{Voice: VoicePublisher}
	}
	e := &event.Attribution{Voice: VoiceCited, Hedged: a.Hedged}
	for _, l := range a.Chain {
		e.Chain = append(e.Chain, event.Source{Role: l.Role, Name: l.Name, Cue: l.Cue, Count: l.Count, Text: l.Text})
	}
	return e
}

// Index answers which attribution covers a token of a document.
type Index struct {
	d    *doc.Doc
	atts []Attribution
	// bySent lists, for each sentence, the attributions whose content
	// overlaps it.
	bySent [][]int
}

// NewIndex indexes the attributions of d (as Find returns them).
func NewIndex(d *doc.Doc, atts []Attribution) *Index {
	x := &Index{d: d, atts: atts, bySent: make([][]int, len(d.Sentences))}
	for ai, a := range atts {
		if a.Content.IsZero() {
			continue
		}
		lo, _ := slices.BinarySearchFunc(d.Sentences, a.Content.Start, func(s doc.Sentence, off int) int {
			if s.End <= off {
				return -1
			}
			return 1
		})
		for si := lo; si < len(d.Sentences) && d.Sentences[si].Start < a.Content.End; si++ {
			x.bySent[si] = append(x.bySent[si], ai)
		}
	}
	return x
}

// Attributions returns the indexed attributions.
func (x *Index) Attributions() []Attribution { return x.atts }

// At returns the innermost attribution covering token tok (an index in
// Doc.Tokens) of sentence si, or nil when the token is in the publisher's
// own voice.
func (x *Index) At(si, tok int) *Attribution {
	if si < 0 || si >= len(x.bySent) || tok < 0 || tok >= len(x.d.Tokens) {
		return nil
	}
	t := x.d.Tokens[tok]
	var best *Attribution
	for _, ai := range x.bySent[si] {
		a := &x.atts[ai]
		if a.Covers(t.Start, t.End) && (best == nil || a.Content.Len() < best.Content.Len()) {
			best = a
		}
	}
	return best
}

// Sourcing returns the event record's attribution for an event whose
// trigger is token tok of sentence si: like Event, but an attribution that
// only records a stance toward something ("condemned the blockade") or a
// directive ("asked him to serve") is passed over for the one around it,
// since the event it covers is not reported on that actor's word.
func (x *Index) Sourcing(si, tok int) *event.Attribution {
	if si < 0 || si >= len(x.bySent) || tok < 0 || tok >= len(x.d.Tokens) {
		return (*Attribution)(nil).Event()
	}
	t := x.d.Tokens[tok]
	var best *Attribution
	for _, ai := range x.bySent[si] {
		a := &x.atts[ai]
		if stanceRule(a.Rule) {
			continue
		}
		if a.Covers(t.Start, t.End) && (best == nil || a.Content.Len() < best.Content.Len()) {
			best = a
		}
	}
	return best.Event()
}

// stanceRule reports whether an attribution found by the named rule only
// records a stance, a directive or a question put ("condemned the
// blockade", "asked him to serve", "his support for the ban", "Super PAC
// blasts Trump", "was asked whether ..."), which Sourcing passes over.
func stanceRule(rule string) bool {
	switch rule {
	case "stance", "directive", "noun", "participle-stance", "adjective", "mistagged-stance", "asked":
		return true
	}
	return false
}

// Event returns the event record's attribution for token tok (an index in
// Doc.Tokens) of sentence si: the covering attribution's, or the
// publisher's voice. It is never nil.
func (x *Index) Event(si, tok int) *event.Attribution { return x.At(si, tok).Event() }

// Find returns the attributions of d, in text order of their cues.
// The document must be parsed and its mentions resolved.
func Find(d *doc.Doc) []Attribution { return (&Finder{}).Find(d) }
