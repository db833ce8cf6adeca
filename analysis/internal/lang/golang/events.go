package golang

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// callEvents returns what a call does to a response writer. Sub-calls it
// accounts for (json.NewEncoder(w), w.Header()) are marked consumed so they
// are not read again as events of their own.
func (w *walker) callEvents(call *ast.CallExpr, consumed map[ast.Node]bool) []facts.Event {
	g := w.g
	argWriter := func(i int) (string, bool) {
		if i >= len(call.Args) {
			return "", false
		}
		return w.writerName(call.Args[i])
	}
	code := func(i int) int {
		if i >= len(call.Args) {
			return 0
		}
		return g.eventCode(call.Args[i])
	}
	if name, ok := g.httpName(call.Fun); ok {
		if writer, ok := argWriter(0); ok {
			switch name {
			case "Error":
				return []facts.Event{{Kind: facts.StatusWrite, Writer: writer, Code: code(2)}}
			case "Redirect":
				return []facts.Event{{Kind: facts.StatusWrite, Writer: writer, Code: code(3), SetsLocation: true}}
			case "NotFound":
				return []facts.Event{{Kind: facts.StatusWrite, Writer: writer, Code: 404}}
			case "ServeContent", "ServeFile", "ServeFileFS":
				return []facts.Event{{Kind: facts.StatusWrite, Writer: writer}}
			case "SetCookie":
				return []facts.Event{{Kind: facts.HeaderSet, Writer: writer, Header: "Set-Cookie", Direct: true}}
			}
		}
	}
	if ev, ok := w.bodyCall(call, consumed); ok {
		return []facts.Event{ev}
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return w.opaqueArgs(call)
	}
	method := sel.Sel.Name
	// Methods of the header map: w.Header().Set("Allow", …).
	if writer, ok := w.headerOf(sel.X); ok {
		consumed[sel.X] = true
		switch method {
		case "Set", "Add", "Del":
			if len(call.Args) > 0 {
				ev := facts.Event{Kind: facts.HeaderSet, Writer: writer, Header: g.headerName(call.Args[0]), Direct: true, Deletes: method == "Del"}
				if len(call.Args) > 1 {
					ev.Value = stringLit(call.Args[1])
				}
				return []facts.Event{ev}
			}
		case "Get", "Values", "Clone":
			return nil
		}
		return []facts.Event{{Kind: facts.HeaderSet, Writer: writer}}
	}
	// w.Header() used any other way may set any header.
	if writer, ok := w.headerOf(call); ok {
		return []facts.Event{{Kind: facts.HeaderSet, Writer: writer}}
	}
	if writer, ok := w.writerName(sel.X); ok {
		switch method {
		case "WriteHeader":
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == w.ownRecv {
				// The wrapper's own WriteHeader, which may only record it.
				return []facts.Event{{Kind: facts.Opaque, Writer: writer}}
			}
			if w.ginWriter(sel.X) {
				// gin's writer records the status until the body is written,
				// as c.Status does; a later call replaces it.
				return nil
			}
			ev := facts.Event{Kind: facts.StatusWrite, Writer: writer, Code: code(0)}
			ev.Interim = ev.Code == 0 && len(call.Args) == 1 && w.interimVar(call.Args[0])
			return []facts.Event{ev}
		case "WriteHeaderNow":
			if w.ginWriter(sel.X) {
				return []facts.Event{{Kind: facts.StatusWrite, Writer: writer}}
			}
		case "Write", "WriteString":
			if len(call.Args) == 1 && !isNil(call.Args[0]) {
				return []facts.Event{{Kind: facts.BodyWrite, Writer: writer}}
			}
			return nil
		}
		if id, ok := sel.X.(*ast.Ident); ok {
			if ev, ok := w.frameworkEvent(id.Name, method, call); ok {
				return []facts.Event{ev}
			}
		}
	}
	if id, ok := sel.X.(*ast.Ident); ok {
		if ev, ok := w.frameworkEvent(id.Name, method, call); ok {
			return []facts.Event{ev}
		}
	}
	return w.opaqueArgs(call)
}

// ginWriter reports whether e is gin's c.Writer.
func (w *walker) ginWriter(e ast.Expr) bool {
	sel, ok := unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Writer" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && w.env.isGin(id.Name)
}

// frameworkEvent reads the gin, echo and fiber context methods that send a
// status, a body or a header.
func (w *walker) frameworkEvent(recv, method string, call *ast.CallExpr) (facts.Event, bool) {
	env, g := w.env, w.g
	code := func(i int) int {
		if i >= len(call.Args) {
			return 0
		}
		return g.eventCode(call.Args[i])
	}
	var table map[string]frameworkCall
	gin := env.isGin(recv)
	switch {
	case gin:
		switch method {
		case "Header":
			if len(call.Args) > 0 {
				return facts.Event{Kind: facts.HeaderSet, Writer: recv, Header: g.headerName(call.Args[0]), Direct: true}, true
			}
		case "SetCookie":
			return facts.Event{Kind: facts.HeaderSet, Writer: recv, Header: "Set-Cookie", Direct: true}, true
		case "Status":
			// gin only records the status; it is sent with the body.
			return facts.Event{}, false
		}
		table = ginCalls
	case env.isEcho(recv):
		table = echoCalls
	case env.isFiber(recv):
		switch method {
		case "Set":
			if len(call.Args) > 0 {
				return facts.Event{Kind: facts.HeaderSet, Writer: recv, Header: g.headerName(call.Args[0]), Direct: true}, true
			}
		case "Status":
			return facts.Event{}, false
		}
		table = fiberCalls
	default:
		return facts.Event{}, false
	}
	fc, ok := table[method]
	if !ok {
		return facts.Event{}, false
	}
	ev := facts.Event{Writer: recv, Code: code(fc.arg)}
	switch {
	case fc.api&facts.BodyAPI != 0 && (gin || echoRaw(method)) && emptyBodyArg(call, frameworkBodyArg(gin, method)):
		// c.JSON(http.StatusNoContent, nil), c.String(204, ""): no body
		// is meant, and none is sent, only the status.
		ev.Kind = facts.StatusWrite
	case fc.api&facts.BodyAPI != 0:
		// A value with a bodiless code stays a body write. gin renders
		// nothing for 1xx, 204 and 304 (Render checks
		// bodyAllowedForStatus), so c.JSON(204, user) sends no error,
		// but the user the author meant to send is lost without a word:
		// the code is what should change.
		ev.Kind, ev.WithStatus = facts.BodyWrite, true
	default:
		ev.Kind = facts.StatusWrite
		ev.SetsLocation = fc.api&facts.RedirectAPI != 0
	}
	return ev, true
}

// bodyCall recognises the standard library's ways of writing a body to w:
// fmt.Fprint*(w, …), io.WriteString(w, …), io.Copy(w, …),
// json.NewEncoder(w).Encode(…), tmpl.Execute(w, …).
func (w *walker) bodyCall(call *ast.CallExpr, consumed map[ast.Node]bool) (facts.Event, bool) {
	g := w.g
	first := func() (string, bool) {
		if len(call.Args) == 0 {
			return "", false
		}
		return w.writerName(call.Args[0])
	}
	if name, ok := pkgFunc(call.Fun, g.fmt); ok && strings.HasPrefix(name, "Fprint") {
		if writer, ok := first(); ok {
			return facts.Event{Kind: facts.BodyWrite, Writer: writer}, true
		}
	}
	if name, ok := pkgFunc(call.Fun, g.io); ok && (name == "WriteString" || name == "Copy" || name == "CopyN" || name == "CopyBuffer") {
		if writer, ok := first(); ok {
			return facts.Event{Kind: facts.BodyWrite, Writer: writer}, true
		}
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return facts.Event{}, false
	}
	if (sel.Sel.Name == "Execute" || sel.Sel.Name == "ExecuteTemplate") && len(call.Args) >= 2 {
		if writer, ok := first(); ok {
			return facts.Event{Kind: facts.BodyWrite, Writer: writer}, true
		}
	}
	if sel.Sel.Name == "Encode" {
		if enc, ok := sel.X.(*ast.CallExpr); ok && len(enc.Args) == 1 {
			name, ok := pkgFunc(enc.Fun, g.json)
			if !ok {
				name, ok = pkgFunc(enc.Fun, g.xml)
			}
			if ok && name == "NewEncoder" {
				if writer, ok := w.writerName(enc.Args[0]); ok {
					consumed[enc] = true
					return facts.Event{Kind: facts.BodyWrite, Writer: writer}, true
				}
			}
		}
	}
	return facts.Event{}, false
}

// opaqueArgs records a writer handed to a call the analysis does not know:
// that code may set headers or write.
func (w *walker) opaqueArgs(call *ast.CallExpr) []facts.Event {
	var out []facts.Event
	for _, a := range call.Args {
		if writer, ok := w.writerName(a); ok {
			out = append(out, facts.Event{Kind: facts.Opaque, Writer: writer})
		}
	}
	return out
}

// headerName reads a header name argument: a string literal, or
// http.TrailerPrefix+name, which names a trailer ("Trailer:" + the name,
// or "Trailer:" alone when the rest is not a literal). "" when unknown.
func (g *goFile) headerName(e ast.Expr) string {
	if bin, ok := unparen(e).(*ast.BinaryExpr); ok && bin.Op == token.ADD {
		if name, ok := g.httpName(bin.X); ok && name == "TrailerPrefix" {
			return facts.TrailerPrefix + stringLit(bin.Y)
		}
	}
	return stringLit(e)
}

// eventCode is the status an argument sends, 0 when it is not a number or
// a constant.
func (g *goFile) eventCode(e ast.Expr) int {
	if code, _, ok := g.constantValue(e); ok {
		return code
	}
	if n, ok := intValue(e); ok {
		return n
	}
	return 0
}

// apiText names a call for messages: the whole call when it is short
// ("w.WriteHeader(201)"), else its function ("http.Error").
func (g *goFile) apiText(call *ast.CallExpr) string {
	if t := g.text(call); len(t) <= 50 && !strings.Contains(t, "\n") {
		return t
	}
	return g.text(call.Fun)
}

func isNil(e ast.Expr) bool {
	id, ok := unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// frameworkBodyArg is the index of the argument a gin or echo method sends
// as the body, -1 when it is not one value: c.JSON(code, v),
// c.String(code, format, args…), c.Data(code, contentType, data),
// echo's c.Blob(code, contentType, b).
func frameworkBodyArg(gin bool, method string) int {
	switch method {
	case "Data", "Blob", "Stream":
		return 2
	case "HTML":
		if gin {
			return -1 // c.HTML(code, template, data) renders a template
		}
	case "Render", "DataFromReader", "Redirect":
		return -1
	}
	return 1
}

// echoRaw reports whether echo's method sends its value as it is (a
// string or bytes): an empty one is no body. Its encoders do not: c.JSON(204,
// nil) writes "null", which net/http refuses after a 204.
func echoRaw(method string) bool {
	return method == "String" || method == "HTML" || strings.HasSuffix(method, "Blob")
}

// emptyBodyArg reports whether the call's argument k, its last, is no
// body: nil, "", or an empty byte slice ([]byte{}, []byte("")). A
// c.String with format arguments is never empty.
func emptyBodyArg(call *ast.CallExpr, k int) bool {
	if k < 0 || len(call.Args) != k+1 {
		return false
	}
	switch e := unparen(call.Args[k]).(type) {
	case *ast.Ident:
		return e.Name == "nil"
	case *ast.BasicLit:
		return e.Kind == token.STRING && (e.Value == `""` || e.Value == "``")
	case *ast.CompositeLit:
		return len(e.Elts) == 0 && isByteSlice(e.Type)
	case *ast.CallExpr:
		// []byte(""), []byte(nil)
		return len(e.Args) == 1 && isByteSlice(e.Fun) && emptyBodyArg(e, 0)
	}
	return false
}

// isByteSlice reports whether t is the type []byte.
func isByteSlice(t ast.Expr) bool {
	a, ok := unparen(t).(*ast.ArrayType)
	if !ok || a.Len != nil {
		return false
	}
	id, ok := a.Elt.(*ast.Ident)
	return ok && id.Name == "byte"
}
