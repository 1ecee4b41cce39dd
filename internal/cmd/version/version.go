// Package version implements "sitrep version": it prints the module version,
// the VCS revision when the binary was built from a checkout, and the Go
// version.
package version

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
)

// Options holds the command's IO and build information.
type Options struct {
	// Out receives the version line.
	Out io.Writer
	// BuildInfo returns the binary's build information (debug.ReadBuildInfo).
	BuildInfo func() (*debug.BuildInfo, bool)
}

// NewCmd returns the version command. runF replaces Run in tests when non-nil.
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cmdutil.Command {
	opts := &Options{Out: f.Out, BuildInfo: debug.ReadBuildInfo}
	return &cmdutil.Command{
		Name:  "version",
		Short: "Print the sitrep version",
		Usage: "sitrep version",
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cmdutil.FlagErrorf("version takes no arguments")
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
}

// Run prints "sitrep <version> [(<revision>[, modified])] <go version>".
func Run(_ context.Context, opts *Options) error {
	v, rev, modified, goVersion := "(devel)", "", false, ""
	if bi, ok := opts.BuildInfo(); ok && bi != nil {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	line := "sitrep " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified {
			rev += ", modified"
		}
		line += " (" + rev + ")"
	}
	if goVersion != "" {
		line += " " + goVersion
	}
	if _, err := fmt.Fprintln(opts.Out, line); err != nil {
		return fmt.Errorf("write version: %w", err)
	}
	return nil
}
