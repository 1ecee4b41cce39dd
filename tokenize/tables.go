package tokenize

import "strings"

// Word lists used by the tokenizer and the sentence splitter. They are written
// from general knowledge of English news style and turned into lookup sets by
// New, so that no package-level state is ever mutated.

// titleAbbrevs precede a name or a number and almost never end a sentence
// ("Gen. Rodolphe Haykal", "Mr. Salam", "No. 5", "Jan. 9").
const titleAbbrevs = `gen lt col maj capt cpt sgt cpl pvt adm cmdr brig
mr mrs ms messrs mme mlle dr sen sens rep reps gov pres prof rev fr sr jr hon amb supt insp det
st ste mt ft gen. pp p nos no
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
vs v cf approx fig figs vol vols ch art sec dept est ave blvd
e.g i.e viz al`

// enderAbbrevs are abbreviations that often end a sentence ("made in the
// U.S.", "Acme Inc.", "and so on, etc."); a sentence boundary is placed after
// them when the next word looks like a sentence start.
const enderAbbrevs = `u.s u.n u.k e.u u.a.e u.s.a u.s.s.r d.c
inc corp ltd co bros plc llc l.p
etc a.m p.m a.d b.c
jr sr ph.d m.d b.a m.a
dept govt intl assn
ala ariz ark calif colo conn del fla ga ill ind kan kans ky md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo`

// hyphenPrefixes are bound prefixes that EWT keeps attached to the following
// word ("e-mail", "non-state", "pre-war"); other hyphens are split off.
const hyphenPrefixes = `e non mid pre anti re post co over pro multi ex sub semi psycho
neo cross un socio micro intra inter counter arch x`

// whole maps whole words (lower case) that EWT splits into several syntactic
// words to the lengths, in code points, of those words.
const wholeWords = `cannot:3,3 gonna:3,2 wanna:3,2 gotta:3,2 outta:3,2
dont:2,2 didnt:3,2 doesnt:4,2 cant:2,2 wont:2,2 isnt:2,2 arent:3,2 wasnt:3,2
werent:4,2 couldnt:5,2 wouldnt:5,2 shouldnt:6,2 hasnt:3,2 havent:4,2 hadnt:3,2 aint:2,2
im:1,1 ive:1,2 youre:3,2 theyre:4,2 thats:4,1 whats:4,1`

// starters are capitalised words that commonly open a sentence in news text
// and rarely continue a name after an abbreviation such as "U.S." or "Inc.".
const starters = `the a an he she it they we i you this that these those there here his her its their our my
in on at as by for from with after before during since when while if although though because
but and or so yet however meanwhile moreover also still then now later earlier instead
according officials some many most several both all no none one two three four each every
what who why how where which last next on under over about despite amid`

func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[strings.TrimSuffix(w, ".")] = true
		}
	}
	return m
}
