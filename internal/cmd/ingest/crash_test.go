package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/input"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/models"
	"github.com/sitrep/sitrep/store"
)

// childEnv, when set, makes the test binary run "sitrep ingest" with the
// arguments in it (JSON) instead of the tests.
const childEnv = "SITREP_INGEST_TEST_CHILD"

// factory builds the IO and dependencies as cmd/sitrep does.
func factory() *cmdutil.Factory {
	return &cmdutil.Factory{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Load: models.Load,
		Read: func(ctx context.Context, paths []string, fn func(doc.Article, error) error) error {
			opts := input.Options{Stdin: os.Stdin, Client: &http.Client{Timeout: 30 * time.Second},
				Now: func() time.Time { return time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC) }}
			return input.Read(ctx, paths, opts, fn)
		}}
}

// child runs the ingest of the crash test and returns its exit status.
func child() int {
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv(childEnv)), &args); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	f := factory()
	if err := NewCmd(f, nil).Execute(context.Background(), args, f.Out); err != nil {
		fmt.Fprintln(os.Stderr, "sitrep:", err)
		return 1
	}
	return 0
}

// genInput writes n documents of our own, each a few sentences with
// events, as JSON Lines.
func genInput(t *testing.T, n int) string {
	t.Helper()
	actors := []string{"Israeli forces", "Hezbollah", "The Lebanese army", "Iran", "The United States", "Syria"}
	verbs := []string{"attacked", "condemned", "accused", "praised", "threatened", "met"}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range n {
		var text strings.Builder
		for k := range 3 {
			a, o := actors[(i+k)%len(actors)], actors[(i+2*k+1)%len(actors)]
			fmt.Fprintf(&text, "%s %s %s on Monday, officials said in report %d. ", a, verbs[(i*7+k)%len(verbs)],
				strings.ToLower(o[:1])+o[1:], i*10+k)
		}
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("gen-%03d", i), "date": "2026-03-09",
			"outlet": "Wire", "text": strings.TrimSpace(text.String())}); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "gen.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startChild starts the test binary as an ingest of args; it returns the
// command and a scanner over its standard error.
func startChild(t *testing.T, args ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(a))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(stderr)
}

// TestCrash kills an ingest of a few hundred documents with SIGKILL in the
// middle, runs it again, and finds every document stored exactly once and
// whole: the same documents, events, actors, sentences and mentions as an
// ingest that was never interrupted.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three ingests")
	}
	eachStore(t, testCrash)
}

func testCrash(t *testing.T, fresh func(string) string) {
	const n = 400
	in := genInput(t, n)
	crashed, clean := fresh("crashed"), fresh("clean")

	// The first run is killed at a random moment after its fifth batch
	// line, while it goes on parsing, coding and storing the next batches.
	cmd, sc := startChild(t, "--db", crashed, "--batch", "10", "--workers", "2", in)
	batches := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "ingest: batch") {
			batches++
		}
		if batches == 5 {
			time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	for sc.Scan() {
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("first ingest was not killed: %v (%d batch lines)", err, batches)
	}
	before := counts(t, crashed)
	if before.Documents < 50 || before.Documents >= n {
		t.Fatalf("%d documents stored before the kill, want a part of %d", before.Documents, n)
	}
	t.Logf("killed after %d batch lines, %d documents, %d events stored", batches, before.Documents, before.Events)

	// The second run finishes the job; a clean run gives the reference.
	var summary string
	for _, db := range []string{crashed, clean} {
		cmd, sc := startChild(t, "--db", db, "--batch", "10", "--workers", "2", in)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "ingest: ") && strings.Contains(sc.Text(), "documents read") {
				summary = sc.Text()
			}
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("ingest into %s: %v", db, err)
		}
		if db == crashed {
			want := fmt.Sprintf("%d documents read: %d stored, %d already stored, 0 failed", n, n-before.Documents, before.Documents)
			if !strings.Contains(summary, want) {
				t.Errorf("summary %q lacks %q", summary, want)
			}
		}
	}

	got, want := counts(t, crashed), counts(t, clean)
	// Links across documents may differ: a response stored after the
	// restart cannot link to a proposal stored before it.
	got.Links, want.Links = 0, 0
	if got != want || got.Documents != n {
		t.Errorf("after the crash and a re-run: %+v; uninterrupted: %+v", got, want)
	}
	sc2, err := store.Open(context.Background(), crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer sc2.Close()
	sc1, err := store.Open(context.Background(), clean)
	if err != nil {
		t.Fatal(err)
	}
	defer sc1.Close()
	seen := 0
	err = input.Read(context.Background(), []string{in}, input.Options{}, func(a doc.Article, err error) error {
		if err != nil {
			return err
		}
		seen++
		h := store.Hash(&a)
		g, err := sc2.Events(context.Background(), h)
		if err != nil {
			return err
		}
		w, err := sc1.Events(context.Background(), h)
		if err != nil {
			return err
		}
		if has, _ := sc2.HasDocument(context.Background(), h); !has || !slices.Equal(sortedIDs(g), sortedIDs(w)) {
			t.Errorf("%s: stored %v, events %v; want %v", a.ID, has, sortedIDs(g), sortedIDs(w))
		}
		return nil
	})
	if err != nil || seen != n {
		t.Fatalf("read back %d documents: %v", seen, err)
	}
}
