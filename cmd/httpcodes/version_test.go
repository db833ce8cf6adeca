package main

import (
	"runtime"
	"strings"
	"testing"
)

// TestStampedVersion checks what a release build prints: the version and
// commit GoReleaser stamps with -ldflags, and no -dev.
func TestStampedVersion(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "v1.2.3", "0123456789abcdef0123"
	status, stdout, _ := runCmd(t, "version")
	want := "httpcodes v1.2.3 (0123456789ab) " + runtime.GOOS + "/" + runtime.GOARCH + " " + runtime.Version() + "\n"
	if status != 0 || stdout != want {
		t.Errorf("version = %d %q, want 0 %q", status, stdout, want)
	}
	if strings.Contains(stdout, "-dev") {
		t.Errorf("a stamped build reports -dev: %q", stdout)
	}
}
