package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/internal/pgtest"
)

// genDoc returns a generated document shaped like sitrep's output on wire
// news (news-te3-silver: 12.8 sentences and 7 events a document; per
// event 1.4 actors, 0.43 attribution sources, 0.03 links; a date on every
// event, a place on 6%, PLOVER on 90%), with 2 mentions a sentence.
func genDoc(rng *rand.Rand, id string) Document {
	const nSent, nEvents = 13, 7
	actors := []event.Actor{
		{Text: "Israel", Code: "ISR", Country: "ISR", Name: "Israel", ID: "ISR", Via: "dictionary"},
		{Text: "Hezbollah", Code: "LBNREBHEZ", Country: "LBN", Sector: "REB", Name: "Hezbollah", ID: "hezbollah", Via: "dictionary"},
		{Text: "the Lebanese army", Code: "LBNMIL", Country: "LBN", Sector: "MIL", Via: "compositional"},
		{Text: "Washington", Code: "USAGOV", Country: "USA", Sector: "GOV", Name: "United States", ID: "USA", Via: "dictionary"},
		{Text: "he", Code: "LBNGOV", Country: "LBN", Sector: "GOV", Name: "Joseph Aoun", ID: "joseph-aoun", Via: "coreference"},
	}
	codes := []struct {
		cameo, root, plover string
		gold                float64
		quad, penta         int
	}{{"125", "12", "REJECT", -4, 3, 3}, {"190", "19", "ASSAULT", -10, 4, 4}, {"036", "03", "AGREE", 4, 1, 1},
		{"010", "01", "", 0, 1, 0}, {"173", "17", "COERCE", -5, 4, 4}}
	var text strings.Builder
	var sents []doc.Sentence
	var mentions []doc.Mention
	for i := range nSent {
		s := fmt.Sprintf("Sentence %d of %s: Israeli forces struck positions held by Hezbollah near the border "+
			"on Monday, the Lebanese army said in a statement carried by state media (%d).", i, id, rng.IntN(1000))
		start := len([]rune(text.String()))
		text.WriteString(s + " ")
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: start + len([]rune(s))}, Text: s})
		for k, a := range actors[:2] {
			mentions = append(mentions, doc.Mention{Span: doc.Span{Start: start + 20*k, End: start + 20*k + 9},
				Sentence: i, Text: a.Text, Kind: doc.KindActor, Code: a.Code, Country: a.Country, Sector: a.Sector,
				Name: a.Name, ID: a.ID, Via: a.Via, Antecedent: -1})
		}
	}
	d := &doc.Doc{Article: doc.Article{ID: id, Source: "gen.jsonl", Outlet: "Wire", Title: "Report " + id,
		Published: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), Text: text.String()}, Sentences: sents, Mentions: mentions}
	var recs []event.Record
	for i := range nEvents {
		si := rng.IntN(nSent)
		s := sents[si]
		c := codes[rng.IntN(len(codes))]
		r := event.Record{Doc: id, Sentence: si, Text: s.Text,
			Trigger: &event.Span{Text: "struck", Start: s.Start + 40, End: s.Start + 46},
			Cameo:   c.cameo, CameoRoot: c.root, Goldstein: &c.gold, QuadClass: c.quad, PentaClass: &c.penta,
			Status:     event.Asserted,
			Date:       &event.Date{Value: "2026-03-09", Start: "2026-03-09", End: "2026-03-09", Precision: "day"},
			Confidence: 0.6, Explain: "verb strike [190] nsubj=forces obj=positions status=asserted"}
		if c.plover != "" {
			r.PLOVER = &event.PLOVER{Type: c.plover, Context: []string{"military"}}
		}
		a := actors[rng.IntN(len(actors))]
		a.Start, a.End = s.Start, s.Start+len([]rune(a.Text))
		r.Source = []event.Actor{a}
		if rng.Float64() < 0.4 {
			t := actors[rng.IntN(len(actors))]
			t.Start, t.End = s.Start+60, s.Start+60+len([]rune(t.Text))
			r.Target = []event.Actor{t}
		}
		r.Attribution = &event.Attribution{Voice: "publisher"}
		if rng.Float64() < 0.4 {
			r.Attribution = &event.Attribution{Voice: "cited", Chain: []event.Source{
				{Role: "organisation", Name: "Lebanese Armed Forces", Cue: "said", Text: "the Lebanese army"}}}
		}
		if rng.Float64() < 0.06 {
			r.Location = &event.Location{Text: "Beirut", Name: "Beirut", Country: "LBN", Lat: ptrF(33.89), Lon: ptrF(35.5)}
		}
		if len(recs) > 0 && rng.Float64() < 0.03 {
			r.Links = []event.Link{{Rel: "responds_to", Event: recs[0].ID}}
		}
		r.ID = event.StableID(id, si, r.Trigger.Start+i, r.Cameo, r.Source, r.Target)
		recs = append(recs, r)
	}
	return Document{Doc: d, Events: recs}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ptrF(f float64) *float64 { return &f }

// BenchmarkPutEvents measures storing events into SQLite: each iteration
// puts one batch of documents, as "sitrep ingest" commits them (100
// documents a batch, or 1,000 for "wire-batch1000", published over half a
// day), into a file that keeps growing. "wire" documents are
// shaped like sitrep's output on wire news (genDoc: 7 events, 13 sentences
// and 26 mentions a document); "rich" records fill every field (testDoc:
// 10 events a document, 2.5 actors, 1.5 attribution sources and 0.5 links
// an event). Run "wire" to 1,000,000 events with
//
//	go test -run XXX -bench 'PutEvents/wire$' -benchtime 1430x ./store
//	go test -run XXX -bench 'PutEvents/wire-batch1000' -benchtime 143x ./store
//
// and read events/s.
func BenchmarkPutEvents(b *testing.B) {
	benchPut(b, func(b *testing.B) (*DB, error) {
		return OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	})
}

// BenchmarkPostgresPut is BenchmarkPutEvents on PostgreSQL, in a new
// schema of the database of $SITREP_TEST_POSTGRES (skipped when it is
// unset):
//
//	.ci/with-postgres go test -run XXX -bench PostgresPut/wire -benchtime 1430x ./store
func BenchmarkPostgresPut(b *testing.B) {
	benchPut(b, func(b *testing.B) (*DB, error) { return OpenPostgres(context.Background(), pgtest.DSN(b)) })
}

// benchPut runs the put benchmarks on the store open returns, a new one
// for each.
func benchPut(b *testing.B, open func(b *testing.B) (*DB, error)) {
	gens := []struct {
		name         string
		gen          func(rng *rand.Rand, id string) Document
		docsPerBatch int
	}{
		{"wire", genDoc, 100},
		// As "sitrep ingest --batch 1000" stores a large backlog.
		{"wire-batch1000", genDoc, 1000},
		{"rich", func(_ *rand.Rand, id string) Document { return testDoc(id, 10) }, 100},
	}
	for _, g := range gens {
		docsPerBatch := g.docsPerBatch
		b.Run(g.name, func(b *testing.B) {
			ctx := context.Background()
			s, err := open(b)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			// One template batch; each iteration gives its documents new
			// texts (new content hashes) without rebuilding the records.
			rng := rand.New(rand.NewPCG(1, 2))
			batch := make([]Document, docsPerBatch)
			texts := make([]string, docsPerBatch)
			for i := range batch {
				batch[i] = g.gen(rng, fmt.Sprintf("d%d", i))
				texts[i] = batch[i].Doc.Text
			}
			events := 0
			cpu0 := cpuTime()
			start := time.Now()
			for n := 0; b.Loop(); n++ {
				// News arrives as it is published: a batch a half day.
				day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 12 * time.Hour)
				for i := range batch {
					batch[i].Doc.Text = texts[i] + fmt.Sprint(n)
					batch[i].Doc.Published = day.Add(time.Duration(i) * 12 * time.Hour / time.Duration(docsPerBatch))
					for k := range batch[i].Events {
						d := day.Format(time.DateOnly)
						batch[i].Events[k].Date = &event.Date{Value: d, Start: d, End: d, Precision: "day"}
					}
				}
				res, err := s.Put(ctx, batch)
				if err != nil {
					b.Fatal(err)
				}
				if res.Stored != docsPerBatch {
					b.Fatalf("stored %d of %d", res.Stored, docsPerBatch)
				}
				events += res.Events
			}
			b.ReportMetric(float64(events)/time.Since(start).Seconds(), "events/s")
			// CPU time per event is steadier than events/s on a shared
			// machine; its inverse is the rate on one idle core.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(events), "cpu-µs/event")
		})
	}
}
