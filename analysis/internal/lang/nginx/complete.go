package nginx

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// completeNginx offers status codes where a directive takes one next:
// `return `, `error_page ` (before the URI, and after its '='),
// `limit_req_status ` and `limit_conn_status `. Only the directive's own
// line is read; a directive usually starts its line, or follows the ';',
// '{' or '}' of another on it.
func completeNginx(req *facts.CompleteRequest) *facts.Completion {
	start := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	line := string(lex.LineBefore(req.Src, start))
	if strings.ContainsAny(line, `#"'`) {
		return nil // in a comment, or after a string: not a code's place
	}
	if i := strings.LastIndexAny(line, ";{}"); i >= 0 {
		line = line[i+1:]
	}
	afterEquals := strings.HasSuffix(line, "=")
	line = strings.TrimSuffix(line, "=")
	if line == "" || !lex.Space[line[len(line)-1]] {
		return nil // the digits belong to a longer word
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil
	}
	switch fields[0] {
	case "return", "limit_req_status", "limit_conn_status":
		if len(fields) != 1 || afterEquals {
			return nil
		}
	case "error_page":
		for _, f := range fields[1:] {
			if strings.Trim(f, "0123456789") != "" || strings.HasPrefix(f, "=") {
				return nil // past the URI, or past the response
			}
		}
	default:
		return nil
	}
	return lex.CompleteNumbers(req, nil)
}
