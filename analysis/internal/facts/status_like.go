package facts

// statusLike reports whether a number in a context that is not strict is
// taken as a status: three digits; and, compared with a status, four
// (expect(res.status).toBe(2020) is a typo that makes a test impossible to
// pass, and invalid-status says so). Four digits count only in the
// languages that declare statusByName.
func StatusLike(n int, role Role, lang string) bool {
	if n >= 100 && n <= 999 {
		return true
	}
	// 1223 is what Internet Explorer's XMLHttpRequest reported for a 204:
	// libraries compare with it on purpose (xhr.status === 1223 ? 204 : …).
	if role != Compare || n < 1000 || n > 9999 || n == ieNoContent {
		return false
	}
	l := LanguageNamed(lang)
	return l != nil && l.StatusByName
}

// ieNoContent is Internet Explorer's XMLHttpRequest status for a 204.
const ieNoContent = 1223
