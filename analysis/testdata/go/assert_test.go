package assertions

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	assert.Equal(t, 200, rec.Code)                 // codes: 200/compare want "prefer-constant"
	require.Equal(t, http.StatusCreated, rec.Code) // codes: 201/compare
	assert.NotEqual(t, rec.Code, 500)              // codes: 500/compare want "prefer-constant"
	resp := rec.Result()
	if got, want := resp.StatusCode, 404; got != want { // codes: 404/compare want "prefer-constant"
		t.Fatalf("status %d, want %d", got, want)
	}
	assert.Equal(t, 3, len("abc"))
	tests := []struct {
		name       string
		wantStatus int
		retries    int
	}{
		{name: "ok", wantStatus: 200, retries: 3}, // codes: 200/compare want "prefer-constant"
		{name: "bad", wantStatus: 0, retries: 500},
	}
	_ = tests
}
