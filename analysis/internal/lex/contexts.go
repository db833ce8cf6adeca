package lex

// memoAfter is how many steps back a chain or name is walked before its
// walk is remembered: most are short, and need no table.
const MemoAfter = 16

// isContextName reports whether a name is a Koa context: ctx, context, or
// this in Koa 1's generator middleware.
func IsContextName(name []byte) bool {
	switch string(name) {
	case "ctx", "context", "this":
		return true
	}
	return false
}
