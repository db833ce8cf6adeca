package lsp

import (
	"encoding/json"
	"fmt"

	"github.com/httpcodes/httpcodes/analysis"
)

// settings are the server's options, from initializationOptions and
// workspace/didChangeConfiguration (under an "httpcodes" key or at the top).
//
//	{"hover": "full", "inlayHints": {"titles": true, "numbers": true},
//	 "completion": {"insert": "constant"}, "rules": {"prefer-constant": "off"}}
type settings struct {
	// Hover is "short" (Meaning, When Not to Use, Source) or "full" (every section).
	Hover      string `json:"hover"`
	InlayHints struct {
		// Titles shows "Not Found" after a numeric 404.
		Titles bool `json:"titles"`
		// Numbers shows "418" after http.StatusTeapot.
		Numbers bool `json:"numbers"`
	} `json:"inlayHints"`
	Completion struct {
		// Insert is "constant" (http.StatusNotFound where the file can name
		// it) or "number".
		Insert string `json:"insert"`
		// GoConstants offers net/http's constants after "http."; false
		// leaves them to gopls, for those who run both.
		GoConstants bool `json:"goConstants"`
	} `json:"completion"`
	// Rules maps a rule to a severity or "off".
	Rules map[string]string `json:"rules"`
	// DocsURL is the base of the rule pages linked from diagnostics.
	DocsURL string `json:"docsUrl"`
	// Tests is how test code is checked: "quiet" or "check"; "" leaves it
	// to the project's .httpcodes.yaml (quiet by default).
	Tests string `json:"tests"`
}

func defaultSettings() settings {
	var s settings
	s.Hover = "short"
	s.InlayHints.Titles = true
	s.InlayHints.Numbers = true
	s.Completion.Insert = "constant"
	s.Completion.GoConstants = true
	s.DocsURL = analysis.DefaultDocsBase
	return s
}

// applySettings merges a JSON object of settings over s; a bad value is an
// error and leaves s unchanged.
func (s settings) apply(raw json.RawMessage) (settings, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return s, nil
	}
	var wrapped struct {
		HTTPCodes json.RawMessage `json:"httpcodes"`
	}
	if json.Unmarshal(raw, &wrapped) == nil && len(wrapped.HTTPCodes) > 0 {
		raw = wrapped.HTTPCodes
	}
	next := s
	if err := json.Unmarshal(raw, &next); err != nil {
		return s, fmt.Errorf("settings: %w", err)
	}
	if next.Hover != "short" && next.Hover != "full" {
		return s, fmt.Errorf("settings: hover %q: use \"short\" or \"full\"", next.Hover)
	}
	if next.Completion.Insert != "constant" && next.Completion.Insert != "number" {
		return s, fmt.Errorf("settings: completion.insert %q: use \"constant\" or \"number\"", next.Completion.Insert)
	}
	if _, ok := analysis.ParseTestPolicy(next.Tests); !ok && next.Tests != "" {
		return s, fmt.Errorf("settings: tests %q: use \"quiet\" or \"check\"", next.Tests)
	}
	for rule, sev := range next.Rules {
		if _, ok := analysis.RuleByName(rule); !ok {
			return s, fmt.Errorf("settings: rules: %q is not a rule", rule)
		}
		if _, ok := analysis.ParseSeverity(sev); !ok && sev != "off" {
			return s, fmt.Errorf("settings: rules: %s: %q is not a severity (error, warning, info, hint, off)", rule, sev)
		}
	}
	return next, nil
}
