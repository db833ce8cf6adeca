package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	// Trap 5: the server prefix /api/v1 carried by the route; trap 3: the
	// parameter is {orderID} here, {id} in the description.
	mux.HandleFunc("POST /api/v1/orders/{orderID}/cancel", cancelOrder)
	// Trap 5: the prefix not carried (a proxy strips it).
	mux.HandleFunc("GET /orders/{id}", getOrder)
	mux.HandleFunc("DELETE /orders/{id}/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError) // codes: 500/send (trap 1: default covers it)
	})
	// Trap 4: a method the description lacks on a documented path.
	mux.HandleFunc("PUT /orders/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // codes: 409/send
	})
	// Trap 2: an operation the description does not document.
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send
	})
	// A route for every method on a path with one documented method.
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests) // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"
	})
	http.ListenAndServe(":8080", mux)
}
