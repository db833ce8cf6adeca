package facts

// Elsewhere reports whether the fix edits another file than the finding's
// (Edit.File): ApplyFixes leaves such fixes to the front end, which
// applies them to that file (workspace.FixElsewhere).
func (f *Fix) Elsewhere() bool {
	for _, e := range f.Edits {
		if e.File != "" {
			return true
		}
	}
	return false
}
