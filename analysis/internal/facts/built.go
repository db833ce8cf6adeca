package facts

// Python's and Ruby's frameworks mostly build a response whole — a
// constructor, a returned tuple, a Rack triple, render or head — with its
// status, its body and its headers in one expression. Such a response is
// judged alone: its event is a step whose state holds the headers the
// expression sets, and the headers the file names anywhere (an app that
// sets WWW-Authenticate in a hook or a helper of the same file has a
// challenge; the analysis cannot tell on which paths).

// builtWriter is the writer of a response built in one expression.
const BuiltWriter = "response"
