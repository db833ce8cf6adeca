package rules

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

func invalid(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		w.WriteHeader(2000) // codes: 2000/send want "invalid-status: w.WriteHeader with 2000: a status code has three digits, 100 to 999; Go's WriteHeader panics on 2000"
	case 2:
		w.WriteHeader(0) // codes: 0/send want "invalid-status: panics on 0"
	case 3:
		w.WriteHeader(-1) // codes: -1/send want "invalid-status"
	}
}

func unknown(w http.ResponseWriter, r *http.Request, resp *http.Response, n int) {
	switch n {
	case 1:
		w.WriteHeader(299) // codes: 299/send want "unknown-status: no registry or known vendor defines 299, so clients treat it as 200 OK"
	case 2:
		w.WriteHeader(430) // codes: 430/send want "unknown-status: clients treat it as 400 Bad Request; did you mean 429 Too Many Requests\\?"
	case 3:
		w.WriteHeader(777) // codes: 777/send want "unknown-status: HTTP defines no 7xx class"
	}
	if resp.StatusCode == 299 { // codes: 299/compare want "unknown-status"
	}
	if resp.StatusCode < 600 { // codes: 600/range
	}
}

func redirects(w http.ResponseWriter, r *http.Request, n int) {
	switch n {
	case 1:
		http.Redirect(w, r, "/home", http.StatusOK) // codes: 200/send want "redirect-status: ^http.Redirect with 200 OK: a redirect needs a 3xx code; use 303 See Other after a POST"
	case 2:
		http.Redirect(w, r, "/home", 304) // codes: 304/send want "redirect-status: 304 Not Modified answers a conditional request" "prefer-constant"
	case 3:
		http.Redirect(w, r, "/home", 404) // codes: 404/send want "redirect-status: a redirect needs a 3xx code" "prefer-constant"
	case 4:
		http.Redirect(w, r, "/home", http.StatusFound) // codes: 302/send
	case 5:
		http.Redirect(w, r, "/home", http.StatusUseProxy) // codes: 305/send want "deprecated-status"
	}
}

func errors(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		http.Error(w, "invalid id", http.StatusOK) // codes: 200/send want "error-status: ^http.Error with 200 OK: it sends an error message, but 200 tells the client the request did not fail"
	case 2:
		http.Error(w, "moved", http.StatusMovedPermanently) // codes: 301/send want "error-status: to redirect, use http.Redirect"
	case 3:
		http.Error(w, "invalid id", http.StatusBadRequest) // codes: 400/send
	}
}

func bodiless(w http.ResponseWriter, user any) {
	w.WriteHeader(http.StatusNoContent) // codes: 204/send
	json.NewEncoder(w).Encode(user)     // want "bodiless-status: json.NewEncoder\\(w\\).Encode\\(user\\) writes a body after w.WriteHeader\\(http.StatusNoContent\\) on line 63 sent 204 No Content"
}

func bodilessBranch(w http.ResponseWriter, fresh bool) {
	if fresh {
		w.WriteHeader(http.StatusNotModified) // codes: 304/send
	}
	fmt.Fprintln(w, "body") // want "bodiless-status: fmt.Fprintln\\(w, \"body\"\\) writes a body after .* sent 304 Not Modified"
}

func bodilessReturned(w http.ResponseWriter, fresh bool) {
	if fresh {
		w.WriteHeader(http.StatusNotModified) // codes: 304/send
		return
	}
	io.WriteString(w, "body")
}

func earlyHints(w http.ResponseWriter) {
	w.Header().Add("Link", "</app.css>; rel=preload")
	w.WriteHeader(http.StatusEarlyHints) // codes: 103/send
	w.Write([]byte("hello"))
	w.WriteHeader(http.StatusOK) // codes: 200/send want "superfluous-writeheader: w.Write\\(\\[\\]byte\\(\"hello\"\\)\\) on line 85 already started the body, which sends 200 OK"
}

func missingHeaders(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case "DELETE":
		w.WriteHeader(http.StatusMethodNotAllowed) // codes: 405/send want "missing-header: ^w.WriteHeader\\(http.StatusMethodNotAllowed\\) sends 405 Method Not Allowed without an Allow header: a 405 must list the methods"
	case "PUT":
		w.Header().Set("Allow", "GET, HEAD")
		w.WriteHeader(http.StatusMethodNotAllowed) // codes: 405/send
	case "POST":
		http.Error(w, "log in first", http.StatusUnauthorized) // codes: 401/send want "missing-header: WWW-Authenticate"
	case "PATCH":
		w.Header()["Www-Authenticate"] = []string{`Bearer realm="api"`}
		http.Error(w, "log in first", http.StatusUnauthorized) // codes: 401/send
	case "GET":
		w.WriteHeader(http.StatusFound) // codes: 302/send want "missing-header: a 302 redirects nowhere without it"
	case "HEAD":
		http.Redirect(w, r, "/", http.StatusFound) // codes: 302/send
	}
}

func headerByHelper(w http.ResponseWriter) {
	challenge(w)
	w.WriteHeader(http.StatusUnauthorized) // codes: 401/send
}

func challenge(w http.ResponseWriter) {}

func superfluous(w http.ResponseWriter, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // codes: 500/send
	}
	w.WriteHeader(http.StatusCreated) // codes: 201/send want "superfluous-writeheader: w.WriteHeader\\(http.StatusCreated\\) has no effect: http.Error on line 117 already sent the status.*return after line 117"
}

func notSuperfluous(w http.ResponseWriter, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // codes: 500/send
		return
	}
	switch {
	case err == nil:
		w.WriteHeader(http.StatusOK) // codes: 200/send
	default:
		w.WriteHeader(http.StatusAccepted) // codes: 202/send
	}
}

func reasons(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		http.Error(w, "Not Found", http.StatusInternalServerError) // codes: 500/send want "reason-mismatch: ^http.Error sends 500 Internal Server Error with the message \"Not Found\", which is the reason phrase of 404 Not Found"
	case 2:
		http.Error(w, http.StatusText(http.StatusNotFound), http.StatusBadRequest) // codes: 400/send 404/compare want "reason-mismatch: with the text of 404 Not Found \\(http.StatusText\\(404\\)\\)"
	case 3:
		http.Error(w, "not found.", http.StatusNotFound) // codes: 404/send
	case 4:
		http.Error(w, "Unprocessable Entity", http.StatusUnprocessableEntity) // codes: 422/send
	case 5:
		http.Error(w, "user not found", http.StatusInternalServerError) // codes: 500/send
	}
}

func vendors(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		w.WriteHeader(499) // codes: 499/send want "nonstandard-status: with 499 Client Closed Request: not a registered code but nginx's own; clients that do not know it treat it as 400 Bad Request"
	case 2:
		w.WriteHeader(http.StatusTeapot) // codes: 418/send want "deprecated-status: 418 I'm a teapot, a retired code"
	}
}

func ignored(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		w.WriteHeader(299) //httpcodes:ignore unknown-status // codes: 299/send
	case 2:
		//httpcodes:ignore
		w.WriteHeader(2000) // codes: 2000/send
	case 3:
		//httpcodes:ignore prefer-constant
		w.WriteHeader(430) // codes: 430/send want "unknown-status"
	}
}

// A multipart 206 carries no Content-Range of its own (RFC 9110, Section
// 15.3.7.2), and a 416's is only recommended: neither is a missing header.
func ranges(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Range") == "" {
		w.Header().Set("Content-Type", "multipart/byteranges; boundary=THIS_STRING_SEPARATES")
		w.WriteHeader(http.StatusPartialContent) // codes: 206/send
		return
	}
	w.WriteHeader(http.StatusRequestedRangeNotSatisfiable) // codes: 416/send
}
