package jvm

import (
	"bytes"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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

func routesJava(path string, src []byte) *facts.RouteFacts   { return jvmRoutes(src, false) }
func routesKotlin(path string, src []byte) *facts.RouteFacts { return jvmRoutes(src, true) }

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

func jvmRoutes(src []byte, kotlin bool) *facts.RouteFacts {
	toks := LexJVM(src, kotlin)
	s := &lex.Scan{Lang: "java", Src: src, Toks: toks}
	defer s.Release()
	out := &facts.RouteFacts{}
	var helpers []lex.HelperFunc
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
		case s.Is(i, "@") && s.Tok(i+1).Kind == lex.TIdent:
			j := i + 1
			for s.Is(j+1, ".") && s.Tok(j+2).Kind == lex.TIdent {
				j += 2
			}
			if kotlin && s.Is(j+1, ":") && s.Tok(j+2).Kind == lex.TIdent { // @field:Name
				j += 2
			}
			a := jvmAnnotation{at: i, name: j, open: -1}
			if s.Is(j+1, "(") {
				a.open = j + 1
				j = s.Closing(j + 1)
			}
			annots = append(annots, a)
			i = j
		case t.Kind == lex.TIdent && jvmClassWords[s.Text(i)] && !s.Is(i-1, ".") && !s.Is(i-1, "::") &&
			(s.Tok(i+1).Kind == lex.TIdent && !s.Is(i+1, "class") || s.Is(i, "object")):
			if s.Is(i, "record") && !s.Is(i+2, "(") {
				continue // a name, not a record
			}
			body := jvmClassBody(s, i+1)
			if body < 0 {
				annots = annots[:0]
				continue
			}
			c := class{close: s.Closing(body), prefixes: []routeLit{{}}}
			for _, a := range annots {
				if s.Is(a.name, "RequestMapping") || s.Is(a.name, "Path") || micronaut && s.Is(a.name, "Controller") {
					if paths, ok := jvmPaths(s, a, kotlin); ok {
						c.prefixes = paths
					}
				}
			}
			for _, a := range annots {
				// A declarative HTTP client's mappings are the calls it
				// makes, not routes: Feign's, MicroProfile's, Micronaut's.
				if s.Is(a.name, "FeignClient") || s.Is(a.name, "RegisterRestClient") || s.Is(a.name, "HttpExchange") ||
					micronaut && s.Is(a.name, "Client") {
					c.prefixes = nil
				}
			}
			classes = append(classes, c)
			annots = annots[:0]
			i = body
		case t.Kind == lex.TIdent && kotlin && s.Is(i, "fun"):
			// Type parameters and a receiver type come before the name;
			// a fun whose "(" is not near is no declaration read here.
			k := i + 1
			for k < len(toks) && k < i+64 && !s.Is(k, "(") && !s.Is(k, "{") && !s.Is(k, "=") && !s.Is(k, ";") && !s.Is(k, "fun") {
				k++
			}
			if !s.Is(k, "(") || s.Tok(k-1).Kind != lex.TIdent {
				continue
			}
			var prefixes []routeLit
			if len(classes) > 0 {
				prefixes = classes[len(classes)-1].prefixes
			}
			i = jvmMethod(s, out, &helpers, k-1, annots, prefixes, kotlin, micronaut)
			annots = annots[:0]
		case t.Kind == lex.TIdent && !kotlin && s.Is(i+1, "(") && !jvmNotMethod[s.Text(i)] && len(classes) > 0 &&
			(s.Tok(i-1).Kind == lex.TIdent && !jvmNotMethod[s.Text(i-1)] || s.Is(i-1, ">") || s.Is(i-1, ">>") || s.Is(i-1, ">>>") || s.Is(i-1, "]")):
			i = jvmMethod(s, out, &helpers, i, annots, classes[len(classes)-1].prefixes, kotlin, micronaut)
			annots = annots[:0]
		case s.Is(i, "{"):
			// A block that is not a body read here: an initializer, a
			// lambda, an object literal; its code maps nothing.
			i = s.Closing(i)
			annots = annots[:0]
		case s.Is(i, ";") || s.Is(i, "}") || s.Is(i, "="):
			annots = annots[:0]
		}
	}
	out.StatusArgs = s.StatusArgs(helpers)
	return out
}

// jvmClassBody returns the "{" of the body of the class whose header
// starts at token i, or -1 when it has none (a Kotlin class without a
// body, Java's record R(int x); is not one).
func jvmClassBody(s *lex.Scan, i int) int {
	for k := i; k < len(s.Toks); k++ {
		switch {
		case s.Is(k, "{"):
			return k
		case s.Is(k, "(") || s.Is(k, "["):
			k = s.Closing(k)
		case s.Is(k, ";") || s.Is(k, "}") || s.Is(k, "=") || s.Is(k, "fun") || s.Is(k, "val") || s.Is(k, "var") ||
			s.Tok(k).Kind == lex.TIdent && jvmClassWords[s.Text(k)]:
			return -1
		}
	}
	return -1
}

// jvmMethod reads the method whose name is token name and whose
// parameters follow, records it and its routes, and returns the index of
// its last token.
func jvmMethod(s *lex.Scan, out *facts.RouteFacts, helpers *[]lex.HelperFunc, name int, annots []jvmAnnotation, prefixes []routeLit, kotlin, micronaut bool) int {
	closeParen := s.Closing(name + 1)
	k := closeParen + 1
	// Between the parameters and the body: Java's throws clause, Kotlin's
	// return type and where clause. A name followed by anything else is a
	// call, not a declaration; the walk is bounded, as a file of calls
	// without bodies would otherwise walk to its end from each.
	for k < len(s.Toks) && k < closeParen+256 && !s.Is(k, "{") && !s.Is(k, ";") && !s.Is(k, "=") && !s.Is(k, "}") && !s.Is(k, "@") &&
		!(kotlin && (s.Is(k, "fun") || s.Is(k, "val") || s.Is(k, "var"))) {
		if !kotlin && k == closeParen+1 && !s.Is(k, "throws") {
			break
		}
		if s.Opens(k) {
			k = s.Closing(k)
		}
		k++
	}
	if !kotlin && !s.Is(k, "{") && !s.Is(k, ";") {
		return closeParen // a Java declaration has a body or ends with ";"
	}
	f := facts.Func{Name: s.Text(name)}
	last := closeParen
	switch {
	case s.Is(k, "{"):
		last = s.Closing(k)
		f.BodyStart, f.BodyEnd = int(s.Tok(k).Start), int(s.Tok(last).End)
	case s.Is(k, "=") && kotlin:
		// An expression body runs to the next declaration of the class
		// (or the class's end).
		last = k
		for e := k + 1; e < len(s.Toks) && !s.Is(e, "}") && !s.Is(e, ";") && !s.Is(e, "@") &&
			!(s.Tok(e).Kind == lex.TIdent && jvmKotlinDecl[s.Text(e)]); e++ {
			if s.Opens(e) {
				e = s.Closing(e)
				if e >= len(s.Toks) {
					break
				}
			}
			last = e
		}
		if last > k {
			f.BodyStart, f.BodyEnd = int(s.Tok(k+1).Start), int(s.Tok(last).End)
		}
	}
	if f.BodyEnd > 0 {
		out.Funcs = append(out.Funcs, f)
		from := k
		if s.Is(k, "=") {
			from = k + 1
		}
		*helpers = append(*helpers, lex.HelperFunc{Name: f.Name, Params: s.ParamNames(name+1, false), From: from, To: last})
	}
	// A route's code starts at the method's first annotation: a
	// @ResponseStatus beside the mapping sends its status.
	start := f.BodyStart
	if len(annots) > 0 && f.BodyEnd > 0 {
		start = int(s.Tok(annots[0].at).Start)
	}
	// JAX-RS: the method annotations, and the @Path they share.
	var jaxrs []string
	var jaxrsPath *jvmAnnotation
	for k, a := range annots {
		switch {
		case jvmJAXRS[s.Text(a.name)] && a.open < 0:
			jaxrs = append(jaxrs, s.Text(a.name))
		case s.Is(a.name, "Path"):
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
			if jvmJAXRS[s.Text(b.name)] {
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
		if method, ok := jvmMappings[s.Text(a.name)]; ok {
			methods := []string{method}
			if s.Is(a.name, "RequestMapping") {
				methods = jvmRequestMethods(s, a)
			}
			mappings = append(mappings, mapping{methods, a})
		} else if method, ok := jvmMicronaut[s.Text(a.name)]; ok && micronaut {
			mappings = append(mappings, mapping{[]string{method}, a})
		}
	}
	for _, mp := range mappings {
		methods := mp.methods
		paths, ok := jvmPaths(s, mp.a, kotlin)
		if !ok {
			continue
		}
		for _, p := range paths {
			for _, c := range prefixes {
				full := lex.PathUnder(c.text, p.text)
				if !strings.HasPrefix(full, "/") {
					full = "/" + full
				}
				for _, m := range methods {
					r := facts.Route{Method: m, Path: full, Start: p.start, End: p.end, BodyStart: start, BodyEnd: f.BodyEnd}
					if f.BodyEnd == 0 {
						r.Handler = f.Name
					}
					out.Routes = append(out.Routes, r)
				}
			}
		}
	}
	if last >= len(s.Toks) {
		last = len(s.Toks) - 1
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
func jvmRequestMethods(s *lex.Scan, a jvmAnnotation) []string {
	args, _ := s.Args(a.open)
	v, ok := s.Keyword(args, "method", "=")
	if !ok {
		return []string{""}
	}
	var out []string
	for k := v.From; k < v.To; k++ {
		if s.Tok(k).Kind == lex.TIdent && !s.Is(k+1, ".") {
			switch m := s.Text(k); m {
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
func jvmPaths(s *lex.Scan, a jvmAnnotation, kotlin bool) ([]routeLit, bool) {
	implied := []routeLit{{start: int(s.Tok(a.name).Start), end: int(s.Tok(a.name).End)}}
	if a.open < 0 {
		return implied, true
	}
	args, _ := s.Args(a.open)
	var v lex.Span
	switch {
	case len(args) > 0 && !s.Is(args[0].From+1, "="):
		v = args[0]
	default:
		var ok bool
		if v, ok = s.Keyword(args, "value", "="); !ok {
			if v, ok = s.Keyword(args, "path", "="); !ok {
				if v, ok = s.Keyword(args, "uri", "="); !ok { // Micronaut's
					return implied, true
				}
			}
		}
	}
	from, to := v.From, v.To
	if s.Is(from, "arrayOf") {
		from++
	}
	if to-from >= 2 && s.Opens(from) && s.Closing(from) == to-1 {
		from, to = from+1, to-1
	}
	var out []routeLit
	for k := from; k < to; k++ {
		t := s.Tok(k)
		switch {
		case t.Kind == lex.TString && s.Src[t.Start] == '"' && !(kotlin && strings.Contains(s.Text(k), "$")):
			if !s.Is(k+1, ",") && k+1 != to {
				return nil, false
			}
			out = append(out, routeLit{text: lex.StringContent(t.Text(s.Src)), start: int(t.Start), end: int(t.End)})
		case s.Is(k, ","):
		default:
			return nil, false
		}
	}
	if len(out) == 0 {
		return implied, true
	}
	return out, true
}
