package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// A code the program gives its own reason phrase is a private code on
// purpose: unknown-status says so as info, and so is a code an nginx
// configuration gives its own error page. The same code without one
// stays a warning.
func TestUnknownStatusOwnReason(t *testing.T) {
	for _, tt := range []struct {
		path, src string
		want      map[int]facts.Severity
	}{
		{"Routes.kt", `import io.ktor.http.HttpStatusCode
private val LATER = HttpStatusCode(477, "Come Back Later")
private val BLANK = HttpStatusCode(478, "")
fun f() = HttpStatusCode.fromValue(479)
`, map[int]facts.Severity{477: facts.Info, 478: facts.Warning, 479: facts.Warning}},
		{"a.php", `<?php
return $r->withStatus(477, 'Come Back Later')->withStatus(478);
`, map[int]facts.Severity{477: facts.Info, 478: facts.Warning}},
		// A code the configuration gives its own error page in the same
		// file (error_page 550 @fetch550) is one it defines.
		{"sites-available/default.conf", `server {
    error_page 550 @fetch550;
    location / { return 550; }
    location /x { return 551; }
}
`, map[int]facts.Severity{550: facts.Info, 551: facts.Warning}},
	} {
		got := map[int]facts.Severity{}
		for _, f := range Analyze(tt.path, []byte(tt.src), nil).Findings {
			if f.Rule == "unknown-status" {
				got[f.Code] = f.Severity
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: findings %v, want %v", tt.path, got, tt.want)
		}
		for code, s := range tt.want {
			if sev, ok := got[code]; !ok || sev != s {
				t.Errorf("%s: %d reported as %v (found %v), want %v", tt.path, code, sev, ok, s)
			}
		}
	}
}
