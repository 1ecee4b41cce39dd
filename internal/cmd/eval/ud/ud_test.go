package ud

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/udeval"
)

const gold = `# sent_id = g1
1	Envoys	envoy	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

// pred differs from gold in the lemma of word 1 and the head of word 3.
const pred = `1	Envoys	envoys	NOUN	NNS	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	1	punct	_	_

`

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalUD(t *testing.T) {
	dir := t.TempDir()
	g := write(t, dir, "gold.conllu", gold)
	p := write(t, dir, "pred.conllu", pred)
	short := write(t, dir, "short.conllu", "1\tEnvoys\t_\t_\t_\t_\t_\t_\t_\t_\n")
	tests := []struct {
		name    string
		args    []string
		want    udeval.Scores
		json    bool
		wantErr string
	}{
		// The fake pipeline tags "Envoys" PROPN, "met" NOUN, "." PUNCT; its
		// lemmas are lower-cased forms; all words hang from word 1.
		{"gold only", []string{g}, udeval.Scores{Words: 3, Sentences: 1, UPOS: 100.0 / 3, XPOS: 100.0 / 3, Lemma: 100.0 / 3}, false, ""},
		{"gold and pred", []string{g, p}, udeval.Scores{Words: 3, Sentences: 1, UPOS: 100, XPOS: 100, Lemma: 200.0 / 3, UAS: 200.0 / 3, LAS: 200.0 / 3, UASNoPunct: 100, LASNoPunct: 100}, false, ""},
		{"json", []string{"--json", g, p}, udeval.Scores{Words: 3, Sentences: 1, UPOS: 100, XPOS: 100, Lemma: 200.0 / 3, UAS: 200.0 / 3, LAS: 200.0 / 3, UASNoPunct: 100, LASNoPunct: 100}, true, ""},
		{"mismatch", []string{g, short}, udeval.Scores{}, false, `gold sentence "g1" (line 1): 3 words, prediction has 1`},
		{"no args", nil, udeval.Scores{}, false, "takes GOLD and an optional PRED"},
		{"missing gold", []string{filepath.Join(dir, "none")}, udeval.Scores{}, false, "gold: read conllu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, _ := cmdtest.Factory(cmdtest.Pipeline(), nil)
			var got udeval.Scores
			err := NewCmd(f, func(ctx context.Context, o *Options) error {
				if err := Run(ctx, o); err != nil {
					return err
				}
				if o.JSON {
					return json.Unmarshal(out.Bytes(), &got)
				}
				return nil
			}).Execute(context.Background(), tt.args, f.Out)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want strings.Builder
			tt.want.Write(&want)
			if tt.json {
				if got != tt.want {
					t.Errorf("JSON scores %+v, want %+v", got, tt.want)
				}
			} else if out.String() != want.String() {
				t.Errorf("got\n%s\nwant\n%s", out, want.String())
			}
		})
	}
}

func TestEvalUDLoadOnlyWhenNeeded(t *testing.T) {
	dir := t.TempDir()
	g := write(t, dir, "gold.conllu", gold)
	f, _, _ := cmdtest.Factory(nil, nil)
	f.Load = func() (*pipeline.Pipeline, error) { return nil, errors.New("no models") }
	if err := NewCmd(f, nil).Execute(context.Background(), []string{g, g}, f.Out); err != nil {
		t.Errorf("with PRED, models must not be loaded: %v", err)
	}
	err := NewCmd(f, nil).Execute(context.Background(), []string{g}, f.Out)
	if err == nil || !strings.Contains(err.Error(), "load models: no models") {
		t.Errorf("without PRED: err = %v", err)
	}
}
