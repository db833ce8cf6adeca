package golang

import (
	"go/ast"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// frameworkCall describes a framework method that takes a status.
type frameworkCall struct {
	arg int // index of the status argument
	api facts.API
	msg int // index of a message argument, -1 when none
}

var ginCalls = map[string]frameworkCall{
	"JSON": {0, facts.BodyAPI, -1}, "IndentedJSON": {0, facts.BodyAPI, -1}, "SecureJSON": {0, facts.BodyAPI, -1},
	"JSONP": {0, facts.BodyAPI, -1}, "AsciiJSON": {0, facts.BodyAPI, -1}, "PureJSON": {0, facts.BodyAPI, -1},
	"XML": {0, facts.BodyAPI, -1}, "YAML": {0, facts.BodyAPI, -1}, "TOML": {0, facts.BodyAPI, -1},
	"ProtoBuf": {0, facts.BodyAPI, -1}, "String": {0, facts.BodyAPI, 1}, "HTML": {0, facts.BodyAPI, -1},
	"Data": {0, facts.BodyAPI, -1}, "DataFromReader": {0, facts.BodyAPI, -1}, "Render": {0, facts.BodyAPI, -1},
	"Redirect": {0, facts.RedirectAPI, -1}, "Status": {0, 0, -1}, "AbortWithStatus": {0, 0, -1},
	"AbortWithStatusJSON": {0, facts.BodyAPI, -1}, "AbortWithError": {0, facts.ErrorAPI, -1},
}

var echoCalls = map[string]frameworkCall{
	"JSON": {0, facts.BodyAPI, -1}, "JSONPretty": {0, facts.BodyAPI, -1}, "JSONBlob": {0, facts.BodyAPI, -1},
	"JSONP": {0, facts.BodyAPI, -1}, "JSONPBlob": {0, facts.BodyAPI, -1}, "XML": {0, facts.BodyAPI, -1},
	"XMLPretty": {0, facts.BodyAPI, -1}, "XMLBlob": {0, facts.BodyAPI, -1}, "HTML": {0, facts.BodyAPI, -1},
	"HTMLBlob": {0, facts.BodyAPI, -1}, "String": {0, facts.BodyAPI, 1}, "Blob": {0, facts.BodyAPI, -1},
	"Stream": {0, facts.BodyAPI, -1}, "Render": {0, facts.BodyAPI, -1}, "NoContent": {0, 0, -1},
	"Redirect": {0, facts.RedirectAPI, -1},
}

var fiberCalls = map[string]frameworkCall{
	"Status": {0, 0, -1}, "SendStatus": {0, 0, -1}, "Redirect": {1, facts.RedirectAPI, -1},
}

// assertCalls are the testify (and similar) equality assertions; a number
// compared in one with a response's status is a status.
var assertCalls = map[string]bool{
	"Equal": true, "Equalf": true, "EqualValues": true, "EqualValuesf": true,
	"Exactly": true, "Exactlyf": true, "NotEqual": true, "NotEqualf": true, "Equals": true,
}

// callContexts returns the status arguments of a call.
func (g *goFile) callContexts(call *ast.CallExpr, env *goEnv) []statusArg {
	arg := func(i int, role facts.Role, context, framework string, api facts.API, msg int) []statusArg {
		if i >= len(call.Args) {
			return nil
		}
		a := statusArg{expr: call.Args[i], role: role, context: context, framework: framework, api: api, strict: role == facts.Send}
		if msg >= 0 && msg < len(call.Args) {
			a.msg = call.Args[msg]
		}
		return []statusArg{a}
	}
	if name, ok := g.httpName(call.Fun); ok {
		switch name {
		case "Error":
			return arg(2, facts.Send, g.text(call.Fun), "", facts.ErrorAPI, 1)
		case "Redirect":
			return arg(3, facts.Send, g.text(call.Fun), "", facts.RedirectAPI, -1)
		case "RedirectHandler":
			return arg(1, facts.Send, g.text(call.Fun), "", facts.RedirectAPI, -1)
		case "StatusText":
			return arg(0, facts.Compare, g.text(call.Fun), "", 0, -1)
		}
	}
	if name, ok := pkgFunc(call.Fun, g.echo); ok && name == "NewHTTPError" {
		return arg(0, facts.Send, g.text(call.Fun), "echo", facts.ErrorAPI, 1)
	}
	if name, ok := pkgFunc(call.Fun, g.fiber); ok && name == "NewError" {
		return arg(0, facts.Send, g.text(call.Fun), "fiber", facts.ErrorAPI, 1)
	}
	if name, ok := pkgFunc(call.Fun, g.render); ok && name == "Status" {
		return arg(1, facts.Send, g.text(call.Fun), "chi", 0, -1)
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	method := sel.Sel.Name
	if method == "WriteHeader" && len(call.Args) == 1 && g.isWriterExpr(sel.X, env) {
		return arg(0, facts.Send, g.text(sel.X)+".WriteHeader", "", 0, -1)
	}
	if id, ok := sel.X.(*ast.Ident); ok {
		recv := id.Name
		var fc frameworkCall
		var framework string
		switch {
		case env.isGin(id.Name) && hasCall(ginCalls, method, &fc):
			framework = "gin"
		case env.isEcho(id.Name) && hasCall(echoCalls, method, &fc):
			framework = "echo"
		case env.isFiber(id.Name) && hasCall(fiberCalls, method, &fc):
			framework = "fiber"
		}
		if framework != "" {
			return arg(fc.arg, facts.Send, framework+" "+recv+"."+method, framework, fc.api, fc.msg)
		}
	}
	if assertCalls[method] {
		return g.assertContexts(call, method, env)
	}
	return nil
}

func hasCall(table map[string]frameworkCall, method string, fc *frameworkCall) bool {
	c, ok := table[method]
	*fc = c
	return ok
}

// isWriterExpr reports whether WriteHeader on e is an HTTP status write:
// anything but a name declared with another type.
func (g *goFile) isWriterExpr(e ast.Expr, env *goEnv) bool {
	return env.isWriter(g.text(e))
}

// assertContexts finds assert.Equal(t, 200, rec.Code) and s.Equal(200, resp.StatusCode).
func (g *goFile) assertContexts(call *ast.CallExpr, method string, env *goEnv) []statusArg {
	status := false
	for _, a := range call.Args {
		if g.isStatusValued(a, env) {
			status = true
		}
	}
	if !status {
		return nil
	}
	var out []statusArg
	for _, a := range call.Args {
		if _, ok := intValue(a); ok {
			out = append(out, statusArg{expr: a, role: facts.Compare, context: g.text(call.Fun)})
		} else if _, _, ok := g.constantValue(a); ok {
			out = append(out, statusArg{expr: a, role: facts.Compare, context: g.text(call.Fun)})
		}
	}
	return out
}
