package actors

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/kb"
)

func TestActors(t *testing.T) {
	items := map[string][]cmdtest.Item{
		"a.txt": {{Article: doc.Article{ID: "a", Text: "Syrian officials told Reuters that troops left Beirut."}}},
		"b.txt": {{Err: errors.New("b.txt: no such file")}},
		"c.txt": {{Article: doc.Article{ID: "c", Text: "The Blue Heron Brigade said it fought."}}},
	}
	userKB := t.TempDir()
	orgs := "id\tcode\tkind\tcountry\tname\taliases\tstart\tend\n" +
		"blue-heron\tSYRREBBHB\tarmed\tSYR\tBlue Heron Brigade\t\t\t\n"
	if err := os.WriteFile(filepath.Join(userKB, "orgs-user.tsv"), []byte(orgs), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    []Record // compared on text, kind, code and via
		wantErr string
		failed  bool
	}{
		{
			name: "mentions as json lines",
			args: []string{"a.txt"},
			want: []Record{
				{Text: "Syrian officials", Kind: "actor", Code: "SYRGOV", Via: "compositional"},
				{Text: "Reuters", Kind: "outlet", Code: "GBRMED", Via: "dictionary"},
				{Text: "troops", Kind: "actor", Via: "unresolved"},
				{Text: "Beirut", Kind: "place", Via: "dictionary"},
			},
		},
		{
			name:    "input errors go on",
			args:    []string{"b.txt", "a.txt"},
			want:    []Record{{Text: "Syrian officials"}, {Text: "Reuters"}, {Text: "troops"}, {Text: "Beirut"}},
			wantErr: "sitrep: b.txt: no such file\n",
			failed:  true,
		},
		{
			name: "user knowledge base",
			args: []string{"--kb", userKB, "c.txt"},
			want: []Record{
				{Text: "Blue Heron Brigade", Kind: "actor", Code: "SYRREBBHB", Via: "dictionary"},
			},
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
				t.Fatalf("got %d mentions, want %d:\n%s", len(got), len(tt.want), out)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.Text || w.Kind != "" && g.Kind != w.Kind || w.Code != "" && g.Code != w.Code || w.Via != "" && g.Via != w.Via {
					t.Errorf("mention %d = %+v, want %+v", i, g, w)
				}
				if g.Kind == "place" && (g.Lat == nil || g.Lon == nil) {
					t.Errorf("place %q without coordinates", g.Text)
				}
				if g.Kind != "place" && g.Lat != nil {
					t.Errorf("%s %q with coordinates", g.Kind, g.Text)
				}
			}
		})
	}
}

func TestActorsKBError(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	cmd := NewCmd(f, func(ctx context.Context, o *Options) error {
		o.LoadKB = func() (*kb.KB, error) { return nil, errors.New("bad row") }
		return Run(ctx, o)
	})
	err := cmd.Execute(context.Background(), []string{"x.txt"}, f.Out)
	if err == nil || !strings.Contains(err.Error(), "load knowledge base: bad row") {
		t.Fatalf("err = %v", err)
	}
}
