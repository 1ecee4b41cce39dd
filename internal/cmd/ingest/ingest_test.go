package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/cmd/extract"
	"github.com/sitrep/sitrep/internal/pgtest"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/store"
)

// The models are loaded once for all tests of the package.
var loadModels = sync.OnceValues(models.Load)

func pipe(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Our own texts: a proposal, its rejection in another document (a link
// across documents), and a third report.
var items = map[string][]cmdtest.Item{
	"a.txt": {{Article: doc.Article{ID: "a", Source: "a.txt", Text: "Iran proposed talks with Israel on Sunday."}}},
	"b.txt": {{Article: doc.Article{ID: "b", Source: "b.txt", Text: "Israel rejected the offer on Monday."}}},
	"c.txt": {{Article: doc.Article{ID: "c", Source: "c.txt", Outlet: "Wire",
		Text: "Israeli forces attacked Hezbollah in southern Lebanon on Monday. Syria did not condemn Iran."}}},
	"bad.txt": {{Err: errors.New("bad.txt: no such file")}},
}

// ingest runs the command with args over items into db and returns its
// error and standard error.
func ingest(t *testing.T, p *pipeline.Pipeline, open func(context.Context, string) (store.Store, error), args ...string) (string, error) {
	t.Helper()
	f, _, errOut := cmdtest.Factory(p, cmdtest.Reader(items, nil))
	cmd := NewCmd(f, func(ctx context.Context, o *Options) error {
		if open != nil {
			o.Open = open
		}
		o.Now = func() time.Time { return time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC) }
		return Run(ctx, o)
	})
	err := cmd.Execute(context.Background(), args, f.Out)
	return errOut.String(), err
}

// extracted returns the records "sitrep extract" writes for inputs.
func extracted(t *testing.T, p *pipeline.Pipeline, inputs ...string) map[string][]event.Record {
	t.Helper()
	f, out, _ := cmdtest.Factory(p, cmdtest.Reader(items, nil))
	if err := extract.NewCmd(f, nil).Execute(context.Background(), inputs, f.Out); err != nil {
		t.Fatal(err)
	}
	recs := map[string][]event.Record{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r event.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		recs[r.Doc] = append(recs[r.Doc], r)
	}
	return recs
}

func jsonLines(t *testing.T, recs []event.Record) string {
	t.Helper()
	var b strings.Builder
	if err := event.WriteJSONL(&b, recs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func counts(t *testing.T, db string) store.Counts {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// eachStore runs f as a subtest for each backend of the store: a SQLite
// file always, a PostgreSQL schema when $SITREP_TEST_POSTGRES names a
// database (pgtest: the test fails under CI=true without it). fresh returns
// the --db value of a new, empty store; name tells a test's stores apart.
func eachStore(t *testing.T, f func(t *testing.T, fresh func(name string) string)) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		f(t, func(name string) string { return filepath.Join(dir, name+".db") })
	})
	t.Run("postgres", func(t *testing.T) {
		f(t, func(string) string { return pgtest.DSN(t) })
	})
}

// TestIngest stores documents, reads their events back equal to what
// extract prints, and ingests again: nothing changes.
func TestIngest(t *testing.T) { eachStore(t, testIngest) }

func testIngest(t *testing.T, fresh func(string) string) {
	p := pipe(t)
	db := fresh("s")
	want := extracted(t, p, "a.txt", "b.txt", "c.txt")
	if len(want["b"]) == 0 || len(want["b"][0].Links) != 1 {
		t.Fatalf("extract gives no cross-document link: %+v", want["b"])
	}
	runs := []struct {
		name    string
		args    []string
		failed  bool
		summary string
	}{
		// The second c comes in the same batch as the first: the store skips it.
		{"first", []string{"--db", db, "--batch", "2", "a.txt", "bad.txt", "b.txt", "c.txt", "c.txt"}, true,
			"4 documents read: 3 stored, 1 already stored, 1 failed"},
		{"again", []string{"--db", db, "a.txt", "b.txt", "c.txt"}, false,
			"3 documents read: 0 stored, 3 already stored, 0 failed; 0 events stored"},
		{"twice in one run", []string{"--db", db, "c.txt", "c.txt"}, false, "2 documents read: 0 stored, 2 already stored"},
	}
	var first store.Counts
	for i, r := range runs {
		errOut, err := ingest(t, p, nil, r.args...)
		if r.failed != errors.Is(err, cmdutil.ErrSilent) || (!r.failed && err != nil) {
			t.Fatalf("%s: err = %v, want failed=%v\n%s", r.name, err, r.failed, errOut)
		}
		if !strings.Contains(errOut, r.summary) {
			t.Errorf("%s: stderr lacks %q:\n%s", r.name, r.summary, errOut)
		}
		c := counts(t, db)
		if i == 0 {
			first = c
			if c.Documents != 3 || c.Events != int64(len(want["a"])+len(want["b"])+len(want["c"])) || c.Links != 1 {
				t.Errorf("counts %+v", c)
			}
			if n := strings.Count(errOut, "ingest: batch of "); n != 2 {
				t.Errorf("%d batch lines, want 2:\n%s", n, errOut)
			}
			if !strings.Contains(errOut, "sitrep: bad.txt: no such file") {
				t.Errorf("input error not reported:\n%s", errOut)
			}
		} else if c != first {
			t.Errorf("%s: counts %+v, want %+v", r.name, c, first)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, path := range []string{"a.txt", "b.txt", "c.txt"} {
		a := items[path][0].Article
		got, err := s.Events(context.Background(), store.Hash(&a))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := jsonLines(t, got), jsonLines(t, want[a.ID]); g != w {
			t.Errorf("%s read back:\n%s\nwant (extract):\n%s", a.ID, g, w)
		}
	}
}

// failingStore fails every batch that holds the document "b".
type failingStore struct{ store.Store }

func (f failingStore) Put(ctx context.Context, docs []store.Document) (store.PutResult, error) {
	for _, d := range docs {
		if d.Doc.ID == "b" {
			return store.PutResult{}, fmt.Errorf("put document b: disk on fire")
		}
	}
	return f.Store.Put(ctx, docs)
}

// TestBadDocument: a document the store refuses is reported and skipped,
// and the rest of its batch is stored; a store that refuses everything
// stops the ingest.
func TestBadDocument(t *testing.T) {
	p := pipe(t)
	db := filepath.Join(t.TempDir(), "s.db")
	open := func(ctx context.Context, dsn string) (store.Store, error) {
		s, err := store.Open(ctx, dsn)
		return failingStore{s}, err
	}
	errOut, err := ingest(t, p, open, "--db", db, "a.txt", "b.txt", "c.txt")
	if !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("err = %v, want failed\n%s", err, errOut)
	}
	for _, want := range []string{"sitrep: ingest document b (b.txt): put document b: disk on fire",
		"3 documents read: 2 stored, 0 already stored, 1 failed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if c := counts(t, db); c.Documents != 2 {
		t.Errorf("%d documents stored, want 2", c.Documents)
	}
	errOut, err = ingest(t, p, open, "--db", filepath.Join(t.TempDir(), "t.db"), "--batch", "5", "b.txt", "b.txt")
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the store's error\n%s", err, errOut)
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		db      string
		batch   int
		flagErr bool
	}{
		{nil, DefaultDB, 100, false},
		{[]string{"--db", "x.db", "--batch", "7", "a.txt"}, "x.db", 7, false},
		{[]string{"--batch", "0"}, "", 0, true},
		{[]string{"--db", ""}, "", 0, true},
	}
	for _, tt := range tests {
		f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
		var got *Options
		err := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil }).
			Execute(context.Background(), tt.args, f.Out)
		var fe *cmdutil.FlagError
		if tt.flagErr {
			if !errors.As(err, &fe) {
				t.Errorf("%v: err = %v, want a flag error", tt.args, err)
			}
			continue
		}
		if err != nil || got.DB != tt.db || got.Batch != tt.batch {
			t.Errorf("%v: db %q batch %d err %v", tt.args, got.DB, got.Batch, err)
		}
	}
}

// sortedIDs returns the ids of recs, sorted.
func sortedIDs(recs []event.Record) []string {
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestMain runs the ingest of TestCrash's child process when the test
// binary is started as one.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}
