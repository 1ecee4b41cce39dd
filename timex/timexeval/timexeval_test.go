package timexeval

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>ABC19980108.1830.0711</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
A bad <TIMEX3 tid="t1" type="DURATION" value="P1W">week</TIMEX3> for Asia &amp; Europé. <EVENT eid="e1">Fell</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-01-07">yesterday</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF" /></TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>`

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(sample), "sample.tml")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "ABC19980108.1830.0711" || d.DCTValue != "1998-01-08" || !d.DCT.Equal(time.Date(1998, 1, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("id %q, dct %q %v", d.ID, d.DCTValue, d.DCT)
	}
	if want := "\nA bad week for Asia & Europé. Fell yesterday."; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	want := []Timex{
		{Span: doc.Span{Start: 7, End: 11}, Text: "week", Type: "DURATION", Value: "P1W"},
		{Span: doc.Span{Start: 36, End: 45}, Text: "yesterday", Type: "DATE", Value: "1998-01-07"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %d timexes %+v, want %d", len(d.Timexes), d.Timexes, len(want))
	}
	for i, w := range want {
		if d.Timexes[i] != w {
			t.Errorf("timex %d = %+v, want %+v", i, d.Timexes[i], w)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bad xml", "<TimeML><TEXT>a <b></TEXT>", "x.tml:1:"},
		{"bad dct", `<TimeML><DCT><TIMEX3 tid="t0" value="soon" functionInDocument="CREATION_TIME">x</TIMEX3></DCT></TimeML>`, `DCT t0: value "soon" is not a date`},
		{"nested", `<TimeML><TEXT><TIMEX3 tid="t1"><TIMEX3 tid="t2">x</TIMEX3></TIMEX3></TEXT></TimeML>`, "nested TIMEX3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "x.tml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func tx(s, e int, typ, v string) Timex {
	return Timex{Span: doc.Span{Start: s, End: e}, Type: typ, Value: v}
}

func TestCompare(t *testing.T) {
	gold := []Timex{tx(0, 4, "DATE", "1998"), tx(10, 19, "DATE", "1998-01-07"), tx(30, 35, "DURATION", "P1W")}
	pred := []Timex{tx(0, 4, "DATE", "1998"), tx(12, 25, "DATE", "1998-01-08"), tx(40, 45, "SET", "P1D")}
	d := Compare(gold, pred)
	if d.GoldFound != 2 || d.PredFound != 2 || d.Strict != 1 || d.ValueOK != 1 || d.TypeOK != 2 {
		t.Errorf("diff = %+v", d)
	}
	if len(d.Missed) != 1 || d.Missed[0].Start != 30 || len(d.Spurious) != 1 || d.Spurious[0].Start != 40 || len(d.Wrong) != 1 {
		t.Errorf("missed %v spurious %v wrong %v", d.Missed, d.Spurious, d.Wrong)
	}
	var s Scores
	s.Add(d)
	tests := []struct {
		name      string
		got, want float64
	}{
		{"relaxed P", s.RelaxedP, 2.0 / 3}, {"relaxed R", s.RelaxedR, 2.0 / 3}, {"relaxed F1", s.RelaxedF1, 2.0 / 3},
		{"strict F1", s.StrictF1, 1.0 / 3}, {"value accuracy", s.ValueAccuracy, 0.5}, {"type accuracy", s.TypeAccuracy, 1},
	}
	for _, tt := range tests {
		if diff := tt.got - tt.want; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("%s = %.4f, want %.4f", tt.name, tt.got, tt.want)
		}
	}
	var b strings.Builder
	if err := s.Write(&b, "test"); err != nil || !strings.Contains(b.String(), "relaxed  P 0.667") {
		t.Errorf("Write: %v\n%s", err, b.String())
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("<TimeML><TEXT>x<TIMEX3>y</TIMEX3></TEXT></TimeML>")
	f.Add("<TEXT>&amp;&lt;<TIMEX3 value='P1D'>día</TIMEX3></TEXT>")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Read(strings.NewReader(in), "fuzz.tml")
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(d.Text)
		prev := 0
		for _, x := range d.Timexes {
			if x.Start < prev || x.End <= x.Start || x.End > n {
				t.Fatalf("timex [%d,%d) out of order or range (%d code points)", x.Start, x.End, n)
			}
			prev = x.End
		}
	})
}
