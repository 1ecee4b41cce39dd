package event

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// StableID returns a deterministic short id for an event: the first 16 hex
// digits of the SHA-256 of the document id, sentence index, trigger start,
// CAMEO code and the codes and offsets of the source and target actors.
// The order of the actors within Source and within Target does not matter.
func StableID(doc string, sentence int, triggerStart int, cameo string, source, target []Actor) string {
	var b strings.Builder
	b.WriteString(doc)
	for _, s := range []string{strconv.Itoa(sentence), strconv.Itoa(triggerStart), cameo,
		actorKey(source), actorKey(target)} {
		b.WriteByte(0)
		b.WriteString(s)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

func actorKey(as []Actor) string {
	keys := make([]string, len(as))
	for i, a := range as {
		keys[i] = a.Code + "@" + strconv.Itoa(a.Start) + "-" + strconv.Itoa(a.End)
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x01")
}

// WriteJSONL writes recs to w as JSON Lines, one record per line, without
// HTML escaping.
func WriteJSONL(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return fmt.Errorf("event: writing record %d (%s): %w", i, recs[i].ID, err)
		}
	}
	return nil
}

// ReadJSONL reads records written as JSON Lines from r; name (a file name)
// is used in errors, which give the line number: "out.jsonl:3: ...". Blank
// lines are skipped; fields the record does not know are ignored.
func ReadJSONL(r io.Reader, name string) ([]Record, error) {
	br := bufio.NewReader(r)
	var recs []Record
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return recs, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			var rec Record
			if uerr := json.Unmarshal(t, &rec); uerr != nil {
				return recs, fmt.Errorf("%s:%d: %w", name, line, uerr)
			}
			recs = append(recs, rec)
		}
		if err != nil {
			return recs, nil
		}
	}
}
