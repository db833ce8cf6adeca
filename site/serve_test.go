package site

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler(build(t))
	tests := []struct {
		method, path string
		status       int
		ctype, body  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "HTTP status codes, explained"},
		{"GET", "/207/", 200, "text/html; charset=utf-8", "Multi-Status"},
		{"GET", "/207", 301, "", ""},
		{"GET", "/rules/redirect-status/", 200, "text/html; charset=utf-8", "redirect-status"},
		{"GET", "/style.css", 200, "text/css; charset=utf-8", "--bg"},
		{"GET", "/search.js", 200, "text/javascript; charset=utf-8", "codes-data"},
		{"GET", "/sitemap.xml", 200, "text/xml; charset=utf-8", "<urlset"},
		{"GET", "/999/", 404, "text/html; charset=utf-8", "404 Not Found"},
		{"GET", "/../../etc/passwd", 404, "text/html; charset=utf-8", ""},
		{"POST", "/", 405, "", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		if rec.Code != tt.status || tt.ctype != "" && rec.Header().Get("Content-Type") != tt.ctype || !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s %s: %d %q, want %d %q with %q", tt.method, tt.path, rec.Code, rec.Header().Get("Content-Type"), tt.status, tt.ctype, tt.body)
		}
		if tt.status == http.StatusMethodNotAllowed && rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("405 without Allow")
		}
	}
}
