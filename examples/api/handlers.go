// Package api is a small HTTP API with the status code mistakes httpcodes
// finds. Run `go run ./cmd/httpcodes check examples/` from the repository root.
package api

import (
	"encoding/json"
	"errors"
	"net/http"
)

type user struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

var errNotFound = errors.New("not found")

func findUser(id string) (*user, error) {
	if id == "" {
		return nil, errNotFound
	}
	return &user{ID: id, Name: "Ada"}, nil
}

// getUser forgets to return after the error, so the 200 below is superfluous.
func getUser(w http.ResponseWriter, r *http.Request) {
	u, err := findUser(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "Not Found", http.StatusInternalServerError)
	}
	w.WriteHeader(200)
	json.NewEncoder(w).Encode(u)
}

// deleteUser answers 204 and then writes a body anyway.
func deleteUser(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodDelete {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	w.WriteHeader(http.StatusNoContent)
	w.Write([]byte(`{"deleted":true}`))
}

// login redirects with a success code, so browsers stay on the page.
func login(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "log in first", http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, "/home", http.StatusOK)
}

// createUser reports a validation error as a success.
func createUser(w http.ResponseWriter, r *http.Request) {
	var u user
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "invalid JSON", http.StatusOK)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Routes wires the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /users", getUser)
	mux.HandleFunc("/users/delete", deleteUser)
	mux.HandleFunc("POST /login", login)
	mux.HandleFunc("POST /users", createUser)
}
