// Package tsv reads the tab-separated data files of the project (knowledge
// base, lexicon, ontology): one record a line, '#' comment lines and blank
// lines skipped, every problem reported with its file and line.
package tsv

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// LineError is one problem in a data file, located by file name and 1-based
// line number. Its message reads "file:line: msg".
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Errorf returns a LineError with a formatted message.
func Errorf(file string, line int, format string, args ...any) *LineError {
	return &LineError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Lines calls fn with the 1-based number and the cells (split at tabs,
// spaces trimmed) of every line of data that is neither blank nor a comment
// ('#' first), in order, until fn returns false. A leading byte-order mark
// is dropped and "\r\n" line ends are accepted. A line that is not valid
// UTF-8 is not passed to fn but reported in the returned errors. It returns
// the number of the last line read, and never panics.
func Lines(file string, data []byte, fn func(line int, cells []string) bool) (last int, errs []error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	n := 0
	for len(data) > 0 {
		n++
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(bytes.TrimSpace(line)) == 0 || line[0] == '#' {
			continue
		}
		if !utf8.Valid(line) {
			errs = append(errs, Errorf(file, n, "invalid UTF-8"))
			continue
		}
		cells := strings.Split(string(line), "\t")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(c)
		}
		if !fn(n, cells) {
			break
		}
	}
	return n, errs
}
