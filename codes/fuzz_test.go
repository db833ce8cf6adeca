package codes

import "testing"

// FuzzParsePage: a page in any shape gives a page or an error, never a panic.
func FuzzParsePage(f *testing.F) {
	f.Add([]byte(goodPage))
	f.Add([]byte("---\ncode: 200\n---\n## Meaning\n"))
	f.Add([]byte("---\r\ncode: 1e9\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := ParsePage("299.md", src)
		if err == nil && (c.Number < 100 || c.Number > 599 || c.Meaning == "") {
			t.Fatalf("accepted an invalid page: %+v", c)
		}
	})
}
