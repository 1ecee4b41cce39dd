package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/doc"
)

// jsonDoc is one line of a JSON Lines input.
type jsonDoc struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Date string          `json:"date"`
	// DCT is the TimeML name of the same date (document creation time),
	// read when "date" is absent.
	DCT    string `json:"dct"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
}

// readJSONL reads one document per line from rd, passing each article, or an
// *Error naming the line, to yield. Lines may be up to max bytes long; blank
// lines are skipped. It returns only yield's or the context's error.
func readJSONL(ctx context.Context, src string, rd io.Reader, max int64, now func() time.Time, yield func(doc.Article, error) error) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	seen := make(map[string]int)
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, rerr := readLine(br, max)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return yield(doc.Article{}, &Error{Source: src, Line: lineNo, Err: fmt.Errorf("read: %w", rerr)})
		}
		if errors.Is(rerr, io.EOF) && len(line) == 0 && !tooLong {
			return nil
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte(bomUTF8))
		}
		if tooLong {
			if err := yield(doc.Article{}, &Error{Source: src, Line: lineNo, Err: fmt.Errorf("line is longer than the limit of %d bytes", max)}); err != nil {
				return err
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, id, err := jsonArticle(src, line, seen, lineNo, now)
			if err != nil {
				err = &Error{Source: src, Line: lineNo, DocID: id, Err: err}
			}
			if err := yield(a, err); err != nil {
				return err
			}
		}
		if rerr != nil { // io.EOF after a last line without a newline
			return nil
		}
	}
}

// readLine reads one line without its line ending. A line longer than max
// is consumed to its end and reported as tooLong, without its content.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+2 { // +2 for a CRLF line ending
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if !tooLong && int64(len(line)) > max {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// jsonArticle decodes one line. It returns the document id when it could be
// read, also on error, so that the error can name the document.
func jsonArticle(src string, line []byte, seen map[string]int, lineNo int, now func() time.Time) (doc.Article, string, error) {
	line = bytes.TrimSpace(line)
	if i := invalidUTF8(line); i >= 0 {
		return doc.Article{}, "", fmt.Errorf("invalid UTF-8 at byte %d of the line", i)
	}
	if line[0] != '{' {
		return doc.Article{}, "", errors.New("line is not a JSON object")
	}
	var jd jsonDoc
	uerr := json.Unmarshal(line, &jd)
	var syn *json.SyntaxError
	if errors.As(uerr, &syn) {
		return doc.Article{}, "", fmt.Errorf("malformed JSON at byte %d of the line: %w", syn.Offset, uerr)
	}
	id, idErr := docID(jd.ID)
	if uerr != nil {
		return doc.Article{}, id, fmt.Errorf("malformed JSON document: %w", uerr)
	}
	if idErr != nil {
		return doc.Article{}, "", idErr
	}
	if first, dup := seen[id]; dup {
		return doc.Article{}, id, fmt.Errorf("duplicate id (first on line %d)", first)
	}
	seen[id] = lineNo
	if jd.Text == nil {
		return doc.Article{}, id, errors.New("missing text")
	}
	if strings.TrimSpace(*jd.Text) == "" {
		return doc.Article{}, id, errors.New("empty text")
	}
	a := doc.Article{ID: id, Source: src, URL: jd.URL, Outlet: jd.Outlet, Title: jd.Title, Text: *jd.Text}
	if jd.Date == "" {
		jd.Date = jd.DCT
	}
	if jd.Date != "" {
		t, err := parseDocDate(jd.Date)
		if err != nil {
			return doc.Article{}, id, err
		}
		a.Published = t
	}
	setDateline(&a, now)
	return a, id, nil
}

// docID reads the "id" member: a non-empty string, or a number taken as written.
func docID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New("missing id")
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("bad id: %w", err)
		}
		if strings.TrimSpace(s) == "" {
			return "", errors.New("empty id")
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", errors.New("id must be a string or a number")
}

// parseDocDate reads a "date" member: YYYY-MM-DD or RFC 3339.
func parseDocDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %s: want YYYY-MM-DD or RFC 3339", strconv.Quote(s))
}
