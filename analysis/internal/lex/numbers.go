package lex

// skipNumberUnquoted returns the end of the number at i. skipNumber would
// take a quote between digits for a C++ separator; in Rust (a char literal
// or a lifetime) and PHP (a string) a quote there starts something else,
// so the number stops before it.
func SkipNumberUnquoted(src []byte, i int) int {
	end := SkipNumber(src, i)
	for j := i; j < end; j++ {
		if src[j] == '\'' {
			return j
		}
	}
	return end
}
