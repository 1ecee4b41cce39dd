package main

import "strings"

// clean makes s safe for a TSV cell and a '|' list: valid UTF-8, no tabs,
// newlines or '|', single spaces.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '\v', '\f', '|':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// nameKey is the form under which names are compared: folded to lowercase
// ASCII, without a parenthetical qualifier ("Tripoli (Lebanon)") or a
// trailing " city" ("Gaza City"), hyphens as spaces.
func nameKey(name string) string {
	n := strings.ToLower(fold(name))
	if i := strings.Index(n, " ("); i > 0 {
		n = n[:i]
	}
	n = strings.ReplaceAll(n, "-", " ")
	n = strings.TrimSuffix(n, " city")
	return strings.Join(strings.Fields(n), " ")
}

// articles are Arabic article spellings dropped from the start of a name
// by skeleton.
var articles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ad": true, "an": true, "at": true,
	"az": true, "ash": true, "ath": true, "adh": true, "es": true, "ez": true,
}

// skeleton reduces a name to a rough consonant skeleton for matching
// transliteration variants: nameKey, a leading Arabic article dropped, a
// word-final h after a vowel dropped, q as k, vowels (and y) dropped,
// doubled letters collapsed, only letters kept.
func skeleton(name string) string {
	words := strings.FieldsFunc(nameKey(name), func(r rune) bool { return r < 'a' || r > 'z' })
	if len(words) > 1 && articles[words[0]] {
		words = words[1:]
	}
	var b []byte
	for _, w := range words {
		if n := len(w); n > 2 && w[n-1] == 'h' && strings.IndexByte("aeiouy", w[n-2]) >= 0 {
			w = w[:n-1]
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c == 'q' {
				c = 'k'
			}
			if strings.IndexByte("aeiouy", c) >= 0 || len(b) > 0 && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// foldTable maps letters with diacritics, and a few other letters and
// marks, to ASCII. Each string lists the runes that fold to its key.
var foldTable = map[string]string{
	"A":  "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦȺḀẠẢẤẦẨẪẬẮẰẲẴẶ",
	"a":  "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặẚ",
	"AE": "ÆǢǼ",
	"ae": "æǣǽ",
	"B":  "ḂḄḆƁ",
	"b":  "ḃḅḇɓƀ",
	"C":  "ÇĆĈĊČḈƇ",
	"c":  "çćĉċčḉƈ",
	"D":  "ĎĐḊḌḎḐḒƊÐ",
	"d":  "ďđḋḍḏḑḓɗð",
	"E":  "ÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆƐƏ",
	"e":  "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệɛə",
	"F":  "ḞƑ",
	"f":  "ḟƒ",
	"G":  "ĜĞĠĢǦǤǴḠƓ",
	"g":  "ĝğġģǧǥǵḡɠ",
	"H":  "ĤĦȞḢḤḦḨḪ",
	"h":  "ĥħȟḣḥḧḩḫẖ",
	"I":  "ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊƗ",
	"i":  "ìíîïĩīĭįıǐȉȋḭḯỉịɨ",
	"J":  "Ĵ",
	"j":  "ĵǰ",
	"K":  "ĶǨḰḲḴƘ",
	"k":  "ķǩḱḳḵƙ",
	"L":  "ĹĻĽĿŁḶḸḺḼ",
	"l":  "ĺļľŀłḷḹḻḽ",
	"M":  "ḾṀṂ",
	"m":  "ḿṁṃ",
	"N":  "ÑŃŅŇǸṄṆṈṊŊ",
	"n":  "ñńņňǹṅṇṉṋŋ",
	"O":  "ÒÓÔÕÖØŌŎŐƠǑǪǬǾȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢƆ",
	"o":  "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợɔ",
	"OE": "Œ",
	"oe": "œ",
	"P":  "ṔṖ",
	"p":  "ṕṗ",
	"R":  "ŔŖŘȐȒṘṚṜṞ",
	"r":  "ŕŗřȑȓṙṛṝṟ",
	"S":  "ŚŜŞŠȘṠṢṤṦṨ",
	"s":  "śŝşšșṡṣṥṧṩ",
	"ss": "ß",
	"T":  "ŢŤŦȚṪṬṮṰ",
	"t":  "ţťŧțṫṭṯṱẗ",
	"TH": "Þ",
	"th": "þ",
	"U":  "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ",
	"u":  "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
	"V":  "ṼṾ",
	"v":  "ṽṿ",
	"W":  "ŴẀẂẄẆẈ",
	"w":  "ŵẁẃẅẇẉẘ",
	"X":  "ẊẌ",
	"x":  "ẋẍ",
	"Y":  "ÝŶŸȲẎỲỴỶỸƳ",
	"y":  "ýÿŷȳẏỳỵỷỹẙƴ",
	"Z":  "ŹŻŽẐẒẔƵ",
	"z":  "źżžẑẓẕƶ",
	"'":  "ʻʼʽʾʿ‘’ˈ`´",
	"-":  "‐‑‒–—",
}

// folds is foldTable inverted.
var folds = func() map[rune]string {
	m := map[rune]string{}
	for to, from := range foldTable {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// fold returns s with letters carrying diacritics replaced by their base
// letters and typographic apostrophes and dashes by ASCII ones; combining
// marks (U+0300–U+036F) are dropped. Other runes are kept.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		if t, ok := folds[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
