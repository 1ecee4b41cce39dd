package mention

import (
	"sort"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// Classes of candidate mentions, for coreference.
const (
	cPerson  = iota + 1 // a person, known or by name only
	cOrg                // an organisation
	cCountry            // a country or its government by metonym
	cAgent              // a sector of a country, or a bare agent noun
	cPlace              // a place
	cOutlet             // a news outlet
	cPron               // a pronoun, kept only when resolved
	cDescr              // a definite description ("the group"), kept only when resolved
)

// cand is a mention being built, with what coreference needs to know.
type cand struct {
	m     doc.Mention
	id    int // order of creation, for links made before sorting
	class uint8
	// orgKind is the KB kind of an organisation.
	orgKind string
	// plural reports a plural agent noun or pronoun.
	plural bool
	// surname is the lowercase last word of a person's name.
	surname string
	// nameOnly marks a person the KB does not know, or found by surname
	// only; coreference may resolve it to an earlier full mention.
	nameOnly bool
	// definite reports "the" before a bare agent noun or description.
	definite bool
	// subject reports that the mention's head is a subject; topic that it
	// is the subject of the sentence's main clause.
	subject, topic bool
	// word is the pronoun, description noun or head agent term.
	word string
	// countryPlace marks a country name used as a place.
	countryPlace bool
	// appos is one more than the id of the mention this one is in
	// apposition to; 0 for none.
	appos int
	// drop marks a candidate to leave out of the output.
	drop bool
	// poss is one more than the token of a possessive determiner or "'s"
	// before a bare agent noun or a titled unknown person, with only
	// modifiers between ("its forces", "Catalonia's former leader"); 0 for
	// none. The possessor gives the country (see possessor).
	poss int
}

// state is one Process call's working data.
type state struct {
	r        *Resolver
	d        *doc.Doc
	date     time.Time
	cands    []cand
	dominant string // the country named most often in the document
	// dominantUnique reports that one country is named more often than any
	// other; only then does inferCountry use the dominant country.
	dominantUnique bool
	// counts holds how often each country is named in the document.
	counts map[string]int
	// metonyms holds how many of counts are capitals or seats of
	// government standing for their country ("Tripoli", "the Kremlin").
	metonyms map[string]int
	// noCountry reports that the document names no country at all.
	noCountry bool
	// midCaps holds the capitalised words the document uses after the first
	// word of a sentence: evidence that such a word is a name even where a
	// sentence starts with it.
	midCaps map[string]bool
	// bytePos maps code point offsets of the document text to byte offsets;
	// built on first use.
	bytePos []int
	// sents holds the sentences by index into d.Sentences; a skipped
	// sentence has no keys.
	sents []sentence
	// headCand maps a token to the first kept candidate headed by it, or
	// -1; built on first use, after the candidates are sorted.
	headCand []int
}

// Process finds the mentions of d, a tokenized, tagged and (ideally) parsed
// document, and sets d.Mentions in text order. It replaces any mentions d
// already had. Tokens without tags or parse still get dictionary matches.
func (r *Resolver) Process(d *doc.Doc) {
	st := &state{r: r, d: d, date: d.Published, midCaps: midSentenceCaps(d)}
	st.sents = make([]sentence, len(d.Sentences))
	sents := make([]sentence, 0, len(d.Sentences))
	units := make([][]unit, 0, len(d.Sentences))
	counts := map[string]int{}
	metonyms := map[string]int{}
	for i, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First >= s.Last {
			continue
		}
		sn := sentence{idx: i, first: s.First, last: s.Last, keys: tokenKeys(d.Tokens[s.First:s.Last])}
		us := st.match(&sn)
		for _, u := range us {
			switch {
			case u.ethnic:
				// "ethnic Albanians" names a people, not a country.
			case isCountryKind(u.kind):
				counts[r.kb.Countries[u.cands[0].idx].Code]++
				if u.kind == eMetonym {
					metonyms[r.kb.Countries[u.cands[0].idx].Code]++
				}
			}
		}
		st.sents[i] = sn
		sents = append(sents, sn)
		units = append(units, us)
	}
	best, tied := 0, false
	for c, n := range counts {
		if n > best || n == best && c < st.dominant {
			tied = n == best
			st.dominant, best = c, n
		} else if n == best {
			tied = true
		}
	}
	st.counts = counts
	st.metonyms = metonyms
	st.dominantUnique = best > 0 && !tied
	st.noCountry = best == 0
	for i := range sents {
		st.compose(&sents[i], units[i])
		st.extras(&sents[i])
	}
	sort.SliceStable(st.cands, func(i, j int) bool {
		a, b := &st.cands[i].m, &st.cands[j].m
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	st.firstPerson() // speakers named in full, so "our forces" can take their code
	st.coref()
	st.firstPerson() // speakers coreference resolved
	d.Mentions = d.Mentions[:0]
	index := make(map[int]int, len(st.cands))
	for i := range st.cands {
		if !st.cands[i].drop {
			index[i] = len(d.Mentions)
			d.Mentions = append(d.Mentions, st.cands[i].m)
		}
	}
	for i := range d.Mentions {
		if a := d.Mentions[i].Antecedent; a >= 0 {
			if j, ok := index[a]; ok {
				d.Mentions[i].Antecedent = j
			} else {
				d.Mentions[i].Antecedent = -1
			}
		}
	}
}

// emit adds a candidate over tokens [first, last) of sentence s.
func (st *state) emit(s *sentence, first, last int, c cand) *cand {
	toks := st.d.Tokens
	c.m.Sentence = s.idx
	c.m.First, c.m.Last = first, last
	c.m.Start, c.m.End = toks[first].Start, toks[last-1].End
	c.m.Text = st.spanText(first, last)
	c.m.Head = st.head(s, first, last)
	c.m.Antecedent = -1
	if c.m.Via == "" {
		c.m.Via = doc.ViaDictionary
	}
	if c.m.Kind == "" {
		c.m.Kind = doc.KindActor
	}
	rel := toks[c.m.Head].DepRel
	c.subject = len(rel) >= 5 && rel[:5] == "nsubj"
	if gov := s.first + toks[c.m.Head].Head - 1; c.subject && gov >= s.first && gov < s.last {
		c.topic = toks[gov].Head == 0
	}
	c.id = len(st.cands)
	st.cands = append(st.cands, c)
	return &st.cands[len(st.cands)-1]
}

// spanText returns the document text of tokens [first, last); when the
// offsets do not fit the text (a hand-built Doc), it is rebuilt from the
// tokens' texts and the spaces between their offsets.
func (st *state) spanText(first, last int) string {
	toks := st.d.Tokens
	if last-first == 1 {
		return toks[first].Text
	}
	if st.bytePos == nil && st.d.Text != "" {
		st.bytePos = make([]int, 0, len(st.d.Text)+1)
		for b := range st.d.Text {
			st.bytePos = append(st.bytePos, b)
		}
		st.bytePos = append(st.bytePos, len(st.d.Text))
	}
	if s, e := toks[first].Start, toks[last-1].End; s >= 0 && s <= e && e < len(st.bytePos) {
		return st.d.Text[st.bytePos[s]:st.bytePos[e]]
	}
	n := 0
	for k := first; k < last; k++ {
		n += len(toks[k].Text) + 1
	}
	b := make([]byte, 0, n)
	for k := first; k < last; k++ {
		if k > first && toks[k].Start > toks[k-1].End {
			b = append(b, ' ')
		}
		b = append(b, toks[k].Text...)
	}
	return string(b)
}

// head returns the token of [first, last) whose syntactic head lies outside
// the span, or the last token when the parse says nothing.
func (st *state) head(s *sentence, first, last int) int {
	toks := st.d.Tokens
	for k := last - 1; k >= first; k-- {
		if toks[k].DepRel == "" {
			break
		}
		h := s.first + toks[k].Head - 1
		if toks[k].Head == 0 || h < first || h >= last {
			return k
		}
	}
	return last - 1
}

// midSentenceCaps returns the capitalised token texts that occur in d other
// than as the first word of a sentence.
func midSentenceCaps(d *doc.Doc) map[string]bool {
	caps := map[string]bool{}
	for _, s := range d.Sentences {
		for i := s.First + 1; i < s.Last && i < len(d.Tokens); i++ {
			t := d.Tokens[i].Text
			if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
				caps[t] = true
			}
		}
	}
	return caps
}
