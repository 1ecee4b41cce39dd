package cmdutil

import (
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		pos     []string
		workers int
		json    bool
		err     string
	}{
		{"none", nil, nil, 0, false, ""},
		{"flags first", []string{"--workers", "2", "a", "b"}, []string{"a", "b"}, 2, false, ""},
		{"flags after", []string{"a", "-workers=3", "b", "--json"}, []string{"a", "b"}, 3, true, ""},
		{"stdin dash", []string{"-", "--json"}, []string{"-"}, 0, true, ""},
		{"double dash", []string{"a", "--", "--json"}, []string{"a", "--json"}, 0, false, ""},
		{"bad value", []string{"--workers", "x"}, nil, 0, false, "invalid value"},
		{"unknown", []string{"--nope"}, nil, 0, false, "not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := NewFlagSet("t")
			w := fs.Int("workers", 0, "")
			j := fs.Bool("json", false, "")
			pos, err := ParseInterspersed(fs, tt.args)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(pos, "|") != strings.Join(tt.pos, "|") || *w != tt.workers || *j != tt.json {
				t.Errorf("got %q workers=%d json=%v", pos, *w, *j)
			}
		})
	}
}

func TestExecute(t *testing.T) {
	var ran []string
	leaf := &Command{Name: "ud", Short: "leaf", Usage: "x group ud", Flags: NewFlagSet("ud"),
		Run: func(_ context.Context, args []string) error { ran = args; return nil }}
	leaf.Flags.Bool("json", false, "print JSON")
	group := &Command{Name: "group", Short: "group", Usage: "x group <command>", Sub: []*Command{leaf}}
	tests := []struct {
		name string
		args []string
		out  string
		ran  []string
		err  error
	}{
		{"dispatch", []string{"ud", "a", "--json", "b"}, "", []string{"a", "b"}, nil},
		{"group help", nil, "Commands:\n  ud  leaf\n", nil, nil},
		{"group help flag", []string{"-h"}, "Usage:\n  x group <command>", nil, nil},
		{"help sub", []string{"help", "ud"}, "-json", nil, nil},
		{"leaf help", []string{"ud", "-h"}, "Flags:\n  -json", nil, nil},
		{"unknown", []string{"nope"}, "", nil, &FlagError{}},
		{"bad flag", []string{"ud", "-x"}, "", nil, &FlagError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ran = nil
			var b strings.Builder
			err := group.Execute(context.Background(), tt.args, &b)
			var fe *FlagError
			if (tt.err != nil) != errors.As(err, &fe) || (tt.err == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if !strings.Contains(b.String(), tt.out) {
				t.Errorf("output lacks %q:\n%s", tt.out, b.String())
			}
			if strings.Join(ran, "|") != strings.Join(tt.ran, "|") {
				t.Errorf("ran with %q, want %q", ran, tt.ran)
			}
		})
	}
	if !errors.Is(&FlagError{Err: flag.ErrHelp}, flag.ErrHelp) {
		t.Error("FlagError does not unwrap")
	}
}
