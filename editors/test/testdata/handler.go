// Package api is the fixture of the editor tests (editors/test): each
// editor opens it with the configs from editors/configs and checks what the
// server reports. Line numbers matter: the tests name them.
package api

import "net/http"

// report answers a WebDAV PROPFIND: hover on 207 shows "Multi-Status".
func report(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(207)
}

// login redirects with a success code, which browsers do not follow.
func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/home", http.StatusOK)
}
