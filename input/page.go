package input

import (
	"errors"
	"time"

	"github.com/sitrep/sitrep/doc"
)

// Page makes the article of one web page fetched from pageURL: the main
// text and metadata of an HTML page, or plain text. ctype is the response's
// Content-Type ("" to tell the format from the content), whose charset is
// honoured. A feed or JSON Lines document is not an article page and is an
// error, as are empty, binary and mis-encoded pages. now gives the
// reference date for a dateline without a year when the page carries no
// date; time.Now when nil.
func Page(pageURL string, data []byte, ctype string, now func() time.Time) (doc.Article, error) {
	if now == nil {
		now = time.Now
	}
	data, bom, err := stripBOM(data)
	if err != nil {
		return doc.Article{}, err
	}
	if err := checkContent(data); err != nil {
		return doc.Article{}, err
	}
	k := kindFromContentType(ctype)
	if k == kindUnknown {
		k = sniff(data)
	}
	switch k {
	case kindFeed:
		return doc.Article{}, errors.New("a feed, not an article page")
	case kindJSONL:
		return doc.Article{}, errors.New("JSON Lines, not an article page")
	}
	return page(pageURL, data, bom, k, ctype, pageURL, now)
}

// page makes the one article of an HTML (k is kindHTML) or plain text
// input read from src; pageURL is where it was fetched from, if anywhere.
func page(src string, data []byte, bom int, k kind, ctype, pageURL string, now func() time.Time) (doc.Article, error) {
	if k == kindHTML {
		return htmlArticle(src, data, ctype, pageURL, now)
	}
	a, err := textArticle(src, data, bom, ctype, now)
	if err == nil && pageURL != "" {
		a.URL = pageURL
	}
	return a, err
}
