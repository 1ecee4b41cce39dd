package server

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/sitrep/sitrep/store"
)

// TestCache: a read is answered from the cache the second time, with the
// same body and an ETag that gives 304; storing a document makes the
// next answer fresh; with NoCache every answer comes from the store.
func TestCache(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
	clock := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	url := newTestServer(t, st, Config{Now: func() time.Time { return clock }})
	first, body1 := get(t, url+"/api/v1/events?limit=5")
	second, body2 := get(t, url+"/api/v1/events?limit=5")
	if first.Header.Get("X-Sitrep-Cache") != "" || second.Header.Get("X-Sitrep-Cache") != cacheHeaderOK {
		t.Fatalf("cache headers %q, %q", first.Header.Get("X-Sitrep-Cache"), second.Header.Get("X-Sitrep-Cache"))
	}
	if string(body1) != string(body2) || second.Header.Get("Content-Type") != first.Header.Get("Content-Type") {
		t.Errorf("the cached answer differs:\n%s\n%s", body1, body2)
	}
	req, _ := http.NewRequest(http.MethodGet, url+"/api/v1/events?limit=5", nil)
	req.Header.Set("If-None-Match", second.Header.Get("ETag"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
	}

	// A new document: the next answer is the store's, not the cache's.
	docs := fixture()
	extra := docs[0]
	d := *extra.Doc
	d.Text += " A later paragraph."
	extra.Doc = &d
	if _, err := st.Put(ctx, []store.Document{extra}); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Second) // past genEvery
	third, _ := get(t, url+"/api/v1/events?limit=5")
	if third.Header.Get("X-Sitrep-Cache") != "" {
		t.Error("an answer from before the new document was served")
	}

	plain := newTestServer(t, st, Config{NoCache: true})
	get(t, plain+"/api/v1/events?limit=5")
	if again, _ := get(t, plain+"/api/v1/events?limit=5"); again.Header.Get("X-Sitrep-Cache") != "" {
		t.Error("NoCache served from a cache")
	}
}
