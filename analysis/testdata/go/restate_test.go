package restate

// httpcodes-test: tests=check

import (
	"net/http/httptest"
	"testing"
)

// The expected value restates the fixture's send: one finding, at the send.
func TestOddCode(t *testing.T) {
	rec := httptest.NewRecorder()
	rec.WriteHeader(299) // codes: 299/send want "unknown-status"
	if rec.Code != 299 { // codes: 299/compare
		t.Fatal(rec.Code)
	}
}

// Nothing sends 298 here: the comparison is the finding.
func TestOtherCode(t *testing.T) {
	rec := httptest.NewRecorder()
	if rec.Code != 298 { // codes: 298/compare want "unknown-status"
		t.Fatal(rec.Code)
	}
}
