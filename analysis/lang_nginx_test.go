package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

func TestNginxClaims(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/etc/nginx/nginx.conf", "nginx"},
		{"nginx.conf", "nginx"},
		{"/etc/nginx/conf.d/api.conf", "nginx"},
		{"deploy/nginx-proxy/site.conf", "nginx"},
		{"deploy/Nginx/site.CONF", "nginx"},
		{"/etc/nginx/sites-available/default", "nginx"},
		{"/etc/nginx/sites-enabled/example.com", "nginx"},
		{"sites-enabled/api.conf", "nginx"},
		{"snippets/ssl.nginx", "nginx"},
		{"snippets/ssl.nginxconf", "nginx"},
		{"sites-enabled/app.yaml", "openapi"},
		{"sites-enabled/main.go", "go"},
		{"nginx-proxy/nginx.tmpl", "nginx"},
		{"roles/web/templates/nginx.conf.j2", "nginx"},
		{"deploy/nginx/site.conf.j2", "nginx"},
		{"templates/default.conf.template", "nginx"},
		{"roles/web/templates/haproxy.conf.j2", ""},
		{"templates/page.tmpl", ""},
		{"/etc/nginx/mime.types", ""},
		{"/etc/supervisor/conf.d/app.conf", ""},
		{"/etc/nginx/sites-available/x/deeper", ""},
		{"app.conf", ""},
		// Samples to copy (linuxserver/reverse-proxy-confs, koel).
		{"adguard.subdomain.conf.sample", "nginx"},
		{"proxy-confs/grafana.subfolder.conf.sample", "nginx"},
		{"_template.subdomain.conf.sample", "nginx"},
		{"nginx.conf.example", "nginx"},
		{"deploy/nginx/site.conf.sample", "nginx"},
		{"docs/nginx-site.conf.example", "nginx"},
		{"deploy/Nginx/site.CONF.Sample", "nginx"},
		{"paperless.conf.example", ""},
		{"conf/auth.d/ldap_bind_dn.conf.example", ""},
		{"rules/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf.example", ""},
		{"sites-available/app.conf.sample", "nginx"},
		{"config.sample", ""},
		{"nginx.sample", ""},
		{"nginx_app.conf", "nginx"},
		{"config/nginx-exporter.yaml", "openapi"},
	}
	for _, tt := range tests {
		if got := facts.LanguageOf(tt.path); got != tt.want {
			t.Errorf("Language(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// A "|" marks where completion is asked for; want is the first item's
// label and the text it replaces, or "" for no completion.
func TestNginxCompletion(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"return", "location / {\n    return |", "100@"},
		{"return digits", "location / { return 30|", "300@30"},
		{"error_page", "error_page 404 5|", "500@5"},
		{"error_page response", "error_page 404 =2|", "200@2"},
		{"limit_req_status", "limit_req_status 4|", "400@4"},
		{"after the code", "return 301 |", ""},
		{"after the uri", "error_page 404 /x |", ""},
		{"after the response", "error_page 404 =200 |", ""},
		{"listen", "listen 4|", ""},
		{"comment", "# return 4|", ""},
		{"string", `return 200 "4|`, ""},
		{"word", "return 4|", "400@4"},
		{"glued", "return4|", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(tt.src, "|")
			src := []byte(tt.src[:off] + tt.src[off+1:])
			got := ""
			if c := Complete("nginx.conf", src, off, nil, true); c != nil && len(c.Items) > 0 {
				got = fmt.Sprintf("%s@%s", c.Items[0].Insert, src[c.Start:c.End])
			}
			if got != tt.want {
				t.Errorf("completion %q, want %q", got, tt.want)
			}
		})
	}
}

// Forms the annotated files cannot show: line breaks, escapes and files
// that end inside a directive.
func TestNginxForms(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"crlf", "server {\r\n\treturn 404;\r\n}\r\n", "404/send"},
		{"escaped quote", `return 200 "a \" return 500;"; return 201;`, "200/send 201/send"},
		{"brace in a variable", "set $x ${host}404; return 410;", "410/send"},
		{"no final semicolon", "return 404", "404/send"},
		{"comment at the end", "return 404; # return 500;", "404/send"},
		{"if without spaces", "if ($status=404) { return 500; }", "500/send"},
		{"nested table", "map $status $x { 404 1; hostnames { return 500; } 500 0; }", "404/compare 500/compare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, o := range Analyze("nginx.conf", []byte(tt.src), nil).Occurrences {
				got = append(got, fmt.Sprintf("%d/%s", o.Code, roleNames[o.Role]))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("occurrences %v, want %s", got, tt.want)
			}
		})
	}
}
