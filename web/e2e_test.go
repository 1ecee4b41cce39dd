package web_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/browsertest"
	"github.com/sitrep/sitrep/internal/cmd/ingest"
	"github.com/sitrep/sitrep/internal/cmd/serve"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/store"
)

// hostile is an article whose text would run script if the UI ever put it
// into a page as markup.
const hostile = `BEIRUT, March 10 (Reuters) - Israel struck <script>document.title="pwned"</script> targets in ` +
	`Beirut <img src=x onerror="document.title='pwned'">, the army said.
`

// seedStore codes and stores the seed report and the hostile article in
// a new SQLite store, as sitrep ingest does, and returns it.
func seedStore(t *testing.T) (*store.DB, string) {
	t.Helper()
	seed := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	dir := t.TempDir()
	evil := filepath.Join(dir, "hostile.txt")
	if err := os.WriteFile(evil, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "e2e.db")
	var msgs bytes.Buffer
	opts := &ingest.Options{Config: ingest.Config{ErrOut: &msgs, Load: models.Load,
		LoadKB: func() (*kb.KB, error) { return kb.LoadDirs() }, Open: store.Open, Now: time.Now, DB: db, Batch: 10, Workers: 1},
		Read: func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
			return input.Read(ctx, paths, input.Options{}, fn)
		},
		Inputs: []string{seed, evil}}
	if err := ingest.Run(context.Background(), opts); err != nil {
		t.Fatalf("ingest: %v\n%s", err, msgs.String())
	}
	st, err := store.OpenSQLite(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, db
}

// start runs sitrep serve on db, on a free loopback port, until the test
// ends, and returns its URL.
func start(t *testing.T, db string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var log bytes.Buffer
	opts := &serve.Options{ErrOut: &log, Open: store.Open, Load: models.Load, Listen: net.Listen,
		Ready: func(addr string) { ready <- addr }, DB: db, Addr: "127.0.0.1:0", MaxBody: 1 << 20}
	go func() { done <- serve.Run(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if log.Len() > 0 {
			t.Logf("serve said:\n%s", log.String())
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("serve: %v\n%s", err, log.String())
	}
	return ""
}

// hashOf returns the content hash of the stored document whose id
// contains name.
func hashOf(t *testing.T, st *store.DB, name string) string {
	t.Helper()
	docs, err := st.Documents(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if strings.Contains(d.ID, name) {
			return d.Hash
		}
	}
	t.Fatalf("no stored document %q among %+v", name, docs)
	return ""
}

func TestPages(t *testing.T) {
	st, db := seedStore(t)
	url := start(t, db)
	b := browsertest.Start(t)
	seed, evil := hashOf(t, st, "lebanon-israel"), hashOf(t, st, "hostile")

	// Each page: its path, the element that shows its data has come, and
	// the counts of elements that must be there (at least min).
	for _, tc := range []struct {
		name, path, ready string
		atLeast           map[string]int
		text              map[string]string
	}{
		{"report", "/?country=LBN", "#written pre", map[string]int{"#latest li": 3, "#report table tbody tr": 3},
			map[string]string{"#overview": "events", "#written": "Situation report: LBN"}},
		{"timeline", "/timeline", ".vis-item", map[string]int{".vis-item": 5, ".vis-item.conflict": 1, ".vis-item.coop": 1}, nil},
		{"network", "/network", "#graph canvas", nil, map[string]string{"#status": "actors"}},
		{"map", "/map", "path.place", map[string]int{"path.place": 1, "path.leaflet-interactive": 100}, nil},
		{"events", "/events", "#events tbody tr", map[string]int{"#events tbody tr": 10}, nil},
		{"events-filtered", "/events?actor=ISR&cameo_root=19", "#events tbody tr", map[string]int{"#events tbody tr": 1}, nil},
		{"article", "/article/" + seed, "#text mark.trigger", map[string]int{"#text mark.source": 3, "#text mark.target": 3,
			"#text mark.trigger": 5, "#text mark.attrib": 1, "#records li": 5}, map[string]string{"#records": "Hezbollah"}},
		{"article-hostile", "/article/" + evil, "#text", nil,
			map[string]string{"#text": `<script>document.title="pwned"</script>`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := b.Open(url + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.WaitVisible(tc.ready); err != nil {
				t.Fatal(err)
			}
			for sel, min := range tc.atLeast {
				if n, err := p.Count(sel); err != nil || n < min {
					t.Errorf("%s: %d of %s (%v), want at least %d", tc.path, n, sel, err, min)
				}
			}
			for sel, want := range tc.text {
				if got, err := p.Text(sel); err != nil || !strings.Contains(got, want) {
					t.Errorf("%s: text of %s = %.300q (%v), want it to contain %q", tc.path, sel, got, err, want)
				}
			}
			if tc.name == "network" {
				status, _ := p.Text("#status")
				if n, _ := strconv.Atoi(strings.Fields(status + " 0")[0]); n < 4 {
					t.Errorf("network: %q, want 4 actors or more", status)
				}
			}
			if tc.name == "article-hostile" {
				for _, sel := range []string{"#text script", "#text img", "main img"} {
					if n, err := p.Count(sel); err != nil || n != 0 {
						t.Errorf("hostile article: %d elements %s (%v): markup was parsed", n, sel, err)
					}
				}
				if got, _ := p.Text("#text"); !strings.Contains(got, `onerror="document.title='pwned'"`) {
					t.Errorf("hostile article: the onerror payload is not shown as text: %.300q", got)
				}
			}
			if _, err := p.Screenshot(tc.name); err != nil {
				t.Error(err)
			}
			p.CheckNoErrors(t)
		})
	}
}
