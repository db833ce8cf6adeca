package fix

import (
	nethttp "net/http"
)

var table = []struct {
	name   string
	status int
}{
	{"ok", 200},
	{"teapot", 418},
}

func handle(w nethttp.ResponseWriter, r *nethttp.Request, resp *nethttp.Response) {
	if resp.StatusCode == 404 { // a comment the fix must keep
		w.WriteHeader(410)
		return
	}
	if resp.StatusCode >= 500 {
		nethttp.Error(w, "upstream failed", 502)
		return
	}
	switch resp.StatusCode {
	case 301, 308:
		nethttp.Redirect(w, r, resp.Header.Get("Location"), 301)
	}
}
