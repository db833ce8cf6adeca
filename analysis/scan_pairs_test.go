package analysis

import (
	"reflect"
	"testing"
)

// TestArgsAndClosing: args and closing read bracket pairs built once per
// file; these are the results the counting scan gave, unclosed and
// mismatched brackets included.
func TestArgsAndClosing(t *testing.T) {
	tests := []struct {
		src     string
		open    int // token index of the bracket
		args    []span
		closing int
	}{
		// f ( a , b ( c , d ) , [ e , f ] )
		{"f(a, b(c, d), [e, f])", 1, []span{{2, 3}, {4, 10}, {11, 16}}, 16},
		{"f(a, b(c, d), [e, f])", 5, []span{{6, 7}, {8, 9}}, 9},
		// An empty list has no argument.
		{"f()", 1, nil, 2},
		// Unclosed: the list runs to the end of the file.
		{"f(a, g(b", 1, []span{{2, 3}, {4, 7}}, 7},
		{"f(a, g(b", 5, []span{{6, 7}}, 7},
		// Any closing bracket closes any opening one, as counting did.
		{"f(a, b]", 1, []span{{2, 3}, {4, 5}}, 5},
		// A stray closer before the list is not counted.
		{") f(a)", 2, []span{{3, 4}}, 4},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		s := newScan("rust", src, lexRust(src))
		args, end := s.args(tt.open)
		if !reflect.DeepEqual(args, tt.args) || end != tt.closing {
			t.Errorf("%q args(%d) = %v, %d; want %v, %d", tt.src, tt.open, args, end, tt.args, tt.closing)
		}
		if got := s.closing(tt.open); got != tt.closing {
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
		s := newScan("rust", src, lexRust(src))
		for open := range s.toks {
			if !s.opens(open) {
				continue
			}
			args, end := s.args(open)
			wantArgs, wantEnd := countingArgs(s, open)
			if !reflect.DeepEqual(args, wantArgs) || end != wantEnd {
				t.Fatalf("%q args(%d) = %v, %d; counting gives %v, %d", src, open, args, end, wantArgs, wantEnd)
			}
		}
	}
}

// countingArgs is args as a scan that counts brackets from open.
func countingArgs(s *scan, open int) ([]span, int) {
	var out []span
	depth, from := 0, open+1
	for i := open; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind != tPunct || t.end-t.start != 1 {
			continue
		}
		switch s.src[t.start] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth == 0 {
				if i > from {
					out = append(out, span{from, i})
				}
				return out, i
			}
		case ',':
			if depth == 1 {
				out = append(out, span{from, i})
				from = i + 1
			}
		}
	}
	if len(s.toks) > from {
		out = append(out, span{from, len(s.toks)})
	}
	return out, len(s.toks)
}
