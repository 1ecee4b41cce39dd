package attrib

import "github.com/sitrep/sitrep/doc"

// displays reports whether verb v ("show") has an actor as its source k
// (a person, government or group) and a disposition as its object, which
// the actor displays rather than reports ("showed little interest in
// mediating", "showed restraint"); a poll or a study "shows" a finding.
func (s *sent) displays(v, k int) bool {
	if k < 0 || s.ment[k] < 0 || s.d.Mentions[s.ment[k]].Kind != doc.KindActor {
		return false
	}
	o := s.child(v, "obj")
	if o < 0 {
		return false
	}
	switch s.low[o] {
	case "interest", "restraint", "willingness", "readiness", "reluctance", "sign", "resolve", "determination",
		"flexibility", "solidarity", "commitment", "courage", "intention", "appetite", "desire", "patience", "unity",
		"leadership", "respect", "contempt", "disdain", "goodwill", "sympathy", "concern":
		return true
	}
	return false
}
