package rust

// rustTestRegions finds the test code inside a Rust file: the items that
// #[cfg(test)] guards (the tests module), the functions that #[test] and
// its kin mark (#[tokio::test], #[actix_web::test], #[rstest],
// #[test_case(…)]), and the whole file under an inner #![cfg(test)]. Each
// region runs from the attribute to the brace that closes the item's body;
// an item without a body (mod tests;) is no region.
func (r *RustScan) TestRegions() [][2]int {
	var regions [][2]int
	for i := 0; i < len(r.Toks); i++ {
		if !r.Is(i, "#") {
			continue
		}
		inner := r.Is(i+1, "!")
		open := i + 1
		if inner {
			open++
		}
		if !r.Is(open, "[") {
			continue
		}
		end := r.Closing(open)
		if end >= len(r.Toks) || !r.isTestAttribute(open+1, end) {
			i = max(i, end)
			continue
		}
		if inner {
			return [][2]int{{0, len(r.Src)}}
		}
		if body := r.itemBody(end + 1); body >= 0 {
			closeAt := r.Closing(body)
			stop := len(r.Src)
			if closeAt < len(r.Toks) {
				stop = int(r.Toks[closeAt].End)
			}
			regions = append(regions, [2]int{int(r.Toks[i].Start), stop})
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
func (r *RustScan) isTestAttribute(from, to int) bool {
	switch {
	case to-from == 4 && r.Is(from, "cfg") && r.Is(from+1, "(") && r.Is(from+2, "test") && r.Is(from+3, ")"):
		return true
	case to-from == 1 && (r.Is(from, "test") || r.Is(from, "rstest")):
		return true
	case to-from >= 3 && r.Is(to-1, "test") && r.Is(to-2, "::"):
		return true
	case to > from && r.Is(from, "test_case"):
		return true
	}
	return false
}

// itemBody returns the index of the { that opens the body of the item
// starting at token i (after any further attributes), or -1 when the item
// ends with ; first (mod tests;) or the file ends.
func (r *RustScan) itemBody(i int) int {
	for i < len(r.Toks) {
		switch {
		case r.Is(i, "{"):
			return i
		case r.Is(i, ";") || r.Is(i, "}"):
			return -1
		case r.Is(i, "(") || r.Is(i, "["):
			// Parameters, attributes and array types hold no body brace.
			i = r.Closing(i) + 1
		default:
			i++
		}
	}
	return -1
}
