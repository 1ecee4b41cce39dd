package kbimport

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/kb"
)

func TestRun(t *testing.T) {
	files := map[string]string{
		"d/freedonia.actors": "# invented\nRUFUS_FIREFLY_\n+FIREFLY\n\t[FRAGOV >19330101]\nFREEDONIAN_LIBERATION_FRONT [FRAREB]\nBROKEN [FRAGOV 1933]\n",
		"d/freedonia.agents": "GRAND_VIZIER [~GOV]\nNO_CODE\n",
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	opts := &Options{
		Out: &stdout, ErrOut: &stderr, Format: "petrarch", OutDir: out,
		Files: []string{"d/freedonia.actors", "d/freedonia.agents"},
		ReadFile: func(name string) ([]byte, error) {
			if s, ok := files[name]; ok {
				return []byte(s), nil
			}
			return nil, os.ErrNotExist
		},
		Base: kb.Load,
	}
	err := Run(context.Background(), opts)
	if !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("Run: %v, want ErrSilent", err)
	}
	for _, want := range []string{"freedonia.actors: actors: 3 entries: 1 people, 1 orgs", "freedonia.agents: agents: 1 entries, 1 errors",
		"people 1 (1 roles), orgs 1, agents 1 (2 terms added", "2 files, 2 errors"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	wantErr := "freedonia.actors:6: code FRAGOV: bad date restriction \"1933\" (want <date, >date or date-date)\nfreedonia.agents:2: no [code]: agents need a code\n"
	if stderr.String() != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), wantErr)
	}
	k, err := kb.LoadDirs(out)
	if err != nil {
		t.Fatalf("LoadDirs: %v", err)
	}
	if p, ok := k.Person("pet-rufus-firefly"); !ok || p.Roles[0].Code != "FRAGOV" || p.Aliases[0] != "Firefly" {
		t.Errorf("person: %+v", p)
	}
	if _, err := os.Stat(filepath.Join(out, "countries.tsv")); err == nil {
		t.Error("countries.tsv written without --countries")
	}
}

func TestFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	f := &cmdutil.Factory{Out: &stdout, ErrOut: &stderr}
	var got *Options
	cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
	if err := cmd.Execute(context.Background(), []string{"--format", "petrarch", "a.txt", "--kind", "agents", "--out", "x"}, &stdout); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "agents" || got.OutDir != "x" || len(got.Files) != 1 {
		t.Errorf("options %+v", got)
	}
	for _, args := range [][]string{{"a.txt"}, {"--format", "tabari", "a.txt"}, {"--format", "petrarch"}, {"--format", "petrarch", "--kind", "verbs", "a"}} {
		var fe *cmdutil.FlagError
		if err := NewCmd(f, nil).Execute(context.Background(), args, &stdout); !errors.As(err, &fe) {
			t.Errorf("%q: %v, want a FlagError", args, err)
		}
	}
}

func TestDetect(t *testing.T) {
	for in, want := range map[string]string{
		"# [~GOV] in a comment\nFREEDONIA [FRD]\n": "actors",
		"GRAND_VIZIER [~GOV]\n":                    "agents",
		"WATCHERS [NGO~]\n":                        "agents",
	} {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %s, want %s", in, got, want)
		}
	}
}
