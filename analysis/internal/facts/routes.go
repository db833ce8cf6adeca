package facts

// Route is one handler registration found in a file: the method and path a
// framework dispatches to the handler, composed from the prefixes the file
// itself shows (groups, routers, class-level mappings). undocumented-status
// joins routes to the operations of the project's API description.
type Route struct {
	// Method is the HTTP method in upper case, or "" when the registration
	// takes every method (http.HandleFunc("/x", h)).
	Method string
	// Path is the path as the file composes it, parameters written the
	// framework's way ("/orders/:id", "/orders/{id:int}", "/orders/<int:id>").
	Path string
	// Mounted is true when the router the route is registered on may be
	// mounted under a prefix the file does not show: an Express Router or a
	// FastAPI APIRouter exported and mounted elsewhere, a Flask blueprint.
	Mounted bool
	// Start and End span the registration's path literal; hover there lists
	// the operation's documented responses.
	Start, End int
	// BodyStart and BodyEnd span the handler's code when it is written in
	// place (a closure, an annotated method's body); both are 0 when the
	// handler is named instead.
	BodyStart, BodyEnd int
	// Handler names the handler when it is not written in place: the
	// function or method name ("cancelOrder" for h.cancelOrder), joined by
	// the project to a Func of any file.
	Handler string
}

// Func is a named function or method a file declares, with the span of its
// body, so that a route registered in one file by name finds its code.
type Func struct {
	Name               string
	BodyStart, BodyEnd int
}

// RouteFacts is what one file says about where its code answers.
type RouteFacts struct {
	Routes []Route
	Funcs  []Func
	// StatusArgs are the literal codes the file passes to its own
	// helpers that send them; a language may leave it empty.
	StatusArgs []StatusArg
	// MountPrefixes are the literal prefixes the file mounts routers
	// under (Flask's register_blueprint(…, url_prefix="/rss"), FastAPI's
	// include_router(…, prefix="/v1")): where the project's Mounted
	// routes may be served. A language may leave it empty.
	MountPrefixes []string
}

// Routes extracts a file's route registrations and named functions, or
// returns nil for a language that offers none.
func Routes(path string, src []byte) *RouteFacts {
	l := LanguageNamed(LanguageOf(path))
	if l == nil || l.Routes == nil {
		return nil
	}
	return l.Routes(path, src)
}

// StatusArg is a status literal passed to a helper of the same file that
// sends its parameter as the status: the 409 of writeError(w, 409) when
// writeError calls w.WriteHeader(code). undocumented-status judges it as it
// judges a send.
type StatusArg struct {
	Start, End int
	Code       int
}
