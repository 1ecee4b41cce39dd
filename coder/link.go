package coder

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// RespondsTo is the relation of a response's link to what it answers.
const RespondsTo = "responds_to"

// Links: a response is linked ({rel: "responds_to", event: id}) to the
// proposal, request or demand it answers.
//
// A response is a rejection (root 12, with decline and veto, but not 128
// "defy norms, law", which answers no proposal), an accession to requests
// or demands (083, which answers appeals and demands only, roots 02 and
// 10), or an acceptance: a predicate of
// the lexicon entries accept..., agree (to), accede, comply, heed (whatever
// its code, except root 01 statements such as "agreed with"). What a
// response answers is an event of roots 02 (appeal, request), 03 (intent
// to cooperate: proposals and offers) or 10 (demand) that is not itself a
// response and has a coded source.
//
// Within a document, the response answers the latest earlier event (in
// sentence and trigger order: the same sentence before its trigger, or an
// earlier sentence) whose source shares an actor with the response's
// target; when the response has no target, the latest one not made by the
// responder (no actor code in common: a country's army may defy its own
// government), and that event's source becomes the response's implicit
// target (rejections only). Actors are shared when they have the same
// CAMEO code or the same country.
//
// Across the documents of a batch (Batch, documents in input order), a
// response that found nothing in its own document answers the latest event
// of an earlier document whose target shares an actor with the responder
// and whose source shares an actor with the response's target (or, for a
// response without a target, has no actor code in common with the
// responder). The latest is the one of the latest document, and within it
// the latest in sentence and trigger order. Responses
// never get a cross-document implicit target: the link is the only trace.

// isResponse reports whether the candidate cd, coded as r, answers a
// proposal, request or demand.
func isResponse(cd cand, r *event.Record) bool {
	root := r.Root()
	if root == "12" && !strings.HasPrefix(r.Cameo, "128") || strings.HasPrefix(r.Cameo, "083") {
		return true
	}
	if root == "01" {
		return false
	}
	head, _, _ := strings.Cut(cd.entry, " ")
	switch head {
	case "accept", "agree", "accede", "comply", "heed":
		return true
	}
	return false
}

// answerable reports whether r is what a response may answer.
func answerable(r *event.Record, resp bool) bool {
	return !resp && answered(r.Root()) && hasCode(r.Source)
}

// answers reports whether the response r can answer an event of root: an
// accession to demands (083) answers appeals and demands only.
func answers(r *event.Record, root string) bool {
	if strings.HasPrefix(r.Cameo, "083") {
		return root == "02" || root == "10"
	}
	return true
}

// answeredIn returns the index in prev of the event r answers within its
// document (see Links), or -1. resp flags the responses among prev.
func answeredIn(prev []event.Record, resp []bool, r *event.Record) int {
	for i := len(prev) - 1; i >= 0; i-- {
		p := &prev[i]
		if !answerable(p, resp[i]) || !answers(r, p.Root()) {
			continue
		}
		if len(r.Target) > 0 {
			if sharedActor(p.Source, r.Target) {
				return i
			}
		} else if !sameCode(p.Source, r.Source) {
			return i
		}
	}
	return -1
}

// demandedBy returns the index in prev of the latest appeal or demand
// (roots 02, 10) made by an actor other than r's source, or -1.
func demandedBy(prev []event.Record, resp []bool, r *event.Record) int {
	for i := len(prev) - 1; i >= 0; i-- {
		p := &prev[i]
		if resp[i] || !hasCode(p.Source) || sameCode(p.Source, r.Source) {
			continue
		}
		if root := p.Root(); root == "02" || root == "10" {
			return i
		}
	}
	return -1
}

// implicitActors returns copies of the coded actors of as, without spans,
// marked as implicit.
func implicitActors(as []event.Actor) []event.Actor {
	var out []event.Actor
	for _, a := range as {
		if a.Code == "" {
			continue
		}
		out = append(out, event.Actor{Code: a.Code, Country: a.Country, Sector: a.Sector,
			Name: a.Name, ID: a.ID, Via: "implicit"})
	}
	return out
}

// actorKeys returns the keys under which an actor matches another: its
// code and its country.
func actorKeys(a event.Actor) []string {
	var ks []string
	if a.Code != "" {
		ks = append(ks, "c:"+a.Code)
	}
	if a.Country != "" {
		ks = append(ks, "n:"+a.Country)
	}
	return ks
}

// sameCode reports whether a and b have an actor with the same code.
func sameCode(a, b []event.Actor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Code != "" && x.Code == y.Code {
				return true
			}
		}
	}
	return false
}

// sharedActor reports whether a and b have an actor with the same code or
// the same country.
func sharedActor(a, b []event.Actor) bool {
	for _, x := range a {
		for _, kx := range actorKeys(x) {
			for _, y := range b {
				for _, ky := range actorKeys(y) {
					if kx == ky {
						return true
					}
				}
			}
		}
	}
	return false
}

// Batch codes the documents of one batch and links responses to what they
// answer across documents (see Links). Documents must be given in input
// order for the links to be deterministic. A Batch is not safe for
// concurrent use; the Coder it wraps is.
type Batch struct {
	c *Coder
	// open are the answerable events of earlier documents, in batch order.
	open []answerableEvent
	// byTarget indexes open by the keys (actorKeys) of their targets.
	byTarget map[string][]int
}

type answerableEvent struct {
	id             string
	root           string
	source, target []event.Actor
}

// NewBatch returns an empty batch over c.
func (c *Coder) NewBatch() *Batch {
	return &Batch{c: c, byTarget: map[string][]int{}}
}

// Code codes the events of d like Coder.Code and links its responses that
// answer nothing in d to the events of earlier documents of the batch.
func (b *Batch) Code(d *doc.Doc) []event.Record {
	recs, resp := b.c.code(d)
	for i := range recs {
		r := &recs[i]
		if !resp[i] || len(r.Links) > 0 {
			continue
		}
		if j := b.find(r); j >= 0 {
			r.Links = append(r.Links, event.Link{Rel: RespondsTo, Event: b.open[j].id})
			r.Explain += " link=cross-document"
		}
	}
	for i := range recs {
		r := &recs[i]
		if !answerable(r, resp[i]) || len(r.Target) == 0 {
			continue
		}
		n := len(b.open)
		b.open = append(b.open, answerableEvent{id: r.ID, root: r.Root(), source: r.Source, target: r.Target})
		seen := map[string]bool{}
		for _, a := range r.Target {
			for _, k := range actorKeys(a) {
				if !seen[k] {
					seen[k] = true
					b.byTarget[k] = append(b.byTarget[k], n)
				}
			}
		}
	}
	return recs
}

// find returns the index in b.open of the latest event of an earlier
// document that r answers, or -1.
func (b *Batch) find(r *event.Record) int {
	best := -1
	for _, a := range r.Source {
		for _, k := range actorKeys(a) {
			idx := b.byTarget[k]
			for n := len(idx) - 1; n >= 0 && idx[n] > best; n-- {
				p := &b.open[idx[n]]
				if !answers(r, p.root) {
					continue
				}
				ok := !sameCode(p.source, r.Source)
				if len(r.Target) > 0 {
					ok = sharedActor(p.source, r.Target)
				}
				if ok {
					best = idx[n]
					break
				}
			}
		}
	}
	return best
}
