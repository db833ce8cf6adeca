package contexts

import (
	"archive/tar"
	"fmt"
	nethttp "net/http"
	"net/http/httptest"
	"strconv"
	"time"
)

type server struct{ w nethttp.ResponseWriter }

// Status writes, through a renamed import and a receiver that is not a bare name.
func (s *server) handle(w nethttp.ResponseWriter, r *nethttp.Request) {
	switch r.Method {
	case "A":
		w.WriteHeader(201) // codes: 201/send want "prefer-constant: ^201 is 201 Created; write nethttp.StatusCreated$"
	case "B":
		s.w.WriteHeader(202) // codes: 202/send want "prefer-constant: nethttp.StatusAccepted"
	case "C":
		nethttp.Error(w, "bad input", 400) // codes: 400/send want "prefer-constant: nethttp.StatusBadRequest"
	case "D":
		nethttp.Redirect(w, r, "/", 303) // codes: 303/send want "prefer-constant: nethttp.StatusSeeOther"
	case "E":
		w.WriteHeader(nethttp.StatusAccepted) // codes: 202/send
	}
	_ = nethttp.RedirectHandler("/", 308) // codes: 308/send want "prefer-constant"
	_ = nethttp.StatusText(404)           // codes: 404/compare want "prefer-constant"
}

// Reading a response's status.
func client(resp *nethttp.Response) {
	if resp.StatusCode == 200 { // codes: 200/compare want "prefer-constant"
	}
	if 404 == resp.StatusCode { // codes: 404/compare want "prefer-constant"
	}
	if resp.StatusCode >= 400 && resp.StatusCode < 500 { // codes: 400/range 500/range
	}
	if resp.StatusCode/100 == 5 || resp.StatusCode%100 == 0 {
	}
	code := resp.StatusCode
	if code != 201 { // codes: 201/compare want "prefer-constant"
	}
	switch c := resp.StatusCode; c {
	case 301, 302: // codes: 301/compare 302/compare want "prefer-constant" "prefer-constant"
	case nethttp.StatusNotFound: // codes: 404/compare
	}
	switch resp.StatusCode {
	case 499: // codes: 499/compare
	}
	resp.StatusCode = 204                            // codes: 204/send want "prefer-constant"
	_ = &nethttp.Response{StatusCode: 206}           // codes: 206/send want "prefer-constant"
	if resp.StatusCode >= nethttp.StatusBadRequest { // codes: 400/range
	}
}

// The recorder's Code field.
func recorder() {
	rr := httptest.NewRecorder()
	if rr.Code != 307 { // codes: 307/compare want "prefer-constant"
	}
	var rec *httptest.ResponseRecorder
	if rec.Code == 429 { // codes: 429/compare want "prefer-constant"
	}
	_ = httptest.ResponseRecorder{Code: 200} // codes: 200/send want "prefer-constant"
}

// Numbers that are not status codes.
func notStatuses(tw *tar.Writer, hdr *tar.Header, resp *nethttp.Response) {
	time.Sleep(200 * time.Millisecond)
	buf := make([]byte, 404)
	port := 8080
	retries := 500
	_, _, _, _ = buf, port, retries, hdr
	_ = tw.WriteHeader(hdr)
	if resp.Status == "200" {
	}
	if strconv.Itoa(resp.ProtoMajor) == "1" {
	}
	http := struct{ Code int }{Code: 404}
	if http.Code == 200 {
	}
	type errorWithCode struct{ Code int }
	e := errorWithCode{Code: 500}
	if e.Code == 500 {
	}
	fmt.Println(100, 200, 300)
	if resp.StatusCode == 0 {
	}
}

// A local type whose WriteHeader is not HTTP's.
type logWriter struct{}

func (logWriter) WriteHeader(n int) {}

func notHTTP(l logWriter) {
	l.WriteHeader(5)
}

// A wrapper that has the methods of a response writer is one.
type statusWriter struct {
	nethttp.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Header() nethttp.Header { return s.ResponseWriter.Header() }

func (s *statusWriter) flush() {
	s.WriteHeader(200) // codes: 200/send want "prefer-constant"
}

// So is a value whose type's name says so, wherever the type is declared.
func viaRecorder(rec *responseRecorder) {
	rec.WriteHeader(404) // codes: 404/send want "prefer-constant"
}
