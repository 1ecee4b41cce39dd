// Package progress shows how a long command is getting on: on a terminal,
// one status line redrawn in place (a moving bar, counts and rate) with
// the command's messages printed above it; elsewhere (a file, a pipe, a
// log) nothing is redrawn and every message is a plain line.
package progress

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Meter writes messages and, on a terminal, a status line beneath them.
// It is an io.Writer: whole lines written to it are messages. Its methods
// are safe for concurrent use.
type Meter struct {
	mu       sync.Mutex
	w        io.Writer
	live     bool
	status   string
	shown    bool
	last     time.Time
	frame    int
	partial  []byte
	now      func() time.Time
	interval time.Duration
}

// New returns a Meter writing to w; live says whether to draw the status
// line (IsTerminal(w) for a command's standard error).
func New(w io.Writer, live bool) *Meter {
	return &Meter{w: w, live: live, now: time.Now, interval: 100 * time.Millisecond}
}

// IsTerminal reports whether w is a character device (a terminal) that is
// not declared dumb by $TERM.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Live reports whether the status line is drawn.
func (m *Meter) Live() bool { return m.live }

// Write writes p's whole lines as messages, above the status line; a
// last partial line waits for its end.
func (m *Meter) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.partial = append(m.partial, p...)
	i := bytes.LastIndexByte(m.partial, '\n')
	if i < 0 {
		return len(p), nil
	}
	lines := m.partial[:i+1]
	if err := m.clear(); err != nil {
		return 0, err
	}
	if _, err := m.w.Write(lines); err != nil {
		return 0, err
	}
	m.partial = append(m.partial[:0], m.partial[i+1:]...)
	return len(p), m.draw()
}

// Status sets the status line (a terminal shows it, redrawn at most ten
// times a second); elsewhere it is dropped.
func (m *Meter) Status(format string, args ...any) {
	if !m.live {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.status = fmt.Sprintf(format, args...)
	if now := m.now(); now.Sub(m.last) >= m.interval {
		m.last = now
		m.frame++
		m.draw() //nolint:errcheck // a status line that cannot be drawn is no failure
	}
}

// Done removes the status line and writes what is left of a partial
// message.
func (m *Meter) Done() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.clear(); err != nil {
		return err
	}
	m.status = ""
	if len(m.partial) > 0 {
		_, err := m.w.Write(append(m.partial, '\n'))
		m.partial = nil
		return err
	}
	return nil
}

// barWidth is the width of the moving bar.
const barWidth = 12

// bar returns the moving bar of frame: a block of three cells that goes
// back and forth, so the line shows that work goes on even when no total
// is known.
func bar(frame int) string {
	span := barWidth - 3
	pos := frame % (2 * span)
	if pos > span {
		pos = 2*span - pos
	}
	return "[" + strings.Repeat(" ", pos) + "===" + strings.Repeat(" ", span-pos) + "]"
}

func (m *Meter) draw() error {
	if !m.live || m.status == "" {
		return nil
	}
	_, err := fmt.Fprintf(m.w, "\r\x1b[K%s %s", bar(m.frame), m.status)
	m.shown = err == nil
	return err
}

func (m *Meter) clear() error {
	if !m.shown {
		return nil
	}
	m.shown = false
	_, err := io.WriteString(m.w, "\r\x1b[K")
	return err
}
