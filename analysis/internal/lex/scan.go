package lex

import (
	"slices"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

// scan reads status contexts off a file's tokens. A language's scanner
// walks the tokens, recognises its contexts (res.status(…), abort(…),
// status: …) and reports the status argument of each with status; every
// status constant of the language's ecosystems is found by constantAt.
type Scan struct {
	Lang string
	Src  []byte
	Toks []Lexeme
	Occ  []facts.Occurrence
	// taken marks token indexes already turned into an occurrence, so a
	// constant seen in a context is not also reported as a bare reference.
	Taken []bool
	// pair is what pairs() builds.
	pair  *bracketPairs
	Names map[string]ConstantName
	// ecosystems are the language's, in the order a shared name is read
	// (Starlette before Django REST for status.HTTP_…); prefer reorders.
	Ecosystems []codes.Ecosystem
	// used is the first ecosystem whose constants the file writes, with the
	// text written before its canonical name ("http." in
	// http.HTTPStatus.OK): numbers are offered that ecosystem's names.
	Used       codes.Ecosystem
	UsedPrefix string
	// usedQualifier is set when the file writes the ecosystem's qualifier
	// under a name of its own: the qualifier to offer numbers with.
	UsedQualifier string
	// alias, when set, maps a qualifier the data set does not know to one
	// it does, or returns "": PHP's JsonResponse::HTTP_NOT_FOUND is
	// Symfony's Response::HTTP_NOT_FOUND inherited.
	Alias func(qualifier string) string
}

// statusCtx describes where a status argument sits.
type StatusCtx struct {
	Role      facts.Role
	Context   string // the call as a person reads it: "res.status", "abort"
	Framework string // "express", "flask", …
	Api       facts.API
	// strict: any number here is sent as a status, so one outside 100–999 is
	// an invalid-status finding rather than not a status.
	Strict bool
	// msg is the index of a string token sent with the status as its
	// message (abort(404, "Not Found")), or -1.
	Msg int
	// reason is set when the message is the reason phrase of the status
	// line the call makes (Ktor's HttpStatusCode(477, "Come Back Later"),
	// PSR-7's withStatus(477, 'Come Back Later')).
	Reason bool
	// Guessed: the status is read by a field's name on an object not known
	// to be a response (Occurrence.Guessed).
	Guessed bool
}

// constantName is one ecosystem's name for a code, as data/constants.csv
// writes it.
type ConstantName struct {
	Code       int
	Eco        codes.Ecosystem
	Name       string
	deprecated bool
}

func NewScan(lang string, src []byte, toks []Lexeme) *Scan {
	return &Scan{
		Lang: lang, Src: src, Toks: toks, Taken: make([]bool, len(toks)),
		Names: ConstantNames(lang), Ecosystems: codes.EcosystemsForLanguage(lang),
	}
}

var (
	namesOnce  sync.Mutex
	namesCache = map[string]map[string]ConstantName{}
)

// constantNames indexes the constant names of a language's ecosystems by
// the name as written in the data set ("StatusCodes.NOT_FOUND",
// "StatusCode::NOT_FOUND", ":not_found"). Names two ecosystems share
// (status.HTTP_404_NOT_FOUND) keep the first ecosystem; the scanner's
// preference decides between them when it matters.
func ConstantNames(lang string) map[string]ConstantName {
	namesOnce.Lock()
	defer namesOnce.Unlock()
	if m, ok := namesCache[lang]; ok {
		return m
	}
	m := map[string]ConstantName{}
	for _, eco := range codes.EcosystemsForLanguage(lang) {
		for _, c := range codes.All() {
			for _, k := range c.ConstantsFor(eco) {
				if _, dup := m[k.Name]; !dup {
					m[k.Name] = ConstantName{Code: c.Number, Eco: eco, Name: k.Name, deprecated: k.Deprecated}
				}
			}
		}
	}
	namesCache[lang] = m
	return m
}

// tok returns token i, or a tEOF token outside the file.
func (s *Scan) Tok(i int) Lexeme {
	if i < 0 || i >= len(s.Toks) {
		return Lexeme{Start: int32(len(s.Src)), End: int32(len(s.Src))}
	}
	return s.Toks[i]
}

// is reports whether token i is exactly text.
func (s *Scan) Is(i int, text string) bool {
	t := s.Tok(i)
	return t.Kind != TEOF && t.Is(s.Src, text)
}

// text returns token i's text.
func (s *Scan) Text(i int) string {
	t := s.Tok(i)
	return string(s.Src[t.Start:t.End])
}

// intAt returns the value of token i when it is a plain decimal integer
// (no base prefix, separator, fraction or suffix): the only way a status
// code is written as a number.
func (s *Scan) IntAt(i int) (int, bool) {
	t := s.Tok(i)
	if t.Kind != TNumber || t.End-t.Start > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s.Src[t.Start:t.End] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n != 0 && s.Src[t.Start] == '0' {
		return 0, false // octal in most of these languages
	}
	return n, true
}

// closing returns the index of the bracket that closes the one at open, or
// len(s.toks) when the file ends first.
func (s *Scan) Closing(open int) int {
	if s.Opens(open) {
		return s.Pairs().CloseOf(open)
	}
	depth := 0
	for i := max(open, 0); i < len(s.Toks); i++ {
		if s.Toks[i].Kind != TPunct || s.Toks[i].End-s.Toks[i].Start != 1 {
			continue
		}
		switch s.Src[s.Toks[i].Start] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(s.Toks)
}

// opens reports whether token i is an opening bracket.
func (s *Scan) Opens(i int) bool {
	if i < 0 || i >= len(s.Toks) || s.Toks[i].Kind != TPunct || s.Toks[i].End-s.Toks[i].Start != 1 {
		return false
	}
	c := s.Src[s.Toks[i].Start]
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
	Opens, Closes []int32
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
func (s *Scan) OpenOf(close int) int {
	if close < 0 || close >= len(s.Toks) {
		return -1
	}
	return s.Pairs().openOf(close)
}

// closeOf returns the closing index of the opening bracket at open, which
// must be one.
func (b *bracketPairs) CloseOf(open int) int {
	k, _ := slices.BinarySearch(b.Opens, int32(open))
	return int(b.Closes[k])
}

// openAt returns the index of the innermost opening bracket before token
// i that is still open at i (closed at i or after it, or never), or -1:
// the bracket that holds i. It looks at the last bracket before i alone,
// an opening one or the closing one of a pair whose holder is known, so
// the answer is exact however far back that bracket is, and costs three
// binary searches.
func (b *bracketPairs) openAt(i int) int {
	ko, _ := slices.BinarySearch(b.Opens, int32(i))
	kc, _ := slices.BinarySearch(b.byClose, int32(i))
	ko, kc = ko-1, kc-1 // the last of each before i
	holder := -1
	switch {
	case ko >= 0 && (kc < 0 || b.Opens[ko] > b.byClose[kc]):
		holder = ko // the last bracket before i opens
	case kc >= 0:
		// The last bracket before i closes a pair: i is held by what held
		// that pair.
		k, _ := slices.BinarySearch(b.Opens, b.openers[kc])
		holder = int(b.parents[k])
	}
	// A closing bracket that closed nothing lies between: nothing holds i.
	if holder < 0 || int(b.Closes[holder]) < i {
		return -1
	}
	return int(b.Opens[holder])
}

// openAt returns the index of the innermost opening bracket that holds
// token i, or -1 (bracketPairs.openAt).
func (s *Scan) OpenAt(i int) int {
	if i <= 0 {
		return -1
	}
	return s.Pairs().openAt(min(i, len(s.Toks)))
}

// pairs returns the file's bracket pairs.
func (s *Scan) Pairs() *bracketPairs {
	if s.pair != nil {
		return s.pair
	}
	p := &bracketPairs{}
	var stack []int32 // positions in p.opens
	for i, t := range s.Toks {
		if t.Kind != TPunct || t.End-t.Start != 1 {
			continue
		}
		switch s.Src[t.Start] {
		case '(', '[', '{':
			parent := int32(-1)
			if n := len(stack); n > 0 {
				parent = stack[n-1]
			}
			p.parents = append(p.parents, parent)
			stack = append(stack, int32(len(p.Opens)))
			p.Opens = append(p.Opens, int32(i))
			p.Closes = append(p.Closes, int32(len(s.Toks)))
		case ')', ']', '}':
			if n := len(stack); n > 0 {
				p.Closes[stack[n-1]] = int32(i)
				p.byClose = append(p.byClose, int32(i))
				p.openers = append(p.openers, p.Opens[stack[n-1]])
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
func (s *Scan) OpeningParen(close int) int {
	if !s.Is(close, ")") {
		return -1
	}
	if open := s.OpenOf(close); open >= 0 && s.Is(open, "(") {
		return open
	}
	return -1
}

// containsNewline reports whether text spans lines.
func ContainsNewline(text string) bool {
	return strings.IndexByte(text, '\n') >= 0
}

// call returns the arguments of the call whose ( is token open, with the
// closing index, or nil and open when open is not a (.
func (s *Scan) Call(open int) ([]Span, int) {
	if !s.Is(open, "(") {
		return nil, open
	}
	return s.Args(open)
}

// span is a half-open range of token indexes: one argument of a call.
type Span struct{ From, To int }

// args splits the bracketed list opened at open into its top-level
// comma-separated elements, and returns them with the closing index.
func (s *Scan) Args(open int) ([]Span, int) {
	if !s.Opens(open) {
		return nil, s.Closing(open)
	}
	pair := s.Pairs()
	end := pair.CloseOf(open)
	var out []Span
	from := open + 1
	for i := open + 1; i < end; i++ {
		t := s.Toks[i]
		if t.Kind != TPunct || t.End-t.Start != 1 {
			continue
		}
		switch s.Src[t.Start] {
		case '(', '[', '{':
			i = pair.CloseOf(i) // nested brackets hold no top-level comma
		case ',':
			out = append(out, Span{from, i})
			from = i + 1
		}
	}
	if end > from {
		out = append(out, Span{from, end})
	}
	return out, end
}

// keyword returns the value span of the keyword or object-literal argument
// key (status: 404, status_code=404, "status" => 404) among args, if any.
func (s *Scan) Keyword(args []Span, key string, sep ...string) (Span, bool) {
	for _, a := range args {
		if a.To-a.From < 3 {
			continue
		}
		k := s.Tok(a.From)
		if k.Kind != TIdent && k.Kind != TString && k.Kind != TSymbol {
			continue
		}
		name := strings.Trim(s.Text(a.From), `"':`)
		if name != key {
			continue
		}
		for _, op := range sep {
			if s.Is(a.From+1, op) {
				return Span{a.From + 2, a.To}, true
			}
		}
	}
	return Span{}, false
}

// status records the status argument in sp: a lone number, or a constant
// of the language's ecosystems (possibly in parentheses or negated, which
// then is a number the rules judge). It reports whether sp was a status.
func (s *Scan) Status(sp Span, c StatusCtx) bool {
	for sp.To-sp.From > 2 && s.Is(sp.From, "(") && s.Closing(sp.From) == sp.To-1 {
		sp = Span{sp.From + 1, sp.To - 1}
	}
	if sp.To-sp.From == 1 {
		if n, ok := s.IntAt(sp.From); ok {
			if !c.Strict && !facts.StatusLike(n, c.Role, s.Lang) {
				return false
			}
			s.Add(sp.From, sp.From, facts.Occurrence{Code: n, Written: facts.Number}, c)
			return true
		}
	}
	if name, end, ok := s.ConstantAt(sp.From); ok && end == sp.To {
		s.Add(sp.From, end-1, facts.Occurrence{Code: name.Code, Written: facts.Constant, Name: s.SpanText(sp.From, end)}, c)
		return true
	}
	return false
}

// add stores an occurrence over tokens first..last in context c.
func (s *Scan) Add(first, last int, o facts.Occurrence, c StatusCtx) {
	if s.Taken[first] {
		return
	}
	s.Taken[first] = true
	o.Start, o.End = int(s.Toks[first].Start), int(s.Toks[last].End)
	o.Role, o.Context, o.Framework, o.API, o.Guessed = c.Role, c.Context, c.Framework, c.Api, c.Guessed
	if c.Msg >= 0 && c.Msg < len(s.Toks) && s.Toks[c.Msg].Kind == TString {
		t := s.Toks[c.Msg]
		o.Message = StringContent(s.Src[t.Start:t.End])
		o.MessageStart, o.MessageEnd = int(t.Start), int(t.End)
		o.OwnReason = c.Reason && strings.TrimSpace(o.Message) != ""
	}
	if o.Written == facts.Constant && o.Ecosystem == "" {
		// The name as written may carry the file's path to the constant
		// (org.springframework.http.HttpStatus.OK): its last two parts are
		// the data set's name.
		if k, ok := s.lookupName(o.Name); ok {
			o.Ecosystem = string(k.Eco)
		} else if k, ok := s.lookupName(LastTwoParts(o.Name)); ok {
			o.Ecosystem = string(k.Eco)
		}
	}
	if len(s.Occ) == cap(s.Occ) {
		// Double: append grows a large slice by a quarter, which copies a
		// dense file's occurrences over and over.
		s.Occ = slices.Grow(s.Occ, len(s.Occ)+8)
	}
	s.Occ = append(s.Occ, o)
}

// spanText returns the source of tokens [from, to) with whatever spacing
// the file has between them.
func (s *Scan) SpanText(from, to int) string {
	return string(s.Src[s.Toks[from].Start:s.Toks[to-1].End])
}

// constantAt reads a status constant starting at token i: a dotted or
// ::-separated name (StatusCodes.NOT_FOUND, http.HTTPStatus.OK,
// http::StatusCode::NOT_FOUND, PHP's \Symfony\…\Response::HTTP_OK) whose
// qualifier and member name a code in one of the language's ecosystems,
// or a Ruby symbol the data set names. Members after the constant
// (HttpStatus.OK.value()) are not part of it. It returns the name and the
// index after it. The first ecosystem the file uses is remembered for
// prefer-constant.
func (s *Scan) ConstantAt(i int) (ConstantName, int, bool) {
	t := s.Tok(i)
	if t.Kind == TSymbol {
		k, ok := s.lookupName(s.Text(i))
		if ok && s.Used == "" {
			s.Used = k.Eco // a symbol is written whole: no prefix
		}
		return k, i + 1, ok
	}
	first := i
	if t.Kind == TPunct && s.Is(i, "\\") && s.Tok(i+1).Kind == TIdent {
		i++ // a fully qualified PHP name: \Symfony\…\Response::HTTP_OK
	} else if t.Kind != TIdent {
		return ConstantName{}, first, false
	}
	end := i + 1
	for s.Tok(end).Kind == TPunct && (s.Is(end, ".") || s.Is(end, "::") || s.Is(end, "\\")) && s.Tok(end+1).Kind == TIdent {
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
		if s.Used == "" {
			s.Used = k.Eco
			s.UsedPrefix = string(s.Src[s.Toks[first].Start:s.Toks[end-3].Start])
			s.UsedQualifier = qualifier
		}
		return k, end, true
	}
	return ConstantName{}, first, false
}

// constantOf looks up the qualifier and member that end before token end
// (tokens end-3, end-2, end-1), directly or through the language's alias
// for the qualifier; qualifier is the file's own when an alias was used.
func (s *Scan) constantOf(end int) (k ConstantName, qualifier string, ok bool) {
	raw := s.Src[s.Toks[end-3].Start:s.Toks[end-1].End]
	// The map probe converts the bytes without allocating: most names miss.
	if _, hit := s.Names[string(raw)]; hit {
		k, ok = s.lookupName(string(raw))
		return k, "", ok
	}
	if s.Alias != nil {
		if q := s.Alias(s.Text(end - 3)); q != "" {
			k, ok = s.lookupName(q + s.Text(end-2) + s.Text(end-1))
			return k, s.Text(end - 3), ok
		}
	}
	return ConstantName{}, "", false
}

// lookupName finds a constant by its canonical name, honouring the
// ecosystem preference for names two ecosystems share.
func (s *Scan) lookupName(name string) (ConstantName, bool) {
	k, ok := s.Names[name]
	if !ok {
		return k, false
	}
	for _, eco := range s.Ecosystems {
		if eco == k.Eco {
			return k, true
		}
		c, ok := facts.LookupDefault(k.Code)
		if !ok {
			continue
		}
		for _, alt := range c.ConstantsFor(eco) {
			if alt.Name == name {
				return ConstantName{Code: k.Code, Eco: eco, Name: name, deprecated: alt.Deprecated}, true
			}
		}
	}
	return k, true
}

// prefer moves eco to the front of the ecosystems a shared name is read as,
// when the file says which library it uses (from rest_framework import
// status).
func (s *Scan) Prefer(eco codes.Ecosystem) {
	out := []codes.Ecosystem{eco}
	for _, e := range s.Ecosystems {
		if e != eco {
			out = append(out, e)
		}
	}
	s.Ecosystems = out
}

// references records every status constant outside a context as a
// Reference, as the Go analysis does: hover and inlay hints work on them,
// and the constant rules judge them.
func (s *Scan) References() {
	sep := func(i int) bool {
		return s.Toks[i].Kind == TPunct && (s.Is(i, ".") || s.Is(i, "::") || s.Is(i, "\\"))
	}
	for i := 0; i < len(s.Toks); i++ {
		t := s.Toks[i]
		// A name starts with an identifier, or with PHP's leading \.
		if t.Kind != TIdent && (t.Kind != TPunct || s.Src[t.Start] != '\\') {
			continue
		}
		// A constant is a dotted name: a lone name is never one, and most
		// names are lone, so this is checked before anything else.
		if t.Kind == TIdent && (i+1 == len(s.Toks) || !sep(i+1)) || s.Taken[i] {
			continue
		}
		// Only the start of a dotted name can begin a constant; a \ right
		// after a name separates its parts.
		if i > 0 && s.Toks[i-1].Kind == TPunct && (s.Is(i-1, ".") || s.Is(i-1, "::") || s.Is(i-1, "\\")) {
			continue
		}
		if t.Kind == TPunct && i > 0 && s.Toks[i-1].Kind == TIdent && s.Toks[i-1].End == t.Start {
			continue
		}
		if k, end, ok := s.ConstantAt(i); ok {
			name := s.SpanText(i, end)
			s.Add(i, end-1, facts.Occurrence{Code: k.Code, Written: facts.Constant, Name: name},
				StatusCtx{Role: facts.Reference, Context: name, Msg: -1})
			i = end - 1
		}
	}
}

// facts sorts the occurrences, offers numbers the constants of the
// ecosystem the file already uses, and returns the facts the rules read.
func (s *Scan) Facts() *facts.FileFacts {
	slices.SortFunc(s.Occ, func(a, b facts.Occurrence) int { return a.Start - b.Start })
	if s.Used != "" {
		for i := range s.Occ {
			o := &s.Occ[i]
			if o.Written != facts.Number {
				continue
			}
			if c, ok := facts.LookupDefault(o.Code); ok {
				if name, ok := c.Constant(s.Used); ok {
					o.Constant, o.ConstantText = name, s.UsedPrefix+Requalify(name, s.UsedQualifier)
				}
			}
		}
	}
	return &facts.FileFacts{Lang: s.Lang, Ecosystem: string(s.Used), Src: s.Src, Occ: s.Occ}
}

// lastTwoParts returns the qualifier and member at the end of a dotted or
// ::-separated name: HttpStatus.OK of org.springframework.http.HttpStatus.OK.
func LastTwoParts(name string) string {
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
func Requalify(name, qualifier string) string {
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
func StringContent(lit []byte) string {
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
