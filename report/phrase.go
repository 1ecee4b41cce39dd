package report

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
)

// verb is how the report words a CAMEO code: the base and past forms of
// its verb phrase and the preposition before the target ("" for a direct
// object).
type verb struct{ base, past, prep string }

// verbFor returns the wording of a CAMEO code: of the code itself when
// the report has one, else of its three-digit parent, else of its root.
// The wording is the report's own, plain English for analysts.
func verbFor(code string) (verb, bool) {
	for n := len(code); n >= 2; n-- {
		if v, ok := codeVerb(code[:n]); ok {
			return v, true
		}
	}
	return verb{}, false
}

// codeVerb is the table behind verbFor.
func codeVerb(code string) (verb, bool) {
	switch code {
	case "01":
		return verb{"make a public statement", "made a public statement", "about"}, true
	case "012":
		return verb{"voice concern", "voiced concern", "about"}, true
	case "013":
		return verb{"voice optimism", "voiced optimism", "about"}, true
	case "02":
		return verb{"appeal", "appealed", "to"}, true
	case "026":
		return verb{"call for talks", "called for talks", "with"}, true
	case "028":
		return verb{"ask for mediation", "asked for mediation", "from"}, true
	case "0241":
		return verb{"call for a change of leader", "called for a change of leader", "to"}, true
	case "03":
		return verb{"offer cooperation", "offered cooperation", "to"}, true
	case "033":
		return verb{"offer aid", "offered aid", "to"}, true
	case "036":
		return verb{"offer talks", "offered talks", "with"}, true
	case "039":
		return verb{"offer to mediate", "offered to mediate", "with"}, true
	case "04":
		return verb{"consult", "consulted", "with"}, true
	case "042":
		return verb{"visit", "visited", ""}, true
	case "043":
		return verb{"host", "hosted", ""}, true
	case "045":
		return verb{"mediate", "mediated", "with"}, true
	case "046":
		return verb{"negotiate", "negotiated", "with"}, true
	case "05":
		return verb{"cooperate diplomatically", "cooperated diplomatically", "with"}, true
	case "051":
		return verb{"voice support", "voiced support", "for"}, true
	case "057":
		return verb{"sign an agreement", "signed an agreement", "with"}, true
	case "06":
		return verb{"cooperate materially", "cooperated materially", "with"}, true
	case "07":
		return verb{"provide aid", "provided aid", "to"}, true
	case "08":
		return verb{"yield", "yielded", "to"}, true
	case "09":
		return verb{"investigate", "investigated", ""}, true
	case "10":
		return verb{"make demands", "made demands", "of"}, true
	case "11":
		return verb{"criticise", "criticised", ""}, true
	case "112":
		return verb{"accuse", "accused", ""}, true
	case "12":
		return verb{"rebuff", "rebuffed", ""}, true
	case "128":
		return verb{"defy", "defied", ""}, true
	case "13":
		return verb{"threaten", "threatened", ""}, true
	case "14":
		return verb{"protest", "protested", "against"}, true
	case "15":
		return verb{"show force", "showed force", "against"}, true
	case "154":
		return verb{"mobilise forces", "mobilised forces", "against"}, true
	case "16":
		return verb{"reduce relations", "reduced relations", "with"}, true
	case "17":
		return verb{"coerce", "coerced", ""}, true
	case "172":
		return verb{"impose restrictions", "imposed restrictions", "on"}, true
	case "1722":
		return verb{"ban", "banned", ""}, true
	case "173":
		return verb{"arrest", "arrested", ""}, true
	case "174":
		return verb{"order the expulsion of", "ordered the expulsion of", ""}, true
	case "18":
		return verb{"assault", "assaulted", ""}, true
	case "19":
		return verb{"attack", "attacked", ""}, true
	case "192":
		return verb{"occupy", "occupied", ""}, true
	case "194":
		return verb{"shell", "shelled", ""}, true
	case "195":
		return verb{"carry out airstrikes", "carried out airstrikes", "on"}, true
	case "20":
		return verb{"use mass violence", "used mass violence", "against"}, true
	}
	return verb{}, false
}

// proposalKind names what a development of root root offers or asks
// for, as the object of a response.
func proposalKind(root string) string {
	switch root {
	case "02":
		return "request"
	case "03":
		return "proposal"
	case "10":
		return "demand"
	case "13":
		return "threat"
	}
	return "move"
}

// sentence tells d in one sentence: who did what to whom, where, with its
// status, and which development it answers. devs are all developments,
// numbered.
func sentence(d *Development, devs []Development) string {
	subj := nameList(d.Source)
	if subj == "" {
		subj = "an unidentified actor"
	}
	obj := nameList(d.Target)
	answer := 0
	for _, l := range d.Links {
		if l.Rel == "responds_to" && l.To > 0 && l.To != d.N {
			answer = l.To
			break
		}
	}
	v, ok := verbFor(d.Cameo)
	var b strings.Builder
	b.WriteString(subj)
	switch {
	case !ok:
		fmt.Fprintf(&b, " took part in an event (%q)", d.Trigger)
	default:
		prep := v.prep
		if answer > 0 && d.CameoRoot == "12" {
			a := &devs[answer-1]
			prep, obj = "", "the "+proposalKind(a.CameoRoot)+" of "+cmp.Or(nameList(a.Source), "an unidentified actor")
			v.past, v.base = "rejected", "reject"
		}
		switch d.Status {
		case event.Negated:
			b.WriteString(" did not " + v.base)
		case event.Intended:
			b.WriteString(" intends to " + v.base)
		case event.Hypothetical:
			b.WriteString(" might " + v.base)
		default:
			b.WriteString(" " + v.past)
		}
		switch {
		case obj != "" && prep != "":
			b.WriteString(" " + prep + " " + obj)
		case obj != "":
			b.WriteString(" " + obj)
		case prep == "":
			b.WriteString(" (target not named)")
		}
	}
	if p := d.Place; p != nil && placeName(p) != "" && !strings.Contains(obj, placeName(p)) {
		b.WriteString(" in " + placeName(p))
	}
	if answer > 0 {
		fmt.Fprintf(&b, " (answering #%d)", answer)
	}
	b.WriteString(".")
	return capitalise(b.String())
}

// placeName is the name of a place as the report writes it.
func placeName(p *event.Location) string { return cmp.Or(p.Name, p.Text) }

// nameList joins the names of refs: "A", "A and B", "A, B and C".
func nameList(refs []ActorRef) string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
