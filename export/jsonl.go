package export

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSONLFormat returns the jsonl format: each event's record exactly as
// DESIGN.md defines it, one a line. DESIGN.md makes the record a stable
// contract and names no document or merged-event fields in it, so none
// are added: the record's "doc" is its link to the document (the csv and
// parquet formats carry the document and merged-event columns).
func JSONLFormat() Format {
	return streamFormat("jsonl", "the event record of DESIGN.md, one a line", func(w io.Writer) Writer {
		return jsonlWriter{jsonLines(w)}
	})
}

// jsonLines returns a JSON encoder to w that writes one value a line
// without HTML escaping, as event.WriteJSONL does.
func jsonLines(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// jsonlWriter writes the jsonl format.
type jsonlWriter struct{ enc *json.Encoder }

// Write writes e's record as one line.
func (j jsonlWriter) Write(e *Event) error {
	if err := j.enc.Encode(&e.Record); err != nil {
		return fmt.Errorf("event %s: %w", e.Record.ID, err)
	}
	return nil
}

// Close does nothing: every line is written whole.
func (jsonlWriter) Close() error { return nil }
