package tsv

import (
	"reflect"
	"testing"
)

func TestLines(t *testing.T) {
	type line struct {
		n     int
		cells []string
	}
	tests := []struct {
		name  string
		in    string
		stop  int // stop after this many lines; 0 reads all
		want  []line
		errs  []string
		lastN int
	}{
		{"plain", "a\tb\n# note\n\n c \t d\n", 0, []line{{1, []string{"a", "b"}}, {4, []string{"c", "d"}}}, nil, 4},
		{"bom and crlf", "\uFEFFa\tb\r\nc\r\n", 0, []line{{1, []string{"a", "b"}}, {2, []string{"c"}}}, nil, 2},
		{"bad utf-8", "a\n\xff\tb\nc", 0, []line{{1, []string{"a"}}, {3, []string{"c"}}}, []string{"f.tsv:2: invalid UTF-8"}, 3},
		{"stop", "a\nb\nc\n", 1, []line{{1, []string{"a"}}}, nil, 1},
		{"empty", "", 0, nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []line
			last, errs := Lines("f.tsv", []byte(tt.in), func(n int, cells []string) bool {
				got = append(got, line{n, cells})
				return tt.stop == 0 || len(got) < tt.stop
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lines %v, want %v", got, tt.want)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if !reflect.DeepEqual(msgs, tt.errs) {
				t.Errorf("errors %v, want %v", msgs, tt.errs)
			}
			if last != tt.lastN {
				t.Errorf("last line %d, want %d", last, tt.lastN)
			}
		})
	}
}

func FuzzLines(f *testing.F) {
	f.Add([]byte("a\tb\n# c\n\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		prev := 0
		Lines("f", data, func(n int, cells []string) bool {
			if n <= prev || len(cells) == 0 {
				t.Fatalf("line %d after %d, %d cells", n, prev, len(cells))
			}
			prev = n
			return true
		})
	})
}
