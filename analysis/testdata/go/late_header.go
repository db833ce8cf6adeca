package lateheader

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"time"
)

func afterWriteHeader(w http.ResponseWriter, url string) {
	w.WriteHeader(http.StatusCreated) // codes: 201/send
	w.Header().Set("Location", url)   // want "late-header: w.Header\\(\\).Set\\(\"Location\", url\\) comes too late: the status was sent by w.WriteHeader\\(http.StatusCreated\\) on line 14; net/http drops"
}

func afterBody(w http.ResponseWriter) {
	fmt.Fprintf(w, "hello")
	w.Header().Set("Content-Type", "text/plain") // want "late-header: the body was started by fmt.Fprintf\\(w, \"hello\"\\) on line 19, which sent 200 OK and the headers"
}

func indexAssignment(w http.ResponseWriter) {
	io.WriteString(w, "x")
	w.Header()["X-Request-Id"] = []string{"1"} // want "late-header: w.Header\\(\\)\\[\"X-Request-Id\"\\]"
}

func cookieAfterError(w http.ResponseWriter, c *http.Cookie) {
	http.Error(w, "no", http.StatusForbidden) // codes: 403/send
	http.SetCookie(w, c)                      // want "late-header: the status was sent by http.Error"
}

func encodeThenDelete(w http.ResponseWriter, v any) {
	json.NewEncoder(w).Encode(v)
	w.Header().Del("Content-Length") // want "late-header"
}

func afterRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/next", http.StatusSeeOther) // codes: 303/send
	w.Header().Add("Cache-Control", "no-store")       // want "late-header: http.Redirect"
}

func afterServe(w http.ResponseWriter, r *http.Request, f *os.File) {
	http.ServeContent(w, r, "a.txt", time.Time{}, f)
	w.Header().Set("X-Served", "1") // want "late-header"
}

func afterCopy(w http.ResponseWriter, f *os.File) {
	io.Copy(w, f)
	etag := "abc"
	w.Header().Set("ETag", etag) // want "late-header"
}

// Trailers are set after the body on purpose.
func trailers(w http.ResponseWriter) {
	w.Header().Set("Trailer", "X-Checksum, X-Count")
	w.WriteHeader(http.StatusOK) // codes: 200/send
	io.WriteString(w, "data")
	w.Header().Set("X-Checksum", "abc")
	w.Header().Set(http.TrailerPrefix+"X-Late", "1")
	w.Header().Set("X-Other", "1") // want "late-header"
}

// The write is in a branch that returns: the header is on the other path.
func branchWrites(w http.ResponseWriter, cached bool, tag string) {
	if cached {
		w.WriteHeader(http.StatusNotModified) // codes: 304/send
		return
	}
	w.Header().Set("ETag", tag)
	w.WriteHeader(http.StatusOK) // codes: 200/send
}

// The header is set in a branch that does not write.
func branchSetsHeader(w http.ResponseWriter, debug bool) {
	if debug {
		w.Header().Set("X-Debug", "1")
	}
	w.WriteHeader(http.StatusOK) // codes: 200/send
}

// 103 Early Hints is sent before the final status: headers may follow.
func earlyHints(w http.ResponseWriter) {
	w.Header().Add("Link", "</style.css>; rel=preload; as=style")
	w.WriteHeader(http.StatusEarlyHints) // codes: 103/send
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK) // codes: 200/send
}

// A body write whose error is checked may have sent nothing when it fails.
func checkedWrite(w http.ResponseWriter, t *template.Template) {
	if err := t.Execute(w, nil); err != nil {
		w.Header().Set("X-Error", "1")
		http.Error(w, "template failed", http.StatusInternalServerError) // codes: 500/send
	}
}

// Writes in a loop may not have happened.
func loop(w http.ResponseWriter, items []string) {
	for _, it := range items {
		io.WriteString(w, it)
	}
	w.Header().Set("X-Count", "1")
}

// A missing return: the header after the error path is set too late on
// that path, a consequence of the missing return that
// superfluous-writeheader reports once (one problem, one finding).
func missingReturn(w http.ResponseWriter, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // codes: 400/send
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK) // codes: 200/send want "superfluous-writeheader: w.WriteHeader\\(http.StatusOK\\) has no effect: http.Error.* on line 111 already sent the status.*; return after line 111"
}
