// Package attributions implements "sitrep attributions": it reads
// articles, runs the linguistic pipeline, the mention resolver and the
// attribution finder, and prints one JSON object per attribution.
package attributions

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/attrib"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/mention"
)

// Options holds the command's IO, dependencies, inputs and flags.
type Options struct {
	cmdutil.DocOptions
}

// NewCmd returns the attributions command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{DocOptions: cmdutil.NewDocOptions(f)}
	fs := cmdutil.NewFlagSet("attributions")
	opts.AddFlags(fs)
	return &cmdutil.Command{
		Name:  "attributions",
		Short: "Find who is said to have said what in articles",
		Usage: "sitrep attributions [--kb DIR] [--workers N] [inputs...]",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), run the linguistic pipeline,
resolve the mentions, and find the attributions: a source, a cue and the
content attributed ("Axios reported that ...", "according to a report by Axios
citing five sources", "reportedly"). Print one JSON object per attribution per
line:

  {"doc","sentence","source":{"text","start","end"},"cue":{...},
   "content":{...},"hedge":{...},"chain":[...],"hedged","continued","rule"}

start and end are code point offsets into the document text; a missing source
(a hedge, "is said to") or cue (a hedge alone) is left out. chain lists the
sources outermost first, each {"role","name","code","country","affiliations",
"cue","count","text","span"}; role is outlet, person, organisation,
anonymous, document or other, and count the number of anonymous sources when
the text gives it. hedged says whether the text hedges the content;
continued, that a hedge takes the chain of the sentence before. Input errors
are reported one a line and the rest of the batch still runs; the exit status
is then 1.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			opts.SetInputs(args)
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Record is the JSON form of one attribution.
type Record struct {
	Doc       string        `json:"doc"`
	Sentence  int           `json:"sentence"`
	Source    *event.Span   `json:"source,omitempty"`
	Cue       *event.Span   `json:"cue,omitempty"`
	Content   *event.Span   `json:"content,omitempty"`
	Hedge     *event.Span   `json:"hedge,omitempty"`
	Chain     []attrib.Link `json:"chain,omitempty"`
	Hedged    bool          `json:"hedged"`
	Continued bool          `json:"continued,omitempty"`
	Rule      string        `json:"rule,omitempty"`
}

// NewRecord returns the record of attribution a of document d; runes is
// d.Text as code points.
func NewRecord(d *doc.Doc, runes []rune, a attrib.Attribution) Record {
	span := func(s doc.Span) *event.Span {
		if s.IsZero() || s.Start < 0 || s.End > len(runes) {
			return nil
		}
		return &event.Span{Text: string(runes[s.Start:s.End]), Start: s.Start, End: s.End}
	}
	return Record{Doc: d.ID, Sentence: a.Sentence, Source: span(a.Source), Cue: span(a.Cue),
		Content: span(a.Content), Hedge: span(a.Hedge), Chain: a.Chain, Hedged: a.Hedged,
		Continued: a.Continued, Rule: a.Rule}
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	enc := json.NewEncoder(opts.Out)
	enc.SetEscapeHTML(false)
	return parse.EachDoc(ctx, &opts.DocOptions, func(k *kb.KB) (func(*doc.Doc) error, error) {
		res := mention.New(k)
		finder := &attrib.Finder{IsPerson: func(id string) bool { _, ok := k.Person(id); return ok }}
		return func(d *doc.Doc) error {
			res.Process(d)
			runes := []rune(d.Text)
			for _, a := range finder.Find(d) {
				if err := enc.Encode(NewRecord(d, runes, a)); err != nil {
					return fmt.Errorf("write attributions of %s: %w", d.ID, err)
				}
			}
			return nil
		}, nil
	})
}
