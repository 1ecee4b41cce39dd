package coder

import (
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
)

// locativePrep reports whether p introduces where an event happens ("in
// Beirut", "near the border", "across southern Lebanon").
func locativePrep(p string) bool {
	switch p {
	case "in", "at", "near", "across", "throughout", "inside", "outside", "around", "within", "along", "off", "into", "over":
		return true
	}
	return false
}

// insidePrep reports whether p puts an event inside a country ("in
// Lebanon", "across Syria").
func insidePrep(p string) bool {
	switch p {
	case "in", "inside", "across", "throughout", "within":
		return true
	}
	return false
}

// location returns the place of event cd: a place named in a locative
// oblique of the trigger ("strikes in Beirut", "talks in Cyprus"), of the
// predicate it governs ("proposed holding talks in Cyprus"), of its object
// ("destroyed homes in Gaza"), or of a noun it includes ("airstrikes,
// including strikes in Beirut"); places with coordinates are preferred to
// countries named as actors; nil when none is named.
func (s *sent) location(cd cand) *event.Location {
	heads := []int{cd.trigger}
	if verbal(cd.code) {
		// A statement, appeal or accusation happens where it is made, not
		// where what it speaks of happens ("denied attacking the tanker
		// in the Gulf").
		return s.placeIn(heads)
	}
	if cd.governed >= 0 {
		heads = append(heads, cd.governed)
	}
	if o := s.child(cd.trigger, "obj"); o >= 0 {
		heads = append(heads, o)
	}
	for _, k := range s.kids[cd.trigger] {
		if strings.HasPrefix(s.rel(k), "nmod") && s.rel(k) != "nmod:poss" && !locativePrep(s.caseOf(k)) {
			heads = append(heads, k) // "including strikes in Beirut"
		}
	}
	return s.placeIn(heads)
}

// verbal reports whether code is a verbal act: a statement, appeal,
// investigation, demand, disapproval, rejection or threat.
func verbal(code string) bool {
	if len(code) < 2 {
		return false
	}
	r := code[:2]
	return r == "01" || r == "02" || r >= "09" && r <= "13"
}

// placeIn returns the location named in a locative oblique of one of
// heads, preferring places with coordinates; nil when none is.
func (s *sent) placeIn(heads []int) *event.Location {
	var best *doc.Mention
	for _, h := range heads {
		for _, k := range s.kids[h] {
			r := s.rel(k)
			if !(strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) || r == "nmod:poss" || !locativePrep(s.caseOf(k)) {
				continue
			}
			mm := s.placeAt(k)
			if mm == nil || mm.Kind == doc.KindActor && !insidePrep(s.caseOf(k)) {
				continue // "fired at Israel": a country named at is the target, not the place
			}
			if best == nil || mm.HasCoords && !best.HasCoords {
				best = mm
			}
		}
	}
	if best == nil {
		return nil
	}
	loc := &event.Location{Text: best.Text, Name: best.Name, Country: best.Country}
	if loc.Country == "" && best.Kind == doc.KindActor {
		loc.Country = best.Code
	}
	if best.HasCoords {
		lat, lon := best.Lat, best.Lon
		loc.Lat, loc.Lon = &lat, &lon
	}
	return loc
}

// placeAt returns the place mention at token k or at its amod, compound or
// nmod ("the town of Gjilan"): a place with coordinates or a country, or a
// country named as an actor; nil when there is none.
func (s *sent) placeAt(k int) *doc.Mention {
	for _, t := range append([]int{k}, s.kids[k]...) {
		if r := s.rel(t); t != k && r != "amod" && r != "compound" && r != "nmod" {
			continue
		}
		if m := s.ment[t]; m >= 0 {
			mm := &s.d.Mentions[m]
			switch {
			case mm.Kind == doc.KindPlace && (mm.HasCoords || mm.Country != "" || mm.Code != ""):
				return mm
			case mm.Kind == doc.KindActor && mm.Sector == "" && mm.Country != "" && mm.Code == mm.Country:
				return mm // a country
			}
		}
	}
	return nil
}
