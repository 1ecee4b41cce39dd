package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/event"
)

// GDELTColumns lists the 61 columns of the GDELT 2.0 event table, in the
// order of the GDELT event codebook (V2.0).
func GDELTColumns() []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
			"Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, a+f)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
			"FeatureID"} {
			cols = append(cols, g+"_"+f)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}

// GDELTFormat returns the gdelt format: the GDELT 2.0 event table,
// tab-separated, one line per event, no header (as GDELT's files), the
// columns of GDELTColumns. What sitrep has is filled, the rest left
// empty:
//
//   - GLOBALEVENTID is the record id (a hex string, not GDELT's integer);
//   - SQLDATE, MonthYear, Year and FractionDate (year + day of year/365,
//     4 decimals) come from the event's date, or the publication day;
//   - Actor1 is the first source actor, Actor2 the first target: Code
//     (CAMEO actor code), Name (resolved name, else the text, upper case),
//     CountryCode, Type1Code (the sector); the known group, ethnic,
//     religion and second and third type codes are empty;
//   - IsRootEvent is 1 for an event of the document's first sentence;
//   - EventCode, EventBaseCode (3 digits), EventRootCode, QuadClass,
//     GoldsteinScale are the record's CAMEO coding;
//   - NumMentions, NumSources, NumArticles are the merged event's
//     reports, outlets and articles (empty when unknown); AvgTone is empty;
//   - the actor geography columns are empty; ActionGeo_FullName, _Lat and
//     _Long are the event's place; ActionGeo_Type, _CountryCode (a FIPS
//     code in GDELT; ours are ISO 3166, in the csv and parquet formats),
//     ADM codes and FeatureID are empty;
//   - DATEADDED is when the document was stored (YYYYMMDDHHMMSS, UTC);
//     SOURCEURL is the document's URL.
//
// Tabs and line breaks inside values are written as spaces.
func GDELTFormat() Format {
	return streamFormat("gdelt", "a GDELT 2.0-style event table (61 tab-separated columns, no header)", func(w io.Writer) Writer {
		return &gdeltWriter{w: bufio.NewWriter(w)}
	})
}

// gdeltWriter writes the gdelt format.
type gdeltWriter struct {
	w   *bufio.Writer
	row []string
}

// Write writes e's line.
func (g *gdeltWriter) Write(e *Event) error {
	g.row = gdeltRow(e, g.row[:0])
	for i, v := range g.row {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, v))
	}
	return g.w.WriteByte('\n')
}

// Close flushes the buffered lines.
func (g *gdeltWriter) Close() error { return g.w.Flush() }

// gdeltRow appends the 61 values of e to row.
func gdeltRow(e *Event, row []string) []string {
	r := &e.Record
	row = append(row, r.ID)
	if day, ok := e.Day(); ok {
		frac := float64(day.YearDay()) / 365
		row = append(row, day.Format("20060102"), day.Format("200601"), day.Format("2006"),
			strconv.FormatFloat(float64(day.Year())+frac, 'f', 4, 64))
	} else {
		row = append(row, "", "", "", "")
	}
	for _, as := range [][]event.Actor{r.Source, r.Target} {
		if len(as) == 0 {
			row = append(row, make([]string, 10)...)
			continue
		}
		a := as[0]
		name := a.Name
		if name == "" {
			name = a.Text
		}
		row = append(row, a.Code, strings.ToUpper(name), a.Country, "", "", "", "", a.Sector, "", "")
	}
	root := "0"
	if r.Sentence == 0 {
		root = "1"
	}
	base := r.Cameo
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, root, r.Cameo, base, r.Root(), itoaNonZero(r.QuadClass), "")
	if r.Goldstein != nil {
		row[len(row)-1] = strconv.FormatFloat(*r.Goldstein, 'f', -1, 64)
	}
	if m := e.Merged; m != nil {
		row = append(row, strconv.Itoa(m.Reports), strconv.Itoa(m.Outlets), strconv.Itoa(m.Articles))
	} else {
		row = append(row, "", "", "")
	}
	row = append(row, "")                    // AvgTone
	row = append(row, make([]string, 16)...) // Actor1Geo_*, Actor2Geo_*
	geo := make([]string, 8)
	if l := r.Location; l != nil {
		geo[1] = l.Name
		if l.Lat != nil && l.Lon != nil {
			geo[5] = strconv.FormatFloat(*l.Lat, 'f', -1, 64)
			geo[6] = strconv.FormatFloat(*l.Lon, 'f', -1, 64)
		}
	}
	row = append(row, geo...)
	added := ""
	if !e.Doc.Ingested.IsZero() {
		added = e.Doc.Ingested.UTC().Format("20060102150405")
	}
	return append(row, added, e.Doc.URL)
}

// itoaNonZero formats n, or "" for 0 (not coded).
func itoaNonZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
