// Package kbcmd implements the "sitrep kb" command group: commands that
// work on the knowledge base.
package kbcmd

import (
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	kbimport "github.com/sitrep/sitrep/internal/cmd/kb/import"
)

// NewCmd returns the kb command group.
func NewCmd(f *cmdutil.Factory) *cmdutil.Command {
	return &cmdutil.Command{
		Name:  "kb",
		Short: "Work with the knowledge base",
		Usage: "sitrep kb <command> [flags] [arguments]",
		Long:  "Work with sitrep's knowledge base of countries, agents, organisations, people and places.",
		Sub: []*cmdutil.Command{
			kbimport.NewCmd(f, nil),
		},
	}
}
