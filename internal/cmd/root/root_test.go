package root

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
)

func TestRun(t *testing.T) {
	items := map[string][]cmdtest.Item{"a.txt": {{Article: doc.Article{ID: "a", Text: "Envoys met."}}}}
	tests := []struct {
		name   string
		args   []string
		code   int
		out    []string // substrings of standard output
		errOut []string // substrings of standard error
		noOut  bool
	}{
		{"no args", nil, ExitOK, []string{"Usage:\n  sitrep <command>", "parse", "eval", "bench", "version"}, nil, false},
		{"help", []string{"help"}, ExitOK, []string{"Commands:", "parse"}, nil, false},
		{"help parse", []string{"help", "parse"}, ExitOK, []string{"sitrep parse [--workers N]", "-conllu"}, nil, false},
		{"help eval ud", []string{"help", "eval", "ud"}, ExitOK, []string{"sitrep eval ud [--json] GOLD [PRED]"}, nil, false},
		{"help unknown", []string{"help", "nope"}, ExitUsage, nil, []string{`unknown help topic "nope"`}, true},
		{"parse -h", []string{"parse", "-h"}, ExitOK, []string{"Usage:", "-workers"}, nil, false},
		{"bench --help", []string{"bench", "--help"}, ExitOK, []string{"-limit N"}, nil, false},
		{"eval", []string{"eval"}, ExitOK, []string{"ud", "Score tags"}, nil, false},
		{"eval ud -h", []string{"eval", "ud", "-h"}, ExitOK, []string{"-json"}, nil, false},
		{"unknown command", []string{"nope"}, ExitUsage, nil, []string{`sitrep: unknown command "nope"`, `Run "sitrep help"`}, true},
		{"bad flag", []string{"parse", "--nope"}, ExitUsage, nil, []string{"flag provided but not defined: -nope"}, true},
		{"parse", []string{"parse", "a.txt"}, ExitOK, []string{"# newdoc id = a\n", "1\tEnvoys\t"}, nil, false},
		{"parse input error", []string{"parse", "b.txt", "a.txt"}, ExitError, []string{"# newdoc id = a\n"}, []string{"sitrep: b.txt: no such file\n"}, false},
		{"eval ud missing", []string{"eval", "ud", "/nonexistent.conllu"}, ExitError, nil, []string{"sitrep: gold: read conllu"}, true},
		{"version", []string{"version"}, ExitOK, []string{"sitrep "}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(items, nil))
			code := Run(context.Background(), tt.args, f)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			for _, s := range tt.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.errOut {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if tt.noOut && out.Len() > 0 {
				t.Errorf("unexpected stdout:\n%s", out)
			}
			if len(tt.errOut) == 0 && errOut.Len() > 0 {
				t.Errorf("unexpected stderr:\n%s", errOut)
			}
		})
	}
}
