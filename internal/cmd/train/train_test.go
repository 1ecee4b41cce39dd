package train

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/training"
)

func TestResolvesTreebankFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"xx_t-ud-train.conllu", "xx_t-ud-dev.conllu", "xx_t-ud-test.conllu"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		args      []string
		wantTrain string
		wantDev   string
		withDev   bool
		wantErr   string
	}{
		{"ud dir", []string{"--ud", dir, "--out", "m"}, "xx_t-ud-train.conllu", "xx_t-ud-dev.conllu", false, ""},
		{"explicit train", []string{"--ud", dir, "--train", "other.conllu"}, "other.conllu", "xx_t-ud-dev.conllu", false, ""},
		{"with dev", []string{"--ud", dir, "--with-dev"}, "xx_t-ud-train.conllu", "xx_t-ud-dev.conllu", true, ""},
		{"missing", []string{"--ud", t.TempDir()}, "", "", false, "want one *-ud-train.conllu"},
		{"no source", []string{"--out", "m"}, "", "", false, "give --ud"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got training.Options
			f := &cmdutil.Factory{ErrOut: &bytes.Buffer{}}
			cmd := NewCmd(f, func(ctx context.Context, o *Options) error {
				o.Run = func(to training.Options) error { got = to; return nil }
				return Run(ctx, o)
			})
			err := cmd.Execute(context.Background(), tt.args, &bytes.Buffer{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Base(got.Train) != tt.wantTrain || filepath.Base(got.Dev) != tt.wantDev {
				t.Errorf("train %q dev %q, want %q %q", got.Train, got.Dev, tt.wantTrain, tt.wantDev)
			}
			if got.WithDev != tt.withDev {
				t.Errorf("with dev %v, want %v", got.WithDev, tt.withDev)
			}
		})
	}
}
