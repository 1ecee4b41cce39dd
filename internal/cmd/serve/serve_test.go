package serve

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/cmd/cmdtest"
	"github.com/sitrep/sitrep/internal/cmd/cmdutil"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/store"
)

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		wantErr string
		check   func(o *Options) bool
	}{
		{nil, "", func(o *Options) bool {
			return o.Addr == DefaultAddr && o.DB == "sitrep.db" && o.Rate == 30 && !o.Public
		}},
		{[]string{"--addr", "localhost:9000", "--db", "x.db"}, "", func(o *Options) bool { return o.Addr == "localhost:9000" && o.DB == "x.db" }},
		{[]string{"--addr", "[::1]:9000"}, "", nil},
		{[]string{"--addr", "0.0.0.0:8080"}, "not a loopback address", nil},
		{[]string{"--addr", ":8080"}, "not a loopback address", nil},
		{[]string{"--addr", "192.168.1.4:8080", "--public"}, "", func(o *Options) bool { return o.Public }},
		{[]string{"--addr", "8080"}, "missing port", nil},
		{[]string{"--rate", "-1"}, "must not be negative", nil},
		{[]string{"--rate", "0", "--ingest-token-file", "t"}, "", func(o *Options) bool { return o.Rate == 0 && o.TokenFile == "t" }},
		{[]string{"extra"}, "no arguments", nil},
	} {
		var got *Options
		f, _, _ := cmdtest.Factory(cmdtest.Pipeline(), nil)
		cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
		err := cmd.Execute(context.Background(), tc.args, io.Discard)
		if tc.wantErr != "" {
			var fe *cmdutil.FlagError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want a usage error saying %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if tc.check != nil && !tc.check(got) {
			t.Errorf("%q: options %+v", tc.args, got)
		}
	}
}

func TestReadToken(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct{ path, want, wantErr string }{
		{write("good", "  0123456789abcdef0123\n"), "0123456789abcdef0123", ""},
		{write("empty", " \n"), "", "is empty"},
		{write("short", "abc\n"), "", "16 or more"},
		{filepath.Join(dir, "missing"), "", "no such file"},
	} {
		got, err := readToken(tc.path)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: error %v, want %q", tc.path, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %q, %v", tc.path, got, err)
		}
	}
}

// serveOpts returns the options of a server over a new SQLite store in a
// temporary directory, on a free loopback port, with the test pipeline.
func serveOpts(t *testing.T) *Options {
	_, _, errOut := cmdtest.Factory(cmdtest.Pipeline(), nil)
	opts := &Options{ErrOut: errOut, Open: store.Open, Listen: net.Listen, Load: func() (*pipeline.Pipeline, error) { return cmdtest.Pipeline(), nil },
		DB: filepath.Join(t.TempDir(), "serve.db"), Addr: "127.0.0.1:0", Rate: 0, MaxBody: 1 << 20}
	return opts
}

// start runs the server of opts until the test ends and returns its URL.
func start(t *testing.T, opts *Options) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts.Ready = func(addr string) { ready <- addr }
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	}
	return ""
}

func TestServeAndIngest(t *testing.T) {
	opts := serveOpts(t)
	tok := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tok, []byte("a-token-of-twenty-chars\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	opts.TokenFile = tok
	url := start(t, opts)

	post := func(token, body string) (int, server.IngestResult) {
		req, _ := http.NewRequest(http.MethodPost, url+"/api/v1/ingest", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var res server.IngestResult
		json.NewDecoder(resp.Body).Decode(&res)
		return resp.StatusCode, res
	}
	text := "BEIRUT, March 10 - Israel struck <script>alert(1)</script> Beirut.\n"
	if code, _ := post("wrong-token-wrong-token", text); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	if code, res := post("a-token-of-twenty-chars", text); code != http.StatusOK || res.Stored != 1 {
		t.Errorf("ingest: %d %+v", code, res)
	}
	if code, res := post("a-token-of-twenty-chars", text); code != http.StatusOK || res.Skipped != 1 || res.Stored != 0 {
		t.Errorf("ingest again: %d %+v", code, res)
	}
	jsonl := `{"id": "good", "text": "Israel struck Lebanon.", "date": "2026-03-10"}` + "\n" + `{"text": "no id"}` + "\n"
	if code, res := post("a-token-of-twenty-chars", jsonl); code != http.StatusOK || res.Stored != 1 || len(res.Errors) != 1 ||
		!strings.Contains(res.Errors[0], ":2:") {
		t.Errorf("JSON Lines with a bad line: %d %+v", code, res)
	}
	resp, err := http.Get(url + "/api/v1/documents")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var docs struct{ Documents []struct{ ID string } }
	if err := json.NewDecoder(resp.Body).Decode(&docs); err != nil || len(docs.Documents) != 2 || docs.Documents[0].ID != "good" {
		t.Errorf("documents after ingest: %+v, %v", docs, err)
	}
}

func TestServeReadOnly(t *testing.T) {
	opts := serveOpts(t)
	if err := Run(context.Background(), opts); err == nil || !strings.Contains(err.Error(), "no such store") {
		t.Fatalf("serving a missing store: %v", err)
	}
	st, err := store.Open(context.Background(), opts.DB)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	url := start(t, opts)
	resp, err := http.Post(url+"/api/v1/ingest", "text/plain", strings.NewReader("Israel struck Beirut."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("ingest on a read-only server: %d", resp.StatusCode)
	}
	for format, want := range map[string]string{"markdown": "# Situation report: LBN", "html": "<html", "json": `"Title":"Situation report: LBN"`} {
		resp, err := http.Get(url + "/api/v1/report?country=LBN&format=" + format)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), want) {
			t.Errorf("report in %s: %d %.200s", format, resp.StatusCode, b)
		}
		if format == "html" && strings.Contains(resp.Header.Get("Content-Security-Policy"), "script") {
			t.Errorf("HTML report policy allows scripts: %s", resp.Header.Get("Content-Security-Policy"))
		}
	}
	for _, path := range []string{"/", "/timeline", "/network", "/map", "/events", "/article/" + strings.Repeat("0", 64),
		"/static/js/common.js", "/static/vendor/leaflet/leaflet.js", "/static/vendor/world/countries.geojson"} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}
