package analysis

import (
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/internal/textpos"
)

// TestMessageLinesCountAsPrintersDo: the line a message names ("sent … on
// line 2") is the line `check` prints and the editor shows, whatever ends
// the lines: "\n", "\r\n" or a lone "\r" (old Mac files, which LSP counts
// as line ends too).
func TestMessageLinesCountAsPrintersDo(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		src := strings.Join([]string{
			"app.get('/x', (req, res) => {",
			"  res.status(201).send(made);",
			"  res.setHeader('Location', url);",
			"});",
		}, eol)
		res := Analyze("h.js", []byte(src), nil)
		var msgs []string
		for _, f := range res.Findings {
			if f.Rule == "late-header" {
				msgs = append(msgs, f.Message)
				if line := textpos.NewLines([]byte(src)).Line(f.Start) + 1; line != 3 {
					t.Errorf("%q: the finding is on line %d, want 3", eol, line)
				}
			}
		}
		if len(msgs) != 1 || !strings.Contains(msgs[0], "on line 2;") {
			t.Errorf("%q: late-header messages %q, want one naming line 2", eol, msgs)
		}
	}
}
