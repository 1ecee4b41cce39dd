package parse

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/models"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestExamplesGolden runs the real input readers and embedded models over
// the shipped examples and compares the CoNLL-U with a golden file. After a
// deliberate change to a model or stage, rerun with -update and review the
// diff.
func TestExamplesGolden(t *testing.T) {
	var out, errOut bytes.Buffer
	opts := &Options{
		Out:    &out,
		ErrOut: &errOut,
		Load:   models.Load,
		Read: func(ctx context.Context, paths []string, fn func(a doc.Article, err error) error) error {
			return input.Read(ctx, paths, input.Options{}, fn)
		},
		Inputs:  []string{filepath.Join("..", "..", "..", "examples")},
		Workers: 2,
	}
	if err := Run(context.Background(), opts); err != nil {
		t.Fatalf("parse examples: %v\n%s", err, errOut.String())
	}
	golden := filepath.Join("testdata", "examples.conllu")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s; rerun with -update and review the diff", golden)
	}
}
