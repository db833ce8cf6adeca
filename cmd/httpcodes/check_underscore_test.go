package main

import "testing"

// Folders whose names start with "_" (a package's _internal, _compat) are
// walked like any other; only hidden folders, vendor, node_modules and
// testdata are skipped.
func TestCheckWalksUnderscoreFolders(t *testing.T) {
	dir := t.TempDir()
	view := "from flask import abort\n\n\ndef view():\n    abort(299)\n"
	writeFiles(t, dir, map[string]string{
		"pkg/_internal/views.py":   view,
		"pkg/.hidden/views.py":     view,
		"pkg/node_modules/x/v.py":  view,
		"pkg/_compat/_old/more.py": view,
	})
	t.Chdir(dir)
	_, stdout, stderr := runCmd(t, "check", "--fail-on", "error", ".")
	want := "" +
		"pkg/_compat/_old/more.py:5:11: warning: abort with 299: it sends an error message, but 299 tells the client the request did not fail; use a 4xx code when the request is at fault (400 Bad Request, 404 Not Found, …) or a 5xx code when the server is (500 Internal Server Error) [error-status]\n" +
		"pkg/_internal/views.py:5:11: warning: abort with 299: it sends an error message, but 299 tells the client the request did not fail; use a 4xx code when the request is at fault (400 Bad Request, 404 Not Found, …) or a 5xx code when the server is (500 Internal Server Error) [error-status]\n"
	if stdout != want {
		t.Errorf("check:\n%s\nwant:\n%s\nstderr: %s", stdout, want, stderr)
	}
}
