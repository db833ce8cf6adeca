package main

import (
	"net/http"

	"github.com/gorilla/mux"
)

func main() {
	r := mux.NewRouter()
	// Trap 5: the servers prefix /api carried by the sub-router.
	api := r.PathPrefix("/api").Subrouter()
	// Trap 3: {orderID:[0-9]+} here, {id} in the description.
	api.HandleFunc("/orders/{orderID:[0-9]+}", getOrder).Methods("GET")
	api.HandleFunc("/orders/{orderID:[0-9]+}", deleteOrder).Methods(http.MethodDelete, "OPTIONS")
	// Trap 4: PATCH is not documented on /orders/{id}.
	api.HandleFunc("/orders/{orderID}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusConflict) // codes: 409/send
	}).Methods("PATCH")
	// Trap 5: the prefix not carried.
	r.HandleFunc("/orders/{id}/cancel/", cancelOrder).Methods("POST")
	// Trap 2: an operation the description does not document.
	r.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send
	}).Methods("GET")
	http.ListenAndServe(":8080", r)
}

func getOrder(w http.ResponseWriter, r *http.Request) {
	if mux.Vars(r)["orderID"] == "" {
		w.WriteHeader(http.StatusGone) // codes: 410/send (trap 1: 4XX covers it)
		return
	}
	w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
}

func deleteOrder(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadGateway) // codes: 502/send (trap 1: default covers it)
}

func cancelOrder(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 {
		respond(w, http.StatusNotFound, "no order") // codes: 404/ref (trap 6: a documented code through the helper)
		return
	}
	respond(w, http.StatusConflict, "shipped") // codes: 409/ref want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
}

func respond(w http.ResponseWriter, status int, msg string) {
	w.WriteHeader(status)
	w.Write([]byte(msg))
}
