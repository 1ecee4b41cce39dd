package store

import (
	"context"
	"reflect"
	"testing"
)

func TestMentions(t *testing.T) { eachBackend(t, testMentions) }

// testMentions: a document's mentions read back as they were put, and a
// database of version 3 moves its mentions rows into the documents.
func testMentions(t *testing.T, b backend) {
	ctx := context.Background()
	d := testDoc("m", 2)
	h := Hash(&d.Doc.Article)
	s := openFresh(t, b)
	if _, err := s.Put(ctx, []Document{d}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Mentions(ctx, h)
	if err != nil || !reflect.DeepEqual(got, d.Doc.Mentions) {
		t.Errorf("mentions %+v (%v)\nwant %+v", got, err, d.Doc.Mentions)
	}
	if none, err := s.Mentions(ctx, "no such hash"); err != nil || none != nil {
		t.Errorf("mentions of no document: %v, %v", none, err)
	}

	// Version 3 kept a row a mention.
	name := b.fresh(t)
	old, err := b.open(ctx, name, migrations()[:3])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO documents (id, hash, doc_id, text, ingested) VALUES (7, 'h7', 'd7', 'Israel struck Gaza.', '2026-03-09T00:00:00Z')`,
		`INSERT INTO mentions (doc, pos, sentence, start_pos, end_pos, text, kind, code, country, name, kb_id, via, antecedent)
			VALUES (7, 0, 0, 0, 6, 'Israel', 'actor', 'ISR', 'ISR', 'Israel', 'ISR', 'dictionary', NULL)`,
		`INSERT INTO mentions (doc, pos, sentence, start_pos, end_pos, text, kind, country, name, via, antecedent, lat, lon)
			VALUES (7, 1, 0, 14, 18, 'Gaza', 'place', 'PSE', 'Gaza', 'dictionary', 0, 31.5, 34.47)`,
	} {
		if _, err := old.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s, err = b.open(ctx, name, migrations())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err = s.Mentions(ctx, "h7")
	if err != nil || len(got) != 2 || got[0].Code != "ISR" || got[0].Antecedent != -1 || got[1].Antecedent != 0 ||
		!got[1].HasCoords || got[1].Lat != 31.5 || got[1].End != 18 {
		t.Errorf("moved mentions %+v (%v)", got, err)
	}
	if c, err := s.Counts(ctx); err != nil || c.Mentions != 2 {
		t.Errorf("counts %+v (%v)", c, err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, b.tableSQL, "mentions").Scan(&n); err != nil || n != 0 {
		t.Errorf("the mentions table is left (%d, %v)", n, err)
	}
}
