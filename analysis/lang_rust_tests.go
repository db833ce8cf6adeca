package analysis

// rustTestRegions finds the test code inside a Rust file: the items that
// #[cfg(test)] guards (the tests module), the functions that #[test] and
// its kin mark (#[tokio::test], #[actix_web::test], #[rstest],
// #[test_case(…)]), and the whole file under an inner #![cfg(test)]. Each
// region runs from the attribute to the brace that closes the item's body;
// an item without a body (mod tests;) is no region.
func (r *rustScan) testRegions() [][2]int {
	var regions [][2]int
	for i := 0; i < len(r.toks); i++ {
		if !r.is(i, "#") {
			continue
		}
		inner := r.is(i+1, "!")
		open := i + 1
		if inner {
			open++
		}
		if !r.is(open, "[") {
			continue
		}
		end := r.closing(open)
		if end >= len(r.toks) || !r.isTestAttribute(open+1, end) {
			i = max(i, end)
			continue
		}
		if inner {
			return [][2]int{{0, len(r.src)}}
		}
		if body := r.itemBody(end + 1); body >= 0 {
			closeAt := r.closing(body)
			stop := len(r.src)
			if closeAt < len(r.toks) {
				stop = int(r.toks[closeAt].end)
			}
			regions = append(regions, [2]int{int(r.toks[i].start), stop})
			// The body is test code whole: nothing inside needs a look.
			i = closeAt
			continue
		}
		i = end
	}
	return regions
}

// isTestAttribute reports whether the attribute tokens [from, to) mark test
// code: cfg(test), test, a path ending in ::test, rstest, test_case(…).
func (r *rustScan) isTestAttribute(from, to int) bool {
	switch {
	case to-from == 4 && r.is(from, "cfg") && r.is(from+1, "(") && r.is(from+2, "test") && r.is(from+3, ")"):
		return true
	case to-from == 1 && (r.is(from, "test") || r.is(from, "rstest")):
		return true
	case to-from >= 3 && r.is(to-1, "test") && r.is(to-2, "::"):
		return true
	case to > from && r.is(from, "test_case"):
		return true
	}
	return false
}

// itemBody returns the index of the { that opens the body of the item
// starting at token i (after any further attributes), or -1 when the item
// ends with ; first (mod tests;) or the file ends.
func (r *rustScan) itemBody(i int) int {
	for i < len(r.toks) {
		switch {
		case r.is(i, "{"):
			return i
		case r.is(i, ";") || r.is(i, "}"):
			return -1
		case r.is(i, "(") || r.is(i, "["):
			// Parameters, attributes and array types hold no body brace.
			i = r.closing(i) + 1
		default:
			i++
		}
	}
	return -1
}
