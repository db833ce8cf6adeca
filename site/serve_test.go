package site

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHandler(t *testing.T) {
	h := Handler(build(t))
	tests := []struct {
		method, path string
		status       int
		ctype, body  string
		location     string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "HTTP status codes, explained", ""},
		{"GET", "/?q=redirect", 200, "text/html; charset=utf-8", "HTTP status codes, explained", ""},
		{"GET", "/207/", 200, "text/html; charset=utf-8", "Multi-Status", ""},
		{"GET", "/207", 301, "", "", "/207/"},
		{"GET", "/207?q=x", 301, "", "", "/207/?q=x"},
		{"GET", "/rules", 301, "", "", "/rules/"},
		{"GET", "/rules/redirect-status/", 200, "text/html; charset=utf-8", "redirect-status", ""},
		{"GET", "/style.css", 200, "text/css; charset=utf-8", "--bg", ""},
		{"GET", "/search.js", 200, "text/javascript; charset=utf-8", "codes-data", ""},
		{"GET", "/sitemap.xml", 200, "text/xml; charset=utf-8", "<urlset", ""},
		{"GET", "/999/", 404, "text/html; charset=utf-8", "404 Not Found", ""},
		{"GET", "/../../etc/passwd", 404, "text/html; charset=utf-8", "", ""},
		{"POST", "/", 405, "", "", ""},
		// Issue 14: a path that cleans to a page redirected to itself plus a
		// slash, and "//evil.example/../207/" is another host to a browser.
		{"GET", "//evil.example%2f..%2f207", 301, "", "", "/207/"},
		{"GET", "//evil.example/../207", 301, "", "", "/207/"},
		{"GET", "/%2fevil.example/..%2f207", 301, "", "", "/207/"},
		{"GET", "/a/../207", 301, "", "", "/207/"},
		{"GET", "//207/", 301, "", "", "/207/"},
		{"GET", "//style.css", 301, "", "", "/style.css"},
		{"GET", "/x/../style.css", 301, "", "", "/style.css"},
		{"GET", `/\evil.example`, 404, "text/html; charset=utf-8", "404 Not Found", ""},
		{"GET", "//evil.example", 404, "text/html; charset=utf-8", "404 Not Found", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		if rec.Code != tt.status || tt.ctype != "" && rec.Header().Get("Content-Type") != tt.ctype || !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s %s: %d %q, want %d %q with %q", tt.method, tt.path, rec.Code, rec.Header().Get("Content-Type"), tt.status, tt.ctype, tt.body)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("%s %s: Location %q, want %q", tt.method, tt.path, got, tt.location)
		}
		if tt.status == http.StatusMethodNotAllowed && rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("405 without Allow")
		}
	}
}

// TestSecurityHeaders checks the headers of every kind of response: a page,
// a script, a redirect, a 404 and a 405.
func TestSecurityHeaders(t *testing.T) {
	want := map[string]string{
		"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
		"Cache-Control":           "no-cache",
	}
	h := Handler(build(t))
	for _, req := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/search.js"}, {"GET", "/207"}, {"GET", "/999/"}, {"DELETE", "/"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(req.method, req.path, nil))
		for k, v := range want {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s %s: %s %q, want %q", req.method, req.path, k, got, v)
			}
		}
	}
}

func TestServerLimits(t *testing.T) {
	srv := Server(map[string][]byte{})
	if srv.ReadHeaderTimeout != 10*time.Second || srv.ReadTimeout != 30*time.Second || srv.WriteTimeout != 30*time.Second ||
		srv.IdleTimeout != 60*time.Second || srv.MaxHeaderBytes != 16<<10 {
		t.Errorf("server limits: header %v, read %v, write %v, idle %v, max header %d; want 10s, 30s, 30s, 60s, 16384",
			srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout, srv.MaxHeaderBytes)
	}
}

// serveShort runs the preview server with short timeouts on a free port.
func serveShort(t *testing.T, idle, header time.Duration) string {
	t.Helper()
	srv := Server(build(t))
	srv.IdleTimeout, srv.ReadHeaderTimeout = idle, header
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedWithin reports whether the server closes conn within d.
func closedWithin(t *testing.T, conn net.Conn, r io.Reader, d time.Duration) bool {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, r)
	return err == nil // io.Copy returns nil at EOF, an error at the deadline
}

// TestServerClosesIdleConnections is issue 14's reproducer: a keep-alive
// connection that sends nothing after its response was held open forever.
func TestServerClosesIdleConnections(t *testing.T) {
	addr := serveShort(t, 200*time.Millisecond, time.Minute)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /style.css HTTP/1.1\r\nHost: preview\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Close {
		t.Fatalf("status %d, close %v; want a 200 that keeps the connection", resp.StatusCode, resp.Close)
	}
	if !closedWithin(t, conn, r, 5*time.Second) {
		t.Error("an idle keep-alive connection was still open 5 s after a 200 ms idle timeout")
	}
}

// TestServerClosesSlowHeaders: a client that never finishes its headers is
// disconnected after ReadHeaderTimeout.
func TestServerClosesSlowHeaders(t *testing.T) {
	addr := serveShort(t, time.Minute, 200*time.Millisecond)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: preview\r\n"); err != nil {
		t.Fatal(err)
	}
	if !closedWithin(t, conn, conn, 5*time.Second) {
		t.Error("a connection with unfinished headers was still open 5 s after a 200 ms header timeout")
	}
}
