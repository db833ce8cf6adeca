//go:build !linux

package main

// exchangeFiles reports that this system cannot swap two files atomically.
func exchangeFiles(a, b string) error { return errNoExchange }
