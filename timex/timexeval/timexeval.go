// Package timexeval reads TimeML documents (TimeBank, AQUAINT) and scores
// time expression tagging against their TIMEX3 annotations the way
// TempEval-3 does: extent precision, recall and F1 under relaxed (any
// overlap) and strict (same span) matching, and the accuracy of the type
// and value of the gold expressions that were found.
//
// Only the TIMEX3 elements inside <TEXT> are scored; the document creation
// time in <DCT> is an input of the tagger, as it was in TempEval-3, not
// something to find.
package timexeval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/doc"
)

// Timex is one time expression: gold or predicted.
type Timex struct {
	// Span holds code point offsets into Doc.Text.
	doc.Span
	// Text is the expression as in the text; Type and Value its TIMEX3
	// type and value.
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Doc is one TimeML document.
type Doc struct {
	// ID is the DOCID, or the file name without extension when there is none.
	ID string
	// Path is the file the document was read from.
	Path string
	// DCT is the document creation time (zero when the file has none) and
	// DCTValue its TIMEX3 value as written.
	DCT      time.Time
	DCTValue string
	// Text is the content of <TEXT> with the tags removed and entities
	// decoded; every offset points into it.
	Text string
	// Timexes are the TIMEX3 annotations of Text, in text order. Empty
	// (non-consuming) TIMEX3 elements are left out.
	Timexes []Timex
}

// Read reads one TimeML document from r; name is used in errors and as the
// document's Path.
func Read(r io.Reader, name string) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	d := &Doc{Path: name}
	var (
		text   strings.Builder
		runes  int
		inText bool
		inDCT  bool
		inID   bool
		open   = -1 // index in d.Timexes of the TIMEX3 being read
		stack  []string
		id     strings.Builder
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "DOCID":
				inID = true
			case "TIMEX3":
				if inText && open >= 0 {
					line, _ := dec.InputPos()
					return nil, fmt.Errorf("%s:%d: nested TIMEX3", name, line)
				}
				x := Timex{Span: doc.Span{Start: runes, End: runes}}
				var fn, tid string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "type":
						x.Type = a.Value
					case "value":
						x.Value = a.Value
					case "functionInDocument":
						fn = a.Value
					case "tid":
						tid = a.Value
					}
				}
				switch {
				case inText:
					d.Timexes = append(d.Timexes, x)
					open = len(d.Timexes) - 1
				case inDCT || fn == "CREATION_TIME":
					if d.DCTValue == "" {
						d.DCTValue = x.Value
						if t, ok := parseDCT(x.Value); ok {
							d.DCT = t
						} else {
							line, _ := dec.InputPos()
							return nil, fmt.Errorf("%s:%d: DCT %s: value %q is not a date", name, line, tid, x.Value)
						}
					}
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "DOCID":
				inID = false
			case "TIMEX3":
				if open >= 0 {
					d.Timexes[open].End = runes
					open = -1
				}
			}
		case xml.CharData:
			if inID {
				id.Write(t)
			}
			if inText {
				text.Write(t)
				runes += utf8.RuneCount(t)
			}
		}
	}
	if open >= 0 {
		return nil, fmt.Errorf("%s: unclosed TIMEX3", name)
	}
	d.Text = text.String()
	d.ID = strings.TrimSpace(id.String())
	if d.ID == "" {
		d.ID = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	// Cut out the texts and drop empty annotations.
	rs := []rune(d.Text)
	kept := d.Timexes[:0]
	for _, x := range d.Timexes {
		if x.End <= x.Start || x.End > len(rs) {
			continue
		}
		x.Text = string(rs[x.Start:x.End])
		kept = append(kept, x)
	}
	d.Timexes = kept
	return d, nil
}

// parseDCT reads the date of a DCT value: "1998-01-08", "1998-01-08T18:30".
func parseDCT(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// ReadFile reads the TimeML document at path.
func ReadFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read timeml: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// ReadDir reads every *.tml file under dir, in path order. A file that
// cannot be read is reported in the joined error and skipped.
func ReadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read timeml dir: %w", err)
	}
	slices.Sort(paths)
	var docs []*Doc
	var errs []error
	for _, p := range paths {
		d, err := ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errors.Join(errs...)
}
