package lex

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// A same-file helper that sends its parameter as a status (Python's
// def fail(code): abort(code), Spring's ResponseEntity.status(code),
// ASP.NET's Problem(statusCode: code)) makes each call of it with a
// literal code a send of that code at the call: the StatusArgs of the
// file's route facts. Python, Java, Kotlin and C# read them here.

// helperFunc is a function the file declares: its name, its parameters'
// names in order, and the tokens of its body.
type HelperFunc struct {
	Name     string
	Params   []string
	From, To int
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
func (s *Scan) ParamNames(open int, python bool) []string {
	args, _ := s.Args(open)
	var out []string
	for n, a := range args {
		if len(out) == 16 {
			break
		}
		name := ""
		for k := a.From; k < a.To && name == ""; k++ {
			if s.Tok(k).Kind == TIdent && s.Is(k+1, ":") {
				name = s.Text(k)
			}
		}
		for k := a.From; k < a.To && name == ""; k++ {
			switch {
			case s.Is(k, "="):
				k = a.To
			case s.Tok(k).Kind == TIdent:
				if python {
					name = s.Text(k)
				} else if s.Is(k+1, "=") || k+1 == a.To {
					name = s.Text(k)
				}
			case s.Opens(k):
				k = s.Closing(k)
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
func (s *Scan) StatusArgs(fns []HelperFunc) []facts.StatusArg {
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
	for i := 0; i < len(s.Toks); i++ {
		for len(open) > 0 && i > fns[open[len(open)-1]].To {
			open = open[:len(open)-1]
		}
		for next < len(fns) && fns[next].From <= i {
			if fns[next].To >= i {
				open = append(open, next)
			}
			next++
		}
		t := s.Toks[i]
		switch {
		case s.Opens(i):
			name := ""
			if s.Tok(i-1).Kind == TIdent {
				name = s.Text(i - 1)
			} else if s.Is(i-1, ">") && s.Is(i, "(") { // new ResponseEntity<>(…)
				name = "ResponseEntity"
				if k := i - 2; s.Is(k, "<") && s.Tok(k-1).Kind == TIdent {
					name = s.Text(k - 1)
				}
			}
			callee = append(callee, call{name: name})
		case s.Is(i, ","):
			if len(callee) > 0 {
				callee[len(callee)-1].comma = true
			}
		case t.Kind == TPunct && t.End-t.Start == 1 && strings.IndexByte(")]}", s.Src[t.Start]) >= 0:
			if len(callee) > 0 {
				callee = callee[:len(callee)-1]
			}
		case t.Kind == TIdent && len(open) > 0:
			f := fns[open[len(open)-1]]
			if _, known := helpers[f.Name]; known {
				continue
			}
			for k, p := range f.Params {
				if p == "" || !t.Is(s.Src, p) || s.Is(i-1, ".") {
					continue
				}
				sent := (s.Is(i-1, "=") || s.Is(i-1, ":")) && s.Tok(i-2).Kind == TIdent && strings.Contains(strings.ToLower(s.Text(i-2)), "status")
				if c := len(callee) - 1; !sent && c >= 0 {
					first, alone := s.Is(i-1, "("), s.Is(i-1, "(") && s.Is(i+1, ")")
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
					helpers[f.Name] = k
				}
			}
		}
	}
	if len(helpers) == 0 {
		return nil
	}
	var out []facts.StatusArg
	for i := 0; i+1 < len(s.Toks); i++ {
		if s.Toks[i].Kind != TIdent || !s.Is(i+1, "(") {
			continue
		}
		k, ok := helpers[string(s.Toks[i].Text(s.Src))]
		if !ok {
			continue
		}
		args, _ := s.Args(i + 1)
		if k >= len(args) || args[k].To != args[k].From+1 {
			continue
		}
		if code, ok := s.IntAt(args[k].From); ok {
			t := s.Tok(args[k].From)
			out = append(out, facts.StatusArg{Start: int(t.Start), End: int(t.End), Code: code})
		}
	}
	return out
}
