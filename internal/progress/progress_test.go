package progress

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMeter(t *testing.T) {
	tests := []struct {
		name string
		live bool
		want string
	}{
		{"plain lines elsewhere", false, "problem one\nbatch stored\npartial\n"},
		{"status redrawn on a terminal", true, "\r\x1b[K" + bar(1) + " 1 document" +
			"\r\x1b[Kproblem one\n\r\x1b[K" + bar(1) + " 1 document" +
			"\r\x1b[K" + bar(2) + " 2 documents" +
			// The last status is drawn again after a message, even one
			// that came too soon to be drawn itself.
			"\r\x1b[Kbatch stored\n\r\x1b[K" + bar(2) + " 3 documents" +
			"\r\x1b[Kpartial\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			m := New(&out, tt.live)
			clock := time.Unix(0, 0)
			m.now = func() time.Time { clock = clock.Add(time.Second); return clock }
			m.Status("%d document", 1)
			fmt.Fprintln(m, "problem one")
			m.Status("%d documents", 2)
			m.now = func() time.Time { return clock } // too soon: not redrawn
			m.Status("%d documents", 3)
			fmt.Fprint(m, "batch ")
			fmt.Fprint(m, "stored\npartial")
			if err := m.Done(); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBar(t *testing.T) {
	seen := map[string]bool{}
	for f := range 40 {
		b := bar(f)
		if len(b) != barWidth+2 || strings.Count(b, "=") != 3 {
			t.Fatalf("bar(%d) = %q", f, b)
		}
		seen[b] = true
	}
	if len(seen) != barWidth-2 {
		t.Errorf("%d positions, want %d", len(seen), barWidth-2)
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) || IsTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer is taken for a terminal")
	}
}
