// Package root builds the sitrep command tree and runs it: it dispatches to
// the subcommands, prints help for "sitrep", "sitrep help [command]" and
// "sitrep COMMAND -h", and maps errors to exit statuses.
package root

import (
	"context"
	"errors"
	"fmt"

	"github.com/sitrep/sitrep/internal/cmd/actors"
	"github.com/sitrep/sitrep/internal/cmd/attributions"
	"github.com/sitrep/sitrep/internal/cmd/bench"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/eval"
	"github.com/sitrep/sitrep/internal/cmd/export"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	kbcmd "github.com/sitrep/sitrep/internal/cmd/kb"
	mergecmd "github.com/sitrep/sitrep/internal/cmd/merge"
	"github.com/sitrep/sitrep/internal/cmd/parse"
	"github.com/sitrep/sitrep/internal/cmd/query"
	reportcmd "github.com/sitrep/sitrep/internal/cmd/report"
	"github.com/sitrep/sitrep/internal/cmd/serve"
	"github.com/sitrep/sitrep/internal/cmd/timex"
	"github.com/sitrep/sitrep/internal/cmd/train"
	"github.com/sitrep/sitrep/internal/cmd/version"
	"github.com/sitrep/sitrep/internal/cmd/watch"
)

// Exit statuses returned by Run.
const (
	ExitOK    = 0 // success
	ExitError = 1 // the command failed
	ExitUsage = 2 // bad command line
)

// NewCmd returns the root command with every subcommand wired to f.
func NewCmd(f *cmdutil.Factory) *cmdutil.Command {
	return &cmdutil.Command{
		Name:  "sitrep",
		Short: "Turn news reports into coded political event data.",
		Usage: "sitrep <command> [flags] [arguments]",
		Long: `sitrep turns news reports into coded political event data: who did what to
whom, when, where, and according to whom.`,
		Sub: []*cmdutil.Command{
			parse.NewCmd(f, nil),
			actors.NewCmd(f, nil),
			timex.NewCmd(f, nil),
			attributions.NewCmd(f, nil),
			extract.NewCmd(f, nil),
			ingest.NewCmd(f, nil),
			watch.NewCmd(f, nil),
			mergecmd.NewCmd(f, nil),
			export.NewCmd(f, nil),
			reportcmd.NewCmd(f, nil),
			query.NewCmd(f, nil),
			serve.NewCmd(f, nil),
			eval.NewCmd(f),
			kbcmd.NewCmd(f),
			bench.NewCmd(f, nil),
			train.NewCmd(f, nil),
			version.NewCmd(f, nil),
		},
	}
}

// Run runs the command line args (without the program name) and returns the
// exit status. Errors are printed to f.ErrOut as "sitrep: <error>".
func Run(ctx context.Context, args []string, f *cmdutil.Factory) int {
	root := NewCmd(f)
	if len(args) > 0 && args[0] == "help" {
		return help(root, args[1:], f)
	}
	err := root.Execute(ctx, args, f.Out)
	var flagErr *cmdutil.FlagError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, cmdutil.ErrSilent):
		return ExitError
	case errors.As(err, &flagErr):
		fmt.Fprintf(f.ErrOut, "sitrep: %v\nRun \"sitrep help\" for usage.\n", err)
		return ExitUsage
	default:
		fmt.Fprintf(f.ErrOut, "sitrep: %v\n", err)
		return ExitError
	}
}

// help prints the help of the command named by path ("eval ud"), or of root.
func help(root *cmdutil.Command, path []string, f *cmdutil.Factory) int {
	c := root
	for _, name := range path {
		s := c.Find(name)
		if s == nil {
			fmt.Fprintf(f.ErrOut, "sitrep: unknown help topic %q\nRun \"sitrep help\" for usage.\n", name)
			return ExitUsage
		}
		c = s
	}
	c.Help(f.Out)
	return ExitOK
}
