package lsp

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

func TestNameNote(t *testing.T) {
	tests := []struct {
		code      int
		name, eco string
		lang      string
		want      string
	}{
		{422, "http.StatusUnprocessableEntity", "", "go", "Go calls it `StatusUnprocessableEntity`, after RFC 4918; RFC 9110 names it Unprocessable Content."},
		{413, "http.StatusRequestEntityTooLarge", "", "go", "Go calls it `StatusRequestEntityTooLarge`, after RFC 2616; RFC 9110 names it Content Too Large."},
		{414, "http.StatusRequestURITooLong", "", "go", "Go calls it `StatusRequestURITooLong`, after RFC 2616; RFC 9110 names it URI Too Long."},
		{416, "h.StatusRequestedRangeNotSatisfiable", "", "go", "Go calls it `StatusRequestedRangeNotSatisfiable`, after RFC 2616; RFC 9110 names it Range Not Satisfiable."},
		{422, "HTTPStatus.UNPROCESSABLE_ENTITY", "python", "python", "Python http.HTTPStatus calls it `UNPROCESSABLE_ENTITY`, after RFC 4918; RFC 9110 names it Unprocessable Content."},
		{413, "HttpStatus.PAYLOAD_TOO_LARGE", "nestjs", "typescript", "NestJS HttpStatus calls it `PAYLOAD_TOO_LARGE`, after RFC 7231; RFC 9110 names it Content Too Large."},
		{422, ":unprocessable_entity", "rack", "ruby", "Rack / Rails calls it `unprocessable_entity`, after RFC 4918; RFC 9110 names it Unprocessable Content."},
		{422, "HTTPStatus.UNPROCESSABLE_CONTENT", "python", "python", ""},
		{404, "http.StatusNotFound", "", "go", ""},
		{302, "http.StatusFound", "", "go", ""},
		{418, "http.StatusTeapot", "", "go", ""}, // not a former title: nothing to explain
	}
	for _, tt := range tests {
		c, ok := codes.Lookup(tt.code)
		if !ok {
			t.Fatalf("no code %d", tt.code)
		}
		o := analysis.Occurrence{Code: tt.code, Written: analysis.Constant, Name: tt.name, Ecosystem: tt.eco}
		if got := nameNote(c, o, tt.lang); got != tt.want {
			t.Errorf("nameNote(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := nameNote(mustCode(t, 422), analysis.Occurrence{Code: 422, Written: analysis.Number}, "go"); got != "" {
		t.Errorf("a number has no name to explain: %q", got)
	}
}

func mustCode(t *testing.T, n int) *codes.Code {
	c, ok := codes.Lookup(n)
	if !ok {
		t.Fatalf("no code %d", n)
	}
	return c
}
