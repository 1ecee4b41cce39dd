package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitAntimeridian(t *testing.T) {
	square := [][]position{{{10, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 0}}}
	tests := []struct {
		name string
		in   [][]position
		want [][][]position
		err  string
	}{
		{"no crossing", square, [][][]position{square}, ""},
		{"crossing eastwards", [][]position{{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}},
			[][][]position{
				{{{170, 0}, {180, 0}, {180, 10}, {170, 10}, {170, 0}}},
				{{{-180, 0}, {-170, 0}, {-170, 10}, {-180, 10}, {-180, 0}}},
			}, ""},
		{"crossing from the west", [][]position{{{-175, 0}, {-175, 10}, {175, 10}, {175, 0}, {-175, 0}}},
			[][][]position{
				{{{-175, 0}, {-175, 10}, {-180, 10}, {-180, 0}, {-175, 0}}},
				{{{180, 10}, {175, 10}, {175, 0}, {180, 0}, {180, 10}}},
			}, ""},
		{"a sliver on the line is dropped", [][]position{{{-180, 0}, {179, 0}, {179, 5}, {-180, 5}, {-180, 0}}},
			[][][]position{{{{180, 0}, {179, 0}, {179, 5}, {180, 5}, {180, 0}}}}, ""},
		{"round the pole kept", [][]position{{{-180, -80}, {180, -80}, {180, -90}, {-180, -90}, {-180, -80}}},
			[][][]position{{{{-180, -80}, {180, -80}, {180, -90}, {-180, -90}, {-180, -80}}}}, ""},
		{"holes", [][]position{{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}, {{171, 1}, {172, 1}, {172, 2}, {171, 1}}},
			nil, "holes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitAntimeridian(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one about %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}
