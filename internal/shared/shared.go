// Package shared locates the project's evaluation data directory (../shared
// beside the checkout, or $SITREP_SHARED), which commands such as
// "sitrep bench" and "sitrep eval" read by default.
package shared

import (
	"os"
	"path/filepath"
	"runtime"
)

// Dir returns the shared data directory, or "" when it cannot be found.
// $SITREP_SHARED wins; otherwise the directory "shared" beside the module
// root is used, then "../shared" from the working directory.
func Dir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	var candidates []string
	if _, file, _, ok := runtime.Caller(0); ok {
		// file is <root>/internal/shared/shared.go when built from a checkout.
		root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
		candidates = append(candidates, filepath.Join(filepath.Dir(root), "shared"))
	}
	candidates = append(candidates, filepath.Join("..", "shared"))
	for _, d := range candidates {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}
