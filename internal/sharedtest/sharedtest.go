// Package sharedtest gives tests the files of the shared evaluation data
// directory: a test that needs one fails under CI=true when it is missing
// and is skipped, with a message, elsewhere.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/shared"
)

// Path returns the path of rel inside the shared directory. When the file is
// missing the test fails under CI=true and is skipped elsewhere, with a
// message saying what was looked for.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := shared.Dir()
	p := filepath.Join(d, rel)
	if d != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	msg := "shared data " + rel + " not found (looked in ../shared beside the checkout and $SITREP_SHARED)"
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
	return ""
}

// Treebank reads the CoNLL-U file rel of the shared directory, failing or
// skipping the test as Path does when it is missing.
func Treebank(tb testing.TB, rel string) []*conllu.Sentence {
	tb.Helper()
	sents, err := conllu.ReadFile(Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}
