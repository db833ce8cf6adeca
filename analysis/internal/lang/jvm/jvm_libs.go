package jvm

import (
	"bytes"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// Two JVM libraries name codes in ways the data set does not record, and
// one of them shares Spring's spelling: which library a constant belongs
// to is decided from the file's imports.
//
//   - Javalin's io.javalin.http.HttpStatus (HttpStatus.NOT_FOUND, whose int
//     is .code) writes most names as Spring does. In a file that imports it,
//     HttpStatus.X is Javalin's: Spring's deprecations do not apply, and a
//     number is offered HttpStatus.X.code, not Spring's .value().
//   - Ktor's io.ktor.http.HttpStatusCode.NotFound (whose int is .value) is
//     read in a file that imports io.ktor.
//
// Both tables are the libraries' own lists (Javalin 6, Ktor 3).

const (
	ecoJavalin codes.Ecosystem = "javalin"
	ecoKtor    codes.Ecosystem = "ktor"
)

var javalinNames = map[int]string{
	100: "CONTINUE", 101: "SWITCHING_PROTOCOLS", 102: "PROCESSING", 103: "EARLY_HINTS",
	200: "OK", 201: "CREATED", 202: "ACCEPTED", 203: "NON_AUTHORITATIVE_INFORMATION", 204: "NO_CONTENT",
	205: "RESET_CONTENT", 206: "PARTIAL_CONTENT", 207: "MULTI_STATUS", 208: "ALREADY_REPORTED", 226: "IM_USED",
	300: "MULTIPLE_CHOICES", 301: "MOVED_PERMANENTLY", 302: "FOUND", 303: "SEE_OTHER", 304: "NOT_MODIFIED",
	305: "USE_PROXY", 307: "TEMPORARY_REDIRECT", 308: "PERMANENT_REDIRECT",
	400: "BAD_REQUEST", 401: "UNAUTHORIZED", 402: "PAYMENT_REQUIRED", 403: "FORBIDDEN", 404: "NOT_FOUND",
	405: "METHOD_NOT_ALLOWED", 406: "NOT_ACCEPTABLE", 407: "PROXY_AUTHENTICATION_REQUIRED", 408: "REQUEST_TIMEOUT",
	409: "CONFLICT", 410: "GONE", 411: "LENGTH_REQUIRED", 412: "PRECONDITION_FAILED", 413: "CONTENT_TOO_LARGE",
	414: "URI_TOO_LONG", 415: "UNSUPPORTED_MEDIA_TYPE", 416: "RANGE_NOT_SATISFIABLE", 417: "EXPECTATION_FAILED",
	418: "IM_A_TEAPOT", 420: "ENHANCE_YOUR_CALM", 421: "MISDIRECTED_REQUEST", 422: "UNPROCESSABLE_CONTENT",
	423: "LOCKED", 424: "FAILED_DEPENDENCY", 425: "TOO_EARLY", 426: "UPGRADE_REQUIRED", 428: "PRECONDITION_REQUIRED",
	429: "TOO_MANY_REQUESTS", 431: "REQUEST_HEADER_FIELDS_TOO_LARGE", 451: "UNAVAILABLE_FOR_LEGAL_REASONS",
	499: "CLIENT_CLOSED_REQUEST",
	500: "INTERNAL_SERVER_ERROR", 501: "NOT_IMPLEMENTED", 502: "BAD_GATEWAY", 503: "SERVICE_UNAVAILABLE",
	504: "GATEWAY_TIMEOUT", 505: "HTTP_VERSION_NOT_SUPPORTED", 507: "INSUFFICIENT_STORAGE", 508: "LOOP_DETECTED",
	511: "NETWORK_AUTHENTICATION_REQUIRED",
}

var ktorNames = map[int]string{
	100: "Continue", 101: "SwitchingProtocols", 102: "Processing",
	200: "OK", 201: "Created", 202: "Accepted", 203: "NonAuthoritativeInformation", 204: "NoContent",
	205: "ResetContent", 206: "PartialContent", 207: "MultiStatus",
	300: "MultipleChoices", 301: "MovedPermanently", 302: "Found", 303: "SeeOther", 304: "NotModified",
	305: "UseProxy", 306: "SwitchProxy", 307: "TemporaryRedirect", 308: "PermanentRedirect",
	400: "BadRequest", 401: "Unauthorized", 402: "PaymentRequired", 403: "Forbidden", 404: "NotFound",
	405: "MethodNotAllowed", 406: "NotAcceptable", 407: "ProxyAuthenticationRequired", 408: "RequestTimeout",
	409: "Conflict", 410: "Gone", 411: "LengthRequired", 412: "PreconditionFailed", 413: "PayloadTooLarge",
	414: "RequestURITooLong", 415: "UnsupportedMediaType", 416: "RequestedRangeNotSatisfiable",
	417: "ExpectationFailed", 422: "UnprocessableEntity", 423: "Locked", 424: "FailedDependency", 425: "TooEarly",
	426: "UpgradeRequired", 429: "TooManyRequests", 431: "RequestHeaderFieldTooLarge",
	500: "InternalServerError", 501: "NotImplemented", 502: "BadGateway", 503: "ServiceUnavailable",
	504: "GatewayTimeout", 505: "VersionNotSupported", 506: "VariantAlsoNegotiates", 507: "InsufficientStorage",
}

// jvmLibrary returns the library a file's imports name for its constants
// (ecoJavalin, ecoKtor), or "".
func jvmLibrary(src []byte) codes.Ecosystem {
	switch {
	case bytes.Contains(src, []byte("import io.javalin.http.HttpStatus")), bytes.Contains(src, []byte("import io.javalin.http.*")):
		return ecoJavalin
	case bytes.Contains(src, []byte("import io.ktor.")), bytes.Contains(src, []byte("package io.ktor")):
		return ecoKtor
	}
	return ""
}

var (
	jvmLibOnce  sync.Once
	jvmLibNames map[codes.Ecosystem]map[string]lex.ConstantName
)

// jvmNames returns the constant names a file importing lib reads: the
// language's, with Spring's HttpStatus names replaced by Javalin's, or
// Ktor's added.
func jvmNames(lang string, lib codes.Ecosystem) map[string]lex.ConstantName {
	base := lex.ConstantNames(lang)
	jvmLibOnce.Do(func() {
		jvmLibNames = map[codes.Ecosystem]map[string]lex.ConstantName{}
		for _, eco := range []codes.Ecosystem{ecoJavalin, ecoKtor} {
			m := map[string]lex.ConstantName{}
			for k, v := range base {
				if eco == ecoJavalin && strings.HasPrefix(k, "HttpStatus.") {
					continue
				}
				m[k] = v
			}
			table, qualifier := javalinNames, "HttpStatus."
			if eco == ecoKtor {
				table, qualifier = ktorNames, "HttpStatusCode."
			}
			for code, name := range table {
				m[qualifier+name] = lex.ConstantName{Code: code, Eco: eco, Name: qualifier + name}
			}
			jvmLibNames[eco] = m
		}
	})
	return jvmLibNames[lib]
}

// jvmLibConstant is the library's constant for code as a number's
// replacement, and whether it has one; enum is set where the context
// takes the constant itself rather than its int.
func jvmLibConstant(lib codes.Ecosystem, code int, enum bool) (string, bool) {
	switch lib {
	case ecoJavalin:
		if n, ok := javalinNames[code]; ok {
			if enum {
				return "HttpStatus." + n, true
			}
			return "HttpStatus." + n + ".code", true
		}
	case ecoKtor:
		if n, ok := ktorNames[code]; ok {
			if enum {
				return "HttpStatusCode." + n, true
			}
			return "HttpStatusCode." + n + ".value", true
		}
	}
	return "", false
}
