// Command httpcodes explains HTTP status codes in the editor and in CI: it
// finds status codes in source files, serves hover docs and diagnostics over
// the Language Server Protocol, and checks code for misused statuses.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
