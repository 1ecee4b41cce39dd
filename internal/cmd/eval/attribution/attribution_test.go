package attribution

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
)

func TestEvalAttribution(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"attributions", "text"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	//           0         1         2         3
	//           0123456789012345678901234567890123456789
	text := "Reuters reported that the army left Beirut."
	ann := "T1\tSource 0 7\tReuters\nT2\tCue 8 16\treported\nT3\tContent 17 42\tthat the army left Beirut\n" +
		"T4\tAttribution 8 16\treported\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
	if err := os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "a_ab12.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"json", []string{"--dir", dir, "--json"}, ""},
		{"table", []string{"--dir", dir}, "Cue      P 100.00%  R 100.00%  F1 100.00%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, _ := cmdtest.Factory(p, cmdtest.Reader(nil, nil))
			if err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out); err != nil {
				t.Fatal(err)
			}
			if tt.want != "" {
				if !strings.Contains(out.String(), tt.want) {
					t.Errorf("output %q does not hold %q", out, tt.want)
				}
				return
			}
			var res struct {
				Docs   int `json:"docs"`
				Scores []struct {
					Kind string  `json:"kind"`
					F1   float64 `json:"f1"`
				} `json:"scores"`
			}
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatalf("bad json %q: %v", out, err)
			}
			if res.Docs != 1 || len(res.Scores) != 3 {
				t.Fatalf("got %+v", res)
			}
			for _, s := range res.Scores {
				if s.F1 != 1 {
					t.Errorf("%s F1 = %v, want 1", s.Kind, s.F1)
				}
			}
		})
	}
}

func TestEvalAttributionArgs(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"extra"}, f.Out)
	if _, ok := err.(*cmdutil.FlagError); !ok {
		t.Fatalf("err = %v, want a flag error", err)
	}
	f, _, _ = cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err = NewCmd(f, nil).Execute(context.Background(), []string{"--dir", t.TempDir()}, f.Out)
	if err == nil || !strings.Contains(err.Error(), "no attributions/*.ann files") {
		t.Fatalf("err = %v, want a missing data error", err)
	}
}
