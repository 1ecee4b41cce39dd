package coder

import "github.com/sitrep/sitrep/doc"

// victimNouns name people harmed in an attack without saying whose they
// are: "killed 23 people", "wounded dozens of civilians".
var victimNouns = map[string]bool{
	"people": true, "person": true, "civilian": true, "passenger": true, "resident": true,
	"villager": true, "bystander": true, "worshipper": true, "worshiper": true, "shopper": true,
	"commuter": true, "pedestrian": true, "diner": true, "tourist": true, "child": true,
}

// unnamedVictims reports whether the target mentions of cd are only
// victims of no stated country: a victim noun whose code coreference
// lent ("killed 23 people" read as the Palestinians named before).
func (s *sent) unnamedVictims(cd *cand) bool {
	if len(cd.tgt) == 0 {
		return false
	}
	for _, m := range cd.tgt {
		mm := s.d.Mentions[m]
		l := mm.Head - s.base
		if mm.Kind != doc.KindActor || mm.Via != doc.ViaCoreference || l < 0 || l >= len(s.toks) || !victimNouns[s.lemma(l)] {
			return false
		}
	}
	return true
}

// victimPlace gives a material act (roots 18-20) whose only target is
// unnamed victims the country of the place where it struck, named on its
// trigger or on a when/as/after clause of it ("killed 23 people when they
// blew themselves up in Tel Aviv"): the victims are that place's.
func (s *sent) victimPlace(cd *cand) {
	if len(cd.code) < 2 || cd.code[:2] < "18" || cd.code[:2] > "20" || !s.unnamedVictims(cd) {
		return
	}
	heads := []int{cd.trigger}
	for _, k := range s.kids[cd.trigger] {
		if m := s.child(k, "mark", "advmod"); s.rel(k) == "advcl" && m >= 0 {
			switch s.lemma(m) {
			case "when", "as", "after", "while":
				heads = append(heads, k)
			}
		}
	}
	for _, h := range heads {
		if k := s.placeOblique(h); k >= 0 && insidePrep(s.caseOf(k)) {
			if ms := s.placesAt(k); len(ms) > 0 {
				cd.tgt, cd.tgtTok, cd.tgtRel = ms, k, "victims>place:"+s.caseOf(k)
				return
			}
		}
	}
}
