package site

import (
	"mime"
	"net/http"
	"path"
	"strings"
)

// Handler serves a built site from memory: a directory path serves its
// index.html, a missing path 404.html with status 404.
func Handler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
			return
		}
		// Resolve the request to a file: "/" and "/207/" serve index.html files.
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		file := name
		if name == "" {
			file = "index.html"
		} else if _, ok := files[name]; !ok {
			if _, ok := files[name+"/index.html"]; ok {
				if !strings.HasSuffix(r.URL.Path, "/") {
					http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
					return
				}
				file = name + "/index.html"
			}
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
