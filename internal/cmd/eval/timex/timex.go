// Package timex implements "sitrep eval timex": it tags the time
// expressions of the TimeBank and AQUAINT TimeML corpora with package timex
// and scores them against the TIMEX3 annotations (package timexeval).
package timex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/shared"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/timex"
	"github.com/sitrep/sitrep/timex/timexeval"
	"github.com/sitrep/sitrep/tokenize"
)

// Corpora are the corpus directories scored, relative to the shared
// directory.
const (
	TimeBank = "data/timebank/TimeBank"
	AQUAINT  = "data/timebank/AQUAINT"
)

// Options holds the command's IO, dependencies and flags.
type Options struct {
	Out    io.Writer
	ErrOut io.Writer
	// Tokenizer splits the documents; tokenize.New() by default.
	Tokenizer pipeline.Tokenizer
	// Shared is the shared data directory; empty means shared.Dir().
	Shared string
	// JSON prints the scores as a JSON object instead of a table.
	JSON bool
	// Details, when not empty, names a file that receives one JSON line per
	// missed, spurious or wrongly valued expression.
	Details string
}

// NewCmd returns the eval timex command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut}
	fs := cmdutil.NewFlagSet("timex")
	fs.StringVar(&opts.Shared, "shared", "", "shared data `directory` (default: ../shared beside the checkout, or $SITREP_SHARED)")
	fs.BoolVar(&opts.JSON, "json", false, "print the scores as JSON")
	fs.StringVar(&opts.Details, "details", "", "write one JSON line per missed, spurious or wrongly valued expression to `file`")
	return &cmdutil.Command{
		Name:  "timex",
		Short: "Score time expressions on TimeBank and AQUAINT",
		Usage: "sitrep eval timex [--shared DIR] [--json] [--details FILE]",
		Long: `Tag the time expressions of the TimeML files in
data/timebank/TimeBank and data/timebank/AQUAINT, each relative to its
document creation time, and score them against the TIMEX3 annotations of
<TEXT> as TempEval-3 does: extent precision, recall and F1 with relaxed (any
overlap) and strict (same span) matching, and the type and value accuracy of
the gold expressions found. The DCT itself is an input and is not scored.

A corpus missing from the shared directory is reported and skipped.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("eval timex takes no arguments, got %d", len(args))
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Result holds the scores of each corpus and of both together; a nil
// corpus was skipped.
type Result struct {
	TimeBank *timexeval.Scores `json:"timebank,omitempty"`
	AQUAINT  *timexeval.Scores `json:"aquaint,omitempty"`
	All      timexeval.Scores  `json:"all"`
}

// Detail is one error, for analysis.
type Detail struct {
	Doc   string           `json:"doc"`
	DCT   string           `json:"dct"`
	Kind  string           `json:"kind"` // missed, spurious, value
	Gold  *timexeval.Timex `json:"gold,omitempty"`
	Pred  *timexeval.Timex `json:"pred,omitempty"`
	Where string           `json:"context"`
}

// Run runs the command.
func Run(ctx context.Context, opts *Options) error {
	dir := opts.Shared
	if dir == "" {
		dir = shared.Dir()
	}
	if dir == "" {
		return fmt.Errorf("eval timex: shared data directory not found (give --shared DIR)")
	}
	tk := opts.Tokenizer
	if tk == nil {
		tk = tokenize.New()
	}
	tagger := timex.New()
	var details io.Writer
	if opts.Details != "" {
		f, err := os.Create(opts.Details)
		if err != nil {
			return fmt.Errorf("eval timex: %w", err)
		}
		defer f.Close()
		details = f
	}
	var res Result
	found := false
	for _, c := range []struct {
		rel string
		dst **timexeval.Scores
	}{{TimeBank, &res.TimeBank}, {AQUAINT, &res.AQUAINT}} {
		path := filepath.Join(dir, c.rel)
		if _, err := os.Stat(path); err != nil {
			fmt.Fprintf(opts.ErrOut, "sitrep: eval timex: %s missing, skipped\n", path)
			continue
		}
		docs, err := timexeval.ReadDir(path)
		if err != nil {
			fmt.Fprintf(opts.ErrOut, "sitrep: eval timex: %v\n", err)
		}
		s := &timexeval.Scores{}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			diff := Tag(tk, tagger, d)
			s.Add(diff)
			res.All.Add(diff)
			if details != nil {
				if err := writeDetails(details, d, diff); err != nil {
					return fmt.Errorf("eval timex: write details: %w", err)
				}
			}
		}
		*c.dst = s
		found = true
	}
	if !found {
		return fmt.Errorf("eval timex: no TimeML corpus under %s", dir)
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
		return nil
	}
	for _, c := range []struct {
		name string
		s    *timexeval.Scores
	}{{"TimeBank", res.TimeBank}, {"AQUAINT", res.AQUAINT}, {"all", &res.All}} {
		if c.s == nil {
			continue
		}
		if err := c.s.Write(opts.Out, c.name); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
	}
	return nil
}

// Tag tokenizes a TimeML document's text, tags its time expressions
// relative to its DCT and compares them with the gold ones.
func Tag(tk pipeline.Tokenizer, tagger *timex.Tagger, d *timexeval.Doc) timexeval.Diff {
	dd := &doc.Doc{Article: doc.Article{ID: d.ID, Text: d.Text, Published: d.DCT}}
	tk.Process(dd)
	found := tagger.Find(dd, d.DCT)
	pred := make([]timexeval.Timex, len(found))
	for i, x := range found {
		pred[i] = timexeval.Timex{Span: x.Span, Text: x.Text, Type: x.Type, Value: x.Value}
	}
	return timexeval.Compare(d.Timexes, pred)
}

func writeDetails(w io.Writer, d *timexeval.Doc, diff timexeval.Diff) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rs := []rune(d.Text)
	where := func(s doc.Span) string {
		a, b := max(0, s.Start-60), min(len(rs), s.End+60)
		return string(rs[a:s.Start]) + "[[" + string(rs[s.Start:s.End]) + "]]" + string(rs[s.End:b])
	}
	dct := ""
	if !d.DCT.IsZero() {
		dct = d.DCT.Format("2006-01-02 Mon")
	}
	for _, g := range diff.Missed {
		if err := enc.Encode(Detail{Doc: d.ID, DCT: dct, Kind: "missed", Gold: &g, Where: where(g.Span)}); err != nil {
			return err
		}
	}
	for _, p := range diff.Spurious {
		if err := enc.Encode(Detail{Doc: d.ID, DCT: dct, Kind: "spurious", Pred: &p, Where: where(p.Span)}); err != nil {
			return err
		}
	}
	for _, x := range diff.Wrong {
		if err := enc.Encode(Detail{Doc: d.ID, DCT: dct, Kind: "value", Gold: &x.Gold, Pred: &x.Pred, Where: where(x.Gold.Span)}); err != nil {
			return err
		}
	}
	return nil
}
