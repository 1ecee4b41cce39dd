package input

import (
	"fmt"
	"mime"
	"time"

	"github.com/sitrep/sitrep/doc"
	"golang.org/x/net/html/charset"
)

// textArticle makes one article of a plain text input. bom is the number of
// bytes of byte order mark removed before data, for error offsets; ctype is
// the Content-Type when the text came over HTTP, whose charset is honoured.
func textArticle(src string, data []byte, bom int, ctype string, now func() time.Time) (doc.Article, error) {
	if label := charsetParam(ctype); label != "" {
		dec, err := decodeCharset(data, label)
		if err != nil {
			return doc.Article{}, err
		}
		data = dec
	}
	if i := invalidUTF8(data); i >= 0 {
		return doc.Article{}, fmt.Errorf("invalid UTF-8 at byte offset %d", i+bom)
	}
	a := doc.Article{ID: sourceID(src), Source: src, Text: string(data)}
	setDateline(&a, now)
	return a, nil
}

// charsetParam returns the charset parameter of a Content-Type, or "".
func charsetParam(ctype string) string {
	if ctype == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// decodeCharset converts data from the named charset to UTF-8. UTF-8 (and
// UTF-16, which an ASCII-compatible declaration cannot truly mean) is
// returned as is, to be validated by the caller.
func decodeCharset(data []byte, label string) ([]byte, error) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	switch name {
	case "utf-8", "utf-16le", "utf-16be":
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
