// Package kbimport implements "sitrep kb import": it converts PETRARCH and
// Phoenix actor and agent dictionaries into knowledge base files that
// "--kb DIR" (kb.LoadDirs) reads.
package kbimport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/kb/petrarch"
)

// Options holds the command's IO and flags.
type Options struct {
	// Out receives the summary, ErrOut the problems found, one per line.
	Out, ErrOut io.Writer
	// Format is the dictionary format; only "petrarch" is known.
	Format string
	// Kind is "actors" or "agents", or "" to detect each file's kind.
	Kind string
	// OutDir is the directory written.
	OutDir string
	// Countries adds country synonyms as aliases of the kb countries.
	Countries bool
	// Files are the dictionaries to convert.
	Files []string
	// ReadFile reads a file (os.ReadFile in the binary).
	ReadFile func(string) ([]byte, error)
	// Base loads the knowledge base the output is layered on (kb.Load).
	Base func() (*kb.KB, error)
}

// NewCmd returns the import command. runF replaces Run in tests when
// non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, ErrOut: f.ErrOut, ReadFile: os.ReadFile, Base: kb.Load}
	fs := cmdutil.NewFlagSet("import")
	fs.StringVar(&opts.Format, "format", "", `dictionary format: "petrarch" (PETRARCH/Phoenix/TABARI)`)
	fs.StringVar(&opts.Kind, "kind", "", `"actors" or "agents"; default: detect from each file's content`)
	fs.StringVar(&opts.OutDir, "out", "kb-imported", "output directory, for --kb")
	fs.BoolVar(&opts.Countries, "countries", false, "also add the synonyms of country entries ([AFG]) as country aliases (countries.tsv)")
	return &cmdutil.Command{
		Name:  "import",
		Short: "Convert PETRARCH/Phoenix actor and agent dictionaries into a kb directory",
		Usage: "sitrep kb import --format petrarch [--kind actors|agents] [--out DIR] [--countries] FILE...",
		Long: `Convert PETRARCH/Phoenix actor and agent dictionaries into knowledge base
files: people-imported.tsv, orgs-imported.tsv and agents.tsv (and, with
--countries, countries.tsv) in --out, for use with --kb DIR.

Actor entries with dated codes and a personal name become people with one
role per code; other coded entries become organisations, their kind taken
from the code (IGO, NGO, REB, PTY, MED, BUS, ...); entries coding a bare
country ([AFG]) are skipped unless --countries. Agent terms are merged into
the knowledge base's agents by sector (the code's first three letters).

Lines that cannot be interpreted are printed to standard error as
"file:line: problem"; the rest still converts, and the exit status is 1.`,
		Flags: fs,
		Run: func(ctx context.Context, args []string) error {
			if opts.Format != "petrarch" {
				return cmdutil.FlagErrorf("--format: want \"petrarch\", got %q", opts.Format)
			}
			if opts.Kind != "" && opts.Kind != "actors" && opts.Kind != "agents" {
				return cmdutil.FlagErrorf("--kind: want \"actors\" or \"agents\", got %q", opts.Kind)
			}
			if len(args) == 0 {
				return cmdutil.FlagErrorf("import needs at least one dictionary file")
			}
			opts.Files = args
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Run converts opts.Files and writes opts.OutDir. It returns
// cmdutil.ErrSilent after printing the problems when any line failed.
func Run(_ context.Context, opts *Options) error {
	start := time.Now()
	base, err := opts.Base()
	if err != nil {
		return fmt.Errorf("load knowledge base: %w", err)
	}
	actors := &petrarch.Actors{}
	var agents []petrarch.AgentEntry
	var errs []error
	for _, file := range opts.Files {
		data, err := opts.ReadFile(file)
		if err != nil {
			return fmt.Errorf("read dictionary: %w", err)
		}
		name := filepath.Base(file)
		kind := opts.Kind
		if kind == "" {
			kind = Detect(data)
		}
		if kind == "agents" {
			entries, e := petrarch.ParseAgents(bytes.NewReader(data), name)
			errs = append(errs, e...)
			agents = append(agents, entries...)
			fmt.Fprintf(opts.Out, "%s: agents: %d entries, %d errors\n", name, len(entries), len(e))
			continue
		}
		a, e := petrarch.ParseActors(bytes.NewReader(data), name, base)
		errs = append(errs, e...)
		actors.Merge(a)
		fmt.Fprintf(opts.Out, "%s: actors: %d entries: %d people, %d orgs, %d country entries, %d uncoded; %d errors\n",
			name, a.Entries, len(a.People), len(a.Orgs), len(a.Countries), a.Uncoded, len(e))
	}
	kbAgents, st := petrarch.ToKB(agents)
	w, err := petrarch.Write(opts.OutDir, actors, kbAgents, petrarch.Options{Base: base, Countries: opts.Countries})
	if err != nil {
		return fmt.Errorf("write %s: %w", opts.OutDir, err)
	}
	fmt.Fprintf(opts.Out, "wrote %s: people %d (%d roles), orgs %d, agents %d (%d terms added, %d left to other agents; %d codes narrowed to their sector)",
		opts.OutDir, w.People, w.Roles, w.Orgs, w.Agents, w.NewTerms, w.ClashTerms+st.Conflicts, st.Narrowed)
	if opts.Countries {
		fmt.Fprintf(opts.Out, ", countries %d (%d aliases added)\n", w.Countries, w.CountryAliases)
	} else {
		fmt.Fprintf(opts.Out, "; %d country entries skipped (use --countries)\n", len(actors.Countries))
	}
	fmt.Fprintf(opts.Out, "%d files, %d errors, %.2fs\n", len(opts.Files), len(errs), time.Since(start).Seconds())
	if len(errs) == 0 {
		return nil
	}
	for _, e := range errs {
		fmt.Fprintln(opts.ErrOut, e)
	}
	return cmdutil.ErrSilent
}

// Detect tells an agent dictionary from an actor dictionary: agent codes
// carry a '~' ([~GOV], [NGO~]), actor codes never do.
func Detect(data []byte) string {
	for _, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		if strings.Contains(l, "[~") || strings.Contains(l, "~]") || strings.Contains(l, "[ ~") {
			return "agents"
		}
	}
	return "actors"
}
