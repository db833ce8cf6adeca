package codes

import (
	"regexp"
	"sort"
	"strings"
)

// headerSpecs are the sections that define the header fields the pages
// name, so a page can link the headers a code involves.
var headerSpecs = map[string]Spec{
	"A-IM":                      {3229, "10.5.3"},
	"Accept":                    {9110, "12.5.1"},
	"Accept-Charset":            {9110, "12.5.2"},
	"Accept-Encoding":           {9110, "12.5.3"},
	"Accept-Language":           {9110, "12.5.4"},
	"Accept-Patch":              {5789, "3.1"},
	"Accept-Ranges":             {9110, "14.3"},
	"Age":                       {9111, "5.1"},
	"Allow":                     {9110, "10.2.1"},
	"Alt-Svc":                   {7838, "3"},
	"Authorization":             {9110, "11.6.2"},
	"Cache-Control":             {9111, "5.2"},
	"Connection":                {9110, "7.6.1"},
	"Content-Encoding":          {9110, "8.4"},
	"Content-Language":          {9110, "8.5"},
	"Content-Length":            {9110, "8.6"},
	"Content-Location":          {9110, "8.7"},
	"Content-Range":             {9110, "14.4"},
	"Content-Type":              {9110, "8.3"},
	"DAV":                       {4918, "10.1"},
	"Date":                      {9110, "6.6.1"},
	"Depth":                     {4918, "10.2"},
	"Destination":               {4918, "10.3"},
	"Early-Data":                {8470, "5.1"},
	"Delta-Base":                {3229, "10.5.1"},
	"ETag":                      {9110, "8.8.3"},
	"Expect":                    {9110, "10.1.1"},
	"Expires":                   {9111, "5.3"},
	"Host":                      {9110, "7.2"},
	"IM":                        {3229, "10.5.2"},
	"If":                        {4918, "10.4"},
	"If-Match":                  {9110, "13.1.1"},
	"If-Modified-Since":         {9110, "13.1.3"},
	"If-None-Match":             {9110, "13.1.2"},
	"If-Range":                  {9110, "13.1.5"},
	"If-Unmodified-Since":       {9110, "13.1.4"},
	"Last-Modified":             {9110, "8.8.2"},
	"Link":                      {8288, "3"},
	"Location":                  {9110, "10.2.2"},
	"Lock-Token":                {4918, "10.5"},
	"Max-Forwards":              {9110, "7.6.2"},
	"Overwrite":                 {4918, "10.6"},
	"Proxy-Authenticate":        {9110, "11.7.1"},
	"Proxy-Authorization":       {9110, "11.7.2"},
	"Range":                     {9110, "14.2"},
	"Retry-After":               {9110, "10.2.3"},
	"Server":                    {9110, "10.2.4"},
	"Strict-Transport-Security": {6797, "6.1"},
	"Timeout":                   {4918, "10.7"},
	"Upgrade":                   {9110, "7.8"},
	"Vary":                      {9110, "12.5.5"},
	"Via":                       {9110, "7.6.3"},
	"WWW-Authenticate":          {9110, "11.6.1"},
	"Authentication-Info":       {9110, "11.6.3"},
	"Proxy-Authentication-Info": {9110, "11.7.3"},
}

// HeaderSpec returns the section that defines a header field, by its name
// in any case.
func HeaderSpec(name string) (Spec, bool) {
	for k, s := range headerSpecs {
		if strings.EqualFold(k, name) {
			return s, true
		}
	}
	return Spec{}, false
}

// backticked finds the `Name` and `Name: value` spans of a page.
var backticked = regexp.MustCompile("`([A-Za-z][A-Za-z-]*)(?::[^`]*)?`")

// Headers returns the header fields the code involves: the ones it requires
// or suggests, then those its page names, each once, in that order; only
// headers with a known defining section, spelled as that table spells them.
func (c *Code) Headers() []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		for k := range headerSpecs {
			if strings.EqualFold(k, name) && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	for _, h := range c.RequiredHeaders {
		add(h)
	}
	for _, h := range c.SuggestedHeaders {
		add(h)
	}
	var named []string
	for _, text := range []string{c.Meaning, c.WhenToUse, c.WhenNotToUse} {
		for _, m := range backticked.FindAllStringSubmatch(text, -1) {
			named = append(named, m[1])
		}
	}
	n := len(out)
	for _, h := range named {
		add(h)
	}
	sort.Strings(out[n:])
	return out
}

// codeRef matches a code a page names, as the pages write them: `404 Not Found`.
var codeRef = regexp.MustCompile("`([1-5][0-9][0-9]) [A-Z][^`]*`")

// RelatedCodes returns the codes the page names (`404 Not Found`), other
// than the code itself, each once, in the order the page first names them.
func (c *Code) RelatedCodes() []int {
	var out []int
	seen := map[int]bool{c.Number: true}
	for _, text := range []string{c.Meaning, c.WhenToUse, c.WhenNotToUse, c.Retired, c.ClientSupport} {
		for _, m := range codeRef.FindAllStringSubmatch(text, -1) {
			n := 0
			for _, d := range m[1] {
				n = n*10 + int(d-'0')
			}
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}
