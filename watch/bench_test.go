package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPoll measures a steady-state poll of a feed of 100 items, all
// seen before: with a 304 (the server honours ETag) and with a full 200
// response that is parsed and found to hold nothing new.
func BenchmarkPoll(b *testing.B) {
	var items []item
	for i := range 100 {
		items = append(items, item{fmt.Sprintf("id-%d", i), "", fmt.Sprintf("Item %d", i),
			fmt.Sprintf("<p>Officials met in the capital on Monday to discuss report %d.</p>", i)})
	}
	body := rss("Wire", items...)
	for _, etag := range []bool{true, false} {
		name := "200"
		if etag {
			name = "304"
		}
		b.Run(name, func(b *testing.B) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if etag {
					w.Header().Set("ETag", `"e"`)
					if r.Header.Get("If-None-Match") == `"e"` {
						w.WriteHeader(http.StatusNotModified)
						return
					}
				}
				fmt.Fprint(w, body)
			}))
			defer srv.Close()
			w, err := New([]Feed{{URL: srv.URL}}, Options{})
			if err != nil {
				b.Fatal(err)
			}
			k := &sink{}
			if r := w.PollAll(context.Background(), k.handle); r[0].New != 100 {
				b.Fatalf("first poll: %+v", r[0])
			}
			if !etag {
				b.SetBytes(int64(len(body)))
			}
			b.ResetTimer()
			for b.Loop() {
				if r := w.PollAll(context.Background(), k.handle); r[0].Err != nil || r[0].New != 0 {
					b.Fatalf("poll: %+v", r[0])
				}
			}
		})
	}
}
