package analysis

import (
	"reflect"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/lang/rust"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// TestArgsAndClosing: args and closing read bracket pairs built once per
// file; these are the results the counting scan gave, unclosed and
// mismatched brackets included.
func TestArgsAndClosing(t *testing.T) {
	tests := []struct {
		src     string
		open    int // token index of the bracket
		args    []lex.Span
		closing int
	}{
		// f ( a , b ( c , d ) , [ e , f ] )
		{"f(a, b(c, d), [e, f])", 1, []lex.Span{{From: 2, To: 3}, {From: 4, To: 10}, {From: 11, To: 16}}, 16},
		{"f(a, b(c, d), [e, f])", 5, []lex.Span{{From: 6, To: 7}, {From: 8, To: 9}}, 9},
		// An empty list has no argument.
		{"f()", 1, nil, 2},
		// Unclosed: the list runs to the end of the file.
		{"f(a, g(b", 1, []lex.Span{{From: 2, To: 3}, {From: 4, To: 7}}, 7},
		{"f(a, g(b", 5, []lex.Span{{From: 6, To: 7}}, 7},
		// Any closing bracket closes any opening one, as counting did.
		{"f(a, b]", 1, []lex.Span{{From: 2, To: 3}, {From: 4, To: 5}}, 5},
		// A stray closer before the list is not counted.
		{") f(a)", 2, []lex.Span{{From: 3, To: 4}}, 4},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		s := lex.NewScan("rust", src, rust.LexRust(src))
		args, end := s.Args(tt.open)
		if !reflect.DeepEqual(args, tt.args) || end != tt.closing {
			t.Errorf("%q args(%d) = %v, %d; want %v, %d", tt.src, tt.open, args, end, tt.args, tt.closing)
		}
		if got := s.Closing(tt.open); got != tt.closing {
			t.Errorf("%q closing(%d) = %d, want %d", tt.src, tt.open, got, tt.closing)
		}
	}
}

// TestArgsMatchCounting compares args with the plain counting scan it
// replaces, on every bracket of many small generated inputs.
func TestArgsMatchCounting(t *testing.T) {
	pieces := []string{"(", ")", "[", "]", "{", "}", ",", "a", " "}
	src := make([]byte, 12)
	for n := 0; n < 20000; n++ {
		// A fixed sequence of inputs: n's digits in base len(pieces).
		src = src[:0]
		for k := n*7919 + 1; k > 0; k /= len(pieces) {
			src = append(src, pieces[k%len(pieces)]...)
		}
		s := lex.NewScan("rust", src, rust.LexRust(src))
		for open := range s.Toks {
			if !s.Opens(open) {
				continue
			}
			args, end := s.Args(open)
			wantArgs, wantEnd := countingArgs(s, open)
			if !reflect.DeepEqual(args, wantArgs) || end != wantEnd {
				t.Fatalf("%q args(%d) = %v, %d; counting gives %v, %d", src, open, args, end, wantArgs, wantEnd)
			}
		}
	}
}

// countingArgs is args as a scan that counts brackets from open.
func countingArgs(s *lex.Scan, open int) ([]lex.Span, int) {
	var out []lex.Span
	depth, from := 0, open+1
	for i := open; i < len(s.Toks); i++ {
		t := s.Toks[i]
		if t.Kind != lex.TPunct || t.End-t.Start != 1 {
			continue
		}
		switch s.Src[t.Start] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth == 0 {
				if i > from {
					out = append(out, lex.Span{From: from, To: i})
				}
				return out, i
			}
		case ',':
			if depth == 1 {
				out = append(out, lex.Span{From: from, To: i})
				from = i + 1
			}
		}
	}
	if len(s.Toks) > from {
		out = append(out, lex.Span{From: from, To: len(s.Toks)})
	}
	return out, len(s.Toks)
}
