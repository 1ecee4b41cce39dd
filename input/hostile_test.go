package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostile feeds each bad input followed by a good file in one Read call:
// the bad one must give an *Error naming it, and the good one must still be read.
func TestHostile(t *testing.T) {
	const max = 4096
	good := "testdata/plain.text"
	tests := []struct {
		name    string
		file    string
		content string
		errs    []string // substrings of the *Error(s), in order
		arts    int      // articles before the good file's
	}{
		{"empty", "empty.txt", "", []string{"empty.txt: empty input"}, 0},
		{"blank", "blank.txt", " \n\t\n", []string{"blank.txt: empty input"}, 0},
		{"binary NUL", "blob.txt", "PK\x03\x04\x00\x00abc", []string{"blob.txt: binary content (NUL byte at byte offset 4)"}, 0},
		{"binary controls", "ctl", strings.Repeat("\x01\x02\x03a", 50), []string{"ctl: binary content"}, 0},
		{"broken UTF-8", "bad.txt", "The envoy said\xff\xfe no.", []string{"bad.txt: invalid UTF-8 at byte offset 14"}, 0},
		{"broken UTF-8 after BOM", "bombad.txt", "\xef\xbb\xbfAB\xc3", []string{"bombad.txt: invalid UTF-8 at byte offset 5"}, 0},
		{"broken UTF-8 HTML", "bad.html", "<html><body><p>Caf\xe9</p></body></html>", []string{"bad.html: invalid UTF-8 at byte offset 18"}, 0},
		{"malformed HTML", "broken.html", "<html><body><p>The talks <b>ended <div>abruptly</p></table></span>", nil, 1},
		{"HTML without text", "notext.html", "<html><head><title>x</title></head><body><script>var a=1</script></body></html>", []string{"notext.html: no text found in HTML"}, 0},
		{"malformed XML", "broken.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><description>unclosed", []string{"broken.xml: parse feed:"}, 0},
		{"XML that is not a feed", "other.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>", []string{"other.xml: parse feed: not an RSS or Atom feed"}, 0},
		{"feed without items", "none.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>", []string{"none.rss: feed has no items"}, 0},
		{"malformed JSON line", "docs.jsonl", "{\"id\":\"a1\",\"text\":\"Fine.\"}\n{\"id\": \"a2\", \"text\": \n{\"id\":\"a3\",\"text\":\"Also fine.\"}\n",
			[]string{"docs.jsonl:2: malformed JSON"}, 2},
		{"JSON line problems", "p.jsonl", "[1,2]\n{\"text\":\"No id.\"}\n{\"id\":\"b1\",\"text\":5}\n{\"id\":\"b2\",\"text\":\"x\",\"date\":\"9 March\"}\n{\"id\":\"b3\",\"text\":\"x\"}\n{\"id\":\"b3\",\"text\":\"y\"}\n{\"id\":\"b4\",\"text\":\"bad \xff\"}\n",
			[]string{"p.jsonl:1: line is not a JSON object", "p.jsonl:2: missing id", `p.jsonl:3: doc "b1": malformed JSON document`,
				`p.jsonl:4: doc "b2": bad date "9 March"`, `p.jsonl:6: doc "b3": duplicate id (first on line 5)`, "p.jsonl:7: invalid UTF-8 at byte 23 of the line"}, 1},
		{"huge JSON line", "huge.jsonl", "{\"id\":\"h1\",\"text\":\"" + strings.Repeat("word ", 2000) + "\"}\n{\"id\":\"h2\",\"text\":\"After the huge line.\"}",
			[]string{"huge.jsonl:1: line is longer than the limit of 4096 bytes"}, 1},
		{"over limit", "big.txt", strings.Repeat("All quiet on the front. ", 300), []string{"big.txt: input is 7200 bytes, over the limit of 4096 bytes"}, 0},
		{"over limit HTML", "big.html", "<p>" + strings.Repeat("a", max) + "</p>", []string{"big.html: input is 4103 bytes, over the limit"}, 0},
		{"missing file", "", "", []string{"does-not-exist.txt: cannot open: no such file or directory"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "does-not-exist.txt")
			if tc.file != "" {
				path = filepath.Join(dir, tc.file)
				if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			evs := read(t, []string{path, good}, Options{MaxBytes: max})
			var errs []*Error
			arts := 0
			for _, e := range evs[:len(evs)-1] {
				if e.err != nil {
					errs = append(errs, e.err)
					if !strings.Contains(e.err.Error(), path) {
						t.Errorf("error %q does not name the file %s", e.err, path)
					}
				} else {
					arts++
				}
			}
			if last := evs[len(evs)-1]; last.err != nil || last.a.ID != good {
				t.Fatalf("good file after the bad one not read: %+v %v", last.a, last.err)
			}
			if arts != tc.arts {
				t.Errorf("got %d articles from the bad input, want %d", arts, tc.arts)
			}
			if len(errs) != len(tc.errs) {
				t.Fatalf("got errors %v, want %q", errs, tc.errs)
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tc.errs[i]) {
					t.Errorf("error %q, want it to contain %q", e, tc.errs[i])
				}
			}
		})
	}
}

func TestUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not apply to root")
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "locked")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z.txt"), []byte("Readable file."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)
	check(t, read(t, []string{dir}, Options{}), []want{{err: "locked: read directory: permission denied"}, {contains: "Readable file."}})
}

func TestSymlinkedDirNotFollowed(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/", filepath.Join(dir, "root")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	check(t, read(t, []string{dir}, Options{}), []want{{err: "symbolic link to a directory is not followed"}})
}
