package tokenize

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
)

func process(text string, bodyStart int) *doc.Doc {
	d := &doc.Doc{Article: doc.Article{Text: text, BodyStart: bodyStart}}
	New().Process(d)
	return d
}

// expectOffsets checks that each token (or sentence) text in want occurs in
// text at the code point offset given in got, in order, with only whitespace
// between tokens.
func checkTokens(t *testing.T, text string, bodyStart int, d *doc.Doc, want []string) {
	t.Helper()
	got := make([]string, len(d.Tokens))
	for i, tok := range d.Tokens {
		got[i] = tok.Text
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Fatalf("tokens of %q\ngot:  %s\nwant: %s", text, strings.Join(got, " | "), strings.Join(want, " | "))
	}
	rs := []rune(text)
	pos := bodyStart
	for i, w := range want {
		for pos < len(rs) && isSpace(rs[pos]) {
			pos++
		}
		wr := []rune(w)
		tok := d.Tokens[i]
		if tok.Start != pos || tok.End != pos+len(wr) || string(rs[pos:pos+len(wr)]) != w {
			t.Fatalf("token %d %q: offsets [%d,%d), want [%d,%d)", i, w, tok.Start, tok.End, pos, pos+len(wr))
		}
		pos += len(wr)
		if space := pos < len(rs) && isSpace(rs[pos]); tok.SpaceAfter != space {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, w, tok.SpaceAfter, space)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"negation", "I don't know.", []string{"I", "do", "n't", "know", "."}},
		{"modal negations", "We can't, won't, cannot.", []string{"We", "ca", "n't", ",", "wo", "n't", ",", "can", "not", "."}},
		{"possessive", "Elena's car", []string{"Elena", "'s", "car"}},
		{"curly possessive", "Hezbollah’s weapons", []string{"Hezbollah", "’s", "weapons"}},
		{"clitics", "They’re here, we'll go, I'd say I'm sure you've", []string{"They", "’re", "here", ",", "we", "'ll", "go", ",", "I", "'d", "say", "I", "'m", "sure", "you", "'ve"}},
		{"plural possessive", "the parents' house", []string{"the", "parents", "'", "house"}},
		{"hyphen", "Al-Zaman reported", []string{"Al", "-", "Zaman", "reported"}},
		{"non-breaking hyphen", "US‑Israeli war, senior‑level talks", []string{"US", "‑", "Israeli", "war", ",", "senior", "‑", "level", "talks"}},
		{"bound prefixes", "e-mail and non-state and pre-war", []string{"e-mail", "and", "non-state", "and", "pre-war"}},
		{"dotted abbreviations", "the U.S. and U.N. and E.U. and U.K.", []string{"the", "U.S.", "and", "U.N.", "and", "E.U.", "and", "U.K."}},
		{"titles", "Gen. Haykal, Lt. Col. Smith, Mr. and Mrs. Jones, Dr. Who, Sen. X, Rep. Y, Gov. Z, Pres. W, Prof. V, St. Louis",
			[]string{"Gen.", "Haykal", ",", "Lt.", "Col.", "Smith", ",", "Mr.", "and", "Mrs.", "Jones", ",", "Dr.", "Who", ",", "Sen.", "X", ",", "Rep.", "Y", ",", "Gov.", "Z", ",", "Pres.", "W", ",", "Prof.", "V", ",", "St.", "Louis"}},
		{"months", "on Jan. 5 and Feb. 6 and Sept. 11", []string{"on", "Jan.", "5", "and", "Feb.", "6", "and", "Sept.", "11"}},
		{"company and misc abbreviations", "Acme Corp. and Foo Inc. and Bar Ltd. and Baz Co. won No. 5 vs. 6, etc. e.g. this i.e. that",
			[]string{"Acme", "Corp.", "and", "Foo", "Inc.", "and", "Bar", "Ltd.", "and", "Baz", "Co.", "won", "No.", "5", "vs.", "6", ",", "etc.", "e.g.", "this", "i.e.", "that"}},
		{"no is a word", "He said no.", []string{"He", "said", "no", "."}},
		{"initials", "J. R. R. Tolkien", []string{"J.", "R.", "R.", "Tolkien"}},
		{"numbers", "1,000 people, 3.5 percent, $5,000 and 50%", []string{"1,000", "people", ",", "3.5", "percent", ",", "$", "5,000", "and", "50", "%"}},
		{"times", "at 5:30 pm, 5pm and 10 a.m.", []string{"at", "5:30", "pm", ",", "5", "pm", "and", "10", "a.m."}},
		{"urls", "see https://www.axios.com/2026/03/09/lebanon-israel. Or (www.example.org/x-y)", []string{"see", "https://www.axios.com/2026/03/09/lebanon-israel", ".", "Or", "(", "www.example.org/x-y", ")"}},
		{"emails and handles", "mail john.doe@example.com (or @sitrep and #Lebanon)", []string{"mail", "john.doe@example.com", "(", "or", "@sitrep", "and", "#Lebanon", ")"}},
		{"colloquial", "I'm gonna go, wanna come? Gotta go", []string{"I", "'m", "gon", "na", "go", ",", "wan", "na", "come", "?", "Got", "ta", "go"}},
		{"dashes and ellipsis", "Wait... what -- really — yes – no…", []string{"Wait", "...", "what", "--", "really", "—", "yes", "–", "no", "…"}},
		{"typewriter quotes", "to ``mobilize'' against ''them''", []string{"to", "``", "mobilize", "''", "against", "''", "them", "''"}},
		{"quotes and brackets", `He said "no" and “yes” (maybe) [sic] {x} ‘ok’`, []string{"He", "said", `"`, "no", `"`, "and", "“", "yes", "”", "(", "maybe", ")", "[", "sic", "]", "{", "x", "}", "‘", "ok", "’"}},
		{"phones and ranges", "call 571-9571 or 713-853-1234 for 100-200 people", []string{"call", "571-9571", "or", "713-853-1234", "for", "100", "-", "200", "people"}},
		{"degree and names", "Ph.D. holders and O'Brien", []string{"Ph.D.", "holders", "and", "O'Brien"}},
		{"repeated punctuation", "Ok!!! Really?!", []string{"Ok", "!!!", "Really", "?!"}},
		{"abbreviation before dash", "U.S.-Israeli talks", []string{"U.S.", "-", "Israeli", "talks"}},
		{"multibyte", "Ça va? Beyrouth’s café", []string{"Ça", "va", "?", "Beyrouth", "’s", "café"}},
		{"empty", " \n\t ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTokens(t, tc.in, 0, process(tc.in, 0), tc.want)
		})
	}
}

// TestTokenOffsets spells out code point offsets for cases where bytes and
// code points differ or a word is split inside.
func TestTokenOffsets(t *testing.T) {
	type tok struct {
		text       string
		start, end int
	}
	tests := []struct {
		in   string
		body int
		want []tok
	}{
		{"don't", 0, []tok{{"do", 0, 2}, {"n't", 2, 5}}},
		{"Hezbollah’s arms", 0, []tok{{"Hezbollah", 0, 9}, {"’s", 9, 11}, {"arms", 12, 16}}},
		{"US‑Israeli", 0, []tok{{"US", 0, 2}, {"‑", 2, 3}, {"Israeli", 3, 10}}},
		{"“Né” don’t", 0, []tok{{"“", 0, 1}, {"Né", 1, 3}, {"”", 3, 4}, {"do", 5, 7}, {"n’t", 7, 10}}},
		{"BEIRUT, March 9 (Reuters) - Israel’s jets", 28, []tok{{"Israel", 28, 34}, {"’s", 34, 36}, {"jets", 37, 41}}},
	}
	for _, tc := range tests {
		d := process(tc.in, tc.body)
		if len(d.Tokens) != len(tc.want) {
			t.Errorf("%q: %d tokens, want %d: %+v", tc.in, len(d.Tokens), len(tc.want), d.Tokens)
			continue
		}
		for i, w := range tc.want {
			g := d.Tokens[i]
			if g.Text != w.text || g.Start != w.start || g.End != w.end {
				t.Errorf("%q token %d: got %q [%d,%d), want %q [%d,%d)", tc.in, i, g.Text, g.Start, g.End, w.text, w.start, w.end)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		body int
		want []string
	}{
		{"quotation spanning sentences", `He said: "We will fight. We will win." Then he left.`, 0,
			[]string{`He said: "We will fight.`, `We will win."`, `Then he left.`}},
		{"curly quotation", "He said: “We will fight. We will win.” Then he left.", 0,
			[]string{"He said: “We will fight.", "We will win.”", "Then he left."}},
		{"typewriter quotation", "He said: ``We will fight.'' Then he left. ``No,'' she said.", 0,
			[]string{"He said: ``We will fight.''", "Then he left.", "``No,'' she said."}},
		{"title before name", "Gen. Rodolphe Haykal resisted. The army waited.", 0,
			[]string{"Gen. Rodolphe Haykal resisted.", "The army waited."}},
		{"U.S. at sentence end", "The aid came from the U.S. The army waited.", 0,
			[]string{"The aid came from the U.S.", "The army waited."}},
		{"U.S. inside a name", "The U.S. Army moved. U.S. officials agreed.", 0,
			[]string{"The U.S. Army moved.", "U.S. officials agreed."}},
		{"company", "Acme Inc. said it would. It did.", 0, []string{"Acme Inc. said it would.", "It did."}},
		{"etc", "Talks stalled, etc. But the war went on.", 0, []string{"Talks stalled, etc.", "But the war went on."}},
		{"initials", "J. R. R. Tolkien wrote. He died.", 0, []string{"J. R. R. Tolkien wrote.", "He died."}},
		{"headline", "Lebanon offers talks\n\nThe government proposed talks.", 0, []string{"Lebanon offers talks", "The government proposed talks."}},
		{"questions and answers", "Is it over? No. It is not!", 0, []string{"Is it over?", "No.", "It is not!"}},
		{"bracketed sentence", "(He left.) Then she came.", 0, []string{"(He left.)", "Then she came."}},
		{"question inside quote", `"Who won?" she asked.`, 0, []string{`"Who won?" she asked.`}},
		{"dateline", "BEIRUT, March 9 (Reuters) - Israel struck. Hezbollah fired.", 28, []string{"Israel struck.", "Hezbollah fired."}},
		{"titles and dates", "Mr. Smith met Dr. Jones on Jan. 5. They talked.", 0, []string{"Mr. Smith met Dr. Jones on Jan. 5.", "They talked."}},
		{"paragraph without punctuation", "first line\n\nsecond line", 0, []string{"first line", "second line"}},
		{"numeric start", "Prices rose 3.5 percent. 1,000 people came.", 0, []string{"Prices rose 3.5 percent.", "1,000 people came."}},
		{"lower case continues", "It was a wait... and a long one.", 0, []string{"It was a wait... and a long one."}},
		{"ellipsis", "It stopped… Then it resumed.", 0, []string{"It stopped…", "Then it resumed."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := process(tc.in, tc.body)
			got := make([]string, len(d.Sentences))
			for i, s := range d.Sentences {
				got[i] = s.Text
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("sentences of %q\ngot:\n%s\nwant:\n%s", tc.in, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			rs := []rune(tc.in)
			pos, next := tc.body, 0
			for i, s := range d.Sentences {
				w := []rune(tc.want[i])
				for pos < len(rs) && isSpace(rs[pos]) {
					pos++
				}
				if s.Start != pos || s.End != pos+len(w) {
					t.Errorf("sentence %d: span [%d,%d), want [%d,%d)", i, s.Start, s.End, pos, pos+len(w))
				}
				if s.First != next || s.Last <= s.First || d.Tokens[s.First].Start != s.Start || d.Tokens[s.Last-1].End != s.End {
					t.Errorf("sentence %d: tokens [%d,%d) do not cover its span", i, s.First, s.Last)
				}
				pos, next = s.End, s.Last
			}
			if next != len(d.Tokens) {
				t.Errorf("sentences cover %d of %d tokens", next, len(d.Tokens))
			}
		})
	}
}

func TestReplacesAnnotations(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "One. Two."}}
	d.Tokens = []doc.Token{{Text: "stale"}}
	d.Sentences = []doc.Sentence{{Text: "stale"}}
	New().Process(d)
	if len(d.Tokens) != 4 || len(d.Sentences) != 2 {
		t.Fatalf("got %d tokens, %d sentences; want 4, 2", len(d.Tokens), len(d.Sentences))
	}
	for _, body := range []int{-3, 100} {
		d := &doc.Doc{Article: doc.Article{Text: "Short.", BodyStart: body}}
		New().Process(d) // must not panic on an out-of-range BodyStart
	}
}
