package tokenize

import (
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "I don't know.", `He said: "We will fight. We will win." Then...`,
		"Gen. Rodolphe Haykal and the U.S. Army. U.S. officials", "US‑Israeli e-mail 1,000 3.5 5pm",
		"see https://x.org/a. mail a.b@c.de #tag @user", "Hezbollah’s parents' can't cannot gonna",
		"J. R. R. Tolkien\n\nHeadline\n\n(Body.) Ok!!! ... -- — “x” ‘y’", "571-9571 713-853-1234 Inc.. :) :-(",
		"\xff\xfe bad utf8 \u200b zero width\u00a0nbsp", "'s 'll n't ' . . .",
	} {
		f.Add(s, 0)
	}
	f.Add(" date 2026-03-09 The body.", 17)
	tk := New()
	f.Fuzz(func(t *testing.T, text string, body int) {
		d := &doc.Doc{Article: doc.Article{Text: text, BodyStart: body}}
		tk.Process(d)
		rs := []rune(text) // invalid bytes decode to one code point each, as in Process
		offs := byteOffsets(text)
		if len(offs) != len(rs)+1 {
			t.Fatalf("rune count mismatch")
		}
		substr := func(start, end int) string { return text[offs[start]:offs[end]] }
		from := min(max(body, 0), len(rs))
		pos := from
		for i, tok := range d.Tokens {
			if tok.Start < pos || tok.End <= tok.Start || tok.End > len(rs) {
				t.Fatalf("token %d %q [%d,%d) out of order (previous end %d)", i, tok.Text, tok.Start, tok.End, pos)
			}
			for _, r := range rs[pos:tok.Start] {
				if !isSpace(r) {
					t.Fatalf("non-space %q skipped before token %d", r, i)
				}
			}
			if i > 0 && (tok.Start > pos) != d.Tokens[i-1].SpaceAfter {
				t.Fatalf("token %d: SpaceAfter %v but gap %d", i-1, d.Tokens[i-1].SpaceAfter, tok.Start-pos)
			}
			if tok.Text != substr(tok.Start, tok.End) {
				t.Fatalf("token %d text %q differs from the text at [%d,%d)", i, tok.Text, tok.Start, tok.End)
			}
			pos = tok.End
		}
		for _, r := range rs[pos:] {
			if !isSpace(r) {
				t.Fatalf("non-space %q after the last token", r)
			}
		}
		next := 0
		for i, s := range d.Sentences {
			if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
				t.Fatalf("sentence %d tokens [%d,%d) do not follow %d", i, s.First, s.Last, next)
			}
			if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End || s.Text != substr(s.Start, s.End) {
				t.Fatalf("sentence %d span [%d,%d) %q does not match its tokens", i, s.Start, s.End, s.Text)
			}
			next = s.Last
		}
		if next != len(d.Tokens) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
		}
	})
}

// byteOffsets returns the byte offset of every code point of s and len(s),
// decoded independently of the tokenizer.
func byteOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for b := 0; b < len(s); {
		offs = append(offs, b)
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return append(offs, len(s))
}
