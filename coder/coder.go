// Package coder turns the dependency trees and mentions of a parsed
// document into coded events: it finds predicates of the lexicon (verbs,
// phrasal and multiword verbs, event nouns), fills their source and target
// from the dependency tree and the document's actor mentions, gives each a
// status (asserted, negated, intended, hypothetical) and builds the event
// records of DESIGN.md.
//
// The rules, per sentence:
//
//   - Verbs: a VERB whose lemma (with its compound:prt particle) has lexicon
//     frames; the frame whose fixed words, particle and prepositions match
//     the children best is chosen. Roles: subj is nsubj (in the passive, the
//     "by" oblique), obj is obj (in the passive, nsubj:pass), prep is an
//     obl/nmod whose case is one of the frame's prepositions; a multiword
//     frame whose target is that oblique still matches without it ("held
//     talks"), ranked below frames that find it. A missing
//     subject comes from the governing verb for xcomp (its object, else its
//     subject: "asked X to mediate", "agreed to hold talks"), from the head
//     for conj, and from the modified noun for relative clauses.
//   - Modifiers ("refuse to", "plan to", "ask X to"): a lexicon modifier
//     governing a predicate (xcomp/ccomp, or an event noun as its object)
//     gives the governed predicate its effect as status, and is itself an
//     event only when the modifier has an event code.
//   - Event nouns: a NOUN with lexicon senses; source and target from the
//     markers of the sense (poss, by, amod, compound, prepositions). A noun
//     supported by a verb, as the object of an asserting light verb
//     ("ordered the deportation", "carried out strikes") or the with-oblique
//     of a verb of response ("responded with airstrikes"), takes that verb's
//     (inherited) subject as source, and as target the verb's oblique with
//     one of the sense's target prepositions when the noun has none.
//   - Appeals: a prepositional modifier ("call on", "appeal to") governing
//     an xcomp targets its oblique, which is also the complement's subject.
//     A past participle modifying a noun ("property seized by X") is passive.
//   - Reported speech: generic statement verbs (CAMEO 010) that introduce
//     speech (a ccomp or parataxis) are not coded; the embedded event is
//     coded with its own subject only. A warning or promise about another
//     actor's deed ("analysts warned that Israel could strike") is speech
//     too. A statement of another's obligation ("Russia said Sudan must
//     return the helicopter") is a demand (10) on that actor.
//   - Intentions (intent.go): an appeal, demand, proposal or threat is one
//     event whose content is the predicate it governs, which is not coded
//     apart; a predicate the subject intends ("will visit", "plans to send
//     aid") is coded as the expression of that intent (03x), or as a threat
//     (13x) when it is coercion or force.
//   - Denials (negation.go, refusal.go): an act governed by a disposition
//     or evidence noun with a negative quantifier ("little interest in
//     mediating", "no sign of withdrawing"), by "short of", or asked for
//     by an order or appeal its addressee refuses, resists or defies
//     ("resisted orders to deploy") is negated; "has yet to" leaves it
//     intended. The refusal of an order targets its author, or the
//     government over soldiers, police or intelligence refusing orders
//     of no named author.
//   - Coordinated subjects (coord.go): "A, B and C were angered" parsed
//     with the predicate as A's conjunct keeps A, B and C as sources.
//   - Targets (target.go): when a frame finds no target, the indirect
//     object, the governed predicate's arguments (for appeals, demands,
//     intents, threats), the trigger's obliques, the object's obliques and
//     finally a place (standing for its country) are tried in turn; a
//     threat targets whoever must meet its condition, an investigation
//     the doer of the deed it looks into (parties.go), a protest whoever
//     its purpose names ("in protest of", "in defiance of", "to show their
//     disapproval of", "to press demands from"; protest.go), unnamed
//     victims of an attack the country where it struck (victims.go), and never the
//     source's own belongings or a helper ("with X's help").
//   - Repairs (repair.go): a past tense the parser hung on its object as a
//     modifier, or a "had" taken for the main verb, is made the predicate
//     again before the rules read the tree; so is a participle on the
//     subject before an "as"/"while" clause the parser made the main one.
//   - Places (location.go): the place named in a locative oblique of the
//     trigger, of the predicate it governs or of its object ("strikes in
//     Beirut", "proposed holding talks in Cyprus"); a verbal act's own
//     obliques only.
//   - Dates (date.go): the time expression attached to the trigger, else
//     the sentence's only unclaimed one, else the article's date, each
//     with its interval and precision.
//   - Lemmas: a verb the lemmatizer did not know gets its lemma repaired
//     against the lexicon (Lexicon.VerbLemma: "declined" -> decline).
//   - Actors: mentions of kind actor; outlets never; places only as a
//     fallback target when they carry an actor code. Coordinated actors
//     (conj) all count. An argument noun that is no mention takes the coded
//     actors qualifying it as amod, compound or nmod:poss ("a U.S. judge",
//     "Iran's envoy"); failing those, and likewise an actor mention without
//     a code, the coded actors inside its noun phrase: an appos or flat
//     name part that is a mention ("the prime minister, Nawaf Salam"),
//     else the group of an of/for/from nmod, which the head stands for ("a
//     spokesman for the Taliban", "officials from Iran"). A record needs a
//     coded actor as source or target.
//   - Refinement: a generic code (root + "0"), or a code the lexicon's
//     refine table names, becomes the table's subcode when a cue matches,
//     most specific first: the governed predicate (its lemma, its object,
//     the root of its event), the nouns the object governs ("the proposal
//     for talks" -> 125), the object, and of/for/to/over obliques
//     ("accused X of abuses" -> 1122).
//   - Links: a response (reject, defy, accede, accept, agree to) is linked
//     {rel: "responds_to", event: id} to the proposal, request or demand it
//     answers, within the document (Code) and across the documents of a
//     batch (Batch); the rules are in link.go (see Links there). A rejection
//     without a target takes the answered event's source as implicit target.
//
// Confidence is a simple heuristic: 0.8 when source and target both have a
// coded actor, 0.6 when one is missing, 0.1 less for event nouns, 0.15 less
// for an event below another event's trigger in the tree (0.05 more for
// the main clause's), 0.3 less for a negated and 0.15 less for a
// hypothetical event.
package coder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/ontology"
)

// Coder codes events from parsed documents. It is read-only after New and
// safe for concurrent use.
type Coder struct {
	lex *lexicon.Lexicon
	ont *ontology.Ontology
}

// New returns a Coder over the lexicon and ontology.
func New(lex *lexicon.Lexicon, ont *ontology.Ontology) *Coder {
	return &Coder{lex: lex, ont: ont}
}

// cand is a coded predicate before it becomes a record.
type cand struct {
	trigger  int  // local token index
	governed int  // for modifier events, the governed predicate, else -1
	lend     bool // the governed predicate lends its target (intending modifiers)
	code     string
	kind     string // verb, noun, modifier
	entry    string // lexicon lemma
	src, tgt []int  // mention indices
	srcTok   int    // argument tokens, -1 when none
	tgtTok   int
	srcRel   string
	tgtRel   string
	status   event.Status
	nominal  bool
	embedded bool // a descendant of another candidate's trigger
	// refused marks the refusal of a request (refusalTargets): it is aimed
	// at the request's author, never at whom the act asked for was
	// ("rejected calls to attack Hezbollah").
	refused bool
}

// Code returns the events of d, in sentence and trigger order, with the
// links of its responses to what they answer within d (see Links). d must
// be parsed (lemmas, UPOS, heads, relations) and carry its mentions.
func (c *Coder) Code(d *doc.Doc) []event.Record {
	recs, _ := c.code(d)
	return recs
}

// code returns the events of d and flags its responses.
func (c *Coder) code(d *doc.Doc) ([]event.Record, []bool) {
	var out []event.Record
	var resp []bool
	for si := range d.Sentences {
		s := newSent(d, si, c.lex)
		var cands []cand
		for i := range s.toks {
			if !s.verbPrefix[i] && (s.toks[i].UPOS == "VERB" || s.predicate[i] || s.predicateAdjective(i)) {
				if cd, ok := c.verb(s, i); ok {
					cands = append(cands, cd)
				}
			}
		}
		for i := range s.toks {
			if s.toks[i].UPOS == "NOUN" && !s.consumed[i] && s.ment[i] < 0 {
				if cd, ok := c.noun(s, i); ok {
					cands = append(cands, cd)
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int { return a.trigger - b.trigger })
		lendTargets(cands)
		for k := range cands {
			cands[k].code = c.refine(s, cands, cands[k])
		}
		punitiveAppeals(s, cands)
		cands = intentions(s, cands)
		c.refusalTargets(s, cands)
		cands = absorbIncluded(s, cands)
		cands = c.dropVoicing(s, cands)
		shareTargets(s, cands)
		markEmbedded(s, cands)
		seen := map[string]bool{}
		for _, cd := range cands {
			r, ok := c.record(s, cd)
			if !ok {
				continue
			}
			r.Date = s.date(cd, cands)
			key := fmt.Sprint(cd.code, cd.src, cd.tgt)
			if seen[key] {
				continue
			}
			seen[key] = true
			isResp := isResponse(cd, &r)
			if isResp {
				if j := answeredIn(out, resp, &r); j >= 0 {
					if len(r.Target) == 0 && implicitTarget(r.CameoRoot) {
						r.Target = implicitActors(out[j].Source)
						r.Confidence = 0.8
						r.Explain += " target=implicit(author of the last proposal, request or demand)"
					}
					r.Links = append(r.Links, event.Link{Rel: RespondsTo, Event: out[j].ID})
				}
			} else if len(r.Target) == 0 && strings.HasPrefix(r.Cameo, "128") {
				// Defiance answers no proposal, but what is defied is most
				// often the last appeal or demand of another actor.
				if j := demandedBy(out, resp, &r); j >= 0 {
					r.Target = implicitActors(out[j].Source)
					r.Confidence = 0.8
					r.Explain += " target=implicit(author of the last appeal or demand)"
				}
			}
			out = append(out, r)
			resp = append(resp, isResp)
		}
	}
	return out, resp
}

// record builds the event record of cd; false when it has no coded actor or
// an unknown code.
func (c *Coder) record(s *sent, cd cand) (event.Record, bool) {
	src := s.actors(cd.src)
	tgt := s.actors(cd.tgt)
	if !hasCode(src) && !hasCode(tgt) {
		return event.Record{}, false
	}
	if !hasCode(src) && cd.kind == "verb" && cd.srcTok >= 0 && s.head(cd.srcTok) != cd.trigger &&
		s.ment[cd.srcTok] < 0 && s.toks[cd.srcTok].UPOS == "NOUN" {
		// The subject was inherited through the tree (a controller, a
		// coordinated clause) and is a common noun naming no actor: the
		// inheritance went astray ("the dispute has led to pressure ...
		// to remove the commander").
		return event.Record{}, false
	}
	t := s.toks[cd.trigger]
	r := event.Record{
		Doc:      s.d.ID,
		Sentence: s.idx,
		Text:     s.d.Sentences[s.idx].Text,
		Trigger:  &event.Span{Text: t.Text, Start: t.Start, End: t.End},
		Status:   cd.status,
		Source:   src,
		Target:   tgt,
	}
	if err := r.SetCode(c.ont, cd.code); err != nil {
		return event.Record{}, false
	}
	r.Confidence = 0.6
	if hasCode(src) && hasCode(tgt) {
		r.Confidence = 0.8
	}
	if cd.nominal {
		r.Confidence -= 0.1
	}
	if cd.embedded {
		r.Confidence -= 0.15
	} else if s.mainClause(cd.trigger) {
		r.Confidence += 0.05
	}
	switch cd.status {
	case event.Negated:
		r.Confidence -= 0.3 // what did not happen is seldom what a report is about
	case event.Hypothetical:
		r.Confidence -= 0.15
	}
	r.Location = s.location(cd)
	r.ID = event.StableID(r.Doc, r.Sentence, t.Start, r.Cameo, src, tgt)
	r.Explain = c.explain(s, cd)
	return r, true
}

// refine returns the code of cd refined by the lexicon's refinement table
// from its object or complement (see cues), or its own code. Only a generic
// code (root + "0") or a code the table names is refined (Lexicon.Refine),
// and only to a code of the ontology of the same root.
func (c *Coder) refine(s *sent, cands []cand, cd cand) string {
	for _, cue := range c.cues(s, cands, cd) {
		r, ok := c.lex.Refine(cd.code, cue)
		if !ok || r == cd.code || !c.ont.Valid(r) || r[:2] != cd.code[:2] {
			continue
		}
		return r
	}
	return cd.code
}

// cues returns what refines the code of cd, most specific first: the
// governed predicate's lemma and object, then the root of the governed
// event ("event:NN"); the nouns the object governs ("the proposal for talks") and its
// compound name ("war crime"); the object; content obliques ("accused of
// crimes", "called for a ceasefire").
func (c *Coder) cues(s *sent, cands []cand, cd cand) []string {
	var out []string
	noun := func(k int) {
		for _, g := range s.kids[k] {
			if r := s.rel(g); (r == "nmod" || strings.HasPrefix(r, "nmod:") || r == "acl") && r != "nmod:poss" {
				out = append(out, s.lemma(g))
			}
		}
		if m := s.child(k, "compound"); m >= 0 {
			out = append(out, s.lemma(m)+" "+s.lemma(k))
		}
		out = append(out, s.lemma(k))
	}
	i := cd.trigger
	g := cd.governed
	if g < 0 {
		g = s.child(i, "xcomp")
	}
	if g >= 0 {
		if s.toks[g].UPOS == "NOUN" {
			noun(g) // "rejected the proposal for talks"
		} else {
			out = append(out, s.lemma(g))
		}
		if o := s.child(g, "obj"); o >= 0 {
			noun(o)
		}
		for _, o := range cands {
			if o.trigger == g {
				out = append(out, "event:"+o.code[:2])
			}
		}
	}
	if cd.kind == "noun" {
		for _, k := range s.kids[i] {
			if r := s.rel(k); (r == "nmod" || strings.HasPrefix(r, "nmod:") || r == "acl") && r != "nmod:poss" && k != cd.srcTok && k != cd.tgtTok {
				noun(k)
			}
		}
		return out
	}
	obj := s.child(i, "obj")
	if s.passive(i) {
		obj = s.gramSubj(i, 0)
	}
	if obj >= 0 && obj != cd.srcTok && s.ment[obj] < 0 {
		noun(obj)
	}
	for _, k := range s.kids[i] {
		if r := s.rel(k); (r == "obl" || strings.HasPrefix(r, "obl:")) && k != cd.srcTok && s.ment[k] < 0 {
			switch cs := s.caseOf(k); {
			case cs == "of" || cs == "for" || cs == "to":
				noun(k)
			case cs == "over" && cd.code[:2] != "13":
				noun(k) // "criticized X over abuses"; a threat "over" something gives its reason
			}
		}
	}
	return out
}

// explain names the lexicon entry and the dependency path of cd.
func (c *Coder) explain(s *sent, cd cand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s [%s]", cd.kind, cd.entry, cd.code)
	if cd.srcTok >= 0 {
		fmt.Fprintf(&b, " %s=%s", cd.srcRel, s.toks[cd.srcTok].Text)
	}
	if cd.tgtTok >= 0 {
		fmt.Fprintf(&b, " %s=%s", cd.tgtRel, s.toks[cd.tgtTok].Text)
	}
	if cd.status != event.Asserted {
		fmt.Fprintf(&b, " status=%s", cd.status)
	}
	return b.String()
}

func hasCode(as []event.Actor) bool {
	for _, a := range as {
		if a.Code != "" {
			return true
		}
	}
	return false
}

// implicitTarget reports whether root is that of a response (reject) whose
// missing target is the author of what it answers.
func implicitTarget(root string) bool { return root == "12" }

// answered reports whether root is that of an event a response answers:
// requests, proposals (intent to cooperate) and demands.
func answered(root string) bool { return root == "02" || root == "03" || root == "10" }
