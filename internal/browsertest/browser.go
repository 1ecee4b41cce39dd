// Package browsertest drives a headless Chromium from Go tests, so that
// sitrep's web UI is tested as a person sees it: a test starts the browser,
// opens a page of a test server, waits for its key elements, reads their
// text, clicks, saves full-page screenshots for review, and checks that the
// console shows no error, no uncaught exception and no Content-Security-Policy
// violation.
//
// It is built on github.com/chromedp/chromedp, which speaks the Chrome
// DevTools Protocol over a pipe to the browser it starts, in pure Go: no
// WebDriver server, no Node, no browser download (the browser is Debian's
// chromium package, which .ci/run installs). Only tests import this package,
// so chromedp is not linked into the sitrep binary.
//
// The browser is $SITREP_CHROMIUM, or else /usr/bin/chromium, or else
// chromium on PATH. Without one a test is skipped, but fails when CI=true,
// so that CI never passes by skipping the browser tests. Screenshots go to
// $SITREP_SCREENSHOTS when set, else to the test's temporary directory.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser is a headless Chromium started for one test; it stops when the
// test ends.
type Browser struct {
	// Timeout bounds each step of a page (opening, waiting for an element,
	// reading, clicking, a screenshot); 30 seconds unless changed.
	Timeout time.Duration

	ctx      context.Context // the browser's context; its tabs derive from it
	shotDir  string          // where screenshots are written
	shotName string          // the test's name, made safe for file names
}

// Path returns the Chromium executable to use: $SITREP_CHROMIUM if set (it
// must exist), else /usr/bin/chromium, else chromium or chromium-browser on
// PATH.
func Path() (string, error) {
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("SITREP_CHROMIUM: %w", err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found (set SITREP_CHROMIUM, or install Debian's chromium package)")
}

// flags are the command-line switches Chromium runs with: headless, no
// sandbox (tests run as root in CI), and none of the background
// connections (updates, sync, QUIC) that a machine without a network
// refuses and that would otherwise show up as errors.
func flags(userData string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(userData),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
	}
}

// Start starts a headless Chromium with a fresh profile for t and stops it
// when t ends. Without a browser it skips t, or fails it under CI=true.
func Start(t testing.TB) *Browser {
	t.Helper()
	path, err := Path()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser tests under CI=true: %v", err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
	shots := os.Getenv("SITREP_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatalf("screenshot directory: %v", err)
	}
	// The profile directory is made before the browser's cleanup is
	// registered, so it is removed after the browser has exited.
	userData := t.TempDir()
	opts := append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(path)}, flags(userData)...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	b := &Browser{Timeout: 30 * time.Second, ctx: ctx, shotDir: shots, shotName: fileName(t.Name())}
	// Start the browser now, so that a broken one fails here and not in
	// the first page. The first run on a context owns the browser, so it
	// runs on ctx itself, with no timeout of its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return b
}

// fileName turns a test name into a file name: letters, digits, '-' and
// '_' kept, anything else turned into '_'.
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
}

// ScreenshotDir returns the directory screenshots are saved in.
func (b *Browser) ScreenshotDir() string { return b.shotDir }
