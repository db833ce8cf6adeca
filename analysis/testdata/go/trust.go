package trust

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// gin's c.Writer.WriteHeader records the status until the body goes out;
// a later call replaces it and a header set after it is in time.
func ginLazy(c *gin.Context, missing bool) {
	if missing {
		c.Writer.WriteHeader(http.StatusNotFound) // codes: 404/send
	}
	c.Writer.WriteHeader(http.StatusAccepted) // codes: 202/send
	c.Writer.WriteHeader(http.StatusCreated)  // codes: 201/send
	c.Writer.Header().Set("Location", "/x")
	c.Writer.Write([]byte("ok"))
}

// WriteHeaderNow sends it.
func ginNow(c *gin.Context) {
	c.Writer.WriteHeader(http.StatusCreated) // codes: 201/send
	c.Writer.WriteHeaderNow()
	c.Writer.Header().Set("Location", "/x") // want "late-header: the status was sent by c.Writer.WriteHeaderNow\\(\\)"
}

// gin sets Allow before it runs a NoMethod handler.
func ginNoMethod(r *gin.Engine) {
	r.NoMethod(func(c *gin.Context) {
		c.String(http.StatusMethodNotAllowed, "method not allowed") // codes: 405/send
	})
	r.NoRoute(func(c *gin.Context) {
		c.String(http.StatusMethodNotAllowed, "no") // codes: 405/send want "missing-header: Allow"
	})
}

// A lazy wrapper: its own WriteHeader records the status.
type lazy struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (l *lazy) WriteHeader(status int) { l.status = status }

func (l *lazy) Write(p []byte) (int, error) {
	if l.status == 0 {
		l.WriteHeader(http.StatusOK) // codes: 200/send
	}
	if !l.wrote {
		l.Header().Set("Content-Type", http.DetectContentType(p))
		l.ResponseWriter.WriteHeader(l.status)
		l.wrote = true
	}
	return l.ResponseWriter.Write(p)
}

// Exclusive ranges: one of the writes runs.
type gate struct {
	http.ResponseWriter
	connect, wrote bool
}

func (g *gate) WriteHeader(status int) {
	if g.connect && 200 <= status && status <= 299 {
		g.ResponseWriter.WriteHeader(status)
		g.wrote = true
	}
	if 100 <= status && status <= 199 {
		g.ResponseWriter.WriteHeader(status)
	}
	if !g.wrote && (status < 100 || status > 199) {
		g.ResponseWriter.WriteHeader(status)
		g.wrote = true
	}
}

func exclusiveRanges(w http.ResponseWriter, code int) {
	if code >= 200 && code < 300 {
		w.WriteHeader(code)
	}
	if code >= 400 {
		w.WriteHeader(code)
	}
}

// The ranges overlap: both writes may run.
func overlappingRanges(w http.ResponseWriter, code int) {
	if code >= 200 && code < 500 {
		w.WriteHeader(code)
	}
	if code >= 400 {
		w.WriteHeader(code) // want "superfluous-writeheader"
	}
}

// A flag set by the first write and tested before the second.
func flagged(w http.ResponseWriter, r *http.Request) {
	done := false
	if r.Method == "CONNECT" {
		w.WriteHeader(http.StatusOK) // codes: 200/send
		done = true
	}
	if !done {
		w.Header().Set("X-A", "b")
		w.WriteHeader(http.StatusAccepted) // codes: 202/send
	}
}

// The flag is tested first in a condition that goes on to call something:
// the call runs only when the flag is clear.
func flaggedCompound(w http.ResponseWriter, r *http.Request) {
	done := false
	if r.Method == "CONNECT" {
		w.WriteHeader(http.StatusOK) // codes: 200/send
		done = true
	}
	if !done && isStream(w.Header().Get("Content-Type")) {
		w.WriteHeader(http.StatusAccepted) // codes: 202/send
		done = true
	}
}

// The flag guards one side of an or: both may run.
func flagInOr(w http.ResponseWriter, r *http.Request, other bool) {
	done := false
	if r.Method == "CONNECT" {
		w.WriteHeader(http.StatusOK) // codes: 200/send
		done = true
	}
	if other || !done && isStream(w.Header().Get("Content-Type")) {
		w.WriteHeader(http.StatusAccepted) // codes: 202/send want "superfluous-writeheader: .*on line 130 already sent the status"
	}
}

func isStream(contentType string) bool { return contentType == "text/event-stream" }

// The flag is not the one set: both may run.
func otherFlag(w http.ResponseWriter, r *http.Request, other bool) {
	done := false
	if r.Method == "CONNECT" {
		w.WriteHeader(http.StatusOK) // codes: 200/send
		done = true
	}
	if !other {
		// Late only because line 144 has no return: that one finding.
		w.Header().Set("X-A", "b")
		w.WriteHeader(http.StatusAccepted) // codes: 202/send want "superfluous-writeheader: .*on line 144 already sent the status"
	}
	_ = done
}

// A status variable confined to 1xx does not end the headers.
func interim(w http.ResponseWriter, status int) {
	if status >= 100 && status < 200 {
		w.WriteHeader(status)
	}
	w.Header().Set("X-Late", "fine")
	w.WriteHeader(http.StatusOK) // codes: 200/send
}

// "OK" under another success code is an acknowledgement.
func created(c echo.Context) error {
	return c.String(http.StatusCreated, "OK") // codes: 201/send
}

func wrongReason(c echo.Context) error {
	return c.String(http.StatusCreated, "Not Found") // codes: 201/send want "reason-mismatch"
}

// A 305 given to a redirect API is a retired code: one finding.
func useProxy(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/p", http.StatusUseProxy) // codes: 305/send want "deprecated-status"
}

// "Did you mean" offers a registered code of the class, near the number.
func didYouMean(w http.ResponseWriter, n int) {
	switch n {
	case 1:
		w.WriteHeader(555) // codes: 555/send want "unknown-status: treat it as 500 Internal Server Error$"
	case 2:
		w.WriteHeader(443) // codes: 443/send want "unknown-status: did you mean 451 Unavailable For Legal Reasons\\?"
	case 3:
		w.WriteHeader(598) // codes: 598/send want "nonstandard-status: not a registered code but an informal convention of some HTTP proxies"
	}
}
