package coder

import (
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// sentence is one hand-built sentence of a multi-sentence document.
type sentence struct {
	toks  []tk
	ments []mk
}

// buildDoc makes a Doc with id from sentences, each built as by build and
// then placed after the previous ones.
func buildDoc(id string, sents ...sentence) *doc.Doc {
	out := &doc.Doc{Article: doc.Article{ID: id}}
	for si, s := range sents {
		d := build(s.toks, s.ments)
		off, tokOff := 0, len(out.Tokens)
		if out.Text != "" {
			out.Text += " "
			off = len([]rune(out.Text))
		}
		out.Text += d.Text
		for _, t := range d.Tokens {
			t.Start += off
			t.End += off
			out.Tokens = append(out.Tokens, t)
		}
		for _, sn := range d.Sentences {
			sn.Start += off
			sn.End += off
			sn.First += tokOff
			sn.Last += tokOff
			out.Sentences = append(out.Sentences, sn)
		}
		for _, m := range d.Mentions {
			m.Start += off
			m.End += off
			m.First += tokOff
			m.Last += tokOff
			m.Head += tokOff
			m.Sentence = si
			out.Mentions = append(out.Mentions, m)
		}
	}
	return out
}

func actor(i int, code string) mk { return mk{i, i + 1, i, doc.KindActor, code} }

// "Iran proposed talks with Israel ."
var proposal = sentence{
	toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"proposed", "propose", "VERB", 0, "root"},
		{"talks", "talk", "NOUN", 2, "obj"}, {"with", "with", "ADP", 5, "case"},
		{"Israel", "Israel", "PROPN", 3, "nmod"}, {".", ".", "PUNCT", 2, "punct"}},
	ments: []mk{actor(0, "IRN"), actor(4, "ISR")},
}

// "<who> rejected the proposal ."
func rejection(who string) sentence {
	return sentence{
		toks: []tk{{"X", "X", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
			{"the", "the", "DET", 4, "det"}, {"proposal", "proposal", "NOUN", 2, "obj"},
			{".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, who)},
	}
}

// "<who> rejected <whom> ."
func rejectionOf(who, whom string) sentence {
	return sentence{
		toks: []tk{{"X", "X", "PROPN", 2, "nsubj"}, {"rejected", "reject", "VERB", 0, "root"},
			{"Y", "Y", "PROPN", 2, "obj"}, {".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, who), actor(2, whom)},
	}
}

// byRoot returns the records of recs with CAMEO root root.
func byRoot(t *testing.T, recs []event.Record, root string) []event.Record {
	t.Helper()
	var out []event.Record
	for _, r := range recs {
		if r.CameoRoot == root {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s event in %+v", root, recs)
	}
	return out
}

func wantLink(t *testing.T, r event.Record, id string) {
	t.Helper()
	if id == "" {
		if len(r.Links) != 0 {
			t.Errorf("%s %s: links %v, want none", r.Doc, r.Cameo, r.Links)
		}
		return
	}
	if len(r.Links) != 1 || r.Links[0] != (event.Link{Rel: RespondsTo, Event: id}) {
		t.Errorf("%s %s: links %v, want responds_to %s", r.Doc, r.Cameo, r.Links, id)
	}
}

func TestLinkWithinDocument(t *testing.T) {
	c := newCoder(t)
	recs := c.Code(buildDoc("d", proposal, rejection("ISR")))
	prop := byRoot(t, recs, "03")[0]
	if prop.Cameo != "036" || codesOf(prop.Source) != "IRN" || codesOf(prop.Target) != "ISR" {
		t.Fatalf("proposal %s %s -> %s", prop.Cameo, codesOf(prop.Source), codesOf(prop.Target))
	}
	wantLink(t, prop, "")
	rej := byRoot(t, recs, "12")[0]
	if codesOf(rej.Target) != "IRN" {
		t.Errorf("rejection target %q, want the proposer IRN (implicit)", codesOf(rej.Target))
	}
	wantLink(t, rej, prop.ID)

	// An explicit target must be the proposer: Israel rejecting Syria does
	// not answer Iran's proposal.
	recs = c.Code(buildDoc("d", proposal, rejectionOf("ISR", "SYR")))
	wantLink(t, byRoot(t, recs, "12")[0], "")
	recs = c.Code(buildDoc("d", proposal, rejectionOf("ISR", "IRN")))
	wantLink(t, byRoot(t, recs, "12")[0], byRoot(t, recs, "03")[0].ID)

	// Deterministic: the same document gives the same links.
	again := c.Code(buildDoc("d", proposal, rejectionOf("ISR", "IRN")))
	wantLink(t, byRoot(t, again, "12")[0], byRoot(t, recs, "03")[0].ID)
}

func TestAcceptanceLinks(t *testing.T) {
	c := newCoder(t)
	acc := sentence{
		toks: []tk{{"X", "X", "PROPN", 2, "nsubj"}, {"accepted", "accept", "VERB", 0, "root"},
			{"the", "the", "DET", 4, "det"}, {"offer", "offer", "NOUN", 2, "obj"},
			{".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, "ISR")},
	}
	recs := c.Code(buildDoc("d", proposal, acc))
	var prop, resp *event.Record
	for i := range recs {
		switch {
		case recs[i].Sentence == 0 && recs[i].CameoRoot == "03":
			prop = &recs[i]
		case recs[i].Sentence == 1:
			resp = &recs[i]
		}
	}
	if prop == nil || resp == nil {
		t.Fatalf("records %+v", recs)
	}
	wantLink(t, *resp, prop.ID)
	wantLink(t, *prop, "")
}

func TestNoProposalNoLink(t *testing.T) {
	c := newCoder(t)
	recs := c.Code(buildDoc("d", rejection("ISR")))
	rej := byRoot(t, recs, "12")[0]
	wantLink(t, rej, "")
	if len(rej.Target) != 0 {
		t.Errorf("target %v, want none", rej.Target)
	}
	// The responder does not answer its own proposal.
	recs = c.Code(buildDoc("d", proposal, rejection("IRN")))
	wantLink(t, byRoot(t, recs, "12")[0], "")
}

func TestLinkAcrossDocuments(t *testing.T) {
	c := newCoder(t)
	b := c.NewBatch()
	first := b.Code(buildDoc("a", proposal))
	prop := byRoot(t, first, "03")[0]
	// Coded alone, the later document has nothing to answer.
	wantLink(t, byRoot(t, c.Code(buildDoc("b", rejection("ISR"))), "12")[0], "")
	// In the batch, its rejection answers the proposal of the first.
	second := b.Code(buildDoc("b", rejection("ISR")))
	wantLink(t, byRoot(t, second, "12")[0], prop.ID)
	third := b.Code(buildDoc("c", rejectionOf("ISR", "IRN"), rejectionOf("SYR", "IRN"), rejectionOf("ISR", "EGY")))
	rej := byRoot(t, third, "12")
	if len(rej) != 3 {
		t.Fatalf("%d rejections, want 3", len(rej))
	}
	wantLink(t, rej[0], prop.ID) // Israel answers Iran
	wantLink(t, rej[1], "")      // Syria was not addressed
	wantLink(t, rej[2], "")      // Egypt made no proposal
	// A later proposal in the batch is the latest one answered.
	b.Code(buildDoc("d", proposal))
	p2 := byRoot(t, b.Code(buildDoc("e", proposal)), "03")[0]
	if p2.ID == prop.ID {
		t.Fatal("ids of different documents are equal")
	}
	wantLink(t, byRoot(t, b.Code(buildDoc("f", rejection("ISR"))), "12")[0], p2.ID)
}

// TestDefianceIsNoResponse checks that defying norms (128) answers no
// proposal, even one made to the defier.
func TestDefianceIsNoResponse(t *testing.T) {
	c := newCoder(t)
	// "Israel defied Iran ."
	defiance := sentence{
		toks: []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"defied", "defy", "VERB", 0, "root"},
			{"Iran", "Iran", "PROPN", 2, "obj"}, {".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, "ISR"), actor(2, "IRN")},
	}
	recs := c.Code(buildDoc("d", proposal, defiance))
	defy := byRoot(t, recs, "12")[0]
	if defy.Cameo != "128" {
		t.Fatalf("defied coded %s, want 128", defy.Cameo)
	}
	wantLink(t, defy, "")
}

// TestDefianceTargetsTheDemander checks that defiance without a target takes
// the author of the last appeal or demand as its implicit target, unlinked.
func TestDefianceTargetsTheDemander(t *testing.T) {
	c := newCoder(t)
	// "Iran demanded concessions from Israel ." then "Israel resisted ."
	demand := sentence{
		toks: []tk{{"Iran", "Iran", "PROPN", 2, "nsubj"}, {"demanded", "demand", "VERB", 0, "root"},
			{"concessions", "concession", "NOUN", 2, "obj"}, {"from", "from", "ADP", 5, "case"},
			{"Israel", "Israel", "PROPN", 2, "obl"}, {".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, "IRN"), actor(4, "ISR")},
	}
	resist := sentence{
		toks:  []tk{{"Israel", "Israel", "PROPN", 2, "nsubj"}, {"resisted", "resist", "VERB", 0, "root"}, {".", ".", "PUNCT", 2, "punct"}},
		ments: []mk{actor(0, "ISR")},
	}
	recs := c.Code(buildDoc("d", demand, resist))
	if len(byRoot(t, recs, "10")) == 0 {
		t.Fatalf("no demand coded: %+v", recs)
	}
	defy := byRoot(t, recs, "12")[0]
	wantLink(t, defy, "")
	if len(defy.Target) != 1 || defy.Target[0].Code != "IRN" {
		t.Errorf("defiance target %+v, want IRN", defy.Target)
	}
}
