package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/workspace"
)

// BenchmarkCheckGOROOT measures check over $(go env GOROOT)/src: walking,
// reading, the cheap prefilter and the analysis of the files it lets
// through. The bar in docs/DESIGN.md is under 1 s on 2 cores.
func BenchmarkCheckGOROOT(b *testing.B) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Fatalf("go env GOROOT: %v", err)
	}
	root := filepath.Join(strings.TrimSpace(string(out)), "src")
	if _, err := os.Stat(root); err != nil {
		b.Fatalf("GOROOT source: %v", err)
	}
	var files, findings int
	for b.Loop() {
		ws, err := workspace.New(workspace.Settings{})
		if err != nil {
			b.Fatal(err)
		}
		list, errs := collectFiles([]string{root}, ws, false, io.Discard)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		findings = 0
		for _, r := range checkFiles(list, ws, false, nil) {
			findings += len(r.findings)
		}
		files = len(list)
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(findings), "findings")
}
