package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit statuses, as docs/DESIGN.md fixes them for check and every other command.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitStatus is the error a command returns to end with a status other
// than 0 once it has said why on stderr itself; run prints nothing more.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// status turns a command's exit status into what a cobra RunE returns.
func status(code int) error {
	if code == exitOK {
		return nil
	}
	return exitStatus(code)
}

// usageError is a mistake on the command line that the command found
// itself (a missing argument, flags that do not go together): run prints
// it with the hint to the command's help, and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// run is the whole program, minus the process: tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	// cobra reads os.Args when given nil.
	root.SetArgs(append([]string{}, args...))
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var es exitStatus
	if errors.As(err, &es) {
		return int(es)
	}
	if len(args) == 0 {
		// No command at all: the general help is the answer, on stderr,
		// as a usage error.
		fmt.Fprint(stderr, root.UsageString())
		return exitError
	}
	prefix := "httpcodes: "
	if cmd != nil && cmd != root {
		prefix += strings.TrimPrefix(cmd.CommandPath(), "httpcodes ") + ": "
	}
	path := "httpcodes"
	if cmd != nil {
		path = cmd.CommandPath()
	}
	fmt.Fprintf(stderr, "%s%s\nRun \"%s --help\" for usage.\n", prefix, strings.TrimRight(err.Error(), "\n"), path)
	return exitError
}
