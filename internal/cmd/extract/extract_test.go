package extract

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
)

// Our own example text, parsed by the embedded models.
const example = "Israeli forces attacked Hezbollah in southern Lebanon on Monday. " +
	"Syria did not condemn Iran."

func TestExtract(t *testing.T) {
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	items := map[string][]cmdtest.Item{
		"a.txt": {{Article: doc.Article{ID: "a", Text: example}}},
		"b.txt": {{Err: errors.New("b.txt: no such file")}},
	}
	tests := []struct {
		name       string
		args       []string
		wantCodes  []string // root, status of each record
		wantInOut  string
		wantErrOut string
		failed     bool
	}{
		{name: "json lines", args: []string{"a.txt"}, wantCodes: []string{"19 asserted", "11 negated"}},
		{name: "table", args: []string{"--format", "table", "a.txt"}, wantInOut: "Hezbollah (LBNREBHEZ)"},
		{name: "stats and input errors", args: []string{"--stats", "b.txt", "a.txt"},
			wantCodes: []string{"19 asserted", "11 negated"}, wantErrOut: `"documents":1,"sentences":2,"events":2`, failed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := cmdtest.Factory(p, cmdtest.Reader(items, nil))
			f.Load = func() (*pipeline.Pipeline, error) { return p, nil }
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if tt.failed != errors.Is(err, cmdutil.ErrSilent) || (!tt.failed && err != nil) {
				t.Fatalf("err = %v, want failed=%v", err, tt.failed)
			}
			if !strings.Contains(errOut.String(), tt.wantErrOut) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErrOut)
			}
			if tt.wantInOut != "" && !strings.Contains(out.String(), tt.wantInOut) {
				t.Errorf("output %q lacks %q", out, tt.wantInOut)
			}
			if tt.wantCodes == nil {
				return
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				var r event.Record
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("bad line %q: %v", line, err)
				}
				got = append(got, r.CameoRoot+" "+string(r.Status))
			}
			if strings.Join(got, ",") != strings.Join(tt.wantCodes, ",") {
				t.Errorf("records %v, want %v\n%s", got, tt.wantCodes, out)
			}
		})
	}
}

func TestBadFormat(t *testing.T) {
	f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
	err := NewCmd(f, nil).Execute(context.Background(), []string{"--format", "xml"}, f.Out)
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) {
		t.Errorf("err = %v, want a flag error", err)
	}
}

// TestBatchLinks runs extract over two texts of our own: a proposal in the
// first, its rejection in the second, which links to it across documents.
func TestBatchLinks(t *testing.T) {
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	items := map[string][]cmdtest.Item{
		"a.txt": {{Article: doc.Article{ID: "a", Text: "Iran proposed talks with Israel on Sunday."}}},
		"b.txt": {{Article: doc.Article{ID: "b", Text: "Israel rejected the offer on Monday."}}},
	}
	run := func(args ...string) []event.Record {
		f, out, _ := cmdtest.Factory(p, cmdtest.Reader(items, nil))
		f.Load = func() (*pipeline.Pipeline, error) { return p, nil }
		if err := NewCmd(f, nil).Execute(context.Background(), args, f.Out); err != nil {
			t.Fatal(err)
		}
		var recs []event.Record
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var r event.Record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("bad line %q: %v", line, err)
			}
			recs = append(recs, r)
		}
		return recs
	}
	find := func(recs []event.Record, docID, root string) *event.Record {
		for i := range recs {
			if recs[i].Doc == docID && recs[i].CameoRoot == root {
				return &recs[i]
			}
		}
		t.Fatalf("no %s event in %s: %+v", root, docID, recs)
		return nil
	}
	recs := run("--workers", "2", "a.txt", "b.txt")
	prop, rej := find(recs, "a", "03"), find(recs, "b", "12")
	if len(prop.Links) != 0 {
		t.Errorf("proposal links %v, want none", prop.Links)
	}
	if len(rej.Links) != 1 || rej.Links[0] != (event.Link{Rel: "responds_to", Event: prop.ID}) {
		t.Errorf("rejection links %v, want responds_to %s", rej.Links, prop.ID)
	}
	// Same input, same output.
	again := run("--workers", "2", "a.txt", "b.txt")
	if r := find(again, "b", "12"); r.ID != rej.ID || len(r.Links) != 1 || r.Links[0] != rej.Links[0] {
		t.Errorf("second run: %+v, want %+v", r.Links, rej.Links)
	}
	// The response alone, or before the proposal, answers nothing.
	for _, args := range [][]string{{"b.txt"}, {"b.txt", "a.txt"}} {
		if r := find(run(args...), "b", "12"); len(r.Links) != 0 {
			t.Errorf("%v: links %v, want none", args, r.Links)
		}
	}
}
