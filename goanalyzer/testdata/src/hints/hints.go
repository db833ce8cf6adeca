package hints

import "net/http"

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(201) // want `^201 is 201 Created; write http\.StatusCreated \[prefer-constant\]$`
}
