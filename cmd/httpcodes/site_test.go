package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSiteOut(t *testing.T) {
	dir := t.TempDir()
	status, _, stderr := runCmd(t, "site", "--out", dir, "--base-url", "https://docs.example.com/httpcodes")
	if status != exitOK {
		t.Fatalf("exit %d: %s", status, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "207", "index.html"))
	if err != nil || !strings.Contains(string(page), `<link rel="canonical" href="https://docs.example.com/httpcodes/207/">`) {
		t.Errorf("207 page: %v", err)
	}
	notFound, _ := os.ReadFile(filepath.Join(dir, "404.html"))
	if !strings.Contains(string(notFound), `href="/httpcodes/style.css"`) {
		t.Error("404.html does not link the stylesheet under the base path")
	}
}

func TestSiteErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"site"}, "give --out DIR to write the site, or --serve ADDR"},
		{[]string{"site", "--serve", ln.Addr().String()}, "is already in use; choose another address with --serve"},
		{[]string{"site", "--out", t.TempDir(), "--base-url", "docs.example.com"}, "give an absolute http(s) URL"},
	}
	for _, tt := range tests {
		status, _, stderr := runCmd(t, tt.args...)
		if status != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, status, stderr, tt.want)
		}
	}
}

func TestLoopbackByDefault(t *testing.T) {
	for in, want := range map[string]string{
		":8080": "127.0.0.1:8080", "8080": "127.0.0.1:8080", "0.0.0.0:80": "0.0.0.0:80", "[::1]:9000": "[::1]:9000",
	} {
		if got := loopbackByDefault(in); got != want {
			t.Errorf("loopbackByDefault(%q) = %q, want %q", in, got, want)
		}
	}
}
