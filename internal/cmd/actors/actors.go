// Package actors implements "sitrep actors": it reads articles, runs the
// linguistic pipeline and the mention resolver, and prints one JSON object
// per actor, place or outlet mention.
package actors

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/mention"
)

// Options holds the command's IO, dependencies, inputs and flags.
type Options struct {
	cmdutil.DocOptions
}

// NewCmd returns the actors command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{DocOptions: cmdutil.NewDocOptions(f)}
	fs := cmdutil.NewFlagSet("actors")
	opts.AddFlags(fs)
	return &cmdutil.Command{
		Name:  "actors",
		Short: "Find and resolve the actors, places and outlets named in articles",
		Usage: "sitrep actors [--kb DIR] [--workers N] [inputs...]",
		Long: `Read articles (plain text, HTML, JSON Lines, RSS or Atom; files, directories,
URLs, or "-" for standard input, the default), run the linguistic pipeline and
resolve the mentions of actors, places and news outlets against the knowledge
base. Print one JSON object per mention per line:

  {"doc","sentence","text","start","end","kind","code","country","sector",
   "name","id","via","type","antecedent","lat","lon"}

kind is actor, place or outlet; via is dictionary, compositional, coreference
or unresolved; start and end are code point offsets into the document text;
antecedent is the index, among the document's mentions, of the mention a
coreferent one refers back to; lat and lon are given for places. A country,
or a named area standing for one ("Gaza Strip"), used as a location is a
place that also carries the country's code, as a possible event target;
cities and regions carry the country only. Empty values
are left out. Input errors are reported one a line and the rest of the batch
still runs; the exit status is then 1.`,
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

// Record is the JSON form of one mention.
type Record struct {
	Doc        string   `json:"doc"`
	Sentence   int      `json:"sentence"`
	Text       string   `json:"text"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Kind       string   `json:"kind"`
	Code       string   `json:"code,omitempty"`
	Country    string   `json:"country,omitempty"`
	Sector     string   `json:"sector,omitempty"`
	Name       string   `json:"name,omitempty"`
	ID         string   `json:"id,omitempty"`
	Via        string   `json:"via,omitempty"`
	Type       string   `json:"type,omitempty"`
	Antecedent *int     `json:"antecedent,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
}

// NewRecord returns the record of mention m of document id.
func NewRecord(id string, m doc.Mention) Record {
	r := Record{Doc: id, Sentence: m.Sentence, Text: m.Text, Start: m.Start, End: m.End,
		Kind: m.Kind, Code: m.Code, Country: m.Country, Sector: m.Sector, Name: m.Name,
		ID: m.ID, Via: m.Via, Type: m.Type}
	if m.Antecedent >= 0 {
		a := m.Antecedent
		r.Antecedent = &a
	}
	if m.Kind == doc.KindPlace && m.HasCoords {
		lat, lon := m.Lat, m.Lon
		r.Lat, r.Lon = &lat, &lon
	}
	return r
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	enc := json.NewEncoder(opts.Out)
	enc.SetEscapeHTML(false)
	return parse.EachDoc(ctx, &opts.DocOptions, func(k *kb.KB) (func(*doc.Doc) error, error) {
		res := mention.New(k)
		return func(d *doc.Doc) error {
			res.Process(d)
			for _, m := range d.Mentions {
				if err := enc.Encode(NewRecord(d.ID, m)); err != nil {
					return fmt.Errorf("write mentions of %s: %w", d.ID, err)
				}
			}
			return nil
		}, nil
	})
}
