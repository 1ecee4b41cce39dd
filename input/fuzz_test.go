package input

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/sitrep/sitrep/doc"
)

// addFiles seeds a fuzz corpus with testdata files.
func addFiles(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzJSONL(f *testing.F) {
	addFiles(f, "docs.jsonl", "dir/c.jsonl")
	f.Add([]byte("{\"id\":\"a\",\"text\":\"\\ud800 x\"}\n\n{\"id\":1e9,\"text\":\"LONDON — y\",\"date\":\"2026-13-01\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readJSONL(context.Background(), "f.jsonl", bytes.NewReader(data), 512, fixedNow, func(a doc.Article, err error) error {
			if err == nil {
				checkArticle(t, a)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("readJSONL returned %v", err)
		}
	})
}

func FuzzHTML(f *testing.F) {
	addFiles(f, "article.html", "jsonld.htm", "timetag.html", "latin1.html")
	f.Add([]byte("<p>a<table><p>b</table><select><option>c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := htmlArticle("f.html", data, "", "http://example.com/x", fixedNow); err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzFeed(f *testing.F) {
	addFiles(f, "feed.rss", "feed.atom")
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readFeed("f.xml", data, fixedNow, func(a doc.Article, err error) error {
			if err == nil {
				checkArticle(t, a)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("readFeed returned %v", err)
		}
	})
}

// FuzzText reads arbitrary bytes from standard input: sniffing, checks,
// every format parser and dateline recognition.
func FuzzText(f *testing.F) {
	addFiles(f, "dateline.txt", "bom.txt", "plain.text", "docs.jsonl", "feed.rss", "article.html")
	f.Add([]byte(" date 2026-03-09 The talks ended."))
	f.Add([]byte("\xff\xfeB\x00E\x00I\x00R\x00U\x00T\x00 \x00\x14  \x00-\x00 \x00x\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(data), MaxBytes: 1 << 16, Now: fixedNow},
			func(a doc.Article, err error) error {
				if err == nil {
					checkArticle(t, a)
				}
				return nil
			})
		if err != nil {
			t.Fatalf("Read returned %v", err)
		}
	})
}
