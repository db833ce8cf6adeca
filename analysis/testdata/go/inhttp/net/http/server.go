// Package http is a stand-in for net/http itself, whose names are unqualified.
package http

type ResponseWriter interface{ WriteHeader(int) }

const StatusOK = 200

func Error(w ResponseWriter, msg string, code int) {}

func serve(w ResponseWriter, failed bool) {
	if failed {
		w.WriteHeader(500) // codes: 500/send want "prefer-constant: write StatusInternalServerError$"
		return
	}
	Error(w, "not allowed", 405) // codes: 405/send want "prefer-constant: write StatusMethodNotAllowed$" "missing-header: Allow"
	_ = StatusOK                 // codes: 200/ref
}
