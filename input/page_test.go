package input

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	data, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := ParseFeed("https://wire.example.net/rss", data, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if feed.Title != "Example Wire" || len(feed.Items) != 3 {
		t.Fatalf("title %q, %d items", feed.Title, len(feed.Items))
	}
	tests := []struct {
		id, link, title string
		published       time.Time
		text            string // "" when the item makes no article
	}{
		{"wire-a1", "https://wire.example.net/a1", "Ceasefire holds", time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC),
			"BEIRUT, March 9 (Reuters) - The ceasefire held overnight, residents said.\n\nShops reopened in the morning."},
		{"wire-a2", "https://wire.example.net/a2", "No body", time.Time{}, ""},
		{"https://wire.example.net/a3", "https://wire.example.net/a3", "Link only", time.Time{}, "Plain description & more."},
	}
	for i, tt := range tests {
		it := feed.Items[i]
		if it.ID != tt.id || it.Link != tt.link || it.Title != tt.title || !it.Published.Equal(tt.published) {
			t.Errorf("item %d: %q %q %q %v", i, it.ID, it.Link, it.Title, it.Published)
		}
		if tt.text == "" {
			if it.Err == nil {
				t.Errorf("item %d: no error, article %+v", i, it.Article)
			}
			continue
		}
		if it.Err != nil || it.Article.Text != tt.text || it.Article.ID != tt.id || it.Article.Outlet != "Example Wire" ||
			it.Article.URL != tt.link {
			t.Errorf("item %d: err %v, article %+v", i, it.Err, it.Article)
		}
	}
	if _, err := ParseFeed("x", []byte("<rss><channel><item>"), fixedNow); err == nil {
		t.Error("malformed feed: no error")
	}
	if _, err := ParseFeed("x", []byte("just words"), fixedNow); err == nil || !strings.Contains(err.Error(), "not an RSS or Atom feed") {
		t.Errorf("not a feed: err %v", err)
	}
}

func TestPage(t *testing.T) {
	tests := []struct {
		name, ctype, data string
		text, title, err  string
	}{
		{"html", "text/html; charset=utf-8",
			"<html><head><title>Talks</title></head><body><article><p>Iran proposed talks with Israel on Sunday, officials said.</p></article></body></html>",
			"Iran proposed talks with Israel on Sunday, officials said.", "Talks", ""},
		{"sniffed html", "", "<!doctype html><p>Syria condemned the strike.</p>", "Syria condemned the strike.", "", ""},
		{"text", "text/plain", "Israel rejected the offer.", "Israel rejected the offer.", "", ""},
		{"latin-1 text", "text/plain; charset=iso-8859-1", "Caf\xe9 closed.", "Café closed.", "", ""},
		{"feed", "application/rss+xml", `<rss version="2.0"><channel><item><title>x</title></item></channel></rss>`, "", "", "a feed"},
		{"jsonl", "", `{"id":"a","text":"b"}`, "", "", "JSON Lines"},
		{"empty", "text/html", "  \n", "", "", "empty input"},
		{"binary", "", "\x00\x01\x02", "", "", "binary content"},
		{"bad utf-8", "text/plain", "a\xffb", "", "", "invalid UTF-8"},
	}
	for _, tt := range tests {
		a, err := Page("https://news.example.org/p/1", []byte(tt.data), tt.ctype, fixedNow)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || a.Text != tt.text || a.Title != tt.title || a.URL != "https://news.example.org/p/1" ||
			a.ID != "https://news.example.org/p/1" {
			t.Errorf("%s: err %v, article %+v", tt.name, err, a)
		}
	}
}

func FuzzPage(f *testing.F) {
	addFiles(f, "article.html", "latin1.html", "plain.text", "feed.rss")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, ctype := range []string{"", "text/html", "text/plain; charset=windows-1252"} {
			if a, err := Page("http://example.com/x", data, ctype, fixedNow); err == nil {
				checkArticle(t, a)
			}
		}
	})
}
