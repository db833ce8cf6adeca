package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type handlers struct{}

func main() {
	r := chi.NewRouter()
	h := &handlers{}
	// Trap 5: the servers prefix /api carried by the routes of this group.
	r.Route("/api", func(r chi.Router) {
		r.Route("/orders/{orderID}", func(r chi.Router) {
			r.Get("/", h.getOrder)
			// Trap 4: PUT is not documented on /orders/{id}.
			r.Put("/", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusConflict) // codes: 409/send
			})
			r.With(middleware.Logger).Delete("/", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadGateway) // codes: 502/send (trap 1: default covers it)
			})
		})
	})
	// Trap 5: the prefix not carried.
	r.Group(func(r chi.Router) {
		r.Post("/orders/{id:[0-9]+}/cancel", h.cancelOrder)
	})
	// Trap 2: an operation the description does not document.
	r.Get("/metrics", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable) // codes: 503/send
	})
	r.Mount("/", health())
	http.ListenAndServe(":8080", r)
}

func health() http.Handler {
	r := chi.NewRouter()
	r.Method("GET", "/health", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests) // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"
	}))
	return r
}
