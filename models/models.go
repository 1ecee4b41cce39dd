// Package models embeds sitrep's trained linguistic models (tagger,
// lemmatizer, dependency parser; see package training for how they are
// made) and assembles them into a pipeline.
package models

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/sitrep/sitrep/depparse"
	"github.com/sitrep/sitrep/lemma"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/tagger"
	"github.com/sitrep/sitrep/tokenize"
	"github.com/sitrep/sitrep/training"
)

//go:embed tagger.bin lemma.bin parser.bin
var embedded embed.FS

// Load returns the full pipeline built from the embedded models. Each call
// decodes the models anew; callers load once and share the result, which is
// safe for concurrent use.
func Load() (*pipeline.Pipeline, error) {
	return load(embedded, "embedded models")
}

// LoadDir is like Load but reads the model files from dir, as written by
// `sitrep train`.
func LoadDir(dir string) (*pipeline.Pipeline, error) {
	return load(os.DirFS(dir), dir)
}

func load(fsys fs.FS, where string) (*pipeline.Pipeline, error) {
	read := func(name string, decode func(io.Reader) error) error {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("load %s: %w", filepath.Join(where, name), err)
		}
		if err := decode(bytes.NewReader(b)); err != nil {
			return fmt.Errorf("load %s: %w", filepath.Join(where, name), err)
		}
		return nil
	}
	// The models decode independently, so they load in parallel.
	var (
		tg   *tagger.Model
		lm   *lemma.Lemmatizer
		prs  *depparse.Parser
		errs [3]error
		wg   sync.WaitGroup
	)
	wg.Add(3)
	go func() {
		defer wg.Done()
		errs[0] = read(training.TaggerFile, func(r io.Reader) (err error) { tg, err = tagger.Load(r); return })
	}()
	go func() {
		defer wg.Done()
		errs[1] = read(training.LemmaFile, func(r io.Reader) (err error) { lm, err = lemma.Load(r); return })
	}()
	go func() {
		defer wg.Done()
		errs[2] = read(training.ParserFile, func(r io.Reader) (err error) { prs, err = depparse.Load(r); return })
	}()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	return &pipeline.Pipeline{Tokenizer: tokenize.New(), Tagger: tg, Lemmatizer: lm, Parser: prs}, nil
}
