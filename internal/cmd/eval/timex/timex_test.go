package timex

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/sharedtest"
)

const tml = `<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, a day after talks <TIMEX3 tid="t2" type="DATE" value="1998-W31">last week</TIMEX3>.</TEXT>
</TimeML>`

// corpus writes a shared directory holding one TimeBank file and no AQUAINT.
func corpus(t *testing.T) string {
	dir := t.TempDir()
	tb := filepath.Join(dir, TimeBank)
	if err := os.MkdirAll(tb, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tb, "T1.tml"), []byte(tml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalTimex(t *testing.T) {
	dir := corpus(t)
	details := filepath.Join(t.TempDir(), "details.jsonl")
	f, out, errOut := cmdtest.Factory(nil, nil)
	err := NewCmd(f, nil).Execute(context.Background(), []string{"--shared", dir, "--json", "--details", details}, f.Out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "AQUAINT missing, skipped") {
		t.Errorf("errors: %q", errOut)
	}
	var res Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.TimeBank == nil || res.AQUAINT != nil || res.All.Gold != 2 || res.All.RelaxedR != 1 || res.All.ValueAccuracy != 1 {
		t.Errorf("result %+v", res.All)
	}
	b, err := os.ReadFile(details)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"kind":"spurious"`)) { // "a day" is found but not annotated here
		t.Errorf("details:\n%s", b)
	}
}

func TestEvalTimexErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no corpus", []string{"--shared", t.TempDir()}, "no TimeML corpus"},
		{"arguments", []string{"x"}, "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := cmdtest.Factory(nil, nil)
			err := NewCmd(f, nil).Execute(context.Background(), tt.args, f.Out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestTimeBankTargets holds the acceptance figures on the shared
// TimeBank and AQUAINT data.
func TestTimeBankTargets(t *testing.T) {
	tb := sharedtest.Path(t, TimeBank)
	sharedtest.Path(t, AQUAINT)
	dir := filepath.Dir(filepath.Dir(filepath.Dir(tb)))
	f, out, _ := cmdtest.Factory(nil, nil)
	if err := NewCmd(f, nil).Execute(context.Background(), []string{"--shared", dir, "--json"}, f.Out); err != nil {
		t.Fatal(err)
	}
	var res Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.All.RelaxedF1 < 0.85 || res.All.ValueAccuracy < 0.80 {
		t.Errorf("relaxed F1 %.3f (want >= 0.85), value accuracy %.3f (want >= 0.80)", res.All.RelaxedF1, res.All.ValueAccuracy)
	}
}
