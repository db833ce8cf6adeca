package trustreturn

import (
	"net/http"
)

func gen() error   { return nil }
func write() error { return nil }

// A missing return after http.Error is one problem: superfluous-writeheader
// names it at the next status write. The header set further down the
// same path is late only because of it, and is not reported again.
func profile(w http.ResponseWriter, r *http.Request) {
	if err := gen(); err != nil {
		http.Error(w, "failed to generate", http.StatusInternalServerError) // codes: 500/send
	}
	if err := write(); err != nil {
		http.Error(w, "failed to write", http.StatusInternalServerError) // codes: 500/send want "superfluous-writeheader: http.Error has no effect: http.Error on line 15 already sent the status.*; return after line 15"
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	http.ServeFile(w, r, "profile.svg")
}

// Without a second status write the late header is the only finding.
func lateOnly(w http.ResponseWriter, svg []byte) {
	if err := gen(); err != nil {
		http.Error(w, "failed to generate", http.StatusInternalServerError) // codes: 500/send
	}
	w.Header().Set("Content-Type", "image/svg+xml") // want "late-header: w.Header\\(\\).Set\\(\"Content-Type\", \"image/svg\\+xml\"\\) comes too late: the status was sent by http.Error on line 28"
	w.Write(svg)
}

// A header late after another write than the unreturned one stays.
func lateElsewhere(w http.ResponseWriter) {
	w.WriteHeader(http.StatusAccepted) // codes: 202/send
	w.Header().Set("X-Trace", "1")     // want "late-header: .* the status was sent by w.WriteHeader\\(http.StatusAccepted\\) on line 36"
	if err := gen(); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError) // codes: 500/send want "superfluous-writeheader: .*on line 36 already sent the status"
	}
}
