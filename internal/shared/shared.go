// Package shared locates the project's evaluation data directory (../shared
// beside the checkout, or $SITREP_SHARED) for tests and benchmarks.
package shared

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared data directory, or "" when it cannot be found.
// $SITREP_SHARED wins; otherwise the directory "shared" beside the module
// root is used.
func Dir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <root>/internal/shared/shared.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(root), "shared")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Path returns the path of rel inside the shared directory. When the file is
// missing the test fails under CI=true and is skipped elsewhere, with a
// message saying what was looked for.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := Dir()
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
