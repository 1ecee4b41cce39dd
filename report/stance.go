package report

import (
	"cmp"
	"math"
	"slices"

	"github.com/sitrep/sitrep/event"
)

// Proposal is a proposal, appeal or demand with the developments linked
// to it as answers.
type Proposal struct {
	// Development is the number of the proposal's development.
	Development int
	// Responses are the developments whose reports link to it, in time
	// order.
	Responses []Response
}

// Response is one development answering a proposal.
type Response struct {
	// Development is the number of the answering development.
	Development int
	// Rel is the relation of the link ("responds_to").
	Rel string
}

// isProposal reports whether a CAMEO root offers, appeals or demands:
// 02 appeals and requests, 03 offers and intents to cooperate, 10 demands.
func isProposal(root string) bool { return root == "02" || root == "03" || root == "10" }

// proposals lists the proposals among devs with the responses linked to
// them.
func proposals(devs []Development) []Proposal {
	var out []Proposal
	for _, d := range devs {
		if !isProposal(d.CameoRoot) {
			continue
		}
		p := Proposal{Development: d.N}
		for _, o := range devs {
			for _, l := range o.Links {
				if l.To == d.N && o.N != d.N {
					p.Responses = append(p.Responses, Response{Development: o.N, Rel: l.Rel})
					break
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// Stance sums up what one actor did to another: the developments with
// that source and target that happened or are intended (negated and
// hypothetical ones say nothing of a stance).
type Stance struct {
	// Source and Target name the actors; SourceKey and TargetKey are their
	// keys (ActorRef.Key).
	Source, Target, SourceKey, TargetKey string
	// Events counts the developments.
	Events int
	// Goldstein is the mean Goldstein weight of those with one; Weighted
	// counts them.
	Goldstein float64
	Weighted  int
	// Type is the most frequent PLOVER type ("" when none has one).
	Type string
	// Cooperation and Conflict count the developments of penta classes 1-2
	// and 3-4.
	Cooperation, Conflict int
	// Relation is "cooperation" or "conflict" when one kind outnumbers the
	// other, "mixed" when they are level, "neutral" when there is neither.
	Relation string
}

// stances computes the stance matrix of devs, most developments first,
// then strongest mean weight.
func stances(devs []Development) []Stance {
	var out []Stance
	types := map[int]map[string]int{}
	at := map[[2]string]int{}
	for _, d := range devs {
		if d.Status != event.Asserted && d.Status != event.Intended && d.Status != "" {
			continue
		}
		for _, s := range d.Source {
			for _, t := range d.Target {
				if s.Key == t.Key {
					continue
				}
				k := [2]string{s.Key, t.Key}
				i, ok := at[k]
				if !ok {
					i = len(out)
					at[k] = i
					out = append(out, Stance{Source: s.Name, Target: t.Name, SourceKey: s.Key, TargetKey: t.Key})
					types[i] = map[string]int{}
				}
				st := &out[i]
				st.Events++
				if d.Goldstein != nil {
					st.Goldstein += *d.Goldstein
					st.Weighted++
				}
				if d.PLOVER != "" {
					types[i][d.PLOVER]++
				}
				if d.Penta != nil && (*d.Penta == 1 || *d.Penta == 2) {
					st.Cooperation++
				}
				if d.Penta != nil && *d.Penta >= 3 {
					st.Conflict++
				}
			}
		}
	}
	for i := range out {
		st := &out[i]
		if st.Weighted > 0 {
			st.Goldstein /= float64(st.Weighted)
		}
		st.Type = dominant(types[i])
		switch {
		case st.Cooperation > st.Conflict:
			st.Relation = "cooperation"
		case st.Conflict > st.Cooperation:
			st.Relation = "conflict"
		case st.Conflict > 0:
			st.Relation = "mixed"
		default:
			st.Relation = "neutral"
		}
	}
	slices.SortStableFunc(out, func(a, b Stance) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(math.Abs(b.Goldstein), math.Abs(a.Goldstein)),
			cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return out
}

// dominant returns the most frequent key of counts, the first in
// alphabetical order on a tie; "" when counts is empty.
func dominant(counts map[string]int) string {
	best := ""
	for k, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && k < best {
			best = k
		}
	}
	return best
}

// Place is a place where developments happened.
type Place struct {
	// Name is the place's name, Country its country code.
	Name, Country string
	// Lat and Lon are its coordinates; nil when unknown.
	Lat, Lon *float64
	// Developments are the numbers of the developments there.
	Developments []int
}

// places lists the places of devs, most developments first, then by name.
func places(devs []Development) []Place {
	var out []Place
	at := map[[2]string]int{}
	for _, d := range devs {
		if d.Place == nil || placeName(d.Place) == "" {
			continue
		}
		k := [2]string{placeName(d.Place), d.Place.Country}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Place{Name: k[0], Country: k[1], Lat: d.Place.Lat, Lon: d.Place.Lon})
		}
		out[i].Developments = append(out[i].Developments, d.N)
	}
	slices.SortStableFunc(out, func(a, b Place) int {
		return cmp.Or(cmp.Compare(len(b.Developments), len(a.Developments)), cmp.Compare(a.Name, b.Name))
	})
	return out
}
