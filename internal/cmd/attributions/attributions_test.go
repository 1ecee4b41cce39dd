package attributions

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
)

func TestAttributions(t *testing.T) {
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	items := map[string][]cmdtest.Item{
		"a.txt": {{Article: doc.Article{ID: "a", Text: "“Talks failed,” Reuters reported. Lebanon reportedly proposed talks."}}},
		"b.txt": {{Err: errors.New("b.txt: no such file")}},
	}
	tests := []struct {
		name    string
		args    []string
		want    []string // "source|cue|content|hedged"
		wantErr string
		failed  bool
	}{
		{
			name: "attributions as json lines",
			args: []string{"a.txt"},
			want: []string{"Reuters|reported|Talks failed|false", "||Lebanon reportedly proposed talks|true", "Lebanon|reportedly proposed|talks|true"},
		},
		{
			name:    "input errors go on",
			args:    []string{"b.txt", "a.txt"},
			want:    []string{"Reuters|reported|Talks failed|false", "||Lebanon reportedly proposed talks|true", "Lebanon|reportedly proposed|talks|true"},
			wantErr: "sitrep: b.txt: no such file\n",
			failed:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := cmdtest.Factory(p, cmdtest.Reader(items, nil))
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if tt.failed != errors.Is(err, cmdutil.ErrSilent) || (!tt.failed && err != nil) {
				t.Fatalf("err = %v, want failed=%v", err, tt.failed)
			}
			if errOut.String() != tt.wantErr {
				t.Errorf("errors: %q, want %q", errOut, tt.wantErr)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				var r Record
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("bad line %q: %v", line, err)
				}
				var src, cue, content string
				if r.Source != nil {
					src = r.Source.Text
				}
				if r.Cue != nil {
					cue = r.Cue.Text
				}
				if r.Content != nil {
					content = r.Content.Text
					if []rune(items["a.txt"][0].Article.Text)[r.Content.Start] != []rune(content)[0] {
						t.Errorf("content offsets %d-%d do not point at %q", r.Content.Start, r.Content.End, content)
					}
				}
				got = append(got, strings.Join([]string{src, cue, content, map[bool]string{true: "true", false: "false"}[r.Hedged]}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
