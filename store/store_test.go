package store

import (
	"context"
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
	"github.com/sitrep/sitrep/internal/pgtest"
)

func ptr[T any](v T) *T { return &v }

// testDoc returns a document of n sentences with records exercising every
// field of the record: zero values that are meaningful (Goldstein 0, penta
// class 0, latitude 0), an implicit actor, a publisher's voice without a
// chain, an anonymous source with a count, links, a record text that is
// not its sentence's.
func testDoc(id string, n int) Document {
	var text strings.Builder
	var sents []doc.Sentence
	for i := range n {
		s := fmt.Sprintf("Israel rejected proposal number %d from Lebanon.", i)
		start := len([]rune(text.String()))
		text.WriteString(s + " ")
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: start + len([]rune(s))}, Text: s})
	}
	d := &doc.Doc{Article: doc.Article{ID: id, Source: id + ".txt", Outlet: "Wire", Title: "Talks " + id,
		URL: "https://example.org/" + id, Published: time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC), Text: text.String()},
		Sentences: sents}
	d.Mentions = []doc.Mention{
		{Span: doc.Span{Start: 0, End: 6}, Text: "Israel", Kind: doc.KindActor, Code: "ISR", Country: "ISR",
			Name: "Israel", ID: "ISR", Via: doc.ViaDictionary, Antecedent: -1},
		{Span: doc.Span{Start: 40, End: 47}, Text: "Lebanon", Kind: doc.KindPlace, Country: "LBN", Name: "Lebanon",
			Via: doc.ViaDictionary, Antecedent: -1, HasCoords: true, Lat: 33.9, Lon: 35.5},
	}
	var recs []event.Record
	for i, s := range sents {
		r := event.Record{Doc: id, Sentence: i, Text: s.Text,
			Trigger: &event.Span{Text: "rejected", Start: s.Start + 7, End: s.Start + 15},
			Cameo:   "125", CameoRoot: "12", Goldstein: ptr(-5.0), QuadClass: 3, PentaClass: ptr(3),
			PLOVER: &event.PLOVER{Type: "REJECT", Mode: "meet", Context: []string{"diplomatic", "political"}},
			Status: event.Asserted,
			Source: []event.Actor{{Text: "Israel", Start: s.Start, End: s.Start + 6, Code: "ISR", Country: "ISR",
				Name: "Israel", ID: "ISR", Via: "dictionary"}},
			Target: []event.Actor{
				{Text: "Lebanon", Start: s.End - 8, End: s.End - 1, Code: "LBN", Country: "LBN", Via: "dictionary"},
				{Code: "LBNGOV", Country: "LBN", Sector: "GOV", Via: "implicit"}},
			Date:     &event.Date{Text: "last week", Value: "2026-W10", Start: "2026-03-02", End: "2026-03-08", Precision: "week"},
			Location: &event.Location{Text: "Null Island", Name: "Null Island", Lat: ptr(0.0), Lon: ptr(-0.5)},
			Attribution: &event.Attribution{Voice: "cited", Hedged: i%2 == 1, Chain: []event.Source{
				{Role: "outlet", Name: "Axios", Cue: "according to"},
				{Role: "anonymous", Count: 5, Text: "five sources familiar with the matter"}}},
			Confidence: 0.82, Explain: fmt.Sprintf("verb reject nsubj/obj tokens %d", i)}
		switch i % 4 {
		case 1:
			r.Goldstein, r.PentaClass, r.QuadClass = ptr(0.0), ptr(0), 1
			r.PLOVER = nil
			r.Attribution = &event.Attribution{Voice: "publisher"}
			r.Links = []event.Link{{Rel: "responds_to", Event: recs[i-1].ID}, {Rel: "responds_to", Event: "0123456789abcdef"}}
			r.Status = event.Negated
		case 2:
			r.Date, r.Location, r.Attribution, r.Trigger, r.Target = nil, nil, nil, nil, nil
			r.Text = "a text that is not the sentence's"
			r.Confidence = 0
		case 3:
			r.Cameo, r.CameoRoot, r.Goldstein, r.PentaClass, r.QuadClass, r.PLOVER = "", "", nil, nil, 0, nil
			r.Location = &event.Location{Name: "Beirut", Country: "LBN"}
			r.Date = &event.Date{Value: "PAST_REF"}
		}
		start := 0
		if r.Trigger != nil {
			start = r.Trigger.Start
		}
		r.ID = event.StableID(id, i, start, r.Cameo, r.Source, r.Target)
		recs = append(recs, r)
	}
	return Document{Doc: d, Events: recs}
}

func jsonLines(t *testing.T, recs []event.Record) string {
	t.Helper()
	var b strings.Builder
	if err := event.WriteJSONL(&b, recs); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A backend is a database the tests run against: SQLite always,
// PostgreSQL when $SITREP_TEST_POSTGRES names a server (pgtest).
type backend struct {
	name string
	// fresh returns the name of a new, empty database, removed when t ends.
	fresh func(t testing.TB) string
	// open opens the database name with the migrations steps.
	open func(ctx context.Context, name string, steps []migration) (*DB, error)
	// tableSQL counts the tables named by its parameter.
	tableSQL string
}

var backends = []backend{
	{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "sitrep.db") }, openSQLite,
		`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`},
	{"postgres", pgtest.DSN, openPostgres,
		`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`},
}

// eachBackend runs f as a subtest for each backend.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// openFresh opens a new, empty database of b, closed when t ends.
func openFresh(t *testing.T, b backend) *DB {
	t.Helper()
	s, err := b.open(context.Background(), b.fresh(t), migrations())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRoundTrip(t *testing.T) { eachBackend(t, testRoundTrip) }

func testRoundTrip(t *testing.T, b backend) {
	ctx := context.Background()
	s := openFresh(t, b)
	batch := []Document{testDoc("a", 8), testDoc("b", 1), testDoc("c", 0)}
	res, err := s.Put(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res != (PutResult{Stored: 3, Events: 9}) {
		t.Errorf("put = %+v", res)
	}
	for _, d := range batch {
		h := Hash(&d.Doc.Article)
		ok, err := s.HasDocument(ctx, h)
		if err != nil || !ok {
			t.Fatalf("HasDocument(%s) = %v, %v", d.Doc.ID, ok, err)
		}
		got, err := s.Events(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := jsonLines(t, got), jsonLines(t, d.Events); g != w {
			t.Errorf("document %s read back:\n%s\nwant:\n%s", d.Doc.ID, g, w)
		}
	}
	got, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Actors: 8+1 sources, targets 2 on records 0,1,3 of a (i%4 != 2: 6)
	// and record 0 of b; sources: 2 per cited record (a: 0,3,4,7; b: 0).
	// Merged: a's records 0 and 4 with b's 0 (asserted), 1 and 5
	// (negated), 2 and 6 (no target), 3 and 7 alone (no code).
	want := Counts{Documents: 3, Sentences: 9, Mentions: 6, Events: 9, Actors: 9 + 2*7, Sources: 2 * 5, Links: 4,
		Merged: 5}
	if got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	if ok, err := s.HasDocument(ctx, "nope"); ok || err != nil {
		t.Errorf("HasDocument(nope) = %v, %v", ok, err)
	}
	if recs, err := s.Events(ctx, "nope"); recs != nil || err != nil {
		t.Errorf("Events(nope) = %v, %v", recs, err)
	}
}

// TestIdempotent puts the same documents twice, and a batch holding one
// twice: nothing changes the second time.
func TestIdempotent(t *testing.T) { eachBackend(t, testIdempotent) }

func testIdempotent(t *testing.T, be backend) {
	ctx := context.Background()
	s := openFresh(t, be)
	a, b := testDoc("a", 3), testDoc("b", 2)
	tests := []struct {
		name  string
		batch []Document
		want  PutResult
	}{
		{"first", []Document{a, b}, PutResult{Stored: 2, Events: 5}},
		{"again", []Document{a, b}, PutResult{Skipped: 2}},
		{"new and repeated", []Document{testDoc("c", 1), testDoc("c", 1), a}, PutResult{Stored: 1, Skipped: 2, Events: 1}},
		// The same text under another id and path is the same document.
		{"other path", []Document{func() Document { d := testDoc("a", 3); d.Doc.Source = "x/a.txt"; return d }()},
			PutResult{Skipped: 1}},
	}
	for _, tt := range tests {
		res, err := s.Put(ctx, tt.batch)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res != tt.want {
			t.Errorf("%s: put = %+v, want %+v", tt.name, res, tt.want)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != 3 || c.Events != 6 || c.Sentences != 6 {
		t.Errorf("counts %+v, want 3 documents, 6 events, 6 sentences", c)
	}
}

// TestBadBatch: a document that cannot be stored fails its batch, naming
// it, and nothing of the batch is stored.
func TestBadBatch(t *testing.T) { eachBackend(t, testBadBatch) }

func testBadBatch(t *testing.T, b backend) {
	ctx := context.Background()
	s := openFresh(t, b)
	bad := []struct {
		name string
		edit func(d *Document)
		want string
	}{
		{"no doc", func(d *Document) { d.Doc = nil }, "no document"},
		{"foreign event", func(d *Document) { d.Events[0].Doc = "zz" }, `document bad (bad.txt): event`},
		{"sentence out of range", func(d *Document) { d.Events[1].Sentence = 7 }, "sentence 7 out of range"},
		{"no event id", func(d *Document) { d.Events[0].ID = "" }, "event 0 has no id"},
		{"bad actor offsets", func(d *Document) { d.Events[0].Source[0].End = -1 }, "bad offsets"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc("bad", 2)
			tt.edit(&d)
			_, err := s.Put(ctx, []Document{testDoc("good", 1), d})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if c, _ := s.Counts(ctx); c != (Counts{}) {
				t.Errorf("counts %+v after a failed batch", c)
			}
		})
	}
}

// TestHash: each field of identity changes the hash; provenance does not.
func TestHash(t *testing.T) {
	base := doc.Article{ID: "a", Source: "a.txt", Text: "text", Title: "t", Outlet: "o", URL: "u",
		Published: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}
	h := Hash(&base)
	tests := []struct {
		name string
		edit func(a *doc.Article)
		same bool
	}{
		{"id", func(a *doc.Article) { a.ID = "b" }, true},
		{"source", func(a *doc.Article) { a.Source = "b.txt" }, true},
		{"published", func(a *doc.Article) { a.Published = time.Time{} }, true},
		{"text", func(a *doc.Article) { a.Text = "text " }, false},
		{"title", func(a *doc.Article) { a.Title = "" }, false},
		{"outlet", func(a *doc.Article) { a.Outlet = "p" }, false},
		{"url", func(a *doc.Article) { a.URL = "v" }, false},
		{"fields shifted", func(a *doc.Article) { a.Text, a.Title = "textt", "" }, false},
	}
	for _, tt := range tests {
		a := base
		tt.edit(&a)
		if got := Hash(&a) == h; got != tt.same {
			t.Errorf("%s: same hash = %v, want %v", tt.name, got, tt.same)
		}
	}
}

func TestMigrations(t *testing.T) { eachBackend(t, testMigrations) }

func testMigrations(t *testing.T, b backend) {
	ctx := context.Background()
	latest := len(migrations())
	extra := append(migrations(), migration{Version: latest + 1, Name: "test: a note per document",
		Stmts: []string{`ALTER TABLE documents ADD COLUMN note TEXT`, `CREATE TABLE notes (id {{id}}, text TEXT)`}})
	broken := append(migrations(), migration{Version: latest + 1, Name: "test: broken",
		Stmts: []string{`CREATE TABLE half (a INTEGER)`, `THIS IS NOT SQL`}})

	path := b.fresh(t)
	// An empty database (a file created on first use) gets the whole schema.
	s, err := b.open(ctx, path, migrations())
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Version(ctx); err != nil || v != latest {
		t.Fatalf("version %d, %v; want %d", v, err, latest)
	}
	if _, err := s.Put(ctx, []Document{testDoc("a", 2)}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	steps := []struct {
		name    string
		steps   []migration
		version int
		err     string
	}{
		{"reopen", migrations(), latest, ""},
		{"failed step rolls back", broken, latest, fmt.Sprintf("migrate to version %d (test: broken): THIS IS NOT SQL", latest+1)},
		{"upgrade", extra, latest + 1, ""},
		{"reopen upgraded", extra, latest + 1, ""},
		{"older sitrep", migrations(), latest + 1, fmt.Sprintf("schema version %d is newer than this sitrep knows (%d)", latest+1, latest)},
	}
	for _, st := range steps {
		s, err := b.open(ctx, path, st.steps)
		if st.err != "" {
			if err == nil || !strings.Contains(err.Error(), st.err) {
				t.Fatalf("%s: err = %v, want %q", st.name, err, st.err)
			}
			s, err = b.open(ctx, path, extra[:st.version])
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		} else if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if v, err := s.Version(ctx); err != nil || v != st.version {
			t.Errorf("%s: version %d, %v; want %d", st.name, v, err, st.version)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, b.tableSQL, "half").Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: the failed step left table half (%d, %v)", st.name, n, err)
		}
		// Nothing stored is lost.
		if recs, err := s.Events(ctx, Hash(&testDoc("a", 2).Doc.Article)); err != nil || len(recs) != 2 {
			t.Errorf("%s: %d events, %v; want 2", st.name, len(recs), err)
		}
		s.Close()
	}
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		dsn, err string
	}{
		{"", "empty database name"},
		// Nothing listens on port 1: the error names the server, not the password.
		{"postgres://me:secret@127.0.0.1:1/sitrep?connect_timeout=5", "open store postgres://me:xxxxx@127.0.0.1:1/sitrep?connect_timeout=5: connect: "},
		{"postgresql://me:s%65cret@127.0.0.1:1/sitrep", "open store postgresql://me:xxxxx@127.0.0.1:1/sitrep: connect: "},
		{"postgres://me:secret@db:port/sitrep", "open store postgres://me:xxxxx@db:port/sitrep"},
		{"a?b.db", "must not contain"},
		{filepath.Join(t.TempDir(), "no", "such", "dir.db"), "open store"},
	}
	for _, tt := range tests {
		s, err := Open(ctx, tt.dsn)
		if err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) err = %v, want %q", tt.dsn, err, tt.err)
		}
		if s != nil {
			s.Close()
		}
	}
	// A file name with a space and a percent sign, through "file:".
	path := filepath.Join(t.TempDir(), "my 100% db.sqlite")
	s, err := Open(ctx, "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	// A PostgreSQL URL opens the PostgreSQL backend.
	t.Run("postgres", func(t *testing.T) {
		s, err := Open(ctx, pgtest.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if d := s.(*DB).d; d != postgresDialect {
			t.Errorf("dialect %s, want postgres", d.name)
		}
	})
}

// TestConcurrent opens a new database from several goroutines at once
// (they migrate it one after the other), then puts overlapping batches
// from all of them: every document is stored once, with its events under
// ids nobody else took.
func TestConcurrent(t *testing.T) { eachBackend(t, testConcurrent) }

func testConcurrent(t *testing.T, b backend) {
	ctx := context.Background()
	name := b.fresh(t)
	const n = 4
	stores := make([]*DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = b.open(ctx, name, migrations()) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	for i := range n {
		wg.Go(func() {
			// Each puts its own document and the shared ones, in two
			// orders.
			batch := []Document{testDoc(fmt.Sprint("own", i), 3), testDoc("shared1", 2), testDoc("shared2", 1)}
			if i%2 == 1 {
				slices.Reverse(batch)
			}
			_, errs[i] = stores[i].Put(ctx, batch)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("put %d: %v", i, err)
		}
	}
	s := stores[0]
	if v, err := s.Version(ctx); err != nil || v != len(migrations()) {
		t.Errorf("version %d, %v", v, err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != n+2 || c.Events != 3*n+3 {
		t.Errorf("counts %+v, want %d documents and %d events", c, n+2, 3*n+3)
	}
	for _, d := range []Document{testDoc("own2", 3), testDoc("shared1", 2)} {
		got, err := s.Events(ctx, Hash(&d.Doc.Article))
		if err != nil {
			t.Fatal(err)
		}
		if g, w := jsonLines(t, got), jsonLines(t, d.Events); g != w {
			t.Errorf("document %s read back:\n%s\nwant:\n%s", d.Doc.ID, g, w)
		}
	}
}
