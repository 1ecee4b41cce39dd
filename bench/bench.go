// Package bench measures the throughput and memory of the linguistic
// pipeline over a batch of articles held in memory, so that reading input
// is not part of the measure.
package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep/doc"
	"github.com/sitrep/sitrep/pipeline"
)

// Result is the measure of one run of the pipeline over a batch.
type Result struct {
	// Stage names what ran: "parse" (tokenize, tag, lemmatize, parse) or
	// "extract" (parse, then actors, events and JSON Lines).
	Stage     string  `json:"stage"`
	Workers   int     `json:"workers"`
	Documents int     `json:"documents"`
	Sentences int     `json:"sentences"`
	Tokens    int     `json:"tokens"`
	Seconds   float64 `json:"seconds"`
	// Events counts the records the after-parse stage reported.
	Events int `json:"events"`
	// PeakBytes is the process's peak resident memory so far (VmHWM), or
	// the memory obtained from the OS by the Go runtime where /proc is
	// missing.
	PeakBytes uint64 `json:"peak_bytes"`
}

// SentencesPerSecond returns the sentence throughput, 0 when no time passed.
func (r Result) SentencesPerSecond() float64 { return rate(r.Sentences, r.Seconds) }

// TokensPerSecond returns the token throughput, 0 when no time passed.
func (r Result) TokensPerSecond() float64 { return rate(r.Tokens, r.Seconds) }

func rate(n int, secs float64) float64 {
	if secs <= 0 {
		return 0
	}
	return float64(n) / secs
}

// Run processes arts with p over the given number of workers (<= 0 means
// GOMAXPROCS) and measures the time, counts and peak memory. then, when
// not nil, runs on each parsed document in input order (as "sitrep
// extract" runs its later stages) and returns the number of events it
// produced; the stage is then "extract", else "parse".
func Run(ctx context.Context, p *pipeline.Pipeline, arts []doc.Article, workers int, then func(*doc.Doc) (int, error)) (Result, error) {
	r := Result{Stage: "parse", Workers: pipeline.Workers(workers)}
	if then != nil {
		r.Stage = "extract"
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan doc.Article)
	start := time.Now()
	go func() {
		defer close(in)
		for _, a := range arts {
			select {
			case in <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	err := p.Run(ctx, r.Workers, in, func(d *doc.Doc) error {
		r.Documents++
		r.Sentences += len(d.Sentences)
		r.Tokens += len(d.Tokens)
		if then != nil {
			n, err := then(d)
			r.Events += n
			return err
		}
		return nil
	})
	r.Seconds = time.Since(start).Seconds()
	r.PeakBytes = PeakMemory()
	if err != nil {
		return r, fmt.Errorf("bench with %d workers: %w", r.Workers, err)
	}
	return r, nil
}

// PeakMemory returns the process's peak resident set size (VmHWM in
// /proc/self/status) in bytes, or, where that is unavailable, the total
// memory the Go runtime obtained from the OS (runtime.MemStats.Sys).
func PeakMemory() uint64 {
	if f, err := os.Open("/proc/self/status"); err == nil {
		n, ok := ParseVmHWM(f)
		f.Close()
		if ok {
			return n
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}

// ParseVmHWM reads a /proc/<pid>/status file and returns its VmHWM value in
// bytes, and whether it was found.
func ParseVmHWM(r io.Reader) (uint64, bool) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		v, ok := strings.CutPrefix(sc.Text(), "VmHWM:")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			return 0, false
		}
		n, err := strconv.ParseUint(f[0], 10, 64)
		if err != nil {
			return 0, false
		}
		if len(f) > 1 && strings.EqualFold(f[1], "kB") {
			n *= 1024
		}
		return n, true
	}
	return 0, false
}

// Report is a whole benchmark: the model load time and one result per
// worker count.
type Report struct {
	LoadSeconds float64  `json:"load_seconds"`
	Results     []Result `json:"results"`
}

// Write prints the report as an aligned table.
func (rep Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "model load: %.2f s\n", rep.LoadSeconds)
	fmt.Fprint(tw, "stage\tworkers\tdocuments\tsentences\ttokens\tevents\tseconds\tsentences/s\ttokens/s\tpeak MiB\t\n")
	for _, r := range rep.Results {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.2f\t%.0f\t%.0f\t%.1f\t\n",
			r.Stage, r.Workers, r.Documents, r.Sentences, r.Tokens, r.Events, r.Seconds,
			r.SentencesPerSecond(), r.TokensPerSecond(), float64(r.PeakBytes)/(1<<20))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write bench report: %w", err)
	}
	return nil
}
