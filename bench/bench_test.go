package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/pipeline"
)

// wordTokenizer makes one sentence per article and one token per field.
type wordTokenizer struct{}

func (wordTokenizer) Process(d *doc.Doc) {
	for _, f := range strings.Fields(d.Text) {
		d.Tokens = append(d.Tokens, doc.Token{Text: f})
	}
	d.Sentences = []doc.Sentence{{Text: d.Text, Last: len(d.Tokens)}}
}

func TestRun(t *testing.T) {
	arts := []doc.Article{{ID: "1", Text: "a b c"}, {ID: "2", Text: "d e"}, {ID: "3", Text: "f"}}
	p := &pipeline.Pipeline{Tokenizer: wordTokenizer{}}
	for _, workers := range []int{1, 4} {
		r, err := Run(context.Background(), p, arts, workers, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Workers != workers || r.Documents != 3 || r.Sentences != 3 || r.Tokens != 6 {
			t.Errorf("workers=%d: got %+v", workers, r)
		}
		if r.Seconds <= 0 || r.PeakBytes == 0 {
			t.Errorf("workers=%d: no time or memory measured: %+v", workers, r)
		}
	}
}

func TestParseVmHWM(t *testing.T) {
	tests := []struct {
		name   string
		status string
		want   uint64
		ok     bool
	}{
		{"linux", "Name:\tsitrep\nVmPeak:\t  200 kB\nVmHWM:\t   12345 kB\nVmRSS:\t 100 kB\n", 12345 * 1024, true},
		{"missing", "Name:\tsitrep\n", 0, false},
		{"garbled", "VmHWM:\t x kB\n", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseVmHWM(strings.NewReader(tt.status))
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	rep := Report{LoadSeconds: 0.5, Results: []Result{
		{Workers: 1, Documents: 10, Sentences: 100, Tokens: 2000, Seconds: 2, PeakBytes: 64 << 20},
		{Workers: 8, Documents: 10, Sentences: 100, Tokens: 2000, Seconds: 0.5, PeakBytes: 80 << 20},
	}}
	var b bytes.Buffer
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"model load: 0.50 s", "sentences/s", "tokens/s", "peak MiB", " 4000 ", " 64.0", " 80.0"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestRunThen(t *testing.T) {
	arts := []doc.Article{{ID: "1", Text: "a b c"}, {ID: "2", Text: "d e"}}
	p := &pipeline.Pipeline{Tokenizer: wordTokenizer{}}
	var order []string
	r, err := Run(context.Background(), p, arts, 2, func(d *doc.Doc) (int, error) {
		order = append(order, d.ID)
		return len(d.Tokens), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Stage != "extract" || r.Events != 5 || strings.Join(order, ",") != "1,2" {
		t.Errorf("got %+v, order %v", r, order)
	}
}
