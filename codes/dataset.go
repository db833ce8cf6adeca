package codes

// The data set's dates, as the site's structured data reports them
// (datePublished, dateModified). They are fixed here, not read from a clock,
// so that the same data set always gives the same site; bump Modified when
// the pages change.
const (
	// Published is when the data set was first published.
	Published = "2026-11-25"
	// Modified is when the pages were last revised.
	Modified = "2026-12-08"
)
