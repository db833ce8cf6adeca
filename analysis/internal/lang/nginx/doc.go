// Package nginx reads nginx configuration: return, error_page and the
// *_status directives, in nginx.conf, conf.d files and templates.
//
// It registers itself (facts.Register) when loaded.
package nginx
