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

// FeedItem is one item of a parsed feed: what identifies it, where its
// page is, and the article made of its own content or description.
type FeedItem struct {
	// ID is the item's GUID, else its link, else "feed#n" (n from 1).
	ID string
	// Link is the URL of the item's page, "" when it has none.
	Link string
	// Title is the item's title.
	Title string
	// Published is the item's publication (or update) time, zero when it
	// has none.
	Published time.Time
	// Article is the article of the item's own content (or description),
	// valid when Err is nil.
	Article doc.Article
	// Err says why the item's own content makes no article (no text,
	// invalid text).
	Err error
}

// Feed is a parsed RSS or Atom feed.
type Feed struct {
	// Title is the feed's title, which names the outlet of its articles.
	Title string
	// Items are the feed's items, in feed order.
	Items []FeedItem
}

// ParseFeed parses the RSS or Atom feed data read from src (a file or URL,
// used in articles and messages). A feed without items is not an error.
func ParseFeed(src string, data []byte, now func() time.Time) (Feed, error) {
	var gf *gofeed.Feed
	err := safely("parse feed", func() error {
		var perr error
		gf, perr = gofeed.NewParser().Parse(bytes.NewReader(data))
		return perr
	})
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			err = errors.New("parse feed: not an RSS or Atom feed")
		}
		return Feed{}, err
	}
	feed := Feed{Title: validUTF8(strings.TrimSpace(gf.Title))}
	for i, it := range gf.Items {
		if it == nil {
			continue
		}
		fi := FeedItem{ID: itemID(src, i+1, it), Link: validUTF8(strings.TrimSpace(it.Link)),
			Title: validUTF8(strings.TrimSpace(it.Title))}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			fi.Published = *it.UpdatedParsed
		}
		fi.Article, fi.Err = feedArticle(src, &fi, it, feed.Title, now)
		feed.Items = append(feed.Items, fi)
	}
	return feed, nil
}

// readFeed reads an RSS or Atom feed, passing one article per item, or an
// *Error naming the item, to yield. It returns only yield's error.
func readFeed(src string, data []byte, now func() time.Time, yield func(doc.Article, error) error) error {
	feed, err := ParseFeed(src, data, now)
	if err != nil {
		return yield(doc.Article{}, &Error{Source: src, Err: err})
	}
	if len(feed.Items) == 0 {
		return yield(doc.Article{}, &Error{Source: src, Err: errors.New("feed has no items")})
	}
	for i, it := range feed.Items {
		a, err := it.Article, it.Err
		if err != nil {
			err = &Error{Source: src, DocID: it.ID, Err: fmt.Errorf("item %d: %w", i+1, err)}
		}
		if err := yield(a, err); err != nil {
			return err
		}
	}
	return nil
}

// itemID identifies the n-th item of the feed read from src.
func itemID(src string, n int, it *gofeed.Item) string {
	id := strings.TrimSpace(it.GUID)
	if id == "" {
		id = strings.TrimSpace(it.Link)
	}
	if id == "" {
		id = fmt.Sprintf("%s#%d", src, n)
	}
	return validUTF8(id)
}

// feedArticle makes an article of the feed item fi (parsed from it) with
// its own content or description. On error the article is empty.
func feedArticle(src string, fi *FeedItem, it *gofeed.Item, outlet string, now func() time.Time) (doc.Article, error) {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	text, err := htmlToText(body)
	if err != nil {
		return doc.Article{}, err
	}
	if text == "" {
		return doc.Article{}, errors.New("no text (neither content nor description)")
	}
	if i := strings.IndexByte(text, 0); i >= 0 || !utf8.ValidString(text) {
		return doc.Article{}, errors.New("text is not valid UTF-8 text")
	}
	a := doc.Article{ID: fi.ID, Source: src, Outlet: outlet, Text: text, Title: fi.Title,
		URL: fi.Link, Published: fi.Published}
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
