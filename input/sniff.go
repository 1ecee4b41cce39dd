package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding/unicode"
)

// kind is an input format.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
	kindFeed
)

// kindFromExt tells the format from a file name's extension.
func kindFromExt(path string) kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".xml", ".rss", ".atom":
		return kindFeed
	}
	return kindUnknown
}

// kindFromContentType tells the format from an HTTP Content-Type; generic
// types (text/plain, application/xml, application/octet-stream) are left to
// sniffing, as servers often send them for anything.
func kindFromContentType(ctype string) kind {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return kindUnknown
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return kindHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return kindFeed
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return kindJSONL
	}
	return kindUnknown
}

// sniff tells the format from the content.
func sniff(data []byte) kind {
	s := bytes.TrimLeft(data, " \t\r\n\f")
	if len(s) == 0 {
		return kindText
	}
	switch s[0] {
	case '{':
		return kindJSONL
	case '<':
		head := s[:min(len(s), 4096)]
		switch gofeed.DetectFeedType(bytes.NewReader(head)) {
		case gofeed.FeedTypeAtom, gofeed.FeedTypeRSS:
			return kindFeed
		}
		l := bytes.ToLower(head[:min(len(head), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<article", "<meta", "<title"} {
			if bytes.Contains(l, []byte(tag)) {
				return kindHTML
			}
		}
		if bytes.HasPrefix(l, []byte("<?xml")) {
			return kindFeed // parsing will say clearly why it is not a feed
		}
		return kindHTML
	}
	return kindText
}

// readLimited reads all of rd, or fails when it holds more than max bytes.
func readLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", unwrapPath(err))
	}
	if int64(len(data)) > max {
		return nil, overLimit(-1, max)
	}
	return data, nil
}

func overLimit(size, max int64) error {
	if size >= 0 {
		return fmt.Errorf("input is %d bytes, over the limit of %d bytes", size, max)
	}
	return fmt.Errorf("input is over the limit of %d bytes", max)
}

const (
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// stripBOM removes a UTF-8 byte order mark, and converts UTF-16 text that
// starts with one to UTF-8. It returns the number of bytes removed from the
// front of the original, so that byte offsets can be reported against it.
func stripBOM(data []byte) ([]byte, int, error) {
	switch {
	case bytes.HasPrefix(data, []byte(bomUTF8)):
		return data[len(bomUTF8):], len(bomUTF8), nil
	case bytes.HasPrefix(data, []byte(bomUTF16LE)), bytes.HasPrefix(data, []byte(bomUTF16BE)):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, 0, fmt.Errorf("decode UTF-16: %w", err)
		}
		return out, 0, nil
	}
	return data, 0, nil
}

// checkContent rejects empty and binary input.
func checkContent(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty input")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("binary content (NUL byte at byte offset %d)", i)
	}
	head := data[:min(len(data), 8192)]
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			ctl++
		}
	}
	if ctl*10 > len(head) {
		return fmt.Errorf("binary content (%d%% control characters)", ctl*100/len(head))
	}
	return nil
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in data, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
