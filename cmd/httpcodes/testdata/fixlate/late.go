package fix

import (
	"encoding/json"
	"net/http"
)

func create(w http.ResponseWriter, id string, v any) {
	w.WriteHeader(http.StatusCreated)
	w.Header().Set("Location", "/items/"+id)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
