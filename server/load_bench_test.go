package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// loadEvents is the number of events of the load benchmark's store.
const loadEvents = 100_000

// eventsPerDoc is the number of events of each generated document.
const eventsPerDoc = 10

// loadCode is a CAMEO code with its PLOVER type and Goldstein score.
type loadCode struct {
	cameo, plover string
	gold          float64
}

// loadCodes returns the codes the generated events are drawn from.
func loadCodes() []loadCode {
	return []loadCode{
		{"036", "AGREE", 4}, {"042", "CONSULT", 1.9}, {"057", "AGREE", 8}, {"061", "COOPERATE", 6.4},
		{"071", "AID", 7.4}, {"111", "ACCUSE", -2}, {"125", "REJECT", -5}, {"138", "THREATEN", -7},
		{"173", "COERCE", -5}, {"190", "ASSAULT", -10}, {"193", "ASSAULT", -10}, {"195", "ASSAULT", -10},
	}
}

// loadCountry is a country of the generated actors and places.
type loadCountry struct {
	code     string
	lat, lon float64
}

// loadCountries returns the countries of the generated events.
func loadCountries() []loadCountry {
	return []loadCountry{
		{"ISR", 31.8, 35.2}, {"LBN", 33.9, 35.5}, {"SYR", 33.5, 36.3}, {"IRN", 35.7, 51.4}, {"USA", 38.9, -77},
		{"RUS", 55.8, 37.6}, {"UKR", 50.5, 30.5}, {"TUR", 39.9, 32.9}, {"EGY", 30, 31.2}, {"JOR", 31.9, 35.9},
		{"IRQ", 33.3, 44.4}, {"SAU", 24.7, 46.7}, {"YEM", 15.4, 44.2}, {"QAT", 25.3, 51.5}, {"FRA", 48.9, 2.35},
		{"GBR", 51.5, -0.13}, {"CHN", 39.9, 116.4}, {"SDN", 15.6, 32.5}, {"LBY", 32.9, 13.2}, {"CYP", 35.2, 33.4},
	}
}

// genDoc returns the i-th generated document: eventsPerDoc events of
// random dyads, codes and places, on days from 2025-01-01 to late 2026.
func genDoc(rng *rand.Rand, i int) store.Document {
	codes, countries := loadCodes(), loadCountries()
	id := fmt.Sprintf("gen-%06d", i)
	// Documents come in publication order, as from a feed, so that each
	// Put merges into what is stored rather than merging again.
	pub := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, i*700/(loadEvents/eventsPerDoc))
	var text strings.Builder
	var sents []doc.Sentence
	var recs []event.Record
	for s := range eventsPerDoc {
		src, tgt := countries[rng.IntN(len(countries))], countries[rng.IntN(len(countries))]
		c := codes[rng.IntN(len(codes))]
		line := fmt.Sprintf("Forces of %s acted against %s in report %d.", src.code, tgt.code, i*eventsPerDoc+s)
		start := len([]rune(text.String()))
		text.WriteString(line + " ")
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: start + len([]rune(line))}, Text: line})
		day := pub.AddDate(0, 0, -rng.IntN(3)).Format(time.DateOnly)
		sector := []string{"", "GOV", "MIL"}[rng.IntN(3)]
		r := event.Record{Doc: id, Sentence: s, Text: line, Cameo: c.cameo, CameoRoot: c.cameo[:2],
			Goldstein: ptr(c.gold), PLOVER: &event.PLOVER{Type: c.plover}, Status: event.Asserted,
			Source:   []event.Actor{{Code: src.code + sector, Country: src.code, Sector: sector, Name: src.code}},
			Target:   []event.Actor{{Code: tgt.code, Country: tgt.code, Name: tgt.code}},
			Date:     &event.Date{Value: day, Start: day, End: day, Precision: "day"},
			Location: &event.Location{Name: tgt.code + " capital", Country: tgt.code, Lat: ptr(tgt.lat), Lon: ptr(tgt.lon)}}
		r.ID = event.StableID(id, s, 0, r.Cameo, r.Source, r.Target)
		recs = append(recs, r)
	}
	d := &doc.Doc{Article: doc.Article{ID: id, Outlet: []string{"Wire", "Post", "Axios"}[rng.IntN(3)], Published: pub,
		Text: text.String()}, Sentences: sents}
	return store.Document{Doc: d, Events: recs}
}

// loadStore returns a SQLite store of loadEvents generated events.
func loadStore(b *testing.B) *store.DB {
	b.Helper()
	st, err := store.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "load.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	rng := rand.New(rand.NewPCG(7, 9))
	const batch = 200
	start := time.Now()
	for i := 0; i < loadEvents/eventsPerDoc; i += batch {
		docs := make([]store.Document, batch)
		for j := range docs {
			docs[j] = genDoc(rng, i+j)
		}
		if _, err := st.Put(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d events in %.0f s", loadEvents, time.Since(start).Seconds())
	return st
}

// loadClients is the number of concurrent clients of the load generator,
// and loadRequests the requests they make per benchmark iteration.
const (
	loadClients  = 16
	loadRequests = 2000
)

// BenchmarkLoad drives the server over a store of 100,000 events with
// loadClients concurrent HTTP clients (keep-alive, over loopback TCP) and
// reports requests per second and the 50th and 99th percentile latency of
// the event list, of one dyad's weekly series and of the weekly per-dyad
// aggregates of a month. Each client's requests vary their filters, so
// that no two in a row ask the same (about 650 distinct event lists, 380
// dyad series and 20 monthly tables). Each runs on the server as deployed,
// whose response cache keeps answers until a document is stored, and with
// the cache off ("nocache"): every answer from the store.
//
//	go test ./server -run '^$' -bench Load -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	st := loadStore(b)
	countries := make([]string, len(loadCountries()))
	for i, c := range loadCountries() {
		countries[i] = c.code
	}
	for _, cache := range []struct {
		name string
		off  bool
	}{{"", false}, {"-nocache", true}} {
		srv, err := New(Config{Store: st, Logf: b.Logf, NoCache: cache.off})
		if err != nil {
			b.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		for _, bc := range []struct {
			name string
			url  func(i int) string
		}{
			{"events", func(i int) string {
				switch i % 4 {
				case 0:
					return fmt.Sprintf("/api/v1/events?offset=%d", i%500)
				case 1:
					return "/api/v1/events?limit=50&actor=" + countries[i%len(countries)]
				case 2:
					return fmt.Sprintf("/api/v1/events?cameo_root=19&from=2026-%02d-01&to=2026-%02d-28", 1+i%10, 1+i%10)
				default:
					return "/api/v1/events?limit=20&country=" + countries[i%len(countries)] + "&offset=" + fmt.Sprint(i%100)
				}
			}},
			{"dyad-series", func(i int) string {
				src, tgt := countries[i%len(countries)], countries[(i/len(countries))%len(countries)]
				return "/api/v1/aggregates?by=week&dyad=" + src + "%3E" + tgt
			}},
			{"dyads-month", func(i int) string {
				m := 1 + i%12
				if i%2 == 0 {
					return fmt.Sprintf("/api/v1/aggregates?by=week&per=dyad&from=2025-%02d-01&to=2025-%02d-28", m, m)
				}
				return fmt.Sprintf("/api/v1/aggregates?by=day&per=dyad&cameo_root=19&from=2026-%02d-01&to=2026-%02d-28", 1+i%8, 1+i%8)
			}},
		} {
			b.Run(bc.name+cache.name, func(b *testing.B) {
				var lat []time.Duration
				var elapsed time.Duration
				for b.Loop() {
					l, d := drive(b, ts.URL, bc.url)
					lat = append(lat, l...)
					elapsed += d
				}
				slices.Sort(lat)
				b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			})
		}
		ts.Close()
	}
}

// drive makes loadRequests requests of url(i) to base with loadClients
// concurrent clients and returns each one's latency and the time taken.
func drive(b *testing.B, base string, url func(i int) string) ([]time.Duration, time.Duration) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}}
	defer client.CloseIdleConnections()
	lat := make([]time.Duration, loadRequests)
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	start := time.Now()
	for range loadClients {
		wg.Go(func() {
			buf := make([]byte, 32<<10)
			for i := range next {
				t := time.Now()
				resp, err := client.Get(base + url(i))
				if err == nil {
					for {
						if _, rerr := resp.Body.Read(buf); rerr != nil {
							break
						}
					}
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: status %d", url(i), resp.StatusCode)
					}
				}
				if err != nil {
					once.Do(func() { b.Error(err) })
				}
				lat[i] = time.Since(t)
			}
		})
	}
	for i := range loadRequests {
		next <- i
	}
	close(next)
	wg.Wait()
	return lat, time.Since(start)
}
