package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/python"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

func TestLexPython(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`x = 404 # abort(500)`, `id:x p:= num:404`},
		{`rb'a\'b' + Rb"c" + f'{x["k"]}'`, `str:rb'a\'b' p:+ str:Rb"c" p:+ str:f'{x["k"]}'`},
		{`r"\"" 1`, `str:r"\"" num:1`},
		{"'''a\n' b'''\nc", "str:'''a\n' b''' NL id:c"},
		{"f\"\"\"{x}\n}}\"\"\" 2", "str:f\"\"\"{x}\n}}\"\"\" num:2"},
		{"f(a,\n  b)\nc", "id:f p:( id:a p:, id:b p:) NL id:c"},
		{"a = 1 + \\\n  2\nb", "id:a p:= num:1 p:+ num:2 NL id:b"},
		{"'unterminated\nx", "str:'unterminated NL id:x"},
		{"'a\\\nb' c", "str:'a\\\nb' id:c"},
		{"fr'{'\n1", "str:fr'{' NL num:1"},
		{"x == 1_000.5e3j", "id:x p:== num:1_000.5e3j"},
		{"\n\n# only\n\nx\n", "id:x NL"},
	} {
		if got := tokenDump([]byte(tc.src), python.LexPython([]byte(tc.src))); got != tc.want {
			t.Errorf("lexPython(%q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestCompletePython(t *testing.T) {
	runCompletionCases(t, "app.py", []completionCase{
		{name: "status_code keyword", src: "JSONResponse({}, status_code=4|)", want: []string{"404=404", "418=418"}},
		{name: "spaces around =", src: "Response(status = |", want: []string{"200=200"}},
		{name: "abort", src: "abort(|", want: []string{"404=404", "500=500"}},
		{name: "HTTPException", src: "raise HTTPException(40|", want: []string{"404=404"}},
		{name: "comparison", src: "assert r.status_code == 2|", want: []string{"201=201"}},
		{name: "constants when the file uses HTTPStatus", src: "x = HTTPStatus.OK\nabort(40|)", want: []string{"404=HTTPStatus.NOT_FOUND"}},
		{name: "the file's own prefix", src: "x = http.HTTPStatus.OK\nabort(|", want: []string{"404=http.HTTPStatus.NOT_FOUND"}},
		{name: "status module", src: "from fastapi import status\nx = status.HTTP_200_OK\nabort(|", want: []string{"404=status.HTTP_404_NOT_FOUND"}},
		{name: "HTTPStatus names", src: "abort(HTTPStatus.NOT_|)", want: []string{"NOT_FOUND=NOT_FOUND", "NOT_IMPLEMENTED=NOT_IMPLEMENTED"}},
		{name: "status names need the import", src: "x = status.|", want: nil},
		{name: "starlette names", src: "from starlette import status\nstatus.HTTP_4|", want: []string{"HTTP_404_NOT_FOUND=HTTP_404_NOT_FOUND", "HTTP_413_CONTENT_TOO_LARGE=HTTP_413_CONTENT_TOO_LARGE"}},
		{name: "drf names", src: "from rest_framework import status\nstatus.HTTP_4|", want: []string{"HTTP_413_REQUEST_ENTITY_TOO_LARGE=HTTP_413_REQUEST_ENTITY_TOO_LARGE"}},
		{name: "not a context", src: "time.sleep(2|)", want: nil},
		{name: "in a string", src: `x = "abort(|"`, want: nil},
		{name: "in a comment", src: "# status_code=|", want: nil},
		{name: "typing a name", src: "abort(code|)", want: nil},
	})
}

func TestPythonClaims(t *testing.T) {
	for path, want := range map[string]string{"app.py": "python", "stubs/http.pyi": "python", "x.PY": "python"} {
		if got := facts.LanguageOf(path); got != want {
			t.Errorf("Language(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestPythonColumn asks the column of every token, in the file's order
// and then back and forth, as the walk does for a def's async or a match,
// and checks each against the column counted from the line's start.
func TestPythonColumn(t *testing.T) {
	src := []byte("def a(): pass; def b(): pass\n  async def c():\n\n        match r.status_code:\n    x = 1\n")
	p := &python.PyFile{Scan: lex.NewScan("python", src, python.LexPython(src))}
	want := func(i int) int {
		start := int(p.Toks[i].Start)
		line := start
		for line > 0 && src[line-1] != '\n' {
			line--
		}
		return start - line
	}
	var order []int
	for i := range p.Toks {
		order = append(order, i)
	}
	for i := len(p.Toks) - 1; i >= 0; i -= 3 {
		order = append(order, i, max(i-1, 0), min(i+5, len(p.Toks)-1))
	}
	for _, i := range order {
		if got := p.Column(i); got != want(i) {
			t.Fatalf("column of token %d %q = %d, want %d", i, p.Text(i), got, want(i))
		}
	}
}
