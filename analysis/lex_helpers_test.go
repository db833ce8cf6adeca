package analysis

import (
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// tokenDump renders tokens as kind:text, one per token, for lexer tests;
// tNewline shows as "NL".
func tokenDump(src []byte, toks []lex.Lexeme) string {
	kinds := map[lex.TokKind]string{lex.TIdent: "id", lex.TNumber: "num", lex.TString: "str", lex.TSymbol: "sym", lex.TPunct: "p"}
	var out []string
	for _, t := range toks {
		if t.Kind == lex.TNewline {
			out = append(out, "NL")
			continue
		}
		out = append(out, kinds[t.Kind]+":"+string(t.Text(src)))
	}
	return strings.Join(out, " ")
}

// completionCase is a completion request: src holds "|" where the cursor is.
type completionCase struct {
	name, src string
	// want lists "label=insert" pairs that must be offered; nil wants no
	// completion at all.
	want []string
	// count, when set, is the exact number of items.
	count int
}

func runCompletionCases(t *testing.T, path string, cases []completionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(tc.src, "|")
			src := []byte(tc.src[:off] + tc.src[off+1:])
			got := Complete(path, src, off, nil, true)
			if tc.want == nil {
				if got != nil {
					t.Fatalf("got %d items, want no completion", len(got.Items))
				}
				return
			}
			if got == nil {
				t.Fatal("no completion")
			}
			offered := map[string]bool{}
			for _, it := range got.Items {
				offered[it.Label+"="+it.Insert] = true
			}
			for _, w := range tc.want {
				if !offered[w] {
					t.Errorf("%s not offered (%d items)", w, len(got.Items))
				}
			}
			if tc.count != 0 && len(got.Items) != tc.count {
				t.Errorf("%d items, want %d", len(got.Items), tc.count)
			}
		})
	}
}
