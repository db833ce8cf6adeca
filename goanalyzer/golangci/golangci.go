// Package golangci registers httpcodes's Go rules as a golangci-lint module
// plugin named "httpcodes". Build a golangci-lint with it from
// .custom-gcl.yml (docs/golangci-lint.md), then enable it:
//
//	linters:
//	  enable: [httpcodes]
//	  settings:
//	    custom:
//	      httpcodes:
//	        type: module
//	        settings:
//	          severity: warning # error, warning, info or hint
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	hc "github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/goanalyzer"
)

func init() { register.Plugin("httpcodes", New) }

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Severity is the least severe finding reported; default warning.
	Severity string `json:"severity"`
}

type plugin struct{ min hc.Severity }

// New makes the plugin from its settings; golangci-lint calls it.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("httpcodes plugin settings: %w (the one setting is severity: error, warning, info or hint)", err)
	}
	p := &plugin{min: hc.Warning}
	if s.Severity != "" {
		sev, ok := hc.ParseSeverity(s.Severity)
		if !ok {
			return nil, fmt.Errorf("httpcodes plugin settings: unknown severity %q: use error, warning, info or hint", s.Severity)
		}
		p.min = sev
	}
	return p, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{goanalyzer.New(p.min)}, nil
}

// GetLoadMode says the analyzer needs syntax only: it parses each file
// itself and uses no type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeSyntax }
