package analysis

import (
	"strings"
	"testing"
)

// TestCompletionAsPeopleType types a constant character by character the
// way VS Code and nvim-cmp ask: once at the trigger character right after
// the qualifier, then on every partly typed name (mid-word), filtering on
// the client. The constant must be on the list each time, and the list's
// range must cover exactly what was typed of the member, so the client's
// filter matches it.
func TestCompletionAsPeopleType(t *testing.T) {
	tests := []struct {
		path, before, member, after string
	}{
		{"a.go", "package p\n\nimport \"net/http\"\n\nfunc f(w http.ResponseWriter) { w.WriteHeader(http.", "StatusTeapot", ") }\n"},
		{"a.go", "package p\n\nimport h \"net/http\"\n\nvar s = h.", "StatusNotFound", "\n"},
		{"a.py", "from http import HTTPStatus\n\nx = HTTPStatus.", "NOT_FOUND", "\n"},
		{"a.py", "from fastapi import status\n\nx = status.", "HTTP_404_NOT_FOUND", "\n"},
		{"A.java", "import org.springframework.http.HttpStatus;\nclass A { Object o = HttpStatus.", "NOT_FOUND", "; }\n"},
		{"A.kt", "import org.springframework.http.HttpStatus\nval o = HttpStatus.", "NOT_FOUND", "\n"},
		{"A.cs", "using Microsoft.AspNetCore.Http;\nclass A { int s = StatusCodes.", "Status404NotFound", "; }\n"},
		{"a.rs", "use http::StatusCode;\nlet s = StatusCode::", "NOT_FOUND", ";\n"},
		{"a.js", "const { StatusCodes } = require('http-status-codes');\nres.status(StatusCodes.", "NOT_FOUND", ");\n"},
		{"a.ts", "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.", "NOT_FOUND", ");\n"},
		{"a.php", "<?php\nuse Symfony\\Component\\HttpFoundation\\Response;\nreturn new Response('', Response::", "HTTP_NOT_FOUND", ");\n"},
		{"a.rb", "class C\n  def x\n    head :", "not_found", "\n  end\nend\n"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.member, func(t *testing.T) {
			for n := 0; n <= len(tt.member); n++ {
				typed := tt.member[:n]
				src := []byte(tt.before + typed + tt.after)
				off := len(tt.before) + n
				c := Complete(tt.path, src, off, nil, true)
				if c == nil {
					t.Fatalf("after %q: no completion", tt.before[max(0, len(tt.before)-20):]+typed)
				}
				if got := string(src[c.Start:c.End]); got != typed {
					t.Errorf("after %q: the list replaces %q, want %q", typed, got, typed)
				}
				found := false
				for _, it := range c.Items {
					if it.Label == tt.member && strings.HasPrefix(it.Label, typed) {
						found = true
					}
				}
				if !found {
					t.Errorf("after %q: %s is not on the list (%d items)", typed, tt.member, len(c.Items))
				}
			}
		})
	}
}

// Right after "http." a Go file is offered the status constants, but not
// once the member typed cannot become one (http.Get, http.Hand…).
func TestGoCompletionLeavesOtherMembers(t *testing.T) {
	const before = "package p\n\nimport \"net/http\"\n\nvar s = http."
	for _, typed := range []string{"G", "Hand", "Sx", "Stx"} {
		src := []byte(before + typed)
		if c := Complete("a.go", src, len(src), nil, true); c != nil {
			t.Errorf("after http.%s: %d items offered", typed, len(c.Items))
		}
	}
}
