package workspace

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"testing"
)

// Two headers set after the same write overlap as fixes (both move above
// it): the first pass applies one, a second round the other, and the result
// stays gofmt-clean.
func TestFixAppliesOverlappingFixesInRounds(t *testing.T) {
	src, err := os.ReadFile("testdata/late.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "late.go")
	w, _ := New(Settings{UnsafeFixes: true})
	before, err := w.Check(path, src)
	if err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, f := range before.Findings {
		if f.Rule == "late-header" {
			late++
		}
	}
	if late < 2 {
		t.Fatalf("the fixture has %d late-header findings; it needs overlapping ones", late)
	}
	fixed, err := w.Fix(path, src, before.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Left != 0 {
		t.Errorf("%d fixes left after %d rounds", fixed.Left, MaxFixRounds)
	}
	after, _ := w.Check(path, fixed.Text)
	for _, f := range after.Findings {
		if f.Fix != nil {
			t.Errorf("after the fix, still fixable: %s %s", f.Rule, f.Message)
		}
	}
	if formatted, err := format.Source(fixed.Text); err != nil || !bytes.Equal(formatted, fixed.Text) {
		t.Errorf("the fixed file is not gofmt-clean (%v)", err)
	}
	if len(fixed.Applied) == 0 {
		t.Error("no finding counted as applied")
	}
}

// late-header's move is an unsafe fix: without UnsafeFixes it is left.
func TestFixLeavesUnsafeFixes(t *testing.T) {
	src, err := os.ReadFile("testdata/late.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "late.go")
	w, _ := New(Settings{})
	f, _ := w.Check(path, src)
	fixed, err := w.Fix(path, src, f.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed.Text, src) || len(fixed.Applied) != 0 {
		t.Errorf("an unsafe fix was applied: %d applied", len(fixed.Applied))
	}
}

func TestFixWithoutFixesReturnsTheText(t *testing.T) {
	w, _ := New(Settings{})
	src := []byte("package p\n")
	fixed, err := w.Fix(filepath.Join(t.TempDir(), "p.go"), src, nil)
	if err != nil || !bytes.Equal(fixed.Text, src) || len(fixed.Applied) != 0 || fixed.Left != 0 {
		t.Errorf("Fix with no findings: %+v, %v", fixed, err)
	}
}
