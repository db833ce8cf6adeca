package main

import "net/http"

func (h *handlers) getOrder(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		http.Error(w, "Gone", http.StatusGone) // codes: 410/send (trap 1: 4XX covers it)
		return
	}
	w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
}

func (h *handlers) cancelOrder(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 {
		h.fail(w, 404) // trap 6: a documented code through the helper
		return
	}
	h.fail(w, 409) // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
}

// fail sends code with its reason phrase.
func (h *handlers) fail(w http.ResponseWriter, code int) {
	w.WriteHeader(code)
}
