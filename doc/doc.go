// Package doc defines the document value that flows through the sitrep
// pipeline: an Article as read from input, and the Doc that each stage
// annotates in turn (sentences, tokens, tags, lemmas, dependencies).
//
// All offsets are Unicode code points into Article.Text, which no stage ever
// rewrites.
package doc

import "time"

// Span is a half-open range [Start, End) of code points in a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len reports the number of code points the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.Start == s.End }

// Article is one input document as read from a file, feed or stream, before
// any linguistic processing.
type Article struct {
	// ID identifies the document in its batch: the JSON Lines "id", the feed
	// item's GUID, or the file path (with a line or item number when one file
	// holds several documents).
	ID string `json:"id"`
	// Source names where the article was read from (file path, "-" for
	// standard input, or URL), for error messages and provenance.
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
	// Published is the article's date: from the input's metadata or from a
	// recognised dateline. Zero when unknown.
	Published time.Time `json:"published,omitempty"`
	// Text is the article text, exactly as given; every offset points into it.
	Text string `json:"text"`
	// Dateline is the span of a recognised leading dateline ("BEIRUT, March 9
	// (Reuters) -"); empty when there is none.
	Dateline Span `json:"dateline"`
	// BodyStart is the code point offset where the article body starts: after
	// the dateline when there is one, else 0. Sentence splitting starts here.
	BodyStart int `json:"body_start"`
}

// Token is one syntactic word with its annotations. Fields after End are
// filled by the stages that own them and are empty until then.
type Token struct {
	// Text is the word exactly as in the document.
	Text string
	// Start and End are code point offsets into the document text.
	Start, End int
	// SpaceAfter reports whether whitespace follows the token in the text.
	SpaceAfter bool
	// Lemma, UPOS, XPOS and Feats follow Universal Dependencies conventions.
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	// Head is the 1-based index of the token's head within its sentence, 0
	// for the root. Meaningful only when DepRel is set.
	Head   int
	DepRel string
}

// Sentence is a run of tokens with its span in the document text.
type Sentence struct {
	Span
	// Text is the sentence exactly as in the document.
	Text string
	// First and Last delimit the sentence's tokens in Doc.Tokens: [First, Last).
	First, Last int
}

// Doc is an article with its linguistic annotations.
type Doc struct {
	Article
	Sentences []Sentence
	Tokens    []Token
	// Mentions are the actor, place and outlet mentions in text order.
	Mentions []Mention
	// Times are the time expressions in text order (package timex).
	Times []Time
}

// Time is a time expression of a document with its TimeML normalisation
// relative to the article's date.
type Time struct {
	// Span holds code point offsets into the document text.
	Span
	// Sentence is the index of the expression's sentence; First and Last
	// delimit its tokens in Doc.Tokens: [First, Last).
	Sentence, First, Last int
	// Text is the expression as in the document.
	Text string
	// Type is the TIMEX3 type: DATE, TIME, DURATION or SET.
	Type string
	// Value is the TIMEX3 value ("2026-03-09", "2026-W10", "P2W", "PAST_REF").
	Value string
	// From and To are the first and last day (YYYY-MM-DD) of the interval
	// the expression covers, empty when unknown; Precision is its unit
	// ("day", "week", "month", ...).
	From, To, Precision string
}

// SentenceTokens returns the tokens of sentence i; the slice aliases Doc.Tokens,
// so stages annotate tokens in place through it.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}
