package wordform

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hezbollah", "Hezbollah"},
		{"’s", "'s"},
		{"n’t", "n't"},
		{"“", "\""},
		{"”", "\""},
		{"‑", "-"},
		{"—", "--"},
		{"–", "--"},
		{"…", "..."},
		{"Côte", "Côte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkNormalizeASCII(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Normalize("negotiations")
	}
}
