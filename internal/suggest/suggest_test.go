package suggest

import (
	"slices"
	"testing"
)

func TestNearest(t *testing.T) {
	commands := []string{"check", "explain", "list", "rules", "languages", "serve", "site", "version", "config", "help"}
	rules := []string{"redirect-status", "late-header", "bodiless-status", "unknown-status", "deprecated-constant"}
	tests := []struct {
		name       string
		candidates []string
		want       []string
	}{
		{"chek", commands, []string{"check"}},
		{"exlpain", commands, []string{"explain"}},
		{"srve", commands, []string{"serve"}},
		{"ver", commands, []string{"version"}},
		{"frobnicate", commands, nil},
		{"CHECK", commands, []string{"check"}},
		{"redirct-status", rules, []string{"redirect-status"}},
		{"late-headers", rules, []string{"late-header"}},
		{"status", rules, []string{"redirect-status", "bodiless-status", "unknown-status"}},
		{"deprecated", rules, []string{"deprecated-constant"}},
		{"zzz", rules, nil},
	}
	for _, tt := range tests {
		if got := Nearest(tt.name, tt.candidates); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct{ name, want string }{
		{"chek", "; did you mean check or cheek?"},
		{"lst", "; did you mean list?"},
		{"che", "; did you mean check or cheek?"},
		{"xyzzy", ""},
	}
	for _, tt := range tests {
		if got := Phrase(tt.name, []string{"check", "cheek", "list"}); got != tt.want {
			t.Errorf("Phrase(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"check", "chekc", 1}, {"kitten", "sitting", 3}, {"ab", "ba", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
