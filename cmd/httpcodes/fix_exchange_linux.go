package main

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeFiles swaps the files at a and b atomically. File systems that
// cannot (some network ones) give errNoExchange.
func exchangeFiles(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
