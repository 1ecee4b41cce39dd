// Package eval implements the "sitrep eval" command group: each subcommand
// scores one layer of sitrep against reference data.
package eval

import (
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/eval/actors"
	"github.com/sitrep/sitrep/internal/cmd/eval/attribution"
	"github.com/sitrep/sitrep/internal/cmd/eval/events"
	"github.com/sitrep/sitrep/internal/cmd/eval/timex"
	"github.com/sitrep/sitrep/internal/cmd/eval/ud"
)

// NewCmd returns the eval command group.
func NewCmd(f *cmdutil.Factory) *cmdutil.Command {
	return &cmdutil.Command{
		Name:  "eval",
		Short: "Score sitrep against reference data",
		Usage: "sitrep eval <command> [flags] [arguments]",
		Long:  "Score sitrep against reference data nobody on the team wrote.",
		Sub: []*cmdutil.Command{
			ud.NewCmd(f, nil),
			actors.NewCmd(f, nil),
			events.NewCmd(f, nil),
			timex.NewCmd(f, nil),
			attribution.NewCmd(f, nil),
		},
	}
}
