// Package export writes stored events in the formats analysts bring their
// own tools to: CSV (a flat column list), JSON Lines (the record of
// DESIGN.md as it is), PLOVER JSON (the field list of the PLOVER manual),
// a GDELT 2.0-style event table, and Parquet files partitioned by month.
//
// Its input is a self-contained Event (a record with its document and,
// when known, the merged event it is a report of), so it depends on no
// query API. Formats are looked up by name in a Registry value; Builtin
// returns one with every format of this package.
package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/parquet"
)

// Event is one event record to export with what is known of its document
// and of the real-world event it reports.
type Event struct {
	// Record is the event record of DESIGN.md.
	Record event.Record
	// Doc is the document the record was coded from.
	Doc DocInfo
	// Merged is the merged event the record is a report of; nil when
	// unknown.
	Merged *MergedInfo
}

// DocInfo is the provenance of a document.
type DocInfo struct {
	// Hash is the content hash of the document (store.Hash).
	Hash string
	// ID is its id in the input; Record.Doc holds the same.
	ID string
	// Outlet, URL and Title are the publisher, address and headline, when
	// known.
	Outlet, URL, Title string
	// Published is the publication time; zero when unknown.
	Published time.Time
	// Ingested is when the document was stored; zero when unknown.
	Ingested time.Time
}

// MergedInfo is the merged event (one real-world event reported by one or
// more records, package merge) a record belongs to.
type MergedInfo struct {
	// ID is the merged event's id.
	ID string
	// Reports is the number of event records it groups.
	Reports int
	// Articles and Outlets count its distinct documents and known outlets.
	Articles, Outlets int
	// FirstReported is the publication time of its earliest report; zero
	// when unknown.
	FirstReported time.Time
}

// Writer writes events in one format. Write returns a *SkipError for an
// event the format has no place for (the rest still goes on); Close
// flushes what is buffered and must be called once all events are
// written.
type Writer interface {
	// Write writes one event.
	Write(e *Event) error
	// Close finishes the output.
	Close() error
}

// SkipError reports an event a format cannot represent, and why.
type SkipError struct {
	// Reason is a short phrase shared by all events skipped for the same
	// cause ("no PLOVER event type").
	Reason string
}

// Error returns "skipped: " and the reason.
func (e *SkipError) Error() string { return "skipped: " + e.Reason }

// Output is where a format writes: a stream for the formats that write
// one (W), a directory for those that write files (Dir).
type Output struct {
	// W receives the output of a stream format.
	W io.Writer
	// Dir is the directory of a directory format; it is created when
	// missing and must be empty.
	Dir string
}

// Format is one export format.
type Format struct {
	// Name selects the format ("csv").
	Name string
	// Short is a one-line description for help texts.
	Short string
	// Dir is true when the format writes a directory, not a stream.
	Dir bool
	// New returns a Writer to out.
	New func(out Output) (Writer, error)
}

// Registry holds formats by name. Its zero value is empty and ready to
// use; it is not safe for concurrent registration.
type Registry struct {
	formats []Format
}

// Register adds f; a name already registered is an error.
func (r *Registry) Register(f Format) error {
	if f.Name == "" || f.New == nil {
		return errors.New("export: a format needs a name and a constructor")
	}
	if _, ok := r.find(f.Name); ok {
		return fmt.Errorf("export: format %q registered twice", f.Name)
	}
	r.formats = append(r.formats, f)
	return nil
}

// Lookup returns the format called name, or an error listing the known
// ones.
func (r *Registry) Lookup(name string) (Format, error) {
	if f, ok := r.find(name); ok {
		return f, nil
	}
	return Format{}, fmt.Errorf("unknown export format %q (known: %v)", name, r.Names())
}

// Names returns the names of the formats, sorted.
func (r *Registry) Names() []string {
	var names []string
	for _, f := range r.formats {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// find returns the format called name.
func (r *Registry) find(name string) (Format, bool) {
	for _, f := range r.formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Builtin returns a new Registry with the formats of this package: csv,
// jsonl, plover, gdelt and parquet (gzip-compressed pages).
func Builtin() *Registry {
	r := &Registry{}
	for _, f := range []Format{CSVFormat(), JSONLFormat(), PLOVERFormat(), GDELTFormat(), ParquetFormat(ParquetOptions{Compression: parquet.Gzip})} {
		if err := r.Register(f); err != nil {
			panic(err) // the built-in names are distinct
		}
	}
	return r
}

// streamFormat returns a Format that writes to Output.W with newWriter.
func streamFormat(name, short string, newWriter func(w io.Writer) Writer) Format {
	return Format{Name: name, Short: short, New: func(out Output) (Writer, error) {
		if out.W == nil {
			return nil, fmt.Errorf("export %s: no output stream", name)
		}
		return newWriter(out.W), nil
	}}
}

// Day returns the day an event is dated to: the first day of its date
// interval, else the day of its document's publication; false when
// neither is known.
func (e *Event) Day() (time.Time, bool) {
	if d := e.Record.Date; d != nil {
		if t, err := time.Parse(time.DateOnly, d.Start); err == nil {
			return t, true
		}
	}
	if !e.Doc.Published.IsZero() {
		y, m, d := e.Doc.Published.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}
