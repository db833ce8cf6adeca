package facts

import "github.com/httpcodes/httpcodes/codes"

// The extractors name constants from the built-in data set: the names are
// facts of each library, whatever custom codes a project adds.
func LookupDefault(n int) (*codes.Code, bool)       { return codes.Lookup(n) }
func ByNameDefault(name string) (*codes.Code, bool) { return codes.ByName(name) }
