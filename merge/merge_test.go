package merge

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/event"
)

// rec builds a record: id, CAMEO code, "SRC>TGT" with actors as
// country+sector ("ISR", "LBNGOV"; "-" for no target), a date interval
// from a time expression ("" for the article's date) and a place country.
func rec(id, cameo, dyad, dates, place string) *event.Record {
	r := &event.Record{ID: id, Cameo: cameo, Status: event.Asserted}
	if len(cameo) >= 2 {
		r.CameoRoot = cameo[:2]
	}
	src, tgt, _ := strings.Cut(dyad, ">")
	actors := func(s string) []event.Actor {
		var as []event.Actor
		for _, k := range strings.Split(s, "+") {
			if k == "" || k == "-" {
				continue
			}
			as = append(as, event.Actor{Code: k, Country: k[:3], Sector: k[3:]})
		}
		return as
	}
	r.Source, r.Target = actors(src), actors(tgt)
	if dates != "" {
		s, e, _ := strings.Cut(dates, "..")
		r.Date = &event.Date{Text: "some day", Start: s, End: e}
	}
	if place != "" {
		r.Location = &event.Location{Country: place}
	}
	return r
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t.Add(10 * time.Hour)
}

func item(doc, outlet, published string, r *event.Record) Item {
	it := Item{Record: r, Doc: doc, Outlet: outlet}
	if published != "" {
		it.Published = day(published)
	}
	return it
}

// summary writes groups as "rep: member member (articles/outlets)", one
// group a line, members by record id.
func summary(items []Item, groups []Group) string {
	var lines []string
	for _, g := range groups {
		var ids []string
		for _, m := range g.Members {
			ids = append(ids, items[m.Item].Record.ID)
		}
		lines = append(lines, fmt.Sprintf("%s (%d/%d)", strings.Join(ids, " "), g.Articles, g.Outlets))
	}
	return strings.Join(lines, "\n")
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name  string
		items []Item
		want  string
	}{
		{"same event on following days, three outlets", []Item{
			item("d1", "Axios", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "Wire", "2026-03-10", rec("b", "125", "ISR>LBN", "", "")),
			item("d3", "Post", "2026-03-10", rec("c", "128", "ISR>LBN", "", "LBN")),
		}, "a b c (3/3)"},
		{"one outlet twice, one article twice", []Item{
			item("d1", "Wire", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d1", "Wire", "2026-03-09", rec("a2", "120", "ISR>LBN", "", "")),
			item("d2", "Wire", "2026-03-10", rec("b", "120", "ISR>LBN", "", "")),
			item("d3", "", "2026-03-10", rec("c", "120", "ISR>LBN", "", "")),
		}, "a a2 b c (3/1)"},
		{"dyad order matters", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "120", "LBN>ISR", "", "")),
		}, "a (1/1)\nb (1/1)"},
		{"sector matters, actor order does not", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "120", "ISR>LBNGOV", "", "")),
			item("d3", "C", "2026-03-09", rec("c", "190", "ISR+USA>IRN", "", "")),
			item("d4", "D", "2026-03-09", rec("d", "195", "USA+ISR>IRN", "", "")),
		}, "a (1/1)\nb (1/1)\nc d (2/2)"},
		{"empty target matches only empty target", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "120", "ISR>-", "", "")),
			item("d3", "C", "2026-03-09", rec("c", "120", "ISR>-", "", "")),
		}, "a (1/1)\nb c (2/2)"},
		{"root differs", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "111", "ISR>LBN", "", "")),
		}, "a (1/1)\nb (1/1)"},
		{"explicit dates apart, article dates bridge nothing", []Item{
			item("d1", "A", "2026-03-09", rec("a", "190", "ISR>LBN", "2026-03-02..2026-03-02", "")),
			item("d2", "B", "2026-03-09", rec("b", "190", "ISR>LBN", "2026-03-08..2026-03-08", "")),
			// c allows both days but joins the first group only; its days
			// become 03-02 alone, so d, dated 03-08, joins b.
			item("d3", "C", "2026-03-10", rec("c", "190", "ISR>LBN", "2026-03-01..2026-03-08", "")),
			item("d4", "D", "2026-03-11", rec("d", "190", "ISR>LBN", "", "")),
		}, "a c (2/2)\nb d (2/2)"},
		{"article date window is a week", []Item{
			item("d1", "A", "2026-03-01", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-08", rec("b", "120", "ISR>LBN", "", "")),
			item("d3", "C", "2026-03-09", rec("c", "120", "ISR>LBN", "", "")),
		}, "a b (2/2)\nc (1/1)"},
		{"places", []Item{
			item("d1", "A", "2026-03-09", rec("a", "190", "ISR>LBN", "", "LBN")),
			item("d2", "B", "2026-03-09", rec("b", "190", "ISR>LBN", "", "")),
			item("d3", "C", "2026-03-09", rec("c", "190", "ISR>LBN", "", "SYR")),
			item("d4", "D", "2026-03-09", rec("d", "190", "ISR>LBN", "", "LBN")),
		}, "a b d (3/3)\nc (1/1)"},
		{"unknown place group takes the first known", []Item{
			item("d1", "A", "2026-03-09", rec("a", "190", "ISR>LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "190", "ISR>LBN", "", "SYR")),
			item("d3", "C", "2026-03-09", rec("c", "190", "ISR>LBN", "", "LBN")),
		}, "a b (2/2)\nc (1/1)"},
		{"not mergeable", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", ">LBN", "", "")),
			item("d2", "B", "2026-03-09", rec("b", "120", ">LBN", "", "")),
			item("d3", "C", "", rec("c", "120", "ISR>LBN", "", "")),
			item("d4", "D", "", rec("d", "120", "ISR>LBN", "", "")),
			item("d5", "E", "2026-03-09", rec("e", "", "ISR>LBN", "", "")),
			item("d6", "F", "2026-03-09", rec("f", "", "ISR>LBN", "", "")),
		}, "a (1/1)\nb (1/1)\ne (1/1)\nf (1/1)\nc (1/1)\nd (1/1)"},
		{"undated article, dated event", []Item{
			item("d1", "A", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
			item("d2", "B", "", rec("b", "120", "ISR>LBN", "2026-03-05..2026-03-05", "")),
		}, "a b (2/2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(tt.items, Merge(tt.items))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	a := rec("a", "120", "ISR>LBN", "", "")
	b := rec("b", "120", "ISR>LBN", "", "")
	b.Status = event.Negated
	items := []Item{item("d1", "A", "2026-03-09", a), item("d2", "B", "2026-03-09", b)}
	if got := summary(items, Merge(items)); got != "a (1/1)\nb (1/1)" {
		t.Errorf("negated merged with asserted:\n%s", got)
	}
}

// TestGroup checks a group's fields and reasons.
func TestGroup(t *testing.T) {
	items := []Item{
		item("d2", "Wire", "2026-03-10", rec("b", "125", "ISR>LBN", "", "LBN")),
		item("d1", "Axios", "2026-03-09", rec("a", "120", "ISR>LBN", "", "")),
	}
	gs := Merge(items)
	if len(gs) != 1 {
		t.Fatalf("%d groups", len(gs))
	}
	g := gs[0]
	want := Group{ID: GroupID("d1/a"), Dyad: "ISR>LBN", Root: "12", Status: event.Asserted, Place: "LBN",
		Start: "2026-03-03", End: "2026-03-09", Representative: 1, Size: 2, Articles: 2, Outlets: 2,
		OutletNames: []string{"Axios", "Wire"}, First: SortKey(&items[1]), Last: SortKey(&items[0]),
		FirstReported: day("2026-03-09"), Members: []Member{
			{Item: 1, Key: "d1/a", Reason: "first report"},
			{Item: 0, Key: "d2/b", Reason: "same dyad ISR>LBN, root 12, asserted, dates overlap 2026-03-03..09, place compatible (LBN, one unknown)"},
		}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got  %+v\nwant %+v", g, want)
	}
	if len(g.ID) != 16 {
		t.Errorf("id %q", g.ID)
	}
}

// TestDeterministic: any input order gives the same groups, ids and
// members; adding a later report keeps every group and its id.
func TestDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dyads := []string{"ISR>LBN", "LBN>ISR", "ISR>-", "USA>IRN"}
	codes := []string{"120", "125", "190", "195", "036"}
	places := []string{"", "", "LBN", "SYR"}
	var items []Item
	for i := range 200 {
		d := fmt.Sprintf("2026-03-%02d", 1+rng.IntN(28))
		dates := ""
		if rng.IntN(3) == 0 {
			dates = d + ".." + d
		}
		items = append(items, item(fmt.Sprintf("doc%d", i/3), fmt.Sprintf("outlet%d", rng.IntN(5)), d,
			rec(fmt.Sprintf("r%03d", i), codes[rng.IntN(len(codes))], dyads[rng.IntN(len(dyads))], dates,
				places[rng.IntN(len(places))])))
	}
	byKey := func(items []Item, gs []Group) map[string][]string {
		m := map[string][]string{}
		for _, g := range gs {
			for _, mb := range g.Members {
				m[g.ID] = append(m[g.ID], mb.Key+" "+mb.Reason)
			}
		}
		return m
	}
	want := byKey(items, Merge(items))
	for range 5 {
		shuffled := append([]Item(nil), items...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := byKey(shuffled, Merge(shuffled)); !reflect.DeepEqual(got, want) {
			t.Fatal("another input order gives other groups")
		}
	}
	// A report published after all others joins a group or starts one.
	later := append(append([]Item(nil), items...), item("late", "Late", "2026-03-30", rec("z", "120", "ISR>LBN", "", "")))
	got := byKey(later, Merge(later))
	for id, ms := range want {
		g := got[id]
		if len(g) < len(ms) || !reflect.DeepEqual(g[:len(ms)], ms) {
			t.Errorf("group %s changed: %v → %v", id, ms, g)
		}
	}
}

func TestDays(t *testing.T) {
	for _, tt := range [][3]string{
		{"2026-03-02", "2026-03-09", "2026-03-02..09"},
		{"2026-03-28", "2026-04-02", "2026-03-28..04-02"},
		{"2026-12-30", "2027-01-02", "2026-12-30..2027-01-02"},
		{"2026-03-09", "2026-03-09", "2026-03-09"},
	} {
		if got := days(tt[0], tt[1]); got != tt[2] {
			t.Errorf("days(%s, %s) = %s, want %s", tt[0], tt[1], got, tt[2])
		}
	}
}

// TestExtend: merging reports batch by batch, in publication order, with
// Extend given only the state of the groups so far, gives the groups that
// Merge gives all reports at once.
func TestExtend(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	dyads := []string{"ISR>LBN", "LBN>ISR", "ISR>-", "USA>IRN", "->ISR"}
	codes := []string{"120", "125", "190", "195", "036", ""}
	places := []string{"", "", "LBN", "SYR"}
	var items []Item
	for d := range 80 {
		pub := fmt.Sprintf("2026-03-%02d", 1+d*28/80)
		for k := range 1 + rng.IntN(4) {
			dates := ""
			if rng.IntN(3) == 0 {
				day := fmt.Sprintf("2026-03-%02d", 1+rng.IntN(28))
				dates = day + ".." + day
			}
			items = append(items, item(fmt.Sprintf("doc%02d", d), fmt.Sprintf("outlet%d", rng.IntN(5)), pub,
				rec(fmt.Sprintf("r%02d-%d", d, k), codes[rng.IntN(len(codes))], dyads[rng.IntN(len(dyads))], dates,
					places[rng.IntN(len(places))])))
		}
	}
	type state struct {
		Group   Group
		Members []string
	}
	flatten := func(items []Item, gs []Group, into map[string]*state) {
		for _, g := range gs {
			st := into[g.ID]
			if st == nil {
				st = &state{}
				into[g.ID] = st
			}
			for _, m := range g.Members {
				st.Members = append(st.Members, m.Key+" "+m.Reason)
			}
			g.Members, g.Representative = nil, 0
			st.Group = g
		}
	}
	want := map[string]*state{}
	flatten(items, Merge(items), want)

	got := map[string]*state{}
	var groups []Group
	for start := 0; start < len(items); {
		// A batch is the reports of 1 to 15 documents.
		end := start
		for n := 1 + rng.IntN(15); end < len(items) && n > 0; n-- {
			doc := items[end].Doc
			for end < len(items) && items[end].Doc == doc {
				end++
			}
		}
		batch := items[start:end]
		groups = Extend(groups, batch)
		flatten(batch, groups, got)
		for i := range groups {
			groups[i].Members = nil
		}
		start = end
	}
	if len(got) != len(want) {
		t.Fatalf("%d groups merged batch by batch, %d at once", len(got), len(want))
	}
	for id, w := range want {
		if g := got[id]; g == nil || !reflect.DeepEqual(*g, *w) {
			t.Errorf("group %s:\n got %+v\nwant %+v", id, g, w)
		}
	}
}
