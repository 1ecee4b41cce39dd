// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies: one word per line, ten tab-separated columns, sentences
// separated by blank lines, comments starting with '#'.
//
// Multiword token ranges ("1-2 don't") are kept so they can be written back;
// empty nodes ("8.1") are skipped, as basic-tree evaluation ignores them.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/doc"
)

// MultiWord is a multiword token range: surface Text covering words First..Last
// (1-based, inclusive).
type MultiWord struct {
	First, Last int
	Text        string
	Misc        string
}

// Sentence is one CoNLL-U sentence.
type Sentence struct {
	// Comments holds the comment lines without their leading "# ".
	Comments []string
	// Words are the syntactic words; Head and DepRel come from columns 7-8.
	Words []doc.Token
	// Misc holds column 10 of each word, parallel to Words.
	Misc []string
	// MultiWords lists the multiword token ranges in order.
	MultiWords []MultiWord
	// Line is the 1-based line number where the sentence starts.
	Line int
}

// ID returns the value of the "sent_id" comment, or "" when there is none.
func (s *Sentence) ID() string { return s.comment("sent_id") }

// Text returns the value of the "text" comment, or "" when there is none.
func (s *Sentence) Text() string { return s.comment("text") }

func (s *Sentence) comment(key string) string {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Forms returns the word forms of the sentence.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Text
	}
	return out
}

// Reader reads CoNLL-U sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader over r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := s.addLine(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", r.name, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func (s *Sentence) addLine(line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("want 10 tab-separated columns, got %d", len(cols))
	}
	id := cols[0]
	if strings.Contains(id, ".") {
		return nil // empty node of the enhanced graph
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || last < first {
			return fmt.Errorf("bad multiword range %q", id)
		}
		s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Text: cols[1], Misc: cols[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return fmt.Errorf("word id %q out of sequence (want %d)", id, len(s.Words)+1)
	}
	w := doc.Token{
		Text:       cols[1],
		Lemma:      blank(cols[2]),
		UPOS:       blank(cols[3]),
		XPOS:       blank(cols[4]),
		Feats:      blank(cols[5]),
		DepRel:     blank(cols[7]),
		SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No"),
	}
	if cols[6] != "_" {
		h, err := strconv.Atoi(cols[6])
		if err != nil || h < 0 {
			return fmt.Errorf("bad head %q", cols[6])
		}
		w.Head = h
	}
	s.Words = append(s.Words, w)
	s.Misc = append(s.Misc, cols[9])
	return nil
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func under(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s in CoNLL-U, followed by a blank line. Words whose DepRel is
// empty are written with "_" for head and relation.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mw := 0
	for i, t := range s.Words {
		for mw < len(s.MultiWords) && s.MultiWords[mw].First == i+1 {
			m := s.MultiWords[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Text, under(m.Misc))
			mw++
		}
		head := "_"
		if t.DepRel != "" {
			head = strconv.Itoa(t.Head)
		}
		misc := "_"
		if i < len(s.Misc) {
			misc = under(s.Misc[i])
		} else if !t.SpaceAfter {
			misc = "SpaceAfter=No"
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n",
			i+1, t.Text, under(t.Lemma), under(t.UPOS), under(t.XPOS), under(t.Feats),
			head, under(t.DepRel), misc)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write conllu: %w", err)
	}
	return nil
}

// ReadFile reads every sentence of the CoNLL-U file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open conllu: %w", err)
	}
	defer f.Close()
	return ReadAll(f, path)
}
