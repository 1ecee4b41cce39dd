package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"github.com/sitrep/sitrep/doc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS or Atom feed, passing one article per item, or an
// *Error naming the item, to yield. It returns only yield's error.
func readFeed(src string, data []byte, now func() time.Time, yield func(doc.Article, error) error) error {
	var feed *gofeed.Feed
	err := safely("parse feed", func() error {
		var perr error
		feed, perr = gofeed.NewParser().Parse(bytes.NewReader(data))
		return perr
	})
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = errors.New("parse feed: not an RSS or Atom feed")
		}
		return yield(doc.Article{}, &Error{Source: src, Err: err})
	}
	outlet := validUTF8(strings.TrimSpace(feed.Title))
	if len(feed.Items) == 0 {
		return yield(doc.Article{}, &Error{Source: src, Err: errors.New("feed has no items")})
	}
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		a, err := feedArticle(src, i+1, it, outlet, now)
		if err != nil {
			err = &Error{Source: src, DocID: a.ID, Err: fmt.Errorf("item %d: %w", i+1, err)}
			a = doc.Article{}
		}
		if err := yield(a, err); err != nil {
			return err
		}
	}
	return nil
}

// feedArticle makes an article of the n-th feed item. On error the returned
// article carries only the ID, for the error message.
func feedArticle(src string, n int, it *gofeed.Item, outlet string, now func() time.Time) (doc.Article, error) {
	id := strings.TrimSpace(it.GUID)
	if id == "" {
		id = strings.TrimSpace(it.Link)
	}
	if id == "" {
		id = fmt.Sprintf("%s#%d", src, n)
	}
	a := doc.Article{ID: validUTF8(id), Source: src, Outlet: outlet}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text, err := htmlToText(body)
	if err != nil {
		return a, err
	}
	if text == "" {
		return a, errors.New("no text (neither content nor description)")
	}
	if i := strings.IndexByte(text, 0); i >= 0 || !utf8.ValidString(text) {
		return a, errors.New("text is not valid UTF-8 text")
	}
	a.Text = text
	a.Title = validUTF8(strings.TrimSpace(it.Title))
	a.URL = validUTF8(strings.TrimSpace(it.Link))
	switch {
	case it.PublishedParsed != nil:
		a.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Published = *it.UpdatedParsed
	}
	setDateline(&a, now)
	return a, nil
}

// htmlToText renders an HTML fragment (or plain text) as text with
// paragraphs separated by blank lines.
func htmlToText(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if !strings.ContainsAny(s, "<&") {
		return normText(s), nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return "", fmt.Errorf("parse item HTML: %w", err)
	}
	box := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		box.AppendChild(n)
	}
	return normText(render.InnerText(box)), nil
}

func validUTF8(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
