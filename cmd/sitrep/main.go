// Command sitrep turns news reports into coded political event data. This
// file only builds the IO and dependencies; the commands live in
// internal/cmd.
package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/root"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
)

func main() {
	os.Exit(run())
}

// loadModels loads the embedded models, or those in $SITREP_MODELS (a
// directory written by "sitrep train") when it is set.
func loadModels() (*pipeline.Pipeline, error) {
	if dir := os.Getenv("SITREP_MODELS"); dir != "" {
		return models.LoadDir(dir)
	}
	return models.Load()
}

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	out := bufio.NewWriterSize(os.Stdout, 64*1024)
	f := &cmdutil.Factory{
		In:     os.Stdin,
		Out:    out,
		ErrOut: os.Stderr,
		Load:   loadModels,
		Read: func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
			opts := input.Options{
				Stdin:  os.Stdin,
				Client: &http.Client{Timeout: 30 * time.Second},
				Now:    time.Now,
			}
			return input.Read(ctx, paths, opts, fn)
		},
	}
	code := root.Run(ctx, os.Args[1:], f)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "sitrep: write output: %v\n", err)
		if code == root.ExitOK {
			code = root.ExitError
		}
	}
	return code
}
