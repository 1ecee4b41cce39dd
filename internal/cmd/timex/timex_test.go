package timex

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
)

func TestTimex(t *testing.T) {
	items := map[string][]cmdtest.Item{
		"a.txt": {{Article: doc.Article{ID: "a", Published: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC),
			Text: "Hezbollah fired rockets last week and two days ago."}}},
		"b.txt": {{Err: errors.New("b.txt: no such file")}},
		"c.txt": {{Article: doc.Article{ID: "c", Text: "Talks resumed yesterday."}}},
	}
	tests := []struct {
		name    string
		args    []string
		want    []Record
		wantErr string
		failed  bool
	}{
		{
			name: "expressions as json lines",
			args: []string{"a.txt"},
			want: []Record{
				{Doc: "a", Text: "last week", Start: 24, End: 33, Type: "DATE", Value: "2026-W10", From: "2026-03-02", To: "2026-03-08", Precision: "week"},
				{Doc: "a", Text: "two days ago", Start: 38, End: 50, Type: "DATE", Value: "2026-03-07", From: "2026-03-07", To: "2026-03-07", Precision: "day"},
			},
		},
		{
			name:    "input errors go on",
			args:    []string{"b.txt", "c.txt"},
			want:    []Record{{Doc: "c", Text: "yesterday", Start: 14, End: 23, Type: "DATE", Value: "XXXX-XX-XX"}},
			wantErr: "sitrep: b.txt: no such file\n",
			failed:  true,
		},
		{
			name: "dct flag for undated articles",
			args: []string{"--dct", "2026-03-09", "c.txt"},
			want: []Record{{Doc: "c", Text: "yesterday", Start: 14, End: 23, Type: "DATE", Value: "2026-03-08", From: "2026-03-08", To: "2026-03-08", Precision: "day"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(items, nil))
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if tt.failed != errors.Is(err, cmdutil.ErrSilent) || (!tt.failed && err != nil) {
				t.Fatalf("err = %v, want failed=%v", err, tt.failed)
			}
			if errOut.String() != tt.wantErr {
				t.Errorf("errors: %q, want %q", errOut, tt.wantErr)
			}
			var got []Record
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				var r Record
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("bad line %q: %v", line, err)
				}
				got = append(got, r)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d expressions, want %d:\n%s", len(got), len(tt.want), out)
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Errorf("expression %d = %+v, want %+v", i, got[i], w)
				}
			}
		})
	}
}

func TestTimexBadDCT(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"--dct", "March 9", "x.txt"}, f.Out)
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a flag error", err)
	}
}

func TestTimexDefaultInput(t *testing.T) {
	var paths []string
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(map[string][]cmdtest.Item{"-": nil}, &paths))
	if err := NewCmd(f, nil).Execute(context.Background(), nil, f.Out); err != nil {
		t.Fatal(err)
	}
	if len(paths) != 1 || paths[0] != "-" {
		t.Errorf("read %v, want [-]", paths)
	}
}
