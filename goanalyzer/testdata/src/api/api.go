package api

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", 200) // want `http\.Redirect with 200 OK: a redirect needs a 3xx code.* \[redirect-status\]`
}

func missing(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "the order is gone", 200) // want `http\.Error .*200 OK.* \[error-status\]`
}

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(201) // a hint (prefer-constant) only: below the default threshold
}
