package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// browseStore returns a store holding corpus() (r1 placed at Beirut with
// coordinates) and r6, Syria shelling Lebanon at Homs, put one document
// at a time so that they are stored in order.
func browseStore(t *testing.T, b backend) *DB {
	t.Helper()
	s := openFresh(t, b)
	docs := corpus()
	docs[0].Events[0].Location.Lat, docs[0].Events[0].Location.Lon = ptr(33.89), ptr(35.5)
	docs = append(docs, qdoc("r6", "Wire", "2026-03-11", "Syria shelled Homs.", "195", country("SYR"), country("LBN"),
		func(r *event.Record) {
			r.Goldstein, r.PLOVER = ptr(-10.0), &event.PLOVER{Type: "ASSAULT"}
			r.Location = &event.Location{Text: "Homs", Name: "Homs", Country: "SYR", Lat: ptr(34.7), Lon: ptr(36.7)}
		}))
	for i := range docs {
		if _, err := s.Put(context.Background(), docs[i:i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestBrowse(t *testing.T) { eachBackend(t, testBrowse) }

func testBrowse(t *testing.T, b backend) {
	s := browseStore(t, b)
	ctx := context.Background()

	t.Run("actors", func(t *testing.T) {
		for _, tc := range []struct {
			f    Filter
			want string
		}{
			{Filter{}, "LBN 6 1 5|ISR 3 2 1|LBNREBHEZ 1 1 0|SYR 1 1 0|USAGOV 1 1 0"},
			{Filter{Country: "ISR"}, "ISR 3 2 1|LBN 3 1 2"},
			{Filter{Limit: 2, Offset: 1}, "ISR 3 2 1|LBNREBHEZ 1 1 0"},
			{Filter{Merged: true, Actor: "ISR"}, "ISR 2 1 1|LBN 2 1 1"},
			{Filter{Text: "homs"}, "LBN 1 0 1|SYR 1 1 0"},
		} {
			got, err := s.Actors(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if s := join(got, func(a ActorCount) string {
				return fmt.Sprintf("%s %d %d %d", a.Code, a.Events, a.AsSource, a.AsTarget)
			}); s != tc.want {
				t.Errorf("actors %+v = %s, want %s", tc.f, s, tc.want)
			}
		}
		got, _ := s.Actors(ctx, Filter{Actor: "LBNREBHEZ", Limit: 1, Offset: 1})
		if len(got) != 1 || got[0].Name != "Hezbollah" || got[0].KBID != "hezbollah" || got[0].Sector != "REB" {
			t.Errorf("Hezbollah = %+v", got)
		}
	})

	t.Run("edges", func(t *testing.T) {
		for _, tc := range []struct {
			f    Filter
			want string
		}{
			{Filter{}, "ISR>LBN 2 -10 map[ASSAULT:2]|LBN>ISR 1 -4 map[REJECT:1]|LBNREBHEZ>LBN 1 -5 map[COERCE:1]|" +
				"SYR>LBN 1 -10 map[ASSAULT:1]|USAGOV>LBN 1 4 map[AGREE:1]"},
			{Filter{Merged: true, Cameo: "19"}, "ISR>LBN 1 -10 map[ASSAULT:1]|SYR>LBN 1 -10 map[ASSAULT:1]"},
			{Filter{Status: "negated"}, "LBN>ISR 1 -4 map[REJECT:1]"},
			{Filter{Limit: 1, Offset: 4}, "USAGOV>LBN 1 4 map[AGREE:1]"},
			{Filter{Outlet: "nobody"}, ""},
		} {
			got, err := s.Edges(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if s := join(got, func(e Edge) string {
				return fmt.Sprintf("%s>%s %d %g %v", e.Source, e.Target, e.Events, *e.GoldsteinMean, e.PLOVER)
			}); s != tc.want {
				t.Errorf("edges %+v = %s, want %s", tc.f, s, tc.want)
			}
		}
	})

	t.Run("places", func(t *testing.T) {
		for _, tc := range []struct {
			f    Filter
			want string
		}{
			{Filter{}, "Beirut LBN 33.89 35.5 1|Homs SYR 34.7 36.7 1"},
			{Filter{Place: "syr"}, "Homs SYR 34.7 36.7 1"},
			{Filter{From: "2026-03-10"}, "Homs SYR 34.7 36.7 1"},
		} {
			got, err := s.Places(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if s := join(got, func(p PlaceCount) string {
				return fmt.Sprintf("%s %s %g %g %d", p.Name, p.Country, p.Lat, p.Lon, p.Events)
			}); s != tc.want {
				t.Errorf("places %+v = %s, want %s", tc.f, s, tc.want)
			}
		}
	})

	t.Run("documents", func(t *testing.T) {
		got, err := s.Documents(ctx, 2, 1)
		if err != nil {
			t.Fatal(err)
		}
		if s := join(got, func(d DocumentSummary) string { return fmt.Sprintf("%s %s %d", d.ID, d.Title, d.Events) }); s != "r5 About r5 1|r4 About r4 1" {
			t.Errorf("documents = %s", s)
		}
		all, _ := s.Documents(ctx, 0, 0)
		if len(all) != 6 {
			t.Errorf("%d documents, want 6", len(all))
		}
		d, err := s.Document(ctx, got[0].Hash)
		if err != nil {
			t.Fatal(err)
		}
		want := DocumentText{DocumentInfo: got[0].DocumentInfo, Text: "Israeli jets struck Beirut on Monday."}
		if !reflect.DeepEqual(d, want) {
			t.Errorf("document = %+v, want %+v", d, want)
		}
		if _, err := s.Document(ctx, "feed"); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing document: err %v, want ErrNotFound", err)
		}
		if _, err := s.Documents(ctx, -1, 0); err == nil {
			t.Error("negative limit: no error")
		}
	})

	if _, err := s.Actors(ctx, Filter{From: "yesterday"}); err == nil {
		t.Error("bad day: no error")
	}
}

// join formats xs with f, separated by "|".
func join[T any](xs []T, f func(T) string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += "|"
		}
		s += f(x)
	}
	return s
}

func TestEdgesRepeatedActor(t *testing.T) { eachBackend(t, testEdgesRepeatedActor) }

// testEdgesRepeatedActor checks that an event with two source actors of
// one code counts once in its edge's Goldstein mean.
func testEdgesRepeatedActor(t *testing.T, b backend) {
	s := openFresh(t, b)
	docs := []Document{
		qdoc("d1", "Wire", "2026-03-09", "Israeli jets and drones struck Beirut.", "190", country("ISR"), country("LBN"),
			func(r *event.Record) {
				r.Goldstein = ptr(-10.0)
				r.Source = append(r.Source, country("ISR"))
			}),
		qdoc("d2", "Wire", "2026-03-10", "Israel met Lebanon.", "040", country("ISR"), country("LBN"),
			func(r *event.Record) { r.Goldstein = ptr(0.0) }),
	}
	if _, err := s.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	got, err := s.Edges(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Events != 2 || got[0].GoldsteinMean == nil || *got[0].GoldsteinMean != -5 {
		t.Errorf("edges = %+v, want ISR>LBN, 2 events, mean -5", got)
	}
}
