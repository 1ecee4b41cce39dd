package bench

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
)

func TestParseWorkers(t *testing.T) {
	tests := []struct {
		in   string
		want []int
		err  bool
	}{
		{"", slices.Compact([]int{1, runtime.GOMAXPROCS(0)}), false},
		{"1,4, 8", []int{1, 4, 8}, false},
		{"2", []int{2}, false},
		{"0", nil, true},
		{"a,2", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseWorkers(tt.in)
		if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("ParseWorkers(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestBench(t *testing.T) {
	var docs []cmdtest.Item
	for i := range 10 {
		docs = append(docs, cmdtest.Item{Article: doc.Article{ID: fmt.Sprint(i), Text: "Envoys met. Talks began."}})
	}
	withErr := append([]cmdtest.Item{{Err: errors.New("in.jsonl:1: no text")}}, docs...)
	tests := []struct {
		name    string
		args    []string
		items   []cmdtest.Item
		rows    []string
		errOut  string
		wantErr string
		silent  bool
	}{
		{"all", []string{"--input", "in.jsonl", "--workers", "1,3"}, docs,
			[]string{"parse 1 10 20 60 0 ", "parse 3 10 20 60 0 ", "extract 1 10 20 60 ", "extract 3 10 20 60 "}, "", "", false},
		{"limit", []string{"--input", "in.jsonl", "--limit", "4", "--workers", "2", "--stage", "parse"}, docs,
			[]string{"parse 2 4 8 24 "}, "", "", false},
		{"input error", []string{"--input", "in.jsonl", "--workers", "1", "--stage", "extract"}, withErr,
			[]string{"extract 1 10 20 60 "}, "sitrep: in.jsonl:1: no text\n", "", true},
		{"bad stage", []string{"--stage", "x"}, docs, nil, "", "--stage", false},
		{"empty", []string{"--input", "in.jsonl"}, nil, nil, "", "no documents", false},
		{"bad workers", []string{"--workers", "x"}, docs, nil, "", "not a positive number", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := map[string][]cmdtest.Item{"in.jsonl": tt.items}
			f, out, errOut := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(items, nil))
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			case tt.silent:
				if !errors.Is(err, cmdutil.ErrSilent) {
					t.Fatalf("err = %v, want ErrSilent", err)
				}
			case err != nil:
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "model load: ") {
				t.Errorf("no load time:\n%s", out)
			}
			var lines []string
			for l := range strings.Lines(out.String()) {
				lines = append(lines, strings.Join(strings.Fields(l), " "))
			}
			for _, r := range tt.rows {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, r) }) {
					t.Errorf("output lacks row %q:\n%s", r, out)
				}
			}
			if errOut.String() != tt.errOut {
				t.Errorf("stderr %q, want %q", errOut, tt.errOut)
			}
		})
	}
}
