package query

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/store"
)

// rowColumns are the columns of the events as a table and as CSV.
var rowColumns = []string{"day", "cameo", "plover", "status", "goldstein", "source", "target", "place",
	"outlet", "doc", "merged", "reports", "text"}

// rowWriter writes Scan's rows in one format.
type rowWriter struct {
	format string
	enc    *json.Encoder
	csv    *csv.Writer
	tab    *tabwriter.Writer
	err    error
}

func newRowWriter(w io.Writer, format string) *rowWriter {
	rw := &rowWriter{format: format}
	switch format {
	case "jsonl":
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	case "csv":
		rw.csv = csv.NewWriter(w)
		rw.err = rw.csv.Write(rowColumns)
	default:
		rw.tab = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(rw.tab, strings.ToUpper(strings.Join(rowColumns, "\t")))
	}
	return rw
}

// write writes r.
func (rw *rowWriter) write(r *store.Row) error {
	if rw.err != nil {
		return rw.err
	}
	switch rw.format {
	case "jsonl":
		return rw.enc.Encode(jsonOf(r))
	case "csv":
		return rw.csv.Write(rowFields(r, false))
	default:
		_, err := fmt.Fprintln(rw.tab, strings.Join(rowFields(r, true), "\t"))
		return err
	}
}

// jsonRow is a Row in JSON Lines: the event record of DESIGN.md with its
// day, document and merged event.
type jsonRow struct {
	event.Record
	Day      string      `json:"day,omitempty"`
	Document jsonDoc     `json:"document"`
	Merged   *jsonMerged `json:"merged,omitempty"`
}

// jsonDoc is the document of a jsonRow; times are RFC 3339.
type jsonDoc struct {
	Hash      string `json:"hash"`
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// jsonMerged is the merged event of a jsonRow.
type jsonMerged struct {
	ID       string `json:"id"`
	Reports  int    `json:"reports"`
	Articles int    `json:"articles"`
	Outlets  int    `json:"outlets"`
}

func jsonOf(r *store.Row) *jsonRow {
	d := &r.Document
	j := &jsonRow{Record: r.Record, Day: r.Day, Document: jsonDoc{Hash: d.Hash, ID: d.ID, Outlet: d.Outlet, URL: d.URL,
		Title: d.Title}}
	if !d.Published.IsZero() {
		j.Document.Published = d.Published.Format(time.RFC3339)
	}
	if m := r.Merged; m != nil {
		j.Merged = &jsonMerged{ID: m.ID, Reports: m.Reports, Articles: m.Articles, Outlets: m.Outlets}
	}
	return j
}

// close flushes what is buffered.
func (rw *rowWriter) close() error {
	switch {
	case rw.err != nil:
		return rw.err
	case rw.csv != nil:
		rw.csv.Flush()
		return rw.csv.Error()
	case rw.tab != nil:
		return rw.tab.Flush()
	}
	return nil
}

// rowFields returns the values of rowColumns for r; for a terminal the
// text is cut short and tabs and line breaks become spaces.
func rowFields(r *store.Row, terminal bool) []string {
	plover, gold, place, merged, reports := "", "", "", "", ""
	if r.PLOVER != nil {
		plover = r.PLOVER.Type
	}
	if r.Goldstein != nil {
		gold = strconv.FormatFloat(*r.Goldstein, 'f', -1, 64)
	}
	if l := r.Location; l != nil {
		place = l.Country
		if l.Name != "" && l.Name != l.Country {
			place = strings.TrimPrefix(place+" "+l.Name, " ")
		}
	}
	if r.Merged != nil {
		merged = r.Merged.ID
		reports = fmt.Sprintf("%d/%d", r.Merged.Articles, r.Merged.Outlets)
	}
	text := r.Text
	if terminal {
		text = strings.Join(strings.Fields(text), " ")
		if rs := []rune(text); len(rs) > 80 {
			text = string(rs[:79]) + "…"
		}
	}
	return []string{r.Day, r.Cameo, plover, string(r.Status), gold, actors(r.Source), actors(r.Target), place,
		r.Document.Outlet, r.Document.ID, merged, reports, text}
}

// actors joins the codes of as (their text when uncoded) with "+".
func actors(as []event.Actor) string {
	var out []string
	for _, a := range as {
		if a.Code != "" {
			out = append(out, a.Code)
		} else if a.Text != "" {
			out = append(out, strings.Join(strings.Fields(a.Text), " "))
		}
	}
	return strings.Join(out, "+")
}

// writeBuckets writes the aggregates in format; withDyad adds the dyad
// column.
func writeBuckets(w io.Writer, format string, buckets []store.Bucket, withDyad bool) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range buckets {
			if err := enc.Encode(&buckets[i]); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		// One column per PLOVER type, for spreadsheets.
		types := store.PLOVERTypes(buckets)
		cw := csv.NewWriter(w)
		if err := cw.Write(append(bucketHeader(withDyad), types...)); err != nil {
			return err
		}
		for _, b := range buckets {
			rec := bucketFields(&b, withDyad)
			for _, t := range types {
				rec = append(rec, strconv.FormatInt(b.PLOVER[t], 10))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	default:
		// Numbers are right-aligned, words left-aligned.
		header := append(bucketHeader(withDyad), "plover")
		lines := [][]string{header}
		for _, b := range buckets {
			lines = append(lines, append(bucketFields(&b, withDyad), ploverCounts(b.PLOVER)))
		}
		for i := range header {
			if numeric := i >= len(header)-4 && i < len(header)-1; numeric {
				padLeft(lines, i)
			}
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, l := range lines {
			if i == 0 {
				l = strings.Split(strings.ToUpper(strings.Join(l, "\t")), "\t")
			}
			fmt.Fprintln(tw, strings.TrimRight(strings.Join(l, "\t"), " "))
		}
		return tw.Flush()
	}
}

// padLeft right-aligns column col of lines by padding it with spaces.
func padLeft(lines [][]string, col int) {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l[col]))
	}
	for _, l := range lines {
		l[col] = strings.Repeat(" ", width-utf8.RuneCountInString(l[col])) + l[col]
	}
}

func bucketHeader(withDyad bool) []string {
	h := []string{"period", "start", "end"}
	if withDyad {
		h = append(h, "dyad")
	}
	return append(h, "events", "goldstein_sum", "goldstein_mean")
}

func bucketFields(b *store.Bucket, withDyad bool) []string {
	period := b.Period
	if period == "" {
		period = "undated"
	}
	f := []string{period, b.Start, b.End}
	if withDyad {
		f = append(f, b.Dyad)
	}
	mean := ""
	if b.GoldsteinMean != nil {
		mean = strconv.FormatFloat(*b.GoldsteinMean, 'f', 2, 64)
	}
	// Sums of weights with one decimal are rounded to six: no float noise.
	sum := strconv.FormatFloat(math.Round(b.GoldsteinSum*1e6)/1e6, 'f', -1, 64)
	return append(f, strconv.FormatInt(b.Events, 10), sum, mean)
}

// ploverCounts writes counts as "ASSAULT=3 REJECT=1", most frequent first.
func ploverCounts(counts map[string]int64) string {
	types := slices.Sorted(maps.Keys(counts))
	slices.SortStableFunc(types, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	var parts []string
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%s=%d", t, counts[t]))
	}
	return strings.Join(parts, " ")
}
