// Package cmdutil holds what the sitrep subcommands share: the Factory of
// injected IO and dependencies, the Command type with its flag handling and
// help text, and the errors that map to exit statuses.
package cmdutil

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/pipeline"
)

// ReadFunc reads articles from paths (files, directories, "-" for standard
// input, URLs) and calls fn with each article, or with an input error for a
// source or document that could not be read; it goes on after input errors
// and stops at the first error fn returns.
type ReadFunc func(ctx context.Context, paths []string, fn func(a doc.Article, err error) error) error

// Factory holds the IO streams and dependencies that main builds once and
// hands to every command; tests build one with buffers and fakes.
type Factory struct {
	// In, Out and ErrOut are standard input, output and error.
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the linguistic pipeline with its models.
	Load func() (*pipeline.Pipeline, error)
	// Read reads input articles (input.Read in the binary).
	Read ReadFunc
}

// DocOptions holds what the commands that read, parse and resolve articles
// share: IO, the pipeline and knowledge base loaders, their inputs and the
// --workers and --kb flags. Commands embed it in their Options.
type DocOptions struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Load returns the pipeline; it is called once per run.
	Load func() (*pipeline.Pipeline, error)
	// Read reads the input articles.
	Read ReadFunc
	// LoadKB returns the knowledge base; nil means the embedded data plus
	// the KBDirs (kb.LoadDirs).
	LoadKB func() (*kb.KB, error)

	// Inputs are files, directories, URLs or "-" (standard input).
	Inputs []string
	// KBDirs are user knowledge base directories (--kb), applied in order.
	KBDirs []string
	// Workers is the size of the worker pool; <= 0 means GOMAXPROCS.
	Workers int
}

// NewDocOptions returns the DocOptions of a command built from f.
func NewDocOptions(f *Factory) DocOptions {
	return DocOptions{In: f.In, Out: f.Out, ErrOut: f.ErrOut, Load: f.Load, Read: f.Read}
}

// KB loads the knowledge base: LoadKB when set, else the embedded data plus
// the KBDirs.
func (o *DocOptions) KB() (*kb.KB, error) {
	if o.LoadKB != nil {
		return o.LoadKB()
	}
	return kb.LoadDirs(o.KBDirs...)
}

// AddFlags registers --workers and --kb on fs.
func (o *DocOptions) AddFlags(fs *flag.FlagSet) {
	fs.IntVar(&o.Workers, "workers", 0, "number of parallel workers (0: GOMAXPROCS)")
	fs.Var(StringList{Values: &o.KBDirs}, "kb", "add or override knowledge base entries from the TSV files in `DIR` (repeatable)")
}

// SetInputs sets the inputs from the command's arguments: standard input
// when there are none.
func (o *DocOptions) SetInputs(args []string) {
	o.Inputs = args
	if len(o.Inputs) == 0 {
		o.Inputs = []string{"-"}
	}
}

// ErrSilent reports a failure that the command has already explained on
// ErrOut: the caller exits with status 1 and prints nothing more.
var ErrSilent = errors.New("silent error")

// FlagError is a usage error: bad flags or arguments. The caller prints it
// with a hint to the command's help and exits with status 2.
type FlagError struct{ Err error }

// Error returns the message of the underlying error.
func (e *FlagError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf returns a FlagError with a formatted message.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// Command is one subcommand, or a group of subcommands when Sub is set.
type Command struct {
	// Name is the word that selects the command.
	Name string
	// Short is a one-line description for command lists.
	Short string
	// Usage is the synopsis, e.g. "sitrep parse [flags] [inputs...]".
	Usage string
	// Long is the full description shown by help.
	Long string
	// Flags holds the command's flags; nil means none.
	Flags *flag.FlagSet
	// Run runs the command with the positional arguments left after flags.
	Run func(ctx context.Context, args []string) error
	// Sub lists the subcommands of a group.
	Sub []*Command
}

// NewFlagSet returns an empty flag set that reports errors instead of
// printing or exiting, for use in a Command.
func NewFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// Find returns the subcommand called name, or nil.
func (c *Command) Find(name string) *Command {
	for _, s := range c.Sub {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Execute parses args (flags may come before, between or after positional
// arguments; "--" ends flags) and runs the command, or dispatches to a
// subcommand. "-h" and "--help" print the help to out and return nil.
func (c *Command) Execute(ctx context.Context, args []string, out io.Writer) error {
	if len(c.Sub) > 0 {
		if len(args) == 0 {
			c.Help(out)
			return nil
		}
		if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			if len(args) > 1 {
				if s := c.Find(args[1]); s != nil {
					s.Help(out)
					return nil
				}
			}
			c.Help(out)
			return nil
		}
		s := c.Find(args[0])
		if s == nil {
			return FlagErrorf("unknown command %q for %q", args[0], c.Usage)
		}
		return s.Execute(ctx, args[1:], out)
	}
	fs := c.Flags
	if fs == nil {
		fs = NewFlagSet(c.Name)
	}
	pos, err := ParseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		c.Help(out)
		return nil
	}
	if err != nil {
		return &FlagError{Err: err}
	}
	return c.Run(ctx, pos)
}

// ParseInterspersed parses flags anywhere in args and returns the positional
// arguments in order. Everything after "--" is positional.
func ParseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return append(pos, rest...), nil
}

// Help writes the command's usage, description, subcommands and flags.
func (c *Command) Help(w io.Writer) {
	var b strings.Builder
	if c.Long != "" {
		b.WriteString(strings.TrimSpace(c.Long) + "\n\n")
	} else if c.Short != "" {
		b.WriteString(c.Short + "\n\n")
	}
	b.WriteString("Usage:\n  " + c.Usage + "\n")
	if len(c.Sub) > 0 {
		b.WriteString("\nCommands:\n")
		width := 0
		for _, s := range c.Sub {
			width = max(width, len(s.Name))
		}
		for _, s := range c.Sub {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, s.Name, s.Short)
		}
		if prefix, _, ok := strings.Cut(c.Usage, " <command>"); ok {
			fmt.Fprintf(&b, "\nRun \"%s <command> -h\" for a command's flags.\n", prefix)
		}
	}
	if c.Flags != nil {
		n := 0
		c.Flags.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			b.WriteString("\nFlags:\n")
			c.Flags.SetOutput(&b)
			c.Flags.PrintDefaults()
			c.Flags.SetOutput(io.Discard)
		}
	}
	io.WriteString(w, b.String())
}

// StringList is a repeatable string flag: each use appends to the slice.
type StringList struct{ Values *[]string }

// String returns the values collected so far.
func (l StringList) String() string {
	if l.Values == nil {
		return ""
	}
	return fmt.Sprint(*l.Values)
}

// Set appends one value.
func (l StringList) Set(s string) error {
	*l.Values = append(*l.Values, s)
	return nil
}
