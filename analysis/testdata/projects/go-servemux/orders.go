package main

import "net/http"

func cancelOrder(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		writeError(w, http.StatusNotFound) // codes: 404/ref (trap 6: a helper called with a documented code)
		return
	}
	if r.ContentLength == 0 {
		writeError(w, 422) // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
		return
	}
	w.WriteHeader(http.StatusConflict) // codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
}

func getOrder(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		http.Error(w, "Gone", http.StatusGone) // codes: 410/send (trap 1: 4XX covers it)
		return
	}
	w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
}

// writeError sends its code: a call's literal is judged where it is written.
func writeError(w http.ResponseWriter, code int) {
	http.Error(w, http.StatusText(code), code)
}
