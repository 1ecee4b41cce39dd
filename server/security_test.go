package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep/sitrep/store"
)

func TestSecurityHeaders(t *testing.T) {
	web := fstest.MapFS{"pages/index.html": {Data: []byte("<!doctype html><title>x</title>")},
		"static/app.js": {Data: []byte("export {}")}}
	url := newTestServer(t, testStore(t), Config{Web: web})
	for _, path := range []string{"/api/v1/events", "/api/v1/nothing", "/", "/static/app.js", "/nowhere",
		"/api/v1/openapi.json"} {
		resp, _ := get(t, url+path)
		for k, want := range map[string]string{
			"Content-Security-Policy": ContentSecurityPolicy,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		} {
			if got := resp.Header.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(ContentSecurityPolicy, bad) {
			t.Errorf("the policy allows %s", bad)
		}
	}
	resp, b := get(t, url+"/")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(string(b), "<title>") {
		t.Errorf("index page: %d %v", resp.StatusCode, resp.Header)
	}
	if resp, _ := get(t, url+"/nowhere"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown page: %d", resp.StatusCode)
	}
}

// fakeIngest records what it was given and stores nothing.
type fakeIngest struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeIngest) ingest(ctx context.Context, body io.Reader, ctype string) (IngestResult, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return IngestResult{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, ctype+": "+string(b))
	return IngestResult{Stored: 1, Events: 2}, nil
}

func TestIngestToken(t *testing.T) {
	st := testStore(t)
	ro := newTestServer(t, st, Config{})
	resp, b := do(t, http.MethodPost, ro+"/api/v1/ingest", "anything", strings.NewReader("text"))
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(errorOf(t, b), "read-only") {
		t.Errorf("read-only server: %d %s", resp.StatusCode, b)
	}
	fake := &fakeIngest{}
	url := newTestServer(t, st, Config{IngestToken: "s3cret-token", Ingest: fake.ingest, MaxBody: 64})
	for _, tc := range []struct {
		name, token, body string
		status            int
	}{
		{"no token", "", "text", http.StatusUnauthorized},
		{"wrong token", "s3cret-tokem", "text", http.StatusUnauthorized},
		{"prefix of the token", "s3cret", "text", http.StatusUnauthorized},
		{"token", "s3cret-token", "BEIRUT - Israel struck.", http.StatusOK},
		{"too large", "s3cret-token", strings.Repeat("x", 65), http.StatusRequestEntityTooLarge},
	} {
		resp, b := do(t, http.MethodPost, url+"/api/v1/ingest", tc.token, strings.NewReader(tc.body))
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, resp.StatusCode, tc.status, b)
		}
		if tc.status == http.StatusUnauthorized && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: no WWW-Authenticate", tc.name)
		}
		if tc.status == http.StatusOK {
			var res IngestResult
			decode(t, b, &res)
			if res.Stored != 1 || res.Events != 2 {
				t.Errorf("%s: result %s", tc.name, b)
			}
		} else {
			errorOf(t, b)
		}
	}
	if len(fake.calls) != 1 || !strings.HasSuffix(fake.calls[0], "BEIRUT - Israel struck.") {
		t.Errorf("ingest calls %q, want the one authorized", fake.calls)
	}
	// A body without a length passes the limit while being read.
	req, _ := http.NewRequest(http.MethodPost, url+"/api/v1/ingest", io.MultiReader(strings.NewReader(strings.Repeat("y", 100))))
	req.Header.Set("Authorization", "Bearer s3cret-token")
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("streamed large body: %d", resp.StatusCode)
	}
	if _, err := New(Config{Store: st, IngestToken: "x"}); err == nil {
		t.Error("a token without an ingest function: no error")
	}
}

func TestRateLimit(t *testing.T) {
	now := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	url := newTestServer(t, testStore(t), Config{Rate: 2, Burst: 3, Now: clock})
	var got []int
	for range 4 {
		resp, _ := get(t, url+"/api/v1/openapi.json")
		got = append(got, resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests && resp.Header.Get("Retry-After") != "1" {
			t.Errorf("Retry-After %q", resp.Header.Get("Retry-After"))
		}
	}
	if want := []int{200, 200, 200, 429}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	mu.Lock()
	now = now.Add(time.Second) // two tokens back
	mu.Unlock()
	got = got[:0]
	for range 3 {
		resp, _ := get(t, url+"/api/v1/openapi.json")
		got = append(got, resp.StatusCode)
	}
	if want := []int{200, 200, 429}; !slices.Equal(got, want) {
		t.Errorf("after a second: statuses %v, want %v", got, want)
	}
}

func TestLimiterClients(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(1, 1, func() time.Time { return now })
	if _, ok := l.allow("a"); !ok {
		t.Fatal("first request refused")
	}
	if _, ok := l.allow("a"); ok {
		t.Error("a's second request allowed")
	}
	if _, ok := l.allow("b"); !ok {
		t.Error("b limited by a's requests")
	}
}

func TestStream(t *testing.T) {
	st := testStore(t)
	url := newTestServer(t, st, Config{Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/api/v1/stream", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	// Wait until connected, then store a document as another process would.
	for lines.Scan() && lines.Text() != ": connected" {
	}
	go func() {
		time.Sleep(60 * time.Millisecond) // past the poller's first look
		d := record("late", "Wire", "2026-03-12", "Israel struck Tyre.", "190", "ASSAULT", -10,
			actor("ISR", "ISR", "", "Israel"), actor("LBN", "LBN", "", "Lebanon"), nil)
		if _, err := st.Put(context.Background(), []store.Document{d}); err != nil {
			t.Error(err)
		}
	}()
	var event, data string
	for lines.Scan() {
		l := lines.Text()
		if v, ok := strings.CutPrefix(l, "event: "); ok {
			event = v
		}
		if v, ok := strings.CutPrefix(l, "data: "); ok {
			data = v
			break
		}
	}
	if err := lines.Err(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if event != "ingested" || data != `{"documents":7,"events":7}` {
		t.Errorf("stream sent event %q data %q", event, data)
	}
}
