package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestRender(t *testing.T) {
	r := Build(fixture(t), Options{Title: "Baltic watch"})
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return WriteText(b, r, TextOptions{}) }},
		{"report-color.txt", func(b *bytes.Buffer) error { return WriteText(b, r, TextOptions{Color: true, Width: 72}) }},
		{"report.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, r) }},
		{"report.html", func(b *bytes.Buffer) error { return WriteHTML(b, r) }},
		{"empty.txt", func(b *bytes.Buffer) error { return WriteText(b, Build(nil, Options{}), TextOptions{}) }},
		{"empty.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, Build(nil, Options{})) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

// TestEscaping checks that text from the records cannot add markup or
// scripts, and that plain text carries no colour unless asked.
func TestEscaping(t *testing.T) {
	r := Build(fixture(t), Options{Title: "<i>Title</i>"})
	var text, md, html bytes.Buffer
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&html, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "\x1b[") {
		t.Error("text without Color has ANSI codes")
	}
	for _, bad := range []string{"<script>", "<b>", "<i>", `href="javascript`} {
		if strings.Contains(html.String(), bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, bad := range []string{"<script>", "<b>", "[link]", "Pipe|Group", "<b>*Pipe"} {
		if strings.Contains(md.String(), bad) {
			t.Errorf("Markdown contains unescaped %q", bad)
		}
	}
	if !strings.Contains(html.String(), "&lt;script&gt;") || !strings.Contains(md.String(), `\<script\>`) || !strings.Contains(md.String(), `\*Pipe\|Group\*`) {
		t.Error("the escaped text is missing")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"a bb ccc dddd", 6, "a bb|ccc|dddd"},
		{"one", 1, "one"},
		{"  ", 5, ""},
		{"Malmö Malmö", 11, "Malmö Malmö"},
	}
	for _, tt := range tests {
		if got := strings.Join(wrap(tt.s, tt.width), "|"); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}
