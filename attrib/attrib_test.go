package attrib

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/mention"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
)

var setup = sync.OnceValues(func() (*pipeline.Pipeline, *mention.Resolver) {
	p, err := models.Load()
	if err != nil {
		panic(err)
	}
	k, err := kb.Load()
	if err != nil {
		panic(err)
	}
	return p, mention.New(k)
})

// parse runs the embedded pipeline and the mention resolver over text.
func parse(tb testing.TB, text string) *doc.Doc {
	tb.Helper()
	p, res := setup()
	d := p.Process(doc.Article{ID: "t", Text: text})
	res.Process(d)
	return d
}

func spanText(d *doc.Doc, s doc.Span) string {
	r := []rune(d.Text)
	if s.End > len(r) {
		return ""
	}
	return string(r[s.Start:s.End])
}

// chainString renders a chain as "role:name/count<cue>" links joined by " > ".
func chainString(ls []Link) string {
	var out []string
	for _, l := range ls {
		s := l.Role
		if l.Name != "" {
			s += ":" + l.Name
		}
		if l.Count > 0 {
			s += "/" + string(rune('0'+l.Count%10))
		}
		out = append(out, s)
	}
	return strings.Join(out, " > ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		// want: the attribution whose content holds probe
		probe                string
		source, cue, content string // substrings expected ("" = absent)
		chain                string
		hedged               bool
	}{
		{
			name:   "spoke about",
			text:   "Richards also spoke about the case before the Supreme Court.",
			probe:  "Supreme",
			source: "Richards", cue: "spoke", content: "the case before the Supreme Court",
		},
		{
			name:   "talks about how",
			text:   "Perez talks about how he grew up in Buffalo.",
			probe:  "Buffalo",
			source: "Perez", cue: "talks", content: "how he grew up in Buffalo",
		},
		{
			name:   "said after a quotation, parsed as a modifier of the name",
			text:   "''It's not going to be easy for Marco Rubio to do it,'' said Representative Peter T. King of New York, who endorsed Mr. Rubio on Tuesday.",
			probe:  "easy",
			source: "Peter T. King", cue: "said", content: "It's not going to be easy",
		},
		{
			name:   "participle before a quotation after a colon",
			text:   "Republican presidential candidate Donald Trump quickly took to Twitter, writing: \"Another horrific attack, this time in Nice, France.\"",
			probe:  "horrific",
			source: "Donald Trump", cue: "writing", content: "Another horrific attack",
		},
		{
			name:   "by saying before a quotation",
			text:   "The Republican candidate appeared to assert his leadership plans by saying, \"I am trying to save lives.\"",
			probe:  "lives",
			source: "The Republican candidate", cue: "saying", content: "I am trying to save lives",
		},
		{
			name:   "went on to say",
			text:   "She went on to say that the plan would fail.",
			probe:  "fail",
			source: "She", cue: "say", content: "the plan would fail",
		},
		{
			name:   "light verb with a noun cue only there",
			text:   "Trump made a plea for the party to unite behind him.",
			probe:  "unite",
			source: "Trump", cue: "made a plea for", content: "the party to unite",
		},
		{
			name:   "made it clear",
			text:   "Davis made it clear that she did not view the comment in isolation.",
			probe:  "view",
			source: "Davis", cue: "made it clear", content: "she did not view the comment",
		},
		{
			name:   "more likely to say",
			text:   "Republicans were more likely to say the economy is getting worse.",
			probe:  "economy",
			source: "Republicans", cue: "more likely to say", content: "the economy is getting worse",
		},
		{
			name:   "headline verb tagged as a name",
			text:   "Bellwether County Says Trump Should Win GOP Nomination.",
			probe:  "Win",
			source: "Bellwether County", cue: "Says", content: "Trump Should Win",
		},
		{
			name:   "poll share with say tagged as an interjection",
			text:   "About one in five say they would not vote.",
			probe:  "vote",
			source: "one in five", cue: "say", content: "they would not vote",
		},
		{
			name:   "speaker hung on the quotation",
			text:   "“We should kind of lay off Bernie a little bit,” Senate minority leader Harry Reid told reporters in Washington.",
			probe:  "Bernie",
			source: "Harry Reid", cue: "told", content: "lay off Bernie",
		},
		{
			name:   "survey found",
			text:   "The April survey found Clinton leading Sanders by seven points.",
			probe:  "leading",
			source: "The April survey", cue: "found", content: "Clinton leading Sanders",
		},
		{
			name:   "passive asked with an agent",
			text:   "Rubio was asked by moderator Gerard Baker whether his plan would cost too much.",
			probe:  "cost",
			source: "Gerard Baker", cue: "asked", content: "whether his plan would cost too much",
		},
		{
			name:   "rarer stance verb",
			text:   "The senator reaffirmed his support for the ban.",
			probe:  "ban",
			source: "The senator", cue: "reaffirmed", content: "his support for the ban",
		},
		{
			name:   "as clause of saying",
			text:   "As Politico reported, Trump would win the state handily.",
			probe:  "win",
			source: "Politico", cue: "reported", content: "Trump would win the state handily",
			chain: "outlet:Politico",
		},
		{
			name:   "passive stance with agent",
			text:   "Murphy has been endorsed by the national teachers unions.",
			probe:  "Murphy",
			source: "the national teachers unions", cue: "endorsed", content: "Murphy",
		},
		{
			name:   "called for with a for clause",
			text:   "A lawmaker in the Philippines is calling for Donald Trump to be banned from the country.",
			probe:  "banned",
			source: "A lawmaker", cue: "calling", content: "Trump to be banned",
		},
		{
			name:   "title colon without a verb",
			text:   "Lynch: No outside influence on FBI probe into Clinton emails.",
			probe:  "influence",
			source: "Lynch", cue: ":", content: "No outside influence on FBI probe",
		},
		{
			name:   "ccomp with outlet",
			text:   "Axios reported that the government approached the envoy last week.",
			probe:  "approached",
			source: "Axios", cue: "reported", content: "the government approached the envoy",
			chain: "outlet:Axios",
		},
		{
			name:   "according to a report citing sources",
			text:   "The government proposed talks, according to a report by Axios citing five sources familiar with the matter.",
			probe:  "proposed",
			source: "a report by Axios", cue: "according to", content: "The government proposed talks",
			chain: "outlet:Axios > anonymous/5",
		},
		{
			name:   "official cited by outlet",
			text:   "According to one Israeli official cited by Axios, Lebanon wants a deal.",
			probe:  "wants",
			source: "one Israeli official cited by Axios", cue: "According to", content: "Lebanon wants a deal",
			chain: "outlet:Axios > anonymous/1",
		},
		{
			name:   "coordinated anonymous sources summed",
			text:   "A US official, an Israeli official, and three additional sources familiar with the contacts said the talks failed.",
			probe:  "failed",
			source: "three additional sources", cue: "said", content: "the talks failed",
			chain: "anonymous/5",
		},
		{
			name:   "quotation before the cue",
			text:   "\"We will not negotiate,\" the minister said.",
			probe:  "negotiate",
			source: "the minister", cue: "said", content: "We will not negotiate",
			chain: "anonymous/1",
		},
		{
			name:    "hedge",
			text:    "Lebanon reportedly proposed direct talks with Israel.",
			probe:   "proposed",
			content: "Lebanon reportedly proposed direct talks with Israel",
			hedged:  true,
		},
		{
			name:  "passive raising verb",
			text:  "The commander is said to have resisted the orders.",
			probe: "resisted",
			cue:   "is said", content: "resisted the orders",
			hedged: true,
		},
		{
			name:   "told an outlet",
			text:   "Sources told Reuters that Israel rejected the offer.",
			probe:  "rejected",
			source: "Sources", cue: "told", content: "Israel rejected the offer",
			chain: "outlet:Reuters > anonymous", hedged: true,
		},
		{
			name:   "inverted quotation cue",
			text:   "\"The deal is dead,\" said John Smith, a senior aide.",
			probe:  "dead",
			source: "John Smith", cue: "said", content: "The deal is dead",
		},
		{
			name:   "seem",
			text:   "Aoun seemed to welcome the offer from Paris.",
			probe:  "welcome",
			source: "Aoun", cue: "seemed", content: "welcome the offer",
		},
		{
			name:   "stance of support",
			text:   "Hezbollah supports the ceasefire plan.",
			probe:  "plan",
			source: "Hezbollah", cue: "supports", content: "the ceasefire plan",
		},
		{
			name:   "stance inside reported speech passed over",
			text:   "He says he wants to cut taxes for workers.",
			probe:  "taxes",
			source: "He", cue: "says", content: "he wants to cut taxes",
		},
		{
			name:   "headline colon",
			text:   "Graham: Trump remarks were hateful.",
			probe:  "hateful",
			source: "Graham", cue: ":", content: "Trump remarks were hateful",
		},
		{
			name:   "speaker label",
			text:   "Q: Will you run again in the fall?",
			probe:  "run",
			source: "Q", cue: ":", content: "Will you run again in the fall",
		},
		{
			name:   "noun cue with possessor",
			text:   "Trump's criticism of the judge drew fire from both parties.",
			probe:  "judge",
			source: "Trump", cue: "criticism of", content: "the judge",
		},
		{
			name:   "noun cue with that clause",
			text:   "Clinton's claim that she sent no classified emails was false.",
			probe:  "classified",
			source: "Clinton", cue: "claim", content: "she sent no classified emails",
		},
		{
			name:   "noun cue of a light verb",
			text:   "The court made a decision to block the law.",
			probe:  "block",
			source: "The court", cue: "made a decision", content: "to block the law",
		},
		{
			name:   "adjective of stance",
			text:   "Republican leaders are hostile to the new trade agreement.",
			probe:  "agreement",
			source: "Republican leaders", cue: "hostile to", content: "the new trade agreement",
		},
		{
			name:   "in a poll",
			text:   "In the latest Washington Post poll, Clinton leads Trump by eight points.",
			probe:  "leads",
			source: "the latest Washington Post poll", cue: "In", content: "Clinton leads Trump",
		},
		{
			name:   "poll shows an object",
			text:   "The new poll shows a close race in Iowa.",
			probe:  "race",
			source: "The new poll", cue: "shows", content: "a close race",
		},
		{
			name:   "first person outside a quotation",
			text:   "Frankly, I think his comment is correct.",
			probe:  "correct",
			source: "I", cue: "think", content: "his comment is correct",
		},
		{
			name:   "lemma mended",
			text:   "Trump blamed the media for the loss.",
			probe:  "media",
			source: "Trump", cue: "blamed", content: "the media",
		},
		{
			name:   "quotation closed before a to the cue does not own",
			text:   "\u201cHe will not stick it to the rich,\u201d Clinton said.",
			probe:  "rich",
			source: "Clinton", cue: "said", content: "stick it to the rich",
		},
		{
			name:   "stance in a clause of cause",
			text:   "Voters back Cruz because he sees the senator as a uniter.",
			probe:  "senator",
			source: "he", cue: "sees", content: "the senator",
		},
		{
			name:   "participle after the cue",
			text:   "\"This is not a hard race,\" he said, citing the latest polls from Iowa.",
			probe:  "polls",
			source: "he", cue: "citing", content: "the latest polls from Iowa",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.text)
			x := NewIndex(d, Find(d))
			tok := -1
			for i, tk := range d.Tokens {
				if tk.Text == tt.probe {
					tok = i
					break
				}
			}
			if tok < 0 {
				t.Fatalf("no token %q", tt.probe)
			}
			a := x.At(0, tok)
			if a == nil {
				t.Fatalf("no attribution covers %q; found %+v", tt.probe, x.Attributions())
			}
			for _, c := range []struct {
				what      string
				got, want string
			}{
				{"source", spanText(d, a.Source), tt.source},
				{"cue", spanText(d, a.Cue), tt.cue},
				{"content", spanText(d, a.Content), tt.content},
			} {
				if c.want == "" && c.got != "" && c.what != "content" {
					t.Errorf("%s = %q, want none", c.what, c.got)
				}
				if !strings.Contains(c.got, c.want) {
					t.Errorf("%s = %q, want it to hold %q", c.what, c.got, c.want)
				}
			}
			if got := chainString(a.Chain); tt.chain != "" && !strings.HasPrefix(got, tt.chain) {
				t.Errorf("chain = %q, want %q", got, tt.chain)
			}
			if a.Hedged != tt.hedged {
				t.Errorf("hedged = %v, want %v", a.Hedged, tt.hedged)
			}
			if e := a.Event(); e.Voice != VoiceCited {
				t.Errorf("voice = %q, want cited", e.Voice)
			}
		})
	}
}

// TestPassedOver checks that phrases annotators mostly pass over give no
// cue: descriptions, reasons and topics.
func TestPassedOver(t *testing.T) {
	tests := []struct{ name, text, cue string }{
		{"gerund of reason", "Critics faulted the senator for supporting the ban.", "supporting"},
		{"relative clause of a group", "Donors can give to a super PAC that attacks Clinton.", "attacks"},
		{"progressive relative clause", "There are lawmakers who are calling for a new vote.", "calling"},
		{"noun under a preposition of topic", "The hearing focused on his attack on the judge.", "attack"},
		{"attack of no holder", "The attack on the embassy killed four people.", "attack"},
		{"plan for", "The plan for the new bridge was approved in May.", "plan"},
		{"plural noun like a verb form", "The candidates' favorite TV shows sound about right.", "shows"},
		{"possessive before a verb form", "The crowd sang his praises all night.", "praises"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.text)
			for _, a := range Find(d) {
				if strings.Contains(spanText(d, a.Cue), tt.cue) {
					t.Errorf("cue %q found (rule %s, content %q)", spanText(d, a.Cue), a.Rule, spanText(d, a.Content))
				}
			}
		})
	}
}

func TestPublisherVoice(t *testing.T) {
	d := parse(t, "Israel struck Beirut on Monday. Hezbollah fired rockets.")
	x := NewIndex(d, Find(d))
	for si, s := range d.Sentences {
		for tok := s.First; tok < s.Last; tok++ {
			if e := x.Event(si, tok); e == nil || e.Voice != VoicePublisher || len(e.Chain) > 0 {
				t.Fatalf("token %q: %+v, want the publisher's voice", d.Tokens[tok].Text, e)
			}
		}
	}
	if x.At(-1, 0) != nil || x.At(0, len(d.Tokens)) != nil {
		t.Error("out of range lookups must give nil")
	}
}

func TestReportRefersBack(t *testing.T) {
	d := parse(t, "The army withdrew, according to a report by Axios.\n\nThe talks stalled, according to the report.")
	atts := Find(d)
	var last *Attribution
	for i := range atts {
		if atts[i].Sentence == 1 {
			last = &atts[i]
		}
	}
	if last == nil || chainString(last.Chain) != "outlet:Axios" {
		t.Fatalf("second sentence: %+v, want it on Axios's word", last)
	}
}

func TestContinuation(t *testing.T) {
	d := parse(t, "According to one official cited by Axios, Lebanon wants talks. Lebanon reportedly proposed a meeting in Cyprus.")
	x := NewIndex(d, Find(d))
	tok := -1
	for i, tk := range d.Tokens {
		if tk.Text == "proposed" {
			tok = i
		}
	}
	a := x.At(1, tok)
	if a == nil || !a.Hedged || !a.Continued || !strings.HasPrefix(chainString(a.Chain), "outlet:Axios") {
		t.Fatalf("got %+v, want a hedged attribution continued from Axios", a)
	}
}

func TestNumber(t *testing.T) {
	for in, want := range map[string]int{"five": 5, "One": 1, "a": 1, "12": 12, "several": 0, "": 0, "x1": 0} {
		if got := number(in); got != want {
			t.Errorf("number(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestSeed checks the attributions of the seed article the gold asks for.
func TestSeed(t *testing.T) {
	path := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := parse(t, string(b))
	x := NewIndex(d, Find(d))
	tests := []struct {
		sentence, word string
		name           string // a chain link must name it; "self": publisher
		anon           int
		hedged         bool
	}{
		{"proposed holding direct negotiations", "proposed", "Axios", 5, false},
		{"firing rockets and drones toward Israel", "firing", "self", 0, false},
		{"Israel responded with extensive airstrikes", "responded", "self", 0, false},
		{"approached US Ambassador", "approached", "Axios", 0, false},
		{"proposed holding immediate direct talks", "proposed", "", 0, true},
		{"Barrack rejected the proposal", "rejected", "self", 0, false},
		{"Israel rejected the outreach", "rejected", "Axios", 0, false},
		{"resisted orders", "resisted", "", 0, true},
		{"urging President Aoun", "urging", "Axios", 0, false},
		{"expressed frustration", "expressed", "Axios", 0, false},
		{"expected to pursue", "pursue", "Axios", 0, false},
	}
	for _, tt := range tests {
		si := -1
		for i, s := range d.Sentences {
			if strings.Contains(s.Text, tt.sentence) {
				si = i
			}
		}
		if si < 0 {
			t.Fatalf("no sentence with %q", tt.sentence)
		}
		tok := -1
		for i := d.Sentences[si].First; i < d.Sentences[si].Last; i++ {
			if d.Tokens[i].Text == tt.word && tok < 0 {
				tok = i
			}
		}
		e := x.Event(si, tok)
		switch {
		case tt.name == "self" && e.Voice != VoicePublisher:
			t.Errorf("%q: voice %q, want publisher", tt.sentence, e.Voice)
		case tt.name != "" && tt.name != "self":
			found := false
			for _, s := range e.Chain {
				found = found || s.Name == tt.name
			}
			if !found {
				t.Errorf("%q: chain %+v does not name %s", tt.sentence, e.Chain, tt.name)
			}
		}
		if tt.anon > 0 {
			found := false
			for _, s := range e.Chain {
				found = found || s.Role == RoleAnonymous && s.Count == tt.anon
			}
			if !found {
				t.Errorf("%q: chain %+v has no %d anonymous sources", tt.sentence, e.Chain, tt.anon)
			}
		}
		if tt.hedged && !e.Hedged {
			t.Errorf("%q: not hedged", tt.sentence)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("Axios reported that the government approached the envoy last week and asked him to mediate. "+
		"According to one Israeli official cited by Axios, Lebanon reportedly proposed talks. "+
		"Israel struck Beirut on Monday, officials said. ", 10)
	d := parse(b, text)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Find(d)
	}
	b.ReportMetric(float64(b.N*len(d.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

func TestSourcingSkipsStances(t *testing.T) {
	tests := []struct {
		text, trigger, voice string
	}{
		{"Pakistan said India attacked its border posts.", "attacked", VoiceCited},
		{"Iran condemned the Israeli blockade of Gaza.", "blockade", VoicePublisher},
		{"Trump's criticism of the strike on Iran drew fire.", "strike", VoicePublisher},
		{"Republican leaders are hostile to the strike on Iran.", "strike", VoicePublisher},
		{"Super PAC blasts Trump for skipping debate.", "skipping", VoicePublisher},
	}
	for _, tt := range tests {
		d := parse(t, tt.text)
		x := NewIndex(d, Find(d))
		for tok, tk := range d.Tokens {
			if tk.Text != tt.trigger {
				continue
			}
			if got := x.Sourcing(0, tok); got.Voice != tt.voice {
				t.Errorf("%q: %q is %+v, want voice %s", tt.text, tt.trigger, got, tt.voice)
			}
		}
	}
}

func TestVerbLemma(t *testing.T) {
	tests := []struct{ lemma, text, want string }{
		{"declin", "declined", "decline"},
		{"not", "noting", "note"},
		{"blaste", "blasted", "blast"},
		{"say", "said", "say"},
		{"not", "not", "not"},
		{"walk", "walked", "walk"},
	}
	for _, tt := range tests {
		if got := verbLemma(tt.lemma, tt.text); got != tt.want {
			t.Errorf("verbLemma(%q, %q) = %q, want %q", tt.lemma, tt.text, got, tt.want)
		}
	}
}

// TestQuotedInner checks that what a quotation says others said or think
// is no attribution of its own: it is part of the quotation.
func TestQuotedInner(t *testing.T) {
	tests := []struct{ text, cue string }{
		{"\"I know the Post may think I am radical,\" she said.", "think"},
		{"\"They told us the plant was safe,\" the mayor said.", "told"},
	}
	for _, tt := range tests {
		d := parse(t, tt.text)
		for _, a := range Find(d) {
			if spanText(d, a.Cue) == tt.cue || strings.HasSuffix(spanText(d, a.Cue), " "+tt.cue) {
				t.Errorf("%q: attribution with cue %q inside the quotation: %+v", tt.text, tt.cue, a)
			}
		}
	}
}

// TestColon checks that a verb of saying before a colon that ends its
// sentence takes the next sentence as its content.
func TestColon(t *testing.T) {
	tests := []struct {
		text                 string
		source, cue, content string
	}{
		{"Cruz continued:\n\nWe will win this race in the fall.", "Cruz", "continued:", "We will win this race in the fall."},
		{"Breitbart News responded:\n\nThe allegations are false.", "Breitbart News", "responded:", "The allegations are false."},
	}
	for _, tt := range tests {
		d := parse(t, tt.text)
		found := false
		for _, a := range Find(d) {
			if a.Rule != "colon" {
				continue
			}
			found = true
			if got := spanText(d, a.Source); got != tt.source {
				t.Errorf("%q: source = %q, want %q", tt.text, got, tt.source)
			}
			if got := spanText(d, a.Cue); got != tt.cue {
				t.Errorf("%q: cue = %q, want %q", tt.text, got, tt.cue)
			}
			if got := spanText(d, a.Content); got != tt.content {
				t.Errorf("%q: content = %q, want %q", tt.text, got, tt.content)
			}
		}
		if !found {
			t.Errorf("%q: no colon attribution", tt.text)
		}
	}
}

func TestSentenceEndingInSaid(t *testing.T) {
	// A verb of saying as the last token, with no full stop after it.
	for _, text := range []string{"Israel struck Gaza, officials said", "“We will respond,” Hezbollah said", "Talks failed, said"} {
		d := parse(t, text)
		x := NewIndex(d, Find(d))
		for si, s := range d.Sentences {
			for tok := s.First; tok < s.Last; tok++ {
				_ = x.Sourcing(si, tok)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Israel struck Gaza, officials said", "According to Axios, Lebanon proposed talks.",
		"“No,” he said. She said.", "Sources told Reuters that", ": said", "said"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		d := parse(t, text)
		atts := Find(d)
		n := len([]rune(d.Text))
		for _, a := range atts {
			for _, sp := range []doc.Span{a.Source, a.Cue, a.Content, a.Hedge} {
				if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
					t.Fatalf("span %+v outside the text of %d code points", sp, n)
				}
			}
		}
		x := NewIndex(d, atts)
		for si, s := range d.Sentences {
			for tok := s.First; tok < s.Last; tok++ {
				_ = x.Sourcing(si, tok)
			}
		}
	})
}

func TestMistaggedVerb(t *testing.T) {
	tests := []struct {
		text, lemma string
		bare        bool
	}{
		{"Says", "say", false},
		{"told", "tell", false},
		{"say", "say", true},
		{"denies", "deny", false},
		{"Blasts", "blast", false},
		{"shows", "show", false},
		{"claims", "", false},
		{"president", "", false},
		{"s", "", false},
	}
	for _, tt := range tests {
		if l, bare := mistaggedVerb(tt.text); l != tt.lemma || bare != tt.bare {
			t.Errorf("mistaggedVerb(%q) = %q, %v, want %q, %v", tt.text, l, bare, tt.lemma, tt.bare)
		}
	}
}

func TestCredit(t *testing.T) {
	tests := []struct {
		text, cue, source string
	}{
		{"“The talks have failed and nobody is listening to us.” ― Amal Haddad", "―", "Amal Haddad"},
		{"“It’s a horrific comment to make, I mean it.” ― I know", "", ""},
		{"‘Self-deportation’ ― I mean, it is horrific.", "", ""},
	}
	for _, tt := range tests {
		d := parse(t, tt.text)
		cue, source := "", ""
		for _, a := range Find(d) {
			if a.Rule == "credit" {
				cue, source = spanText(d, a.Cue), spanText(d, a.Source)
			}
		}
		if cue != tt.cue || source != tt.source {
			t.Errorf("%q: credit cue %q source %q, want %q %q", tt.text, cue, source, tt.cue, tt.source)
		}
	}
}

func TestStanceIsNoOuterReport(t *testing.T) {
	d := parse(t, "The government proposed holding talks with Israel, according to a report by Axios citing five sources familiar with the matter.")
	x := NewIndex(d, Find(d))
	for tok, tk := range d.Tokens {
		if tk.Text != "proposed" {
			continue
		}
		e := x.Sourcing(0, tok)
		if len(e.Chain) == 0 || e.Chain[0].Name != "Axios" {
			t.Errorf("chain %+v, want Axios first", e.Chain)
		}
	}
}
