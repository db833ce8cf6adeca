package facts

import "strings"

// csRequiredHeader reports whether h is a header some code requires.
func CsRequiredHeader(h string) bool {
	switch strings.ToLower(h) {
	case "www-authenticate", "proxy-authenticate", "location", "allow", "upgrade":
		return true
	}
	return false
}
