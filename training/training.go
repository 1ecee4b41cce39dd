// Package training builds sitrep's linguistic models from a Universal
// Dependencies treebank: the tagger and lemmatizer on the training split,
// and the dependency parser on the same split re-tagged by jackknifing (so
// that it learns from tags as noisy as those it sees at run time) together
// with the gold-tagged original.
package training

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/depparse"
	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/lemma"
	"github.com/sitrep/sitrep/tagger"
)

// Model file names, as written to the output directory and embedded by
// package models.
const (
	TaggerFile = "tagger.bin"
	LemmaFile  = "lemma.bin"
	ParserFile = "parser.bin"
)

// Options configure a training run.
type Options struct {
	// Train and Dev are CoNLL-U files; Dev is only scored, never learnt
	// from, unless WithDev is set.
	Train, Dev string
	// WithDev adds Dev to the training sentences of all three models: the
	// shipped models learn from both splits once their settings have been
	// chosen by training on Train alone and scoring Dev. Dev's scores during
	// training then measure fit, not accuracy.
	WithDev bool
	// OutDir receives the model files.
	OutDir string
	// Folds is the number of jackknife folds for the parser's training tags
	// (default 5; 1 trains the parser on gold tags only).
	Folds int
	// JackknifeOnly trains the parser on the jackknifed copy alone; by
	// default it learns from that copy and from the gold-tagged original,
	// which measured better on dev than either alone.
	JackknifeOnly bool
	// Tagger and Parser hold the learners' settings; zero values take the
	// packages' defaults.
	Tagger tagger.TrainOptions
	Parser depparse.TrainOptions
	// Log receives progress; nil discards it.
	Log io.Writer
}

// Run trains the three models and writes them to opts.OutDir.
func Run(opts Options) error {
	if opts.Folds == 0 {
		opts.Folds = 5
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	train, err := conllu.ReadFile(opts.Train)
	if err != nil {
		return err
	}
	var dev []*conllu.Sentence
	if opts.Dev != "" {
		if dev, err = conllu.ReadFile(opts.Dev); err != nil {
			return err
		}
	}
	if opts.WithDev {
		if len(dev) == 0 {
			return fmt.Errorf("learn from dev: no dev file given")
		}
		train = append(train[:len(train):len(train)], dev...)
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", opts.OutDir, err)
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(opts.Log, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
	}

	logf("training tagger on %d sentences", len(train))
	tg, err := tagger.Train(train, withLog(opts.Tagger, opts.Log))
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	if err := save(filepath.Join(opts.OutDir, TaggerFile), tg.Save); err != nil {
		return err
	}
	logf("training lemmatizer")
	lm, err := lemma.Train(train)
	if err != nil {
		return fmt.Errorf("train lemmatizer: %w", err)
	}
	if err := save(filepath.Join(opts.OutDir, LemmaFile), lm.Save); err != nil {
		return err
	}

	parserTrain := train
	if opts.Folds > 1 {
		if parserTrain, err = jackknife(train, opts.Folds, opts.Tagger, logf); err != nil {
			return err
		}
		if !opts.JackknifeOnly {
			parserTrain = append(parserTrain, train...)
		}
	}
	popts := opts.Parser
	popts.Log = opts.Log
	popts.Dev = retag(dev, tg)
	logf("training parser on %d sentences", len(parserTrain))
	ps, err := depparse.Train(parserTrain, popts)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	if err := save(filepath.Join(opts.OutDir, ParserFile), ps.Save); err != nil {
		return err
	}
	logf("models written to %s", opts.OutDir)
	return nil
}

func withLog(o tagger.TrainOptions, w io.Writer) tagger.TrainOptions {
	o.Log = w
	return o
}

// jackknife returns copies of sents whose tags come from taggers trained on
// the other folds.
func jackknife(sents []*conllu.Sentence, folds int, topts tagger.TrainOptions, logf func(string, ...any)) ([]*conllu.Sentence, error) {
	out := make([]*conllu.Sentence, len(sents))
	for k := 0; k < folds; k++ {
		var rest, held []int
		for i := range sents {
			if i%folds == k {
				held = append(held, i)
			} else {
				rest = append(rest, i)
			}
		}
		part := make([]*conllu.Sentence, len(rest))
		for j, i := range rest {
			part[j] = sents[i]
		}
		logf("jackknife fold %d/%d: tagger on %d sentences", k+1, folds, len(part))
		tg, err := tagger.Train(part, topts)
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		for _, i := range held {
			out[i] = retagOne(sents[i], tg)
		}
	}
	return out, nil
}

// retag returns copies of sents with tags predicted by tg.
func retag(sents []*conllu.Sentence, tg *tagger.Model) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		out[i] = retagOne(s, tg)
	}
	return out
}

func retagOne(s *conllu.Sentence, tg *tagger.Model) *conllu.Sentence {
	c := *s
	c.Words = append([]doc.Token(nil), s.Words...)
	tg.Tag(c.Words)
	return &c
}

func save(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
