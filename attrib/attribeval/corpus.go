package attribeval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Doc is one annotated document of a PolNeAR split: the annotation file's
// name, the text it annotates, and its gold annotations. A text annotated
// by several annotators gives one Doc per annotation file.
type Doc struct {
	Name string
	Text string
	Gold *Ann
}

// ReadDir reads a PolNeAR split directory: the .ann files of its
// "attributions" directory and, for each, the text of the same name in
// "text" (PolNeAR names an annotation after its text plus "_" and the
// annotator's id). Offsets are checked against the text.
func ReadDir(dir string) ([]Doc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("read %s: no attributions/*.ann files", dir)
	}
	sort.Strings(anns)
	var docs []Doc
	for _, p := range anns {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		text, err := readText(filepath.Join(dir, "text"), base)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fh, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", dir, err)
		}
		a, err := ReadAnn(fh, p)
		fh.Close()
		if err != nil {
			return nil, err
		}
		n := utf8.RuneCountInString(text)
		for _, s := range a.Spans {
			for _, f := range s.Frags {
				if f.End > n {
					return nil, fmt.Errorf("%s: span %s ends at %d, past the text's %d code points", p, s.ID, f.End, n)
				}
			}
		}
		docs = append(docs, Doc{Name: base, Text: text, Gold: a})
	}
	return docs, nil
}

// readText reads the text annotated by the file named base: base.txt, or
// base without its last "_" suffix (the annotator's id).
func readText(dir, base string) (string, error) {
	names := []string{base}
	if i := strings.LastIndexByte(base, '_'); i > 0 {
		names = append(names, base[:i])
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n+".txt"))
		if err == nil {
			return string(b), nil
		}
		if !os.IsNotExist(err) {
			return "", fmt.Errorf("read text: %w", err)
		}
	}
	return "", fmt.Errorf("no text %s.txt in %s", names[len(names)-1], dir)
}
