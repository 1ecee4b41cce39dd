// Package input reads news reports into doc.Article values: plain text
// files, HTML pages, JSON Lines documents, RSS/Atom feeds, whole directories,
// standard input and http(s) URLs.
//
// Every problem with one input (a missing file, a bad JSON line, a feed item
// without text, binary or mis-encoded content, input over the size limit) is
// reported as an *Error naming the file, line and document, and reading goes
// on with the rest of the batch. Article text is never rewritten after it is
// read (apart from removing a byte order mark), so that every offset points
// into Article.Text; a recognised dateline sets Article.Dateline, BodyStart
// and, when the metadata gives no date, Published.
package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep/dateline"
	"github.com/sitrep/sitrep/doc"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// UserAgent is sent with every http(s) request.
const UserAgent = "sitrep/0.1 (+https://github.com/sitrep/sitrep)"

// Options configure reading.
type Options struct {
	// MaxBytes limits each input file, document or URL response; a JSON Lines
	// file is read as a stream and the limit applies to each of its lines.
	// DefaultMaxBytes when 0.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Client fetches http(s) URLs; a client with a 30 s timeout when nil.
	Client *http.Client
	// Now gives the reference date for datelines without a year when the
	// input carries no date; time.Now when nil.
	Now func() time.Time
}

// Error is a problem with one input: a file, a line of a JSON Lines file, a
// feed item, a URL.
type Error struct {
	// Source is the file path, URL or "-" for standard input.
	Source string
	// Line is the 1-based line of a JSON Lines file, 0 when not relevant.
	Line int
	// DocID is the document's id when known.
	DocID string
	// Err is the problem.
	Err error
}

// Error formats the problem as "source:line: doc "id": problem".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.DocID != "" {
		fmt.Fprintf(&b, "doc %q: ", e.DocID)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// Read reads every input (files, directories recursively in lexical order,
// "-" for stdin, http(s) URLs), in order, calling fn with each article or
// with an *Error for a bad one, and goes on with the rest. It returns a
// non-nil error only when fn returns one (which stops reading), or the
// context's error when ctx is cancelled.
//
// Formats are chosen by file extension (.txt, .html/.htm, .jsonl/.ndjson,
// .xml/.rss/.atom), by Content-Type for URLs, and otherwise by sniffing the
// content. Hidden files and directories (names starting with ".") are
// skipped when walking a directory.
func Read(ctx context.Context, paths []string, opts Options, fn func(a doc.Article, err error) error) error {
	r := &reader{ctx: ctx, opts: opts, fn: fn}
	if r.opts.MaxBytes <= 0 {
		r.opts.MaxBytes = DefaultMaxBytes
	}
	if r.opts.Client == nil {
		r.opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(p); err != nil {
			return err
		}
	}
	return nil
}

// reader carries one Read call's state. Its methods return only errors that
// stop the batch (from fn or the context); input problems go to fn.
type reader struct {
	ctx  context.Context
	opts Options
	fn   func(doc.Article, error) error
}

// fail reports a problem with one input.
func (r *reader) fail(e *Error) error { return r.fn(doc.Article{}, e) }

// yield passes on an article or a problem.
func (r *reader) yield(a doc.Article, err error) error { return r.fn(a, err) }

func (r *reader) input(p string) error {
	switch {
	case p == "-":
		return r.stdin()
	case isURL(p):
		return r.fetch(p)
	}
	st, err := os.Stat(p)
	if err != nil {
		return r.fail(&Error{Source: p, Err: fmt.Errorf("cannot open: %w", unwrapPath(err))})
	}
	if st.IsDir() {
		return r.walk(p)
	}
	return r.file(p, st)
}

func isURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// unwrapPath drops the *fs.PathError wrapper, whose path the *Error already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) walk(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if ferr := r.fail(&Error{Source: path, Err: fmt.Errorf("read directory: %w", unwrapPath(err))}); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		st, err := os.Stat(path) // follows symbolic links
		switch {
		case err != nil:
			return r.fail(&Error{Source: path, Err: fmt.Errorf("cannot open: %w", unwrapPath(err))})
		case st.IsDir():
			return r.fail(&Error{Source: path, Err: errors.New("symbolic link to a directory is not followed")})
		}
		return r.file(path, st)
	})
}

func (r *reader) file(path string, st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		return r.fail(&Error{Source: path, Err: errors.New("not a regular file")})
	}
	k := kindFromExt(path)
	if k != kindJSONL && st.Size() > r.opts.MaxBytes { // JSON Lines are limited per line
		return r.fail(&Error{Source: path, Err: overLimit(st.Size(), r.opts.MaxBytes)})
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(&Error{Source: path, Err: fmt.Errorf("cannot open: %w", unwrapPath(err))})
	}
	defer f.Close()
	if k == kindJSONL {
		return readJSONL(r.ctx, path, f, r.opts.MaxBytes, r.opts.Now, r.yield)
	}
	data, err := readLimited(f, r.opts.MaxBytes)
	if err != nil {
		return r.fail(&Error{Source: path, Err: err})
	}
	return r.content(path, data, k, "", "")
}

func (r *reader) stdin() error {
	if r.opts.Stdin == nil {
		return r.fail(&Error{Source: "-", Err: errors.New("no standard input configured")})
	}
	data, err := readLimited(r.opts.Stdin, r.opts.MaxBytes)
	if err != nil {
		return r.fail(&Error{Source: "-", Err: err})
	}
	return r.content("-", data, kindUnknown, "", "")
}

// content parses one input held in memory. k is the format known from the
// extension or Content-Type (kindUnknown to sniff), ctype the Content-Type
// and pageURL the URL it was fetched from, if any.
func (r *reader) content(src string, data []byte, k kind, ctype, pageURL string) error {
	data, bom, err := stripBOM(data)
	if err != nil {
		return r.fail(&Error{Source: src, Err: err})
	}
	if err := checkContent(data); err != nil {
		return r.fail(&Error{Source: src, Err: err})
	}
	if k == kindUnknown {
		k = sniff(data)
	}
	switch k {
	case kindJSONL:
		return readJSONL(r.ctx, src, bytes.NewReader(data), r.opts.MaxBytes, r.opts.Now, r.yield)
	case kindFeed:
		return readFeed(src, data, r.opts.Now, r.yield)
	default:
		a, err := page(src, data, bom, k, ctype, pageURL, r.opts.Now)
		if err != nil {
			return r.fail(&Error{Source: src, Err: err})
		}
		return r.yield(a, nil)
	}
}

// setDateline finds a leading dateline in a.Text and records it; a date
// from the metadata (a.Published) wins over the dateline's.
func setDateline(a *doc.Article, now func() time.Time) {
	ref := a.Published
	if ref.IsZero() {
		ref = now()
	}
	span, d, ok := dateline.Find(a.Text, ref)
	if !ok {
		return
	}
	a.Dateline = span
	a.BodyStart = span.End
	if a.Published.IsZero() {
		a.Published = d
	}
}

// sourceID is the id of the one document read from src: the path or URL,
// or "stdin" for standard input.
func sourceID(src string) string {
	if src == "-" {
		return "stdin"
	}
	return src
}
