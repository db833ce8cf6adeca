package codes

import (
	"os"
	"testing"
)

func TestByName(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		{"http.StatusMultiStatus", 207},
		{"StatusMultiStatus", 207},
		{"nethttp.StatusTeapot", 418},
		{"http.StatusTeapot", 418},
		{"HTTPStatus.MULTI_STATUS", 207},
		{"HttpStatus.MULTI_STATUS", 207},
		{"StatusCodes.Status207MultiStatus", 207},
		{"StatusCode::MULTI_STATUS", 207},
		{"status.HTTP_404_NOT_FOUND", 404},
		{"HTTP_404_NOT_FOUND", 404},
		{"HttpServletResponse.SC_NOT_FOUND", 404},
		{"HttpStatusCode.NotFound", 404},
		{"HttpStatusCode.Redirect", 302},
		{":not_found", 404},
		{"not_found", 404},
		{"Response::HTTP_NOT_FOUND", 404},
		{"StatusCodes.NOT_FOUND", 404},
		{"HttpStatus.UNPROCESSABLE_ENTITY", 422},
		{"statusteapot", 418},
	}
	for _, tt := range tests {
		c, ok := ByName(tt.name)
		if !ok || c.Number != tt.want {
			t.Errorf("ByName(%q) = %v, %v; want %d", tt.name, c, ok, tt.want)
		}
	}
	for _, name := range []string{"", "StatusNope", "http.", "::"} {
		if c, ok := ByName(name); ok {
			t.Errorf("ByName(%q) = %v, want none", name, c)
		}
	}
}

func TestDeprecatedConstants(t *testing.T) {
	c, _ := Lookup(422)
	var got []Constant
	for _, k := range c.Constants {
		if k.Deprecated {
			got = append(got, k)
		}
	}
	want := []Constant{
		{Starlette, "status.HTTP_422_UNPROCESSABLE_ENTITY", true, "status.HTTP_422_UNPROCESSABLE_CONTENT"},
		{Spring, "HttpStatus.UNPROCESSABLE_ENTITY", true, "HttpStatus.UNPROCESSABLE_CONTENT"},
		{Rack, ":unprocessable_entity", true, ":unprocessable_content"},
	}
	if len(got) != len(want) {
		t.Fatalf("deprecated names of 422: %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("deprecated name %d of 422: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		query string
		want  []int
	}{
		{"299", []int{286, 226, 210}},
		{"430", []int{429, 431, 428}},
		{"teapt", []int{418}},
	}
	for _, tt := range tests {
		var got []int
		for _, c := range Default().Nearest(tt.query, len(tt.want)) {
			got = append(got, c.Number)
		}
		if toString(got) != toString(tt.want) {
			t.Errorf("Nearest(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestWith(t *testing.T) {
	custom := &Code{Number: 499, Title: "Token Revoked", Registration: Custom}
	s := Default().With(custom)
	if c, _ := s.Lookup(499); c != custom {
		t.Errorf("With: 499 is %v, want the custom code", c)
	}
	if c, _ := Lookup(499); c == custom {
		t.Error("With changed the default set")
	}
	if len(s.All()) != len(All()) {
		t.Errorf("With replacing 499: %d codes, want %d", len(s.All()), len(All()))
	}
}

// BenchmarkStartup measures what every start of the server and of check
// pays for the data set: building the set from the generated tables and a
// first lookup by number and by name.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		s := newSet(append([]*Code(nil), builtin...))
		if _, ok := s.Lookup(404); !ok {
			b.Fatal("no 404")
		}
		if _, ok := s.ByName("http.StatusTeapot"); !ok {
			b.Fatal("no StatusTeapot")
		}
	}
}

// BenchmarkParsePages measures parsing the Markdown pages, which only
// go generate and the tests do.
func BenchmarkParsePages(b *testing.B) {
	fsys := os.DirFS("data")
	for b.Loop() {
		if _, err := Load(fsys, "."); err != nil {
			b.Fatal(err)
		}
	}
}
