package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Message is one thing the page's console showed: a call of the console
// API, an uncaught exception, or an entry of the browser's log (a failed
// request, a Content-Security-Policy violation, a deprecation).
type Message struct {
	// Level is "error", "warning", "info", "log" or "debug" (the console's
	// levels), "assert" for a failed console.assert, or "exception" for an
	// uncaught exception or unhandled promise rejection.
	Level string
	// Source is the part of the browser that logged the entry ("network",
	// "security", "javascript", ...), "csp" for a Content-Security-Policy
	// violation, empty for the console API and exceptions.
	Source string
	// Text is the message as the DevTools console shows it.
	Text string
	// URL and Line locate the message's origin where the browser says.
	URL  string
	Line int64
}

// IsError reports whether the message is at error level: console.error, a
// failed assertion, an uncaught exception, or a browser log error such as a
// failed request or a CSP violation.
func (m Message) IsError() bool {
	return m.Level == "error" || m.Level == "exception" || m.Level == "assert"
}

// IsCSPViolation reports whether the message is the report of a
// Content-Security-Policy violation: something the browser refused under
// the page's policy. (An exception the refusal caused, such as the EvalError
// of a refused eval, is reported as well, as an exception.)
func (m Message) IsCSPViolation() bool { return m.Source == "csp" }

// String returns the level, source, origin and text of the message.
func (m Message) String() string {
	level := m.Level
	if m.Source != "" {
		level += " (" + m.Source + ")"
	}
	if m.URL != "" {
		return fmt.Sprintf("%s at %s:%d: %s", level, m.URL, m.Line+1, m.Text)
	}
	return level + ": " + m.Text
}

// cspPrefix starts the console.error lines through which the page reports
// each Content-Security-Policy violation (see cspWatch).
const cspPrefix = "sitrep-browsertest-csp "

// cspWatch runs in every document before the page's own scripts and reports
// each securitypolicyviolation event on the console. Chromium logs some
// violations itself, but not all: an eval refused inside a try block, for
// one, shows only as an issue in DevTools, not on the console.
const cspWatch = `addEventListener("securitypolicyviolation", (e) => {
	console.error("` + cspPrefix + `" + JSON.stringify({
		directive: e.effectiveDirective, blocked: e.blockedURI,
		source: e.sourceFile, line: e.lineNumber, sample: e.sample,
	}));
}, true);`

// cspMessage turns the report of cspWatch into a Message, or returns false
// when text is no such report.
func cspMessage(text string) (Message, bool) {
	payload, ok := strings.CutPrefix(text, cspPrefix)
	if !ok {
		return Message{}, false
	}
	var v struct {
		Directive, Blocked, Source, Sample string
		Line                               int64
	}
	if err := json.Unmarshal([]byte(payload), &v); err != nil {
		return Message{Level: "error", Source: "csp", Text: "Content Security Policy violation (unreadable report: " + payload + ")"}, true
	}
	m := Message{Level: "error", Source: "csp", URL: v.Source, Line: v.Line - 1,
		Text: fmt.Sprintf("Content Security Policy violation: %s blocked %s", v.Directive, v.Blocked)}
	if v.Sample != "" {
		m.Text += fmt.Sprintf(" (%q)", v.Sample)
	}
	return m, true
}

// settlePrefix starts the console.debug lines a page writes to itself to
// know that every earlier message has been collected.
const settlePrefix = "sitrep-browsertest-settle-"

// Page is one browser tab showing a URL, with everything its console has
// shown since it was opened.
type Page struct {
	b      *Browser
	url    string
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{} // closed when the console collector stops

	mu      sync.Mutex
	msgs    []Message
	waiting map[string]chan struct{} // settle marks not yet seen
	seq     int
	err     error // why the collector stopped early, if it did
}

// Open opens url in a new tab and waits until the page has loaded. The
// tab closes with the browser, or earlier with Close.
func (b *Browser) Open(url string) (*Page, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{b: b, url: url, ctx: ctx, cancel: cancel, done: make(chan struct{}),
		waiting: make(map[string]chan struct{})}
	// Subscribe before navigating, so that no message is missed.
	console := chromedp.Console(ctx)
	go p.collect(console)
	watch := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch})
		return err
	})
	step, stop := context.WithTimeout(ctx, b.Timeout)
	defer stop()
	if err := chromedp.Do(step, watch, chromedp.Navigate(url)); err != nil {
		cancel()
		return nil, fmt.Errorf("opening %s: %w", url, err)
	}
	return p, nil
}

// collect keeps the messages of the console until the tab closes.
func (p *Page) collect(console iter.Seq2[chromedp.ConsoleMessage, error]) {
	defer close(p.done)
	for m, err := range console {
		p.mu.Lock()
		switch {
		case err != nil:
			if p.ctx.Err() == nil {
				p.err = err
			}
		case strings.HasPrefix(m.Text, settlePrefix):
			if ch, ok := p.waiting[m.Text]; ok {
				close(ch)
				delete(p.waiting, m.Text)
			}
		case m.Source != "" && strings.Contains(m.Text, "Content Security Policy"):
			// the browser's own words for a violation that cspWatch reports
		default:
			msg, ok := cspMessage(m.Text)
			if !ok {
				msg = Message{Level: string(m.Type), Source: m.Source, Text: m.Text, URL: m.URL, Line: m.Line}
			}
			p.msgs = append(p.msgs, msg)
		}
		p.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// Close closes the tab.
func (p *Page) Close() {
	p.cancel()
	<-p.done
}

// URL returns the URL the page was opened with.
func (p *Page) URL() string { return p.url }

// run runs one action on the page within the browser's timeout.
func run[T any](p *Page, what string, a chromedp.Action[T]) (T, error) {
	ctx, stop := context.WithTimeout(p.ctx, p.b.Timeout)
	defer stop()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		return v, fmt.Errorf("%s on %s: %w", what, p.url, err)
	}
	return v, nil
}

// visibleJS, given a selector as a JSON string, is true when the first
// element matching it is there and a person could see it: it has a box,
// and neither it nor an ancestor has display none, visibility hidden or
// opacity 0.
const visibleJS = `(() => {
	const e = document.querySelector(%s);
	return !!e && e.getClientRects().length > 0 &&
		e.checkVisibility({visibilityProperty: true, opacityProperty: true});
})()`

// WaitVisible waits until an element matching the CSS selector is visible
// to a person: laid out, and not hidden by display, visibility or opacity
// on itself or an ancestor. (chromedp's own WaitVisible only asks for a
// box, so it passes an element under visibility: hidden.)
func (p *Page) WaitVisible(selector string) error {
	quoted, err := json.Marshal(selector)
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", selector, err)
	}
	ctx, stop := context.WithTimeout(p.ctx, p.b.Timeout)
	defer stop()
	for {
		visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(visibleJS, quoted)))
		if err != nil {
			return fmt.Errorf("waiting for %s on %s: %w", selector, p.url, err)
		}
		if visible {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s on %s: not visible after %v", selector, p.url, p.b.Timeout)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Text returns the visible text of the first element matching the CSS
// selector, waiting for it to be visible.
func (p *Page) Text(selector string) (string, error) {
	return run(p, "reading "+selector, chromedp.Text(chromedp.CSS(selector)))
}

// Count returns how many elements match the CSS selector now.
func (p *Page) Count(selector string) (int, error) {
	quoted, err := json.Marshal(selector)
	if err != nil {
		return 0, fmt.Errorf("counting %s: %w", selector, err)
	}
	return run(p, "counting "+selector,
		chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%s).length", quoted)))
}

// Click clicks the first element matching the CSS selector, waiting for it
// to be visible.
func (p *Page) Click(selector string) error {
	_, err := run(p, "clicking "+selector, chromedp.Click(chromedp.CSS(selector)))
	return err
}

// Screenshot saves a PNG of the whole page as NAME.png, prefixed with the
// test's name, in the screenshot directory, and returns its path.
func (p *Page) Screenshot(name string) (string, error) {
	png, err := run(p, "screenshot "+name, chromedp.FullScreenshot(100))
	if err != nil {
		return "", err
	}
	path := filepath.Join(p.b.shotDir, p.b.shotName+"-"+fileName(name)+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "", fmt.Errorf("saving screenshot of %s: %w", p.url, err)
	}
	return path, nil
}

// settle writes a marker to the console and waits until the collector has
// seen it: the browser reports console messages in order, so every message
// before it has then been collected.
func (p *Page) settle() error {
	p.mu.Lock()
	p.seq++
	mark := fmt.Sprintf("%s%d", settlePrefix, p.seq)
	seen := make(chan struct{})
	p.waiting[mark] = seen
	p.mu.Unlock()
	if _, err := run(p, "settling the console", chromedp.Evaluate[bool](fmt.Sprintf("console.debug(%q), true", mark))); err != nil {
		return err
	}
	ctx, stop := context.WithTimeout(p.ctx, p.b.Timeout)
	defer stop()
	select {
	case <-seen:
		return nil
	case <-p.done:
		p.mu.Lock()
		defer p.mu.Unlock()
		return fmt.Errorf("console of %s closed: %v", p.url, p.err)
	case <-ctx.Done():
		return fmt.Errorf("console of %s: waiting for messages: %w", p.url, ctx.Err())
	}
}

// Messages returns everything the console has shown so far, in order.
func (p *Page) Messages() ([]Message, error) {
	if err := p.settle(); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Message(nil), p.msgs...), nil
}

// Errors returns the messages at error level shown so far.
func (p *Page) Errors() ([]Message, error) {
	all, err := p.Messages()
	if err != nil {
		return nil, err
	}
	var errs []Message
	for _, m := range all {
		if m.IsError() {
			errs = append(errs, m)
		}
	}
	return errs, nil
}

// CheckNoErrors fails t for each message at error level the page has shown.
func (p *Page) CheckNoErrors(t testing.TB) {
	t.Helper()
	errs, err := p.Errors()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range errs {
		t.Errorf("%s: console: %s", p.url, m)
	}
}
