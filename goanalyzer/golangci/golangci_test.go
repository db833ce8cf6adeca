package golangci

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

// TestPlugin checks what golangci-lint does with a module plugin: find it by
// name, build it from the settings in .golangci.yml, and ask for its
// analyzers and load mode.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpcodes")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings any
		severity string
		err      string
	}{
		{nil, "warning", ""},
		{map[string]any{}, "warning", ""},
		{map[string]any{"severity": "hint"}, "hint", ""},
		{map[string]any{"severity": "loud"}, "", `unknown severity "loud"`},
		{map[string]any{"level": "hint"}, "", `unknown field "level"`},
	} {
		p, err := newPlugin(tc.settings)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("settings %v: error %v, want one containing %q", tc.settings, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("settings %v: %v", tc.settings, err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) != 1 || as[0].Name != "httpcodes" {
			t.Fatalf("settings %v: analyzers %v, %v", tc.settings, as, err)
		}
		if got := as[0].Flags.Lookup("severity").Value.String(); got != tc.severity {
			t.Errorf("settings %v: severity %s, want %s", tc.settings, got, tc.severity)
		}
		if p.GetLoadMode() != register.LoadModeSyntax {
			t.Errorf("load mode %q", p.GetLoadMode())
		}
	}
}
