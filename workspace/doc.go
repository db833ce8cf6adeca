// Package workspace is the one core under `httpcodes check` and
// `httpcodes serve`: it decides, for a file and the settings in force, what
// the project is (its .httpcodes.yaml and the library versions its lockfiles
// pin), whether the file is checked at all, what the analysis reports for
// it, how its fixes are applied, and where an offset sits as a line and
// column. The two front ends differ only in I/O: check reads files from
// disk and prints, the server reads editor buffers and speaks LSP, and for
// the same file and settings both report the same findings.
package workspace
