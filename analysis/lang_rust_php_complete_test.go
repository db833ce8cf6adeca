package analysis

import (
	"strings"
	"testing"
)

// TestCompleteRustPHP: where Rust and PHP files are offered codes or
// names, what is replaced, and what one item inserts. The cursor is
// written as | in the source.
func TestCompleteRustPHP(t *testing.T) {
	tests := []struct {
		name, path, src string
		constants       bool
		// want is nil completion when empty; else the label to find, what
		// it inserts, and the text the completion replaces.
		label, insert, typed string
	}{
		{"rust names", "a.rs", "let s = StatusCode::NOT_|;", false, "NOT_FOUND", "NOT_FOUND", "NOT_"},
		{"rust names with path", "a.rs", "http::StatusCode::|", false, "IM_A_TEAPOT", "IM_A_TEAPOT", ""},
		{"rust from_u16", "a.rs", "StatusCode::from_u16(40|", true, "404", "404", "40"},
		{"rust builder number", "a.rs", "Response::builder().status(|", false, "201", "201", ""},
		{"rust builder constant", "a.rs", "let a = http::StatusCode::OK;\nResponse::builder().status(4|", true, "404", "http::StatusCode::NOT_FOUND", "4"},
		{"rust builder, file without constants", "a.rs", "Response::builder().status(4|", true, "404", "404", "4"},
		{"rust no context", "a.rs", "let x = vec![4|", false, "", "", ""},
		{"rust call that takes no status", "a.rs", "x.len(|", false, "", "", ""},
		{"php http_response_code", "a.php", "<?php http_response_code(50|", false, "503", "503", "50"},
		{"php abort with constant", "a.php", "<?php $a = Response::HTTP_OK;\nabort( 4|", true, "404", "Response::HTTP_NOT_FOUND", "4"},
		{"php setStatusCode, subclass constants", "a.php", "<?php $a = JsonResponse::HTTP_OK;\n$r->setStatusCode(|", true, "410", "JsonResponse::HTTP_GONE", ""},
		{"php assertStatus, numbers asked", "a.php", "<?php $a = Response::HTTP_OK;\n$r->assertStatus(2|", false, "204", "204", "2"},
		{"php names", "a.php", "<?php return Response::HTTP_NOT|", false, "HTTP_NOT_FOUND", "HTTP_NOT_FOUND", "HTTP_NOT"},
		{"php subclass names", "a.php", "<?php return JsonResponse::|", false, "HTTP_CREATED", "HTTP_CREATED", ""},
		{"php no context", "a.php", "<?php sleep(5|", false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(tt.src, "|")
			src := []byte(tt.src[:off] + tt.src[off+1:])
			got := Complete(tt.path, src, off, nil, tt.constants)
			if tt.label == "" {
				if got != nil {
					t.Fatalf("got %d items, want no completion", len(got.Items))
				}
				return
			}
			if got == nil {
				t.Fatal("no completion")
			}
			if typed := string(src[got.Start:got.End]); typed != tt.typed {
				t.Errorf("replaces %q, want %q", typed, tt.typed)
			}
			for _, it := range got.Items {
				if it.Label == tt.label {
					if it.Insert != tt.insert {
						t.Errorf("%s inserts %q, want %q", it.Label, it.Insert, tt.insert)
					}
					return
				}
			}
			t.Errorf("no item %s among %d", tt.label, len(got.Items))
		})
	}
}
