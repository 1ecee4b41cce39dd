package version

import (
	"bytes"
	"context"
	"runtime/debug"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no info", nil, "sitrep (devel)\n"},
		{"release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.1.0"}}, "sitrep v0.1.0 go1.26.8\n"},
		{"checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "4954637abcdef0123456789"}, {Key: "vcs.modified", Value: "true"}}},
			"sitrep (devel) (4954637abcde, modified) go1.26.8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			opts := &Options{Out: &b, BuildInfo: func() (*debug.BuildInfo, bool) { return tt.bi, tt.bi != nil }}
			if err := Run(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}
