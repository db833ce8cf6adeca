package dot

import . "net/http"

func handler(w ResponseWriter, r *Request) {
	if r.Method == "BREW" {
		w.WriteHeader(StatusTeapot) // codes: 418/send want "deprecated-status: 418 I'm a teapot, a retired code"
		return
	}
	Error(w, "gone", 410) // codes: 410/send want "prefer-constant: 410 is 410 Gone; write StatusGone$"
	_ = StatusOK          // codes: 200/ref
}
