package analysis

import (
	"slices"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/codes"
)

// scan reads status contexts off a file's tokens. A language's scanner
// walks the tokens, recognises its contexts (res.status(…), abort(…),
// status: …) and reports the status argument of each with status; every
// status constant of the language's ecosystems is found by constantAt.
type scan struct {
	lang string
	src  []byte
	toks []lexeme
	occ  []Occurrence
	// taken marks token indexes already turned into an occurrence, so a
	// constant seen in a context is not also reported as a bare reference.
	taken []bool
	// pair is what pairs() builds.
	pair  *bracketPairs
	names map[string]constantName
	// ecosystems are the language's, in the order a shared name is read
	// (Starlette before Django REST for status.HTTP_…); prefer reorders.
	ecosystems []codes.Ecosystem
	// used is the first ecosystem whose constants the file writes, with the
	// text written before its canonical name ("http." in
	// http.HTTPStatus.OK): numbers are offered that ecosystem's names.
	used       codes.Ecosystem
	usedPrefix string
	// usedQualifier is set when the file writes the ecosystem's qualifier
	// under a name of its own: the qualifier to offer numbers with.
	usedQualifier string
	// alias, when set, maps a qualifier the data set does not know to one
	// it does, or returns "": PHP's JsonResponse::HTTP_NOT_FOUND is
	// Symfony's Response::HTTP_NOT_FOUND inherited.
	alias func(qualifier string) string
}

// statusCtx describes where a status argument sits.
type statusCtx struct {
	role      Role
	context   string // the call as a person reads it: "res.status", "abort"
	framework string // "express", "flask", …
	api       API
	// strict: any number here is sent as a status, so one outside 100–999 is
	// an invalid-status finding rather than not a status.
	strict bool
	// msg is the index of a string token sent with the status as its
	// message (abort(404, "Not Found")), or -1.
	msg int
	// reason is set when the message is the reason phrase of the status
	// line the call makes (Ktor's HttpStatusCode(477, "Come Back Later"),
	// PSR-7's withStatus(477, 'Come Back Later')).
	reason bool
}

// constantName is one ecosystem's name for a code, as data/constants.csv
// writes it.
type constantName struct {
	code       int
	eco        codes.Ecosystem
	name       string
	deprecated bool
}

func newScan(lang string, src []byte, toks []lexeme) *scan {
	return &scan{
		lang: lang, src: src, toks: toks, taken: make([]bool, len(toks)),
		names: constantNames(lang), ecosystems: codes.EcosystemsForLanguage(lang),
	}
}

var (
	namesOnce  sync.Mutex
	namesCache = map[string]map[string]constantName{}
)

// constantNames indexes the constant names of a language's ecosystems by
// the name as written in the data set ("StatusCodes.NOT_FOUND",
// "StatusCode::NOT_FOUND", ":not_found"). Names two ecosystems share
// (status.HTTP_404_NOT_FOUND) keep the first ecosystem; the scanner's
// preference decides between them when it matters.
func constantNames(lang string) map[string]constantName {
	namesOnce.Lock()
	defer namesOnce.Unlock()
	if m, ok := namesCache[lang]; ok {
		return m
	}
	m := map[string]constantName{}
	for _, eco := range codes.EcosystemsForLanguage(lang) {
		for _, c := range codes.All() {
			for _, k := range c.ConstantsFor(eco) {
				if _, dup := m[k.Name]; !dup {
					m[k.Name] = constantName{code: c.Number, eco: eco, name: k.Name, deprecated: k.Deprecated}
				}
			}
		}
	}
	namesCache[lang] = m
	return m
}

// tok returns token i, or a tEOF token outside the file.
func (s *scan) tok(i int) lexeme {
	if i < 0 || i >= len(s.toks) {
		return lexeme{start: int32(len(s.src)), end: int32(len(s.src))}
	}
	return s.toks[i]
}

// is reports whether token i is exactly text.
func (s *scan) is(i int, text string) bool {
	t := s.tok(i)
	return t.kind != tEOF && t.is(s.src, text)
}

// text returns token i's text.
func (s *scan) text(i int) string {
	t := s.tok(i)
	return string(s.src[t.start:t.end])
}

// intAt returns the value of token i when it is a plain decimal integer
// (no base prefix, separator, fraction or suffix): the only way a status
// code is written as a number.
func (s *scan) intAt(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != tNumber || t.end-t.start > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s.src[t.start:t.end] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n != 0 && s.src[t.start] == '0' {
		return 0, false // octal in most of these languages
	}
	return n, true
}

// closing returns the index of the bracket that closes the one at open, or
// len(s.toks) when the file ends first.
func (s *scan) closing(open int) int {
	if s.opens(open) {
		return s.pairs().closeOf(open)
	}
	depth := 0
	for i := max(open, 0); i < len(s.toks); i++ {
		if s.toks[i].kind != tPunct || s.toks[i].end-s.toks[i].start != 1 {
			continue
		}
		switch s.src[s.toks[i].start] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(s.toks)
}

// opens reports whether token i is an opening bracket.
func (s *scan) opens(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tPunct || s.toks[i].end-s.toks[i].start != 1 {
		return false
	}
	c := s.src[s.toks[i].start]
	return c == '(' || c == '[' || c == '{'
}

// bracketPairs pairs each opening bracket with the one that closes it:
// the opening brackets' token indexes in order, and beside each the index
// of its closing bracket (the token count when none closes it). It is
// built once per file, on first use, as finding a call's end by counting
// brackets each time would make a file of unclosed calls quadratic; two
// slices the size of the brackets cost a fraction of one the size of the
// tokens, and a lookup is a binary search. The same pairs are kept in the
// order of their closing brackets too, for the walks that go back from a
// closing bracket to its opening one.
type bracketPairs struct {
	opens, closes []int32
	// parents are, beside each opening bracket, the position in opens of
	// the innermost one that holds it, or -1.
	parents []int32
	// byClose are the closing brackets' indexes in order, and beside each
	// its opening bracket's (openers), for the pairs that close.
	byClose, openers []int32
}

// openOf returns the index of the opening bracket that the closing one at
// close closes, or -1 when it closes none. Brackets pair by position, not
// by kind, as closing counts them.
func (b *bracketPairs) openOf(close int) int {
	k, found := slices.BinarySearch(b.byClose, int32(close))
	if !found {
		return -1
	}
	return int(b.openers[k])
}

// openOf returns the index of the opening bracket that the one at close
// closes, or -1 when close is not a closing bracket or closes none.
func (s *scan) openOf(close int) int {
	if close < 0 || close >= len(s.toks) {
		return -1
	}
	return s.pairs().openOf(close)
}

// closeOf returns the closing index of the opening bracket at open, which
// must be one.
func (b *bracketPairs) closeOf(open int) int {
	k, _ := slices.BinarySearch(b.opens, int32(open))
	return int(b.closes[k])
}

// openAt returns the index of the innermost opening bracket before token
// i that is still open at i (closed at i or after it, or never), or -1:
// the bracket that holds i. It looks at the last bracket before i alone,
// an opening one or the closing one of a pair whose holder is known, so
// the answer is exact however far back that bracket is, and costs three
// binary searches.
func (b *bracketPairs) openAt(i int) int {
	ko, _ := slices.BinarySearch(b.opens, int32(i))
	kc, _ := slices.BinarySearch(b.byClose, int32(i))
	ko, kc = ko-1, kc-1 // the last of each before i
	holder := -1
	switch {
	case ko >= 0 && (kc < 0 || b.opens[ko] > b.byClose[kc]):
		holder = ko // the last bracket before i opens
	case kc >= 0:
		// The last bracket before i closes a pair: i is held by what held
		// that pair.
		k, _ := slices.BinarySearch(b.opens, b.openers[kc])
		holder = int(b.parents[k])
	}
	// A closing bracket that closed nothing lies between: nothing holds i.
	if holder < 0 || int(b.closes[holder]) < i {
		return -1
	}
	return int(b.opens[holder])
}

// openAt returns the index of the innermost opening bracket that holds
// token i, or -1 (bracketPairs.openAt).
func (s *scan) openAt(i int) int {
	if i <= 0 {
		return -1
	}
	return s.pairs().openAt(min(i, len(s.toks)))
}

// pairs returns the file's bracket pairs.
func (s *scan) pairs() *bracketPairs {
	if s.pair != nil {
		return s.pair
	}
	p := &bracketPairs{}
	var stack []int32 // positions in p.opens
	for i, t := range s.toks {
		if t.kind != tPunct || t.end-t.start != 1 {
			continue
		}
		switch s.src[t.start] {
		case '(', '[', '{':
			parent := int32(-1)
			if n := len(stack); n > 0 {
				parent = stack[n-1]
			}
			p.parents = append(p.parents, parent)
			stack = append(stack, int32(len(p.opens)))
			p.opens = append(p.opens, int32(i))
			p.closes = append(p.closes, int32(len(s.toks)))
		case ')', ']', '}':
			if n := len(stack); n > 0 {
				p.closes[stack[n-1]] = int32(i)
				p.byClose = append(p.byClose, int32(i))
				p.openers = append(p.openers, p.opens[stack[n-1]])
				stack = stack[:n-1]
			}
		}
	}
	s.pair = p
	return p
}

// openingParen returns the index of the "(" that the ")" at close closes,
// or -1, from the file's bracket pairs: no walk back over the tokens, which
// a chain of calls would make quadratic.
func (s *scan) openingParen(close int) int {
	if !s.is(close, ")") {
		return -1
	}
	if open := s.openOf(close); open >= 0 && s.is(open, "(") {
		return open
	}
	return -1
}

// containsNewline reports whether text spans lines.
func containsNewline(text string) bool {
	return strings.IndexByte(text, '\n') >= 0
}

// call returns the arguments of the call whose ( is token open, with the
// closing index, or nil and open when open is not a (.
func (s *scan) call(open int) ([]span, int) {
	if !s.is(open, "(") {
		return nil, open
	}
	return s.args(open)
}

// span is a half-open range of token indexes: one argument of a call.
type span struct{ from, to int }

// args splits the bracketed list opened at open into its top-level
// comma-separated elements, and returns them with the closing index.
func (s *scan) args(open int) ([]span, int) {
	if !s.opens(open) {
		return nil, s.closing(open)
	}
	pair := s.pairs()
	end := pair.closeOf(open)
	var out []span
	from := open + 1
	for i := open + 1; i < end; i++ {
		t := s.toks[i]
		if t.kind != tPunct || t.end-t.start != 1 {
			continue
		}
		switch s.src[t.start] {
		case '(', '[', '{':
			i = pair.closeOf(i) // nested brackets hold no top-level comma
		case ',':
			out = append(out, span{from, i})
			from = i + 1
		}
	}
	if end > from {
		out = append(out, span{from, end})
	}
	return out, end
}

// keyword returns the value span of the keyword or object-literal argument
// key (status: 404, status_code=404, "status" => 404) among args, if any.
func (s *scan) keyword(args []span, key string, sep ...string) (span, bool) {
	for _, a := range args {
		if a.to-a.from < 3 {
			continue
		}
		k := s.tok(a.from)
		if k.kind != tIdent && k.kind != tString && k.kind != tSymbol {
			continue
		}
		name := strings.Trim(s.text(a.from), `"':`)
		if name != key {
			continue
		}
		for _, op := range sep {
			if s.is(a.from+1, op) {
				return span{a.from + 2, a.to}, true
			}
		}
	}
	return span{}, false
}

// status records the status argument in sp: a lone number, or a constant
// of the language's ecosystems (possibly in parentheses or negated, which
// then is a number the rules judge). It reports whether sp was a status.
func (s *scan) status(sp span, c statusCtx) bool {
	for sp.to-sp.from > 2 && s.is(sp.from, "(") && s.closing(sp.from) == sp.to-1 {
		sp = span{sp.from + 1, sp.to - 1}
	}
	if sp.to-sp.from == 1 {
		if n, ok := s.intAt(sp.from); ok {
			if !c.strict && !statusLike(n, c.role, s.lang) {
				return false
			}
			s.add(sp.from, sp.from, Occurrence{Code: n, Written: Number}, c)
			return true
		}
	}
	if name, end, ok := s.constantAt(sp.from); ok && end == sp.to {
		s.add(sp.from, end-1, Occurrence{Code: name.code, Written: Constant, Name: s.spanText(sp.from, end)}, c)
		return true
	}
	return false
}

// add stores an occurrence over tokens first..last in context c.
func (s *scan) add(first, last int, o Occurrence, c statusCtx) {
	if s.taken[first] {
		return
	}
	s.taken[first] = true
	o.Start, o.End = int(s.toks[first].start), int(s.toks[last].end)
	o.Role, o.Context, o.Framework, o.API = c.role, c.context, c.framework, c.api
	if c.msg >= 0 && c.msg < len(s.toks) && s.toks[c.msg].kind == tString {
		t := s.toks[c.msg]
		o.Message = stringContent(s.src[t.start:t.end])
		o.MessageStart, o.MessageEnd = int(t.start), int(t.end)
		o.ownReason = c.reason && strings.TrimSpace(o.Message) != ""
	}
	if o.Written == Constant && o.Ecosystem == "" {
		// The name as written may carry the file's path to the constant
		// (org.springframework.http.HttpStatus.OK): its last two parts are
		// the data set's name.
		if k, ok := s.lookupName(o.Name); ok {
			o.Ecosystem = string(k.eco)
		} else if k, ok := s.lookupName(lastTwoParts(o.Name)); ok {
			o.Ecosystem = string(k.eco)
		}
	}
	if len(s.occ) == cap(s.occ) {
		// Double: append grows a large slice by a quarter, which copies a
		// dense file's occurrences over and over.
		s.occ = slices.Grow(s.occ, len(s.occ)+8)
	}
	s.occ = append(s.occ, o)
}

// spanText returns the source of tokens [from, to) with whatever spacing
// the file has between them.
func (s *scan) spanText(from, to int) string {
	return string(s.src[s.toks[from].start:s.toks[to-1].end])
}

// constantAt reads a status constant starting at token i: a dotted or
// ::-separated name (StatusCodes.NOT_FOUND, http.HTTPStatus.OK,
// http::StatusCode::NOT_FOUND, PHP's \Symfony\…\Response::HTTP_OK) whose
// qualifier and member name a code in one of the language's ecosystems,
// or a Ruby symbol the data set names. Members after the constant
// (HttpStatus.OK.value()) are not part of it. It returns the name and the
// index after it. The first ecosystem the file uses is remembered for
// prefer-constant.
func (s *scan) constantAt(i int) (constantName, int, bool) {
	t := s.tok(i)
	if t.kind == tSymbol {
		k, ok := s.lookupName(s.text(i))
		if ok && s.used == "" {
			s.used = k.eco // a symbol is written whole: no prefix
		}
		return k, i + 1, ok
	}
	first := i
	if t.kind == tPunct && s.is(i, "\\") && s.tok(i+1).kind == tIdent {
		i++ // a fully qualified PHP name: \Symfony\…\Response::HTTP_OK
	} else if t.kind != tIdent {
		return constantName{}, first, false
	}
	end := i + 1
	for s.tok(end).kind == tPunct && (s.is(end, ".") || s.is(end, "::") || s.is(end, "\\")) && s.tok(end+1).kind == tIdent {
		end += 2
	}
	// The canonical name is the qualifier and the member as the data set
	// writes them; anything before is the file's own path to it. The
	// longest prefix of the chain that names a constant wins.
	for ; end-i >= 3; end -= 2 {
		k, qualifier, ok := s.constantOf(end)
		if !ok {
			continue
		}
		if s.used == "" {
			s.used = k.eco
			s.usedPrefix = string(s.src[s.toks[first].start:s.toks[end-3].start])
			s.usedQualifier = qualifier
		}
		return k, end, true
	}
	return constantName{}, first, false
}

// constantOf looks up the qualifier and member that end before token end
// (tokens end-3, end-2, end-1), directly or through the language's alias
// for the qualifier; qualifier is the file's own when an alias was used.
func (s *scan) constantOf(end int) (k constantName, qualifier string, ok bool) {
	raw := s.src[s.toks[end-3].start:s.toks[end-1].end]
	// The map probe converts the bytes without allocating: most names miss.
	if _, hit := s.names[string(raw)]; hit {
		k, ok = s.lookupName(string(raw))
		return k, "", ok
	}
	if s.alias != nil {
		if q := s.alias(s.text(end - 3)); q != "" {
			k, ok = s.lookupName(q + s.text(end-2) + s.text(end-1))
			return k, s.text(end - 3), ok
		}
	}
	return constantName{}, "", false
}

// lookupName finds a constant by its canonical name, honouring the
// ecosystem preference for names two ecosystems share.
func (s *scan) lookupName(name string) (constantName, bool) {
	k, ok := s.names[name]
	if !ok {
		return k, false
	}
	for _, eco := range s.ecosystems {
		if eco == k.eco {
			return k, true
		}
		c, ok := lookupDefault(k.code)
		if !ok {
			continue
		}
		for _, alt := range c.ConstantsFor(eco) {
			if alt.Name == name {
				return constantName{code: k.code, eco: eco, name: name, deprecated: alt.Deprecated}, true
			}
		}
	}
	return k, true
}

// prefer moves eco to the front of the ecosystems a shared name is read as,
// when the file says which library it uses (from rest_framework import
// status).
func (s *scan) prefer(eco codes.Ecosystem) {
	out := []codes.Ecosystem{eco}
	for _, e := range s.ecosystems {
		if e != eco {
			out = append(out, e)
		}
	}
	s.ecosystems = out
}

// references records every status constant outside a context as a
// Reference, as the Go analysis does: hover and inlay hints work on them,
// and the constant rules judge them.
func (s *scan) references() {
	sep := func(i int) bool {
		return s.toks[i].kind == tPunct && (s.is(i, ".") || s.is(i, "::") || s.is(i, "\\"))
	}
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		// A name starts with an identifier, or with PHP's leading \.
		if t.kind != tIdent && (t.kind != tPunct || s.src[t.start] != '\\') {
			continue
		}
		// A constant is a dotted name: a lone name is never one, and most
		// names are lone, so this is checked before anything else.
		if t.kind == tIdent && (i+1 == len(s.toks) || !sep(i+1)) || s.taken[i] {
			continue
		}
		// Only the start of a dotted name can begin a constant; a \ right
		// after a name separates its parts.
		if i > 0 && s.toks[i-1].kind == tPunct && (s.is(i-1, ".") || s.is(i-1, "::") || s.is(i-1, "\\")) {
			continue
		}
		if t.kind == tPunct && i > 0 && s.toks[i-1].kind == tIdent && s.toks[i-1].end == t.start {
			continue
		}
		if k, end, ok := s.constantAt(i); ok {
			name := s.spanText(i, end)
			s.add(i, end-1, Occurrence{Code: k.code, Written: Constant, Name: name},
				statusCtx{role: Reference, context: name, msg: -1})
			i = end - 1
		}
	}
}

// facts sorts the occurrences, offers numbers the constants of the
// ecosystem the file already uses, and returns the facts the rules read.
func (s *scan) facts() *fileFacts {
	slices.SortFunc(s.occ, func(a, b Occurrence) int { return a.Start - b.Start })
	if s.used != "" {
		for i := range s.occ {
			o := &s.occ[i]
			if o.Written != Number {
				continue
			}
			if c, ok := lookupDefault(o.Code); ok {
				if name, ok := c.Constant(s.used); ok {
					o.Constant, o.ConstantText = name, s.usedPrefix+requalify(name, s.usedQualifier)
				}
			}
		}
	}
	return &fileFacts{lang: s.lang, ecosystem: string(s.used), src: s.src, occ: s.occ}
}

// lastTwoParts returns the qualifier and member at the end of a dotted or
// ::-separated name: HttpStatus.OK of org.springframework.http.HttpStatus.OK.
func lastTwoParts(name string) string {
	seps := 0
	for i := len(name) - 1; i > 0; i-- {
		if name[i] == '.' || name[i] == ':' && name[i-1] == ':' || name[i] == '\\' {
			if seps++; seps == 2 {
				return name[i+1:]
			}
			if name[i] == ':' {
				i--
			}
		}
	}
	return name
}

// requalify writes a constant's name with the file's own qualifier in
// place of the data set's (JsonResponse::HTTP_OK for Response::HTTP_OK);
// an empty qualifier keeps the name.
func requalify(name, qualifier string) string {
	if qualifier == "" {
		return name
	}
	if i := strings.LastIndex(name, "::"); i >= 0 {
		return qualifier + name[i:]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return qualifier + name[i:]
	}
	return name
}

// stringContent strips a string literal's prefix and quotes: "Not Found",
// 'Not Found', `Not Found`, r"…", f'…', @"…", """…""". Escapes are left as
// written; messages are compared by words.
func stringContent(lit []byte) string {
	i := 0
	for i < len(lit) && lit[i] != '"' && lit[i] != '\'' && lit[i] != '`' {
		i++
	}
	if i == len(lit) {
		return string(lit)
	}
	q := lit[i]
	open := i
	for open < len(lit) && lit[open] == q && open-i < 3 {
		open++
	}
	body := lit[open:]
	end := len(body)
	for end > 0 && body[end-1] == q && len(body)-end < open-i {
		end--
	}
	if open-i == 2 { // "" is an empty string, not an open triple quote
		return ""
	}
	return string(body[:end])
}
