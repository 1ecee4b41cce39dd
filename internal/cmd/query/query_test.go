package query

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/store"
)

// report is a one-sentence document of outlet published on pub, whose
// record is src doing cameo to tgt on day ("" for undated).
func report(id, outlet, pub, day, text, cameo, plover string, gold float64, src, tgt string) store.Document {
	p, _ := time.Parse(time.DateOnly, pub)
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: outlet, Published: p.Add(8 * time.Hour), Text: text},
		Sentences: []doc.Sentence{{Span: doc.Span{End: len([]rune(text))}, Text: text}}}
	r := event.Record{Doc: id, Text: text, Cameo: cameo, CameoRoot: cameo[:2], Goldstein: &gold, Status: event.Asserted,
		Source: []event.Actor{{Code: src, Country: src}}, Target: []event.Actor{{Code: tgt, Country: tgt}}}
	if plover != "" {
		r.PLOVER = &event.PLOVER{Type: plover}
	}
	if day != "" {
		r.Date = &event.Date{Text: day, Start: day, End: day, Precision: "day"}
	}
	r.ID = event.StableID(id, 0, 0, cameo, r.Source, r.Target)
	return store.Document{Doc: d, Events: []event.Record{r}}
}

// testStore returns the path of a SQLite store holding four reports.
func testStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := []store.Document{
		report("a", "Axios", "2026-03-09", "2026-03-09", "Israel struck\tBeirut.", "190", "ASSAULT", -10, "ISR", "LBN"),
		report("b", "Wire", "2026-03-10", "2026-03-09", "Israeli jets hit Beirut, a ceasefire in doubt.", "190", "ASSAULT", -10, "ISR", "LBN"),
		report("c", "Wire", "2026-03-17", "", "Lebanon rejected the offer.", "125", "REJECT", -4, "LBN", "ISR"),
		report("d", "Post", "2026-03-18", "2026-03-18", "Israel threatened Lebanon.", "138", "THREATEN", -7, "ISR", "LBN"),
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs "sitrep query" with args and returns its output and error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	f, out, _ := cmdtest.Factory(nil, nil)
	err := NewCmd(f, nil).Execute(context.Background(), args, f.Out)
	return out.String(), err
}

func TestQuery(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		name string
		args []string
		want []string // the lines of the output, their fields separated by single spaces
	}{
		{"table", []string{"--root", "19"}, []string{
			"DAY CAMEO PLOVER STATUS GOLDSTEIN SOURCE TARGET PLACE OUTLET DOC MERGED REPORTS TEXT",
			"2026-03-09 190 ASSAULT asserted -10 ISR LBN Axios a * 2/2 Israel struck Beirut.",
			"2026-03-09 190 ASSAULT asserted -10 ISR LBN Wire b * 2/2 Israeli jets hit Beirut, a ceasefire in doubt."}},
		{"merged, text, outlet", []string{"--merged", "--text", "CEASEFIRE"}, []string{
			"DAY CAMEO PLOVER STATUS GOLDSTEIN SOURCE TARGET PLACE OUTLET DOC MERGED REPORTS TEXT"}},
		{"an undated event on its publication day, latest first", []string{"--actor", "LBN", "--from", "2026-03-10", "--order", "-day"}, []string{
			"DAY CAMEO PLOVER STATUS GOLDSTEIN SOURCE TARGET PLACE OUTLET DOC MERGED REPORTS TEXT",
			"2026-03-18 138 THREATEN asserted -7 ISR LBN Post d * 1/1 Israel threatened Lebanon.",
			"2026-03-17 125 REJECT asserted -4 LBN ISR Wire c * 1/1 Lebanon rejected the offer."}},
		{"weekly per dyad", []string{"--by", "week", "--per", "dyad"}, []string{
			"PERIOD START END DYAD EVENTS GOLDSTEIN_SUM GOLDSTEIN_MEAN PLOVER",
			"2026-W11 2026-03-09 2026-03-15 ISR>LBN 2 -20 -10.00 ASSAULT=2",
			"2026-W12 2026-03-16 2026-03-22 ISR>LBN 1 -7 -7.00 THREATEN=1",
			"2026-W12 2026-03-16 2026-03-22 LBN>ISR 1 -4 -4.00 REJECT=1"}},
		{"daily, from the events", []string{"--by", "day", "--outlet", "wire"}, []string{
			"PERIOD START END EVENTS GOLDSTEIN_SUM GOLDSTEIN_MEAN PLOVER",
			"2026-03-09 2026-03-09 2026-03-09 1 -10 -10.00 ASSAULT=1",
			"2026-03-17 2026-03-17 2026-03-17 1 -4 -4.00 REJECT=1"}},
		{"a dyad", []string{"--by", "week", "--dyad", "ISR>LBN", "--plover", "threaten"}, []string{
			"PERIOD START END DYAD EVENTS GOLDSTEIN_SUM GOLDSTEIN_MEAN PLOVER",
			"2026-W12 2026-03-16 2026-03-22 ISR>LBN 1 -7 -7.00 THREATEN=1"}},
	}
	for _, tt := range tests {
		out, err := run(t, append([]string{"--db", db}, tt.args...)...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		var got []string
		for _, l := range lines {
			// Merged event ids are hashes: "*" stands for one.
			fs := strings.Fields(l)
			for i, f := range fs {
				if len(f) == 16 && strings.Trim(f, "0123456789abcdef") == "" {
					fs[i] = "*"
				}
			}
			got = append(got, strings.Join(fs, " "))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, out, strings.Join(tt.want, "\n"))
		}
		// Columns are aligned: each header word starts where its values do.
		if len(lines) > 1 && tt.args[0] != "--by" && !strings.Contains(strings.Join(tt.args, " "), "--by") {
			col := strings.Index(lines[0], "OUTLET")
			for _, l := range lines[1:] {
				if l[col-1] != ' ' || l[col] == ' ' {
					t.Errorf("%s: OUTLET column not aligned in\n%s", tt.name, out)
				}
			}
		}
	}
}

func TestFormats(t *testing.T) {
	db := testStore(t)
	out, err := run(t, "--db", db, "--format", "jsonl", "--country", "ISR", "--limit", "2", "--offset", "1")
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r jsonRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if r.Cameo == "" || r.Document.Hash == "" || r.Day == "" {
			t.Errorf("incomplete row %s", l)
		}
		docs = append(docs, r.Document.ID)
	}
	if strings.Join(docs, " ") != "b c" {
		t.Errorf("jsonl rows of %v, want b c", docs)
	}

	out, err = run(t, "--db", db, "--format", "csv", "--status", "asserted", "--cameo", "12")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || strings.Join(recs[0], ",") != strings.Join(rowColumns, ",") || recs[1][9] != "c" || recs[1][0] != "2026-03-17" {
		t.Errorf("csv %q", recs)
	}

	out, err = run(t, "--db", db, "--format", "csv", "--by", "week")
	if err != nil {
		t.Fatal(err)
	}
	want := "period,start,end,events,goldstein_sum,goldstein_mean,ASSAULT,REJECT,THREATEN\n" +
		"2026-W11,2026-03-09,2026-03-15,2,-20,-10.00,2,0,0\n" +
		"2026-W12,2026-03-16,2026-03-22,2,-11,-5.50,0,1,1\n"
	if out != want {
		t.Errorf("csv aggregates\n%s\nwant\n%s", out, want)
	}

	out, err = run(t, "--db", db, "--format", "jsonl", "--by", "day", "--root", "19")
	if err != nil {
		t.Fatal(err)
	}
	var b store.Bucket
	if err := json.Unmarshal([]byte(out), &b); err != nil || b.Events != 2 || b.PLOVER["ASSAULT"] != 2 || *b.GoldsteinMean != -10 {
		t.Errorf("jsonl aggregates %s (%v)", out, err)
	}
}

func TestErrors(t *testing.T) {
	db := testStore(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"--format", "xml"}, true, `--format "xml"`},
		{[]string{"--by", "month"}, true, `--by "month"`},
		{[]string{"--per", "dyad"}, true, "go with --by"},
		{[]string{"--by", "day", "--per", "actor"}, true, `--per "actor"`},
		{[]string{"--by", "day", "--limit", "3"}, true, "drop them with --by"},
		{[]string{"--from", "2026-3-1"}, true, `from "2026-3-1": not a day`},
		{[]string{"--order", "random"}, true, `order "random"`},
		{[]string{"stray"}, true, "no arguments"},
		{[]string{"--db", missing}, false, missing + ": no such store"},
	}
	for _, tt := range tests {
		_, err := run(t, append([]string{"--db", db}, tt.args...)...)
		var fe *cmdutil.FlagError
		if err == nil || !strings.Contains(err.Error(), tt.want) || errors.As(err, &fe) != tt.usage {
			t.Errorf("%v: err = %v, want %q (usage error: %v)", tt.args, err, tt.want, tt.usage)
		}
	}
}
