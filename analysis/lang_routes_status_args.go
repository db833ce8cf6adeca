package analysis

import (
	"strings"
)

// A same-file helper that sends its parameter as a status (Python's
// def fail(code): abort(code), Spring's ResponseEntity.status(code),
// ASP.NET's Problem(statusCode: code)) makes each call of it with a
// literal code a send of that code at the call: the StatusArgs of the
// file's route facts. Python, Java, Kotlin and C# read them here.

// helperFunc is a function the file declares: its name, its parameters'
// names in order, and the tokens of its body.
type helperFunc struct {
	name     string
	params   []string
	from, to int
}

// statusFirstArg are the calls whose first argument is sent as a status
// (abort(code), ResponseEntity.status(code), StatusCode(code));
// statusLaterArg those that take it after the body, or alone
// (new ResponseEntity<>(body, code), make_response(body, code)); statusConversions the calls that turn
// a number into a status on the way (HttpStatus.valueOf(code)).
// Elsewhere a parameter is sent as a status when it is the value of an
// argument or property named for one (status_code=code, statusCode: code,
// StatusCode = code).
var (
	statusFirstArg = map[string]bool{
		"abort": true, "HTTPException": true, "set_status": true, "send_error": true, "HTTPError": true,
		"HttpError": true, "status": true, "setStatus": true, "sendError": true, "ResponseStatusException": true,
		"StatusCode": true, "StatusCodeResult": true,
	}
	statusLaterArg    = map[string]bool{"ResponseEntity": true, "make_response": true}
	statusConversions = map[string]bool{"valueOf": true, "resolve": true, "HttpStatusCode": true}
)

// paramNames reads the names of the parameters listed in the brackets
// opened at open: the name before a ":" (Python's and Kotlin's annotated
// parameters), else Python's first name, else the last name before a
// default (Java, C#). self and cls, Python's receivers, are not
// parameters a call passes. Only the first 16 are read: a status
// helper's is among them, and each name of a body is compared with each.
func (s *scan) paramNames(open int, python bool) []string {
	args, _ := s.args(open)
	var out []string
	for n, a := range args {
		if len(out) == 16 {
			break
		}
		name := ""
		for k := a.from; k < a.to && name == ""; k++ {
			if s.tok(k).kind == tIdent && s.is(k+1, ":") {
				name = s.text(k)
			}
		}
		for k := a.from; k < a.to && name == ""; k++ {
			switch {
			case s.is(k, "="):
				k = a.to
			case s.tok(k).kind == tIdent:
				if python {
					name = s.text(k)
				} else if s.is(k+1, "=") || k+1 == a.to {
					name = s.text(k)
				}
			case s.opens(k):
				k = s.closing(k)
			}
		}
		if python && n == 0 && (name == "self" || name == "cls") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// statusArgs finds the helpers among fns (in the order their bodies
// start, nested ones inside their parents) that send a parameter as a
// status, and returns the literal codes the file passes them there. One
// pass over the tokens, with the functions and the calls open at each.
func (s *scan) statusArgs(fns []helperFunc) []StatusArg {
	if len(fns) == 0 {
		return nil
	}
	helpers := map[string]int{}
	var open []int // indexes in fns of the functions whose body holds i
	// callee is the call each open bracket belongs to ("" for none), and
	// whether a comma has passed at its level.
	type call struct {
		name  string
		comma bool
	}
	var callee []call
	next := 0
	for i := 0; i < len(s.toks); i++ {
		for len(open) > 0 && i > fns[open[len(open)-1]].to {
			open = open[:len(open)-1]
		}
		for next < len(fns) && fns[next].from <= i {
			if fns[next].to >= i {
				open = append(open, next)
			}
			next++
		}
		t := s.toks[i]
		switch {
		case s.opens(i):
			name := ""
			if s.tok(i-1).kind == tIdent {
				name = s.text(i - 1)
			} else if s.is(i-1, ">") && s.is(i, "(") { // new ResponseEntity<>(…)
				name = "ResponseEntity"
				if k := i - 2; s.is(k, "<") && s.tok(k-1).kind == tIdent {
					name = s.text(k - 1)
				}
			}
			callee = append(callee, call{name: name})
		case s.is(i, ","):
			if len(callee) > 0 {
				callee[len(callee)-1].comma = true
			}
		case t.kind == tPunct && t.end-t.start == 1 && strings.IndexByte(")]}", s.src[t.start]) >= 0:
			if len(callee) > 0 {
				callee = callee[:len(callee)-1]
			}
		case t.kind == tIdent && len(open) > 0:
			f := fns[open[len(open)-1]]
			if _, known := helpers[f.name]; known {
				continue
			}
			for k, p := range f.params {
				if p == "" || !t.is(s.src, p) || s.is(i-1, ".") {
					continue
				}
				sent := (s.is(i-1, "=") || s.is(i-1, ":")) && s.tok(i-2).kind == tIdent && strings.Contains(strings.ToLower(s.text(i-2)), "status")
				if c := len(callee) - 1; !sent && c >= 0 {
					first, alone := s.is(i-1, "("), s.is(i-1, "(") && s.is(i+1, ")")
					if c >= 1 && first && statusConversions[callee[c].name] {
						// status(HttpStatus.valueOf(code)): the call outside
						// decides, by where the conversion sits in it.
						c--
						first, alone = !callee[c].comma, false
					}
					later := !first || alone
					sent = first && statusFirstArg[callee[c].name] || later && statusLaterArg[callee[c].name]
				}
				if sent {
					helpers[f.name] = k
				}
			}
		}
	}
	if len(helpers) == 0 {
		return nil
	}
	var out []StatusArg
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].kind != tIdent || !s.is(i+1, "(") {
			continue
		}
		k, ok := helpers[string(s.toks[i].text(s.src))]
		if !ok {
			continue
		}
		args, _ := s.args(i + 1)
		if k >= len(args) || args[k].to != args[k].from+1 {
			continue
		}
		if code, ok := s.intAt(args[k].from); ok {
			t := s.tok(args[k].from)
			out = append(out, StatusArg{Start: int(t.start), End: int(t.end), Code: code})
		}
	}
	return out
}
