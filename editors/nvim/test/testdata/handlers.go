// Package fixture is the Go file the Neovim tests open.
package fixture

import "net/http"

func report(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusMultiStatus)
}

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/home", http.StatusOK)
}

func create(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(201)
}

func gone(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gône", 410)
}
