package quiet

// Test code probes odd codes on purpose: under the default policy its
// warnings and errors are quiet, hints stay, and a comparison that can
// never be true is still an error (the test can never pass).

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestOddCodes(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(700) // codes: 700/send
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, nil)
	if rec.Code != 700 { // codes: 700/compare
		t.Fatal(rec.Code)
	}
	if rec.Code != 2000 { // codes: 2000/compare want "invalid-status: rec.Code comparison with 2000 can never be true"
		t.Fatal(rec.Code)
	}
	if rec.Code == 200 { // codes: 200/compare want "prefer-constant: http.StatusOK"
		t.Fatal("a hint stays in test code")
	}
}
