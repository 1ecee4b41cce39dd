package browsertest

import (
	"image/png"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"
	"time"
)

// strictCSP is the policy sitrep's pages are served with.
const strictCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// site serves small pages for the harness's own tests, each under the
// strict policy.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	files := map[string]string{
		"/clean.html": `<!doctype html><html><head><title>clean</title><script src="/clean.js" defer></script></head>
<body><h1 id="title">Clean</h1><p id="out">waiting</p><button id="go">go</button><p id="ghost">boo</p><ul><li>a</li><li>b</li><li>c</li></ul></body></html>`,
		"/clean.js": `document.getElementById("out").textContent = "ready";
document.getElementById("go").addEventListener("click", () => { document.getElementById("out").textContent = "clicked"; });
document.getElementById("ghost").style.visibility = "hidden";
console.log("loaded", 3);`,
		"/console-error.html": `<!doctype html><html><head><script src="/console-error.js"></script></head><body><p id="p">page</p></body></html>`,
		"/console-error.js":   `console.warn("careful"); console.error("boom", 42);`,
		"/inline.html":        `<!doctype html><html><head></head><body><p id="p">page</p><script>document.title = "ran";</script></body></html>`,
		"/throws.html":        `<!doctype html><html><head><script src="/throws.js"></script></head><body><p id="p">page</p></body></html>`,
		"/throws.js":          `throw new TypeError("no such thing");`,
		"/eval.html":          `<!doctype html><html><head><script src="/eval.js"></script></head><body><p id="p">page</p></body></html>`,
		"/eval.js":            `eval("1 + 1");`,
		"/eval-caught.html":   `<!doctype html><html><head><script src="/eval-caught.js"></script></head><body><p id="p">page</p></body></html>`,
		"/eval-caught.js":     `try { eval("1 + 1"); } catch (e) { console.info("no eval here"); }`,
		"/missing.html":       `<!doctype html><html><head><script src="/nowhere.js"></script></head><body><p id="p">page</p></body></html>`,
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent) // the browser asks for it on every page
			return
		}
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", strictCSP)
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(r.URL.Path)))
		w.Write([]byte(body))
	}))
}

func TestConsole(t *testing.T) {
	b := Start(t)
	srv := site(t)
	defer srv.Close()
	tests := []struct {
		page   string
		errors []string // texts of the messages at error level, in order
		csp    []bool   // whether each is a CSP violation
		all    int      // messages of any level
	}{
		{"/clean.html", nil, nil, 1},
		{"/console-error.html", []string{"boom 42"}, []bool{false}, 2},
		{"/inline.html", []string{"script-src-elem blocked inline"}, []bool{true}, 1},
		{"/throws.html", []string{"TypeError: no such thing"}, []bool{false}, 1},
		{"/eval.html", []string{"Uncaught EvalError", "script-src blocked eval"}, []bool{false, true}, 2},
		{"/eval-caught.html", []string{"script-src blocked eval"}, []bool{true}, 2},
		{"/missing.html", []string{"404 (Not Found)", "MIME type"}, []bool{false, false}, 2},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.page[1:], ".html"), func(t *testing.T) {
			p, err := b.Open(srv.URL + tt.page)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.WaitVisible("#p, #out"); err != nil {
				t.Fatal(err)
			}
			all, err := p.Messages()
			if err != nil {
				t.Fatal(err)
			}
			errs, err := p.Errors()
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != tt.all || len(errs) != len(tt.errors) {
				t.Fatalf("%d messages, %d errors; want %d and %d: %v", len(all), len(errs), tt.all, len(tt.errors), all)
			}
			for i, m := range errs {
				if !strings.Contains(m.Text, tt.errors[i]) {
					t.Errorf("error %d is %q, want one containing %q", i, m.Text, tt.errors[i])
				}
				if m.IsCSPViolation() != tt.csp[i] {
					t.Errorf("error %d (%s): CSP violation %v, want %v", i, m, m.IsCSPViolation(), tt.csp[i])
				}
			}
		})
	}
}

func TestPage(t *testing.T) {
	b := Start(t)
	srv := site(t)
	defer srv.Close()
	p, err := b.Open(srv.URL + "/clean.html")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		do   func() (string, error)
		want string
	}{
		{"text", func() (string, error) { return p.Text("#title") }, "Clean"},
		{"script ran", func() (string, error) { return p.Text("#out") }, "ready"},
		{"click", func() (string, error) {
			if err := p.Click("#go"); err != nil {
				return "", err
			}
			return p.Text("#out")
		}, "clicked"},
	}
	for _, c := range checks {
		got, err := c.do()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	for sel, want := range map[string]int{"li": 3, "table": 0} {
		if n, err := p.Count(sel); err != nil || n != want {
			t.Errorf("Count(%q) = %d, %v; want %d", sel, n, err, want)
		}
	}
	b.Timeout = 500 * time.Millisecond // the elements never show
	for _, sel := range []string{"#never", "#ghost"} {
		if err := p.WaitVisible(sel); err == nil || !strings.Contains(err.Error(), sel) {
			t.Errorf("waiting for %s: %v, want an error naming it", sel, err)
		}
	}
	b.Timeout = 30 * time.Second
	path, err := p.Screenshot("clean page")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "TestPage-clean_page.png") {
		t.Errorf("screenshot at %s", path)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() != 1280 || r.Dy() < 100 {
		t.Errorf("screenshot is %dx%d, want 1280 wide", r.Dx(), r.Dy())
	}
	p.CheckNoErrors(t)
}

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TestPages/events", "TestPages_events"},
		{"map view #2", "map_view__2"},
		{"ok-name_1", "ok-name_1"},
	}
	for _, tt := range tests {
		if got := fileName(tt.in); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPath(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		env, want string
		err       bool
	}{
		{exe, exe, false},
		{"/no/such/chromium", "", true},
	}
	for _, tt := range tests {
		t.Setenv("SITREP_CHROMIUM", tt.env)
		got, err := Path()
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("SITREP_CHROMIUM=%s: Path() = %q, %v; want %q, error %v", tt.env, got, err, tt.want, tt.err)
		}
	}
}
