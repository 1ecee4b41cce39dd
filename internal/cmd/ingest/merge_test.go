package ingest

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
)

// TestMergeFollowUps is the acceptance test of cross-article merging: two
// follow-up reports of our own (testdata/followups.jsonl, two outlets,
// 2026-03-09 and 10) ingested with the seed report merge with it: Israel's
// rejection of Lebanon's outreach is one merged event with 3 articles, and
// so is Barrack's.
func TestMergeFollowUps(t *testing.T) { eachStore(t, testMergeFollowUps) }

func testMergeFollowUps(t *testing.T, fresh func(string) string) {
	seed := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	p := pipe(t)
	db := fresh("merge")
	errOut, err := ingestFiles(t, p, "--db", db, seed, "testdata/followups.jsonl")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		what, dyad string
		outlets    int
	}{
		{"Israel's rejection", "ISR>LBN", 2},
		{"Barrack's rejection", "USAGOV>LBN", 2},
	} {
		merged, err := s.Merged(context.Background(), tt.dyad)
		if err != nil {
			t.Fatal(err)
		}
		var rejections []store.MergedEvent
		for _, g := range merged {
			if g.Root == "12" && g.Status == "asserted" {
				rejections = append(rejections, g)
			}
		}
		if len(rejections) != 1 || rejections[0].Articles != 3 || rejections[0].Outlets != tt.outlets {
			t.Errorf("%s: want one merged event of 3 articles, %d outlets; got %+v", tt.what, tt.outlets, rejections)
			continue
		}
		g := rejections[0]
		// The seed and the first follow-up are both of 2026-03-09.
		docs := map[string]bool{}
		for _, m := range g.Members {
			docs[m.Doc] = true
		}
		if !docs[seed] || !docs["followup-harbor"] || !docs["followup-ledger"] || !strings.HasPrefix(g.FirstReported, "2026-03-09") {
			t.Errorf("%s: members or first report: %+v", tt.what, g)
		}
		for _, m := range g.Members[1:] {
			if !strings.HasPrefix(m.Reason, "same dyad "+tt.dyad+", root 12, asserted, dates overlap ") {
				t.Errorf("%s: reason %q", tt.what, m.Reason)
			}
		}
		t.Logf("%s: %s, %d articles, %d outlets, %s..%s", tt.what, g.ID, g.Articles, g.Outlets, g.Start, g.End)
		for _, m := range g.Members {
			t.Logf("  %s %s (%s): %s", m.Doc, m.Event, m.Outlet, m.Reason)
		}
	}
}

// ingestFiles runs the command with args over real files, read as
// cmd/sitrep reads them.
func ingestFiles(t *testing.T, p *pipeline.Pipeline, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &cmdutil.Factory{In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Load: func() (*pipeline.Pipeline, error) { return p, nil },
		Read: func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
			opts := input.Options{Client: &http.Client{Timeout: 30 * time.Second},
				Now: func() time.Time { return time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC) }}
			return input.Read(ctx, paths, opts, fn)
		}}
	err := NewCmd(f, nil).Execute(context.Background(), args, f.Out)
	return errOut.String(), err
}
