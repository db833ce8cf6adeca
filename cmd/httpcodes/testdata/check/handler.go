package api

import (
	"encoding/json"
	"net/http"
)

type user struct{ Name string }

func createUser(w http.ResponseWriter, r *http.Request) {
	var u user
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "Not Found", http.StatusBadRequest)
	}
	w.WriteHeader(201)
	json.NewEncoder(w).Encode(u)
}

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/home", http.StatusOK)
}

func deleteUser(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.Write([]byte("deleted"))
}
