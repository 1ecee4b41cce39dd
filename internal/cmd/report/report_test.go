package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/event/eventeval"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/internal/sharedtest"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/report"
	"github.com/sitrep/sitrep/store"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		flagErr bool
	}{
		{[]string{"--format", "pdf"}, true},
		{[]string{"--color", "sometimes"}, true},
		{[]string{"--format", "html", "--color", "never", "a.txt"}, false},
		{[]string{"--db", "s.db", "a.txt"}, true},
		{[]string{"--country", "ISR"}, true},
		{[]string{"--db", "s.db", "--from", "March"}, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
			var got *Options
			err := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil }).Execute(context.Background(), tt.args, f.Out)
			var fe *cmdutil.FlagError
			if errors.As(err, &fe) != tt.flagErr {
				t.Fatalf("err = %v, want flag error %v", err, tt.flagErr)
			}
			if !tt.flagErr && (got.Format != "html" || !slices.Equal(got.Inputs, []string{"a.txt"})) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

// TestRecords runs the command on records given through the Records seam
// (as the store will), checking the colour choice.
func TestRecords(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := 4.0
	items := []report.Item{{Doc: report.Doc{ID: "d1", Outlet: "Wire"}, Record: event.Record{ID: "x", Text: "Chile praised Peru.",
		Cameo: "051", CameoRoot: "05", Goldstein: &g, Status: event.Asserted,
		Source:      []event.Actor{{Text: "Chile", Code: "CHL", Country: "CHL", Name: "Chile", ID: "CHL"}},
		Target:      []event.Actor{{Text: "Peru", Code: "PER", Country: "PER", Name: "Peru", ID: "PER"}},
		Attribution: &event.Attribution{Voice: "publisher"}}}}
	tests := []struct {
		color, noColor string
		terminal, ansi bool
	}{
		{"auto", "", true, true},
		{"auto", "1", true, false},
		{"auto", "", false, false},
		{"always", "", false, true},
		{"never", "", true, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.color, tt.noColor, tt.terminal), func(t *testing.T) {
			var out bytes.Buffer
			opts := &Options{DocOptions: cmdutil.DocOptions{Out: &out, LoadKB: func() (*kb.KB, error) { return k, nil }},
				Format: "text", Color: tt.color, IsTerminal: func() bool { return tt.terminal },
				Getenv:  func(string) string { return tt.noColor },
				Records: func(context.Context) ([]report.Item, error) { return items, nil }}
			if err := Run(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "Chile voiced support for Peru.") {
				t.Errorf("output lacks the development:\n%s", out.String())
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tt.ansi {
				t.Errorf("colour %v, want %v", got, tt.ansi)
			}
		})
	}
}

// squash collapses runs of white space, so wrapped text compares with a
// sentence.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSeed runs the real pipeline on the seed report and checks the report
// against the seed gold: every required gold event the coder finds is a
// development whose actors and sourcing are shown, and the rejections by
// Barrack and by Israel are shown as responses to Lebanon's proposal.
func TestSeed(t *testing.T) {
	seedPath := sharedtest.Path(t, "seed/lebanon-israel-2026-03-09.txt")
	gold, err := eventeval.ReadSeedGold(sharedtest.Path(t, "eval/seed.gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := models.Load()
	if err != nil {
		t.Fatal(err)
	}
	read := func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
		now := func() time.Time { return time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC) }
		return input.Read(ctx, paths, input.Options{Now: now}, fn)
	}
	f, out, errOut := cmdtest.Factory(p, read)
	dopts := cmdutil.NewDocOptions(f)
	dopts.Inputs = []string{seedPath}
	items, k, err := Code(context.Background(), &dopts)
	if err != nil {
		t.Fatalf("%v (%s)", err, errOut)
	}
	rep := report.Build(items, report.Options{KB: k})
	if err := NewCmd(f, nil).Execute(context.Background(), []string{seedPath}, f.Out); err != nil {
		t.Fatalf("%v (%s)", err, errOut)
	}
	shown := squash(out.String())
	recs := make([]event.Record, len(items))
	for i := range items {
		recs[i] = items[i].Record
	}
	devOf := map[string]*report.Development{}
	for i := range rep.Developments {
		for _, id := range rep.Developments[i].Records {
			devOf[id] = &rep.Developments[i]
		}
	}
	scores := eventeval.ScoreSeed(gold, recs, string(text))
	found := map[string]*report.Development{}
	for i, line := range scores.Lines {
		g := gold[i]
		if !line.Required || len(line.Matched) == 0 {
			continue
		}
		d := devOf[recs[line.Matched[0]].ID]
		found[g.ID] = d
		checkShown(t, g, d, shown)
	}
	t.Logf("required gold events found by the coder and shown: %d of %d", len(found), scores.Required.Of)
	if len(found) == 0 {
		t.Fatal("no required gold event found")
	}
	checkResponses(t, rep, found, shown)
}

// checkShown checks that the development d of gold line g is in the
// output with its sentence, an actor of accepted code for each side the
// gold names, and the sourcing the gold asks for.
func checkShown(t *testing.T, g eventeval.SeedGold, d *report.Development, shown string) {
	t.Helper()
	line := fmt.Sprintf("#%d %s %s %s", d.N, d.When, d.Sentence, d.Meta())
	if !strings.Contains(shown, squash(line)) {
		t.Errorf("%s: development not shown as %q", g.ID, line)
	}
	for _, side := range []struct {
		refs     []report.ActorRef
		prefixes []string
	}{{d.Source, g.Source}, {d.Target, g.Target}} {
		if len(side.prefixes) == 0 {
			continue
		}
		ok := slices.ContainsFunc(side.refs, func(r report.ActorRef) bool {
			return strings.Contains(d.Sentence, r.Name) && slices.ContainsFunc(side.prefixes, func(p string) bool { return strings.HasPrefix(r.Code, p) })
		})
		if !ok {
			t.Errorf("%s: %q names no actor coded %v: %+v", g.ID, d.Sentence, side.prefixes, side.refs)
		}
	}
	src := d.SourcingText()
	switch {
	case g.Attrib == "self" && !strings.Contains(src, "own voice"):
		t.Errorf("%s: sourcing %q, want the article's own voice", g.ID, src)
	case g.Attrib != "" && g.Attrib != "self" && !strings.Contains(src, g.Attrib):
		t.Errorf("%s: sourcing %q lacks %s", g.ID, src, g.Attrib)
	}
	if g.AnonSources > 0 && !strings.Contains(src, fmt.Sprintf("%d anonymous source", g.AnonSources)) {
		t.Errorf("%s: sourcing %q lacks %d anonymous sources", g.ID, src, g.AnonSources)
	}
	if g.Hedged != nil && *g.Hedged && !strings.Contains(src, "reportedly") {
		t.Errorf("%s: sourcing %q is not hedged", g.ID, src)
	}
}

// checkResponses checks that Barrack's (S07) and Israel's (S08)
// rejections are listed under a proposal of Lebanon's (gold S01 or S06),
// in the output too, and that Israel's carries Axios and anonymous
// sources.
func checkResponses(t *testing.T, rep *report.Report, found map[string]*report.Development, shown string) {
	t.Helper()
	barrack, israel := found["S07"], found["S08"]
	if barrack == nil || israel == nil {
		t.Fatalf("the coder lost a rejection: Barrack %v, Israel %v", barrack, israel)
	}
	var prop *report.Proposal
	for i := range rep.Proposals {
		d := rep.Development(rep.Proposals[i].Development)
		if d == found["S01"] || d == found["S06"] {
			rs := rep.Proposals[i].Responses
			if slices.ContainsFunc(rs, func(r report.Response) bool { return r.Development == barrack.N }) &&
				slices.ContainsFunc(rs, func(r report.Response) bool { return r.Development == israel.N }) {
				prop = &rep.Proposals[i]
			}
		}
	}
	if prop == nil {
		t.Fatalf("no proposal of Lebanon lists #%d and #%d as responses: %+v", barrack.N, israel.N, rep.Proposals)
	}
	p := rep.Development(prop.Development)
	for _, d := range []*report.Development{barrack, israel} {
		want := fmt.Sprintf("<- #%d %s [%s; %s]", d.N, d.Sentence, d.Standing, d.SourcingText())
		block := shown[strings.Index(shown, "PROPOSALS"):]
		if !strings.Contains(block, squash(want)) || !strings.Contains(d.Sentence, fmt.Sprintf("(answering #%d)", p.N)) {
			t.Errorf("response not shown under #%d as %q", p.N, want)
		}
	}
	if src := israel.SourcingText(); !strings.Contains(src, "Axios") || !strings.Contains(src, "anonymous source") {
		t.Errorf("Israel's rejection sourced %q, want Axios and anonymous sources", src)
	}
	if !strings.HasPrefix(barrack.Sentence, "Tom Barrack rejected") || !strings.HasPrefix(israel.Sentence, "Israel rejected") {
		t.Errorf("rejections read %q and %q", barrack.Sentence, israel.Sentence)
	}
}

// TestStored reports on the events of a store that the filters select.
func TestStored(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var docs []store.Document
	for i, c := range []struct{ src, tgt, day string }{{"ISR", "LBN", "2026-03-09"}, {"USA", "IRN", "2026-03-20"}} {
		id := fmt.Sprintf("d%d", i)
		text := fmt.Sprintf("Report %d: %s rejected %s.", i, c.src, c.tgt)
		pub, _ := time.Parse(time.DateOnly, c.day)
		d := &doc.Doc{Article: doc.Article{ID: id, Outlet: "Wire", Published: pub, Text: text},
			Sentences: []doc.Sentence{{Span: doc.Span{End: len(text)}, Text: text}}}
		r := event.Record{Doc: id, Text: text, Cameo: "120", CameoRoot: "12", Status: event.Asserted,
			Source: []event.Actor{{Code: c.src, Country: c.src}}, Target: []event.Actor{{Code: c.tgt, Country: c.tgt}}}
		r.ID = event.StableID(id, 0, 0, r.Cameo, r.Source, r.Target)
		docs = append(docs, store.Document{Doc: d, Events: []event.Record{r}})
	}
	if _, err := st.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tt := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--db", db, "--country", "LBN"}, "1 document", "IRN"},
		{[]string{"--db", db, "--from", "2026-03-15"}, "IRN", "LBN"},
		{[]string{"--db", db}, "2 documents", ""},
	} {
		f, out, _ := cmdtest.Factory(cmdtest.Pipeline(), cmdtest.Reader(nil, nil))
		if err := NewCmd(f, nil).Execute(ctx, append(tt.args, "--color", "never"), f.Out); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got := out.String()
		if !strings.Contains(got, tt.want) || tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("%v: want %q and not %q in\n%s", tt.args, tt.want, tt.not, got)
		}
	}
}
