package site

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// The preview server's limits. A preview is one person's browser, so the
// limits are generous for it and short for anyone holding connections open:
// a client gets ReadHeaderTimeout to send its request line and headers, and
// a keep-alive connection that stays idle for IdleTimeout is closed.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 60 * time.Second
	MaxHeaderBytes    = 16 << 10
)

// securityHeaders go on every response. The site runs one script of its own
// (search.js) and one stylesheet, and embeds data only in non-executable
// script blocks, so the policy allows nothing else; no page may be framed.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options":        "DENY",
	"Referrer-Policy":        "no-referrer",
	// A preview shows the pages of the running binary; the browser asks
	// again each time instead of showing a page from an earlier build.
	"Cache-Control": "no-cache",
}

// Server returns an HTTP server for a preview of a built site, with the
// timeouts above; the caller gives it a listener.
func Server(files map[string][]byte) *http.Server {
	return &http.Server{
		Handler:           Handler(files),
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// Handler serves a built site from memory: a directory path serves its
// index.html, a missing path 404.html with status 404. It redirects only to
// the clean path of a page of the site ("/207" → "/207/"), never to a path
// built from the request, so a crafted URL cannot send a visitor elsewhere.
func Handler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
			return
		}
		// Resolve the request to a file: "/" and "/207/" serve index.html files.
		clean := path.Clean("/" + r.URL.Path)
		name := strings.TrimPrefix(clean, "/")
		file := name
		if name == "" {
			file = "index.html"
		} else if _, ok := files[name]; !ok {
			if _, ok := files[name+"/index.html"]; ok {
				if r.URL.Path != clean+"/" {
					redirect(w, r, clean+"/")
					return
				}
				file = name + "/index.html"
			}
		} else if r.URL.Path != clean {
			// "/x/../style.css" and "//style.css" name a file by an unclean path.
			redirect(w, r, clean)
			return
		}
		data, ok := files[file]
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		ctype := mime.TypeByExtension(path.Ext(file))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(data)
	})
}

// redirect sends a permanent redirect to target, a clean path of the site
// ("/207/"), keeping the query. The target starts with one slash followed by
// a name of the site's files, so no browser reads it as another host.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}
