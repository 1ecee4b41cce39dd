package coder

import (
	"testing"

	"github.com/sitrep/sitrep/event"
)

func TestListSubjects(t *testing.T) {
	actor := func(first, last, head int, code string) mk { return mk{first, last, head, "actor", code} }
	runStatusCases(t, []statusCase{
		{
			// "Egypt, Jordan and Qatar condemned Israel", the verb parsed
			// as the conjunct of the first name.
			name: "the verb as the first subject's conjunct",
			toks: []tk{{"Egypt", "Egypt", "PROPN", 0, "root"}, {",", ",", "PUNCT", 3, "punct"},
				{"Jordan", "Jordan", "PROPN", 1, "conj"}, {"and", "and", "CCONJ", 6, "cc"},
				{"Qatar", "Qatar", "PROPN", 6, "nsubj"}, {"condemned", "condemn", "VERB", 1, "conj"},
				{"Israel", "Israel", "PROPN", 6, "obj"}, {".", ".", "PUNCT", 1, "punct"}},
			ments: []mk{actor(0, 1, 0, "EGY"), actor(2, 3, 2, "JOR"), actor(4, 5, 4, "QAT"), isr(6)},
			trig:  "condemned", code: "111", status: event.Asserted, src: "QAT+EGY+JOR", tgt: "ISR",
		},
		{
			// "President Sisi, Prime Minister Madbouly and Speaker Gebali
			// condemned Israel", the second name hung on the first.
			name: "a second name parsed as part of the first",
			toks: []tk{{"President", "President", "PROPN", 2, "nmod:desc"}, {"Sisi", "Sisi", "PROPN", 0, "root"},
				{",", ",", "PUNCT", 6, "punct"}, {"Prime", "Prime", "ADJ", 5, "amod"}, {"Minister", "Minister", "PROPN", 6, "nmod:desc"},
				{"Madbouly", "Madbouly", "PROPN", 2, "flat"}, {"and", "and", "CCONJ", 10, "cc"},
				{"Speaker", "speaker", "NOUN", 9, "nmod:desc"}, {"Gebali", "Gebali", "PROPN", 10, "nsubj"},
				{"condemned", "condemn", "VERB", 2, "conj"}, {"Israel", "Israel", "PROPN", 10, "obj"}},
			ments: []mk{actor(0, 2, 1, "EGYGOV"), actor(3, 6, 5, "EGYGOV"), actor(7, 9, 8, "EGYLEG"), isr(10)},
			trig:  "condemned", code: "111", status: event.Asserted, src: "EGYLEG+EGYGOV+EGYGOV", tgt: "ISR",
		},
		{
			// "Egypt condemned Israel and Qatar praised it": two clauses.
			name: "coordinated clauses stay apart",
			toks: []tk{{"Egypt", "Egypt", "PROPN", 2, "nsubj"}, {"condemned", "condemn", "VERB", 0, "root"},
				{"Israel", "Israel", "PROPN", 2, "obj"}, {"and", "and", "CCONJ", 6, "cc"},
				{"Qatar", "Qatar", "PROPN", 6, "nsubj"}, {"praised", "praise", "VERB", 2, "conj"}, {"it", "it", "PRON", 6, "obj"}},
			ments: []mk{actor(0, 1, 0, "EGY"), isr(2), actor(4, 5, 4, "QAT")},
			trig:  "condemned", code: "111", status: event.Asserted, src: "EGY", tgt: "ISR",
		},
	})
}
