package events

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
)

// TestEvents runs the command on a shared directory of our own small files:
// a seed article with its gold line and two ConfliBERT-format sentences; the
// PLOVER file is missing and must be reported as skipped.
func TestEvents(t *testing.T) {
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed", "lebanon-israel-2026-03-09.txt")
	text := "Syria condemned Iran on Monday."
	files := map[string]string{
		seed: text,
		filepath.Join(dir, "eval", "seed.gold.jsonl"):                     `{"id":"S01","anchor":"condemned Iran","source":["SYR"],"target":["IRN"],"roots":["11"],"required":true}` + "\n",
		filepath.Join(dir, "data", "conflibert-cameo", "class-train.tsv"): "Syria condemned Iran.\t3\nThe weather was fine.\t0\n",
	}
	for path, s := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items := map[string][]cmdtest.Item{seed: {{Article: doc.Article{ID: "seed", Text: text}}}}
	f, out, errOut := cmdtest.Factory(p, cmdtest.Reader(items, nil))
	if err := NewCmd(f, nil).Execute(context.Background(), []string{"--shared", dir}, f.Out); err != nil {
		t.Fatalf("err = %v (%s)", err, errOut)
	}
	for _, want := range []string{"required found 1/1 (1.000)", "precision 1/1", "no source 0", "penta accuracy 1/2"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	if !strings.Contains(errOut.String(), "PLOVER_GSR_CAMEO.json not found; skipped") {
		t.Errorf("stderr %q does not report the missing PLOVER file", errOut)
	}
}

func TestEventsArgs(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"extra"}, f.Out)
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) {
		t.Errorf("err = %v, want a flag error", err)
	}
}
