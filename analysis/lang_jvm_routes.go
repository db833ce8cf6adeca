package analysis

import (
	"bytes"
	"strings"
)

// Java and Kotlin routes: Spring MVC and WebFlux annotated controllers.
//
//   - a class's @RequestMapping("/p") (value or path, a string or an array
//     of them) is the prefix of its methods' mappings;
//   - @GetMapping, @PostMapping, @PutMapping, @DeleteMapping and
//     @PatchMapping on a method map it for their method, @RequestMapping for
//     the methods its method attribute lists (every method when none); each
//     with its paths, or the class's alone when it has none;
//   - the method's body is the handler's; a method without one (in an
//     interface) is named as the handler, for the class implementing it.
//
// JAX-RS (Jakarta REST, Quarkus, Dropwizard) is read the same way: a
// class's @Path is the prefix, a method's @GET, @POST, … with its own
// @Path or none; a @Path without a method annotation is a sub-resource
// locator, which maps nothing itself. So is Micronaut, in a file that
// imports it: a class's @Controller("/p") and a method's @Get("/x"),
// @Post(uri = "/x"), … (Spring's @Controller value is a bean's name).
//
// Routes are never Mounted: Spring puts every controller under the same
// server.servlet.context-path (or spring.webflux.base-path), which lives in
// the configuration, not the code, and is the prefix an API description
// writes in its servers or basePath; the matcher lets a route carry that
// prefix or not.

func routesJava(path string, src []byte) *RouteFacts   { return jvmRoutes(src, false) }
func routesKotlin(path string, src []byte) *RouteFacts { return jvmRoutes(src, true) }

// jvmAnnotation is one annotation: its (last) name token and the index of
// the "(" of its arguments, or -1.
type jvmAnnotation struct{ at, name, open int }

// routeLit is a path as written: its text, and the span of its literal
// (of the annotation's name when the path is implied).
type routeLit struct {
	text       string
	start, end int
}

// jvmMappings are the HTTP methods of Spring's method-specific mappings.
var jvmMappings = map[string]string{
	"GetMapping": "GET", "PostMapping": "POST", "PutMapping": "PUT",
	"DeleteMapping": "DELETE", "PatchMapping": "PATCH", "RequestMapping": "",
}

// jvmJAXRS are JAX-RS's method annotations; jvmMicronaut Micronaut's.
var (
	jvmJAXRS     = map[string]bool{"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "HEAD": true, "OPTIONS": true}
	jvmMicronaut = map[string]string{"Get": "GET", "Post": "POST", "Put": "PUT", "Delete": "DELETE", "Patch": "PATCH",
		"Head": "HEAD", "Options": "OPTIONS"}
)

// jvmClassWords start a class-like declaration.
var jvmClassWords = map[string]bool{"class": true, "interface": true, "object": true, "enum": true, "record": true}

// jvmNotMethod are the words before a "(" at a class body's level that
// do not make a method declaration of the name between.
var jvmNotMethod = map[string]bool{"new": true, "return": true, "throw": true, "else": true, "case": true, "if": true,
	"while": true, "for": true, "switch": true, "catch": true, "synchronized": true, "assert": true, "super": true, "this": true}

func jvmRoutes(src []byte, kotlin bool) *RouteFacts {
	toks := lexJVM(src, kotlin)
	s := &scan{lang: "java", src: src, toks: toks}
	defer s.release()
	out := &RouteFacts{}
	var helpers []helperFunc
	micronaut := bytes.Contains(src, []byte("io.micronaut"))
	// classes are the class bodies open, innermost last, each with the
	// paths of its @RequestMapping (one "" when it has none).
	type class struct {
		close    int
		prefixes []routeLit
	}
	var classes []class
	var annots []jvmAnnotation
	for i := 0; i < len(toks); i++ {
		for len(classes) > 0 && i >= classes[len(classes)-1].close {
			classes = classes[:len(classes)-1]
		}
		t := toks[i]
		switch {
		case s.is(i, "@") && s.tok(i+1).kind == tIdent:
			j := i + 1
			for s.is(j+1, ".") && s.tok(j+2).kind == tIdent {
				j += 2
			}
			if kotlin && s.is(j+1, ":") && s.tok(j+2).kind == tIdent { // @field:Name
				j += 2
			}
			a := jvmAnnotation{at: i, name: j, open: -1}
			if s.is(j+1, "(") {
				a.open = j + 1
				j = s.closing(j + 1)
			}
			annots = append(annots, a)
			i = j
		case t.kind == tIdent && jvmClassWords[s.text(i)] && !s.is(i-1, ".") && !s.is(i-1, "::") &&
			(s.tok(i+1).kind == tIdent && !s.is(i+1, "class") || s.is(i, "object")):
			if s.is(i, "record") && !s.is(i+2, "(") {
				continue // a name, not a record
			}
			body := s.jvmClassBody(i + 1)
			if body < 0 {
				annots = annots[:0]
				continue
			}
			c := class{close: s.closing(body), prefixes: []routeLit{{}}}
			for _, a := range annots {
				if s.is(a.name, "RequestMapping") || s.is(a.name, "Path") || micronaut && s.is(a.name, "Controller") {
					if paths, ok := s.jvmPaths(a, kotlin); ok {
						c.prefixes = paths
					}
				}
			}
			for _, a := range annots {
				// A declarative HTTP client's mappings are the calls it
				// makes, not routes: Feign's, MicroProfile's, Micronaut's.
				if s.is(a.name, "FeignClient") || s.is(a.name, "RegisterRestClient") || s.is(a.name, "HttpExchange") ||
					micronaut && s.is(a.name, "Client") {
					c.prefixes = nil
				}
			}
			classes = append(classes, c)
			annots = annots[:0]
			i = body
		case t.kind == tIdent && kotlin && s.is(i, "fun"):
			// Type parameters and a receiver type come before the name;
			// a fun whose "(" is not near is no declaration read here.
			k := i + 1
			for k < len(toks) && k < i+64 && !s.is(k, "(") && !s.is(k, "{") && !s.is(k, "=") && !s.is(k, ";") && !s.is(k, "fun") {
				k++
			}
			if !s.is(k, "(") || s.tok(k-1).kind != tIdent {
				continue
			}
			var prefixes []routeLit
			if len(classes) > 0 {
				prefixes = classes[len(classes)-1].prefixes
			}
			i = s.jvmMethod(out, &helpers, k-1, annots, prefixes, kotlin, micronaut)
			annots = annots[:0]
		case t.kind == tIdent && !kotlin && s.is(i+1, "(") && !jvmNotMethod[s.text(i)] && len(classes) > 0 &&
			(s.tok(i-1).kind == tIdent && !jvmNotMethod[s.text(i-1)] || s.is(i-1, ">") || s.is(i-1, ">>") || s.is(i-1, ">>>") || s.is(i-1, "]")):
			i = s.jvmMethod(out, &helpers, i, annots, classes[len(classes)-1].prefixes, kotlin, micronaut)
			annots = annots[:0]
		case s.is(i, "{"):
			// A block that is not a body read here: an initializer, a
			// lambda, an object literal; its code maps nothing.
			i = s.closing(i)
			annots = annots[:0]
		case s.is(i, ";") || s.is(i, "}") || s.is(i, "="):
			annots = annots[:0]
		}
	}
	out.StatusArgs = s.statusArgs(helpers)
	return out
}

// jvmClassBody returns the "{" of the body of the class whose header
// starts at token i, or -1 when it has none (a Kotlin class without a
// body, Java's record R(int x); is not one).
func (s *scan) jvmClassBody(i int) int {
	for k := i; k < len(s.toks); k++ {
		switch {
		case s.is(k, "{"):
			return k
		case s.is(k, "(") || s.is(k, "["):
			k = s.closing(k)
		case s.is(k, ";") || s.is(k, "}") || s.is(k, "=") || s.is(k, "fun") || s.is(k, "val") || s.is(k, "var") ||
			s.tok(k).kind == tIdent && jvmClassWords[s.text(k)]:
			return -1
		}
	}
	return -1
}

// jvmMethod reads the method whose name is token name and whose
// parameters follow, records it and its routes, and returns the index of
// its last token.
func (s *scan) jvmMethod(out *RouteFacts, helpers *[]helperFunc, name int, annots []jvmAnnotation, prefixes []routeLit, kotlin, micronaut bool) int {
	closeParen := s.closing(name + 1)
	k := closeParen + 1
	// Between the parameters and the body: Java's throws clause, Kotlin's
	// return type and where clause. A name followed by anything else is a
	// call, not a declaration; the walk is bounded, as a file of calls
	// without bodies would otherwise walk to its end from each.
	for k < len(s.toks) && k < closeParen+256 && !s.is(k, "{") && !s.is(k, ";") && !s.is(k, "=") && !s.is(k, "}") && !s.is(k, "@") &&
		!(kotlin && (s.is(k, "fun") || s.is(k, "val") || s.is(k, "var"))) {
		if !kotlin && k == closeParen+1 && !s.is(k, "throws") {
			break
		}
		if s.opens(k) {
			k = s.closing(k)
		}
		k++
	}
	if !kotlin && !s.is(k, "{") && !s.is(k, ";") {
		return closeParen // a Java declaration has a body or ends with ";"
	}
	f := Func{Name: s.text(name)}
	last := closeParen
	switch {
	case s.is(k, "{"):
		last = s.closing(k)
		f.BodyStart, f.BodyEnd = int(s.tok(k).start), int(s.tok(last).end)
	case s.is(k, "=") && kotlin:
		// An expression body runs to the next declaration of the class
		// (or the class's end).
		last = k
		for e := k + 1; e < len(s.toks) && !s.is(e, "}") && !s.is(e, ";") && !s.is(e, "@") &&
			!(s.tok(e).kind == tIdent && jvmKotlinDecl[s.text(e)]); e++ {
			if s.opens(e) {
				e = s.closing(e)
				if e >= len(s.toks) {
					break
				}
			}
			last = e
		}
		if last > k {
			f.BodyStart, f.BodyEnd = int(s.tok(k+1).start), int(s.tok(last).end)
		}
	}
	if f.BodyEnd > 0 {
		out.Funcs = append(out.Funcs, f)
		from := k
		if s.is(k, "=") {
			from = k + 1
		}
		*helpers = append(*helpers, helperFunc{name: f.Name, params: s.paramNames(name+1, false), from: from, to: last})
	}
	// A route's code starts at the method's first annotation: a
	// @ResponseStatus beside the mapping sends its status.
	start := f.BodyStart
	if len(annots) > 0 && f.BodyEnd > 0 {
		start = int(s.tok(annots[0].at).start)
	}
	// JAX-RS: the method annotations, and the @Path they share.
	var jaxrs []string
	var jaxrsPath *jvmAnnotation
	for k, a := range annots {
		switch {
		case jvmJAXRS[s.text(a.name)] && a.open < 0:
			jaxrs = append(jaxrs, s.text(a.name))
		case s.is(a.name, "Path"):
			jaxrsPath = &annots[k]
		}
	}
	type mapping struct {
		methods []string
		a       jvmAnnotation
	}
	var mappings []mapping
	if len(jaxrs) > 0 {
		a := jvmAnnotation{name: annots[0].name, open: -1}
		for _, b := range annots {
			if jvmJAXRS[s.text(b.name)] {
				a = b // the implied path spans the first method annotation
				break
			}
		}
		if jaxrsPath != nil {
			a = *jaxrsPath
		}
		mappings = append(mappings, mapping{jaxrs, a})
	}
	for _, a := range annots {
		if method, ok := jvmMappings[s.text(a.name)]; ok {
			methods := []string{method}
			if s.is(a.name, "RequestMapping") {
				methods = s.jvmRequestMethods(a)
			}
			mappings = append(mappings, mapping{methods, a})
		} else if method, ok := jvmMicronaut[s.text(a.name)]; ok && micronaut {
			mappings = append(mappings, mapping{[]string{method}, a})
		}
	}
	for _, mp := range mappings {
		methods := mp.methods
		paths, ok := s.jvmPaths(mp.a, kotlin)
		if !ok {
			continue
		}
		for _, p := range paths {
			for _, c := range prefixes {
				full := pathUnder(c.text, p.text)
				if !strings.HasPrefix(full, "/") {
					full = "/" + full
				}
				for _, m := range methods {
					r := Route{Method: m, Path: full, Start: p.start, End: p.end, BodyStart: start, BodyEnd: f.BodyEnd}
					if f.BodyEnd == 0 {
						r.Handler = f.Name
					}
					out.Routes = append(out.Routes, r)
				}
			}
		}
	}
	if last >= len(s.toks) {
		last = len(s.toks) - 1
	}
	return max(last, name)
}

// jvmKotlinDecl are the words that start a Kotlin declaration, ending an
// expression body before them.
var jvmKotlinDecl = map[string]bool{"fun": true, "val": true, "var": true, "class": true, "object": true,
	"private": true, "public": true, "internal": true, "protected": true, "override": true, "init": true,
	"companion": true, "interface": true, "enum": true, "data": true, "suspend": true, "open": true}

// jvmRequestMethods reads @RequestMapping's method attribute:
// method = RequestMethod.POST, method = {GET, POST}, method = [RequestMethod.PUT].
// Without one, the mapping takes every method ("").
func (s *scan) jvmRequestMethods(a jvmAnnotation) []string {
	args, _ := s.args(a.open)
	v, ok := s.keyword(args, "method", "=")
	if !ok {
		return []string{""}
	}
	var out []string
	for k := v.from; k < v.to; k++ {
		if s.tok(k).kind == tIdent && !s.is(k+1, ".") {
			switch m := s.text(k); m {
			case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE":
				out = append(out, m)
			}
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// jvmPaths reads a mapping's paths: its first argument when it is not
// named, or its value or path attribute; a string or an array of them
// ({"/a", "/b"}, ["/a"], arrayOf("/a")). A mapping without one maps the
// path "" (its class's), spanned by the annotation's name. It says false
// when a path is not a plain literal (a constant, a concatenation, a
// template), which this reading cannot know.
func (s *scan) jvmPaths(a jvmAnnotation, kotlin bool) ([]routeLit, bool) {
	implied := []routeLit{{start: int(s.tok(a.name).start), end: int(s.tok(a.name).end)}}
	if a.open < 0 {
		return implied, true
	}
	args, _ := s.args(a.open)
	var v span
	switch {
	case len(args) > 0 && !s.is(args[0].from+1, "="):
		v = args[0]
	default:
		var ok bool
		if v, ok = s.keyword(args, "value", "="); !ok {
			if v, ok = s.keyword(args, "path", "="); !ok {
				if v, ok = s.keyword(args, "uri", "="); !ok { // Micronaut's
					return implied, true
				}
			}
		}
	}
	from, to := v.from, v.to
	if s.is(from, "arrayOf") {
		from++
	}
	if to-from >= 2 && s.opens(from) && s.closing(from) == to-1 {
		from, to = from+1, to-1
	}
	var out []routeLit
	for k := from; k < to; k++ {
		t := s.tok(k)
		switch {
		case t.kind == tString && s.src[t.start] == '"' && !(kotlin && strings.Contains(s.text(k), "$")):
			if !s.is(k+1, ",") && k+1 != to {
				return nil, false
			}
			out = append(out, routeLit{text: stringContent(t.text(s.src)), start: int(t.start), end: int(t.end)})
		case s.is(k, ","):
		default:
			return nil, false
		}
	}
	if len(out) == 0 {
		return implied, true
	}
	return out, true
}
