package tagger

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/doc"
)

func label(w doc.Token) string { return w.UPOS + "|" + w.XPOS }

// buildLexicon sets the model's classes and tag dictionary from train and
// returns the class index of each label and, for each of ambFolds folds of
// train (sentence i is in fold i%ambFolds), the ambiguity classes learned
// without that fold.
func (m *Model) buildLexicon(train []*conllu.Sentence) (map[string]uint16, []map[string]uint64, error) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			seen[label(w)] = true
		}
	}
	if len(seen) == 0 {
		return nil, nil, errors.New("tagger: train: no tagged words")
	}
	if len(seen) > math.MaxUint16 {
		return nil, nil, fmt.Errorf("tagger: train: too many labels (%d)", len(seen))
	}
	classes := make([]string, 0, len(seen))
	for l := range seen {
		classes = append(classes, l)
	}
	slices.Sort(classes)
	m.setClasses(classes)
	classOf := make(map[string]uint16, len(classes))
	for i, c := range classes {
		classOf[c] = uint16(i)
	}
	exact := map[string][]int{}
	// lower[form][fold*len(classes)+c] counts class c of form in a fold.
	lower := map[string][]int{}
	nc := len(classes)
	for i, s := range train {
		fold := i % ambFolds
		for _, w := range s.Words {
			c := int(classOf[label(w)])
			counts := exact[w.Text]
			if counts == nil {
				counts = make([]int, nc)
				exact[w.Text] = counts
			}
			counts[c]++
			lw := strings.ToLower(w.Text)
			counts = lower[lw]
			if counts == nil {
				counts = make([]int, nc*ambFolds)
				lower[lw] = counts
			}
			counts[fold*nc+c]++
		}
	}
	fixed := map[string]uint16{}
	for form, counts := range exact {
		n, best := 0, 0
		for c, k := range counts {
			n += k
			if k > counts[best] {
				best = c
			}
		}
		if n >= fixedMinCount && float64(counts[best]) >= fixedMinShare*float64(n) {
			fixed[form] = uint16(best)
		}
	}
	ambClasses := map[string][]uint16{}
	foldAmb := make([]map[string]uint64, ambFolds)
	for f := range foldAmb {
		foldAmb[f] = map[string]uint64{}
	}
	sum := make([]int, nc)
	for form, counts := range lower {
		for fold := -1; fold < ambFolds; fold++ {
			// fold -1 is the full dictionary.
			clear(sum)
			for f := range ambFolds {
				if f == fold {
					continue
				}
				for c := range nc {
					sum[c] += counts[f*nc+c]
				}
			}
			cs := ambiguityClass(sum)
			switch {
			case cs == nil:
			case fold < 0:
				ambClasses[form] = cs
			default:
				foldAmb[fold][form] = ambHash(cs)
			}
		}
	}
	m.setDictionary(fixed, ambClasses)
	return classOf, foldAmb, nil
}

// ambiguityClass returns the classes with a large enough share of counts,
// or nil when the counts are too few.
func ambiguityClass(counts []int) []uint16 {
	n := 0
	for _, k := range counts {
		n += k
	}
	if n < ambMinCount || n == 0 {
		return nil
	}
	var cs []uint16
	for c, k := range counts {
		if k > 0 && float64(k) >= ambMinShare*float64(n) {
			cs = append(cs, uint16(c))
		}
	}
	return cs
}
