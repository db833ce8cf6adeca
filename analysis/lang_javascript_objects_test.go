package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/javascript"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// TestOpenAt holds the bracket that holds each token, found from the pair
// table, to a walk forward with a stack over random brackets, closed,
// unclosed and closing nothing.
func TestOpenAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"(", ")", "[", "]", "{", "}", "a", "b"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))] + " ")
		}
		src := []byte(b.String())
		s := lex.NewScan("javascript", src, javascript.LexJS(src, nil))
		var stack []int
		for i := range len(s.Toks) + 1 {
			want := -1
			if n := len(stack); n > 0 {
				want = stack[n-1]
			}
			if got := s.OpenAt(i); got != want {
				t.Fatalf("%q: openAt(%d) = %d, want %d", src, i, got, want)
			}
			if i == len(s.Toks) || s.Toks[i].Kind != lex.TPunct {
				continue
			}
			switch s.Text(i) {
			case "(", "[", "{":
				stack = append(stack, i)
			case ")", "]", "}":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
}

// TestObjectsPastTheOldBound: an object literal's key, and the call an
// object is an argument of, are found however long the literal before
// them. The walks back that found them stopped after 4,096 tokens, and
// neither status was read: invalid-status's "can never be true" was
// missing from both.
func TestObjectsPastTheOldBound(t *testing.T) {
	long := strings.Repeat("1, ", 3000) // 6,000 tokens
	objects := strings.Repeat("{ a: 1 }, ", 1000)
	tests := []struct {
		name, src string
		role      facts.Role
	}{
		{"a key after a long array", "expect(res.json()).toEqual({ items: [" + long + "], statusCode: 2000 })\n", facts.Compare},
		{"an object after a long array of objects", "expect(res.json()).toEqual([" + objects + "{ statusCode: 2000 }])\n", facts.Compare},
	}
	for _, tt := range tests {
		res := Analyze("a.test.js", []byte(tt.src), nil)
		var found []facts.Occurrence
		for _, o := range res.Occurrences {
			if o.Code == 2000 {
				found = append(found, o)
			}
		}
		if len(found) != 1 || found[0].Role != tt.role || found[0].Context != "{ statusCode }" {
			t.Errorf("%s: occurrences of 2000 %+v, want one %v in { statusCode }", tt.name, found, tt.role)
		}
	}
}
