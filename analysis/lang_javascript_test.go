package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/javascript"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// TestLexJS: the token boundaries that decide what is code — template
// literals and their nesting, regex against division, comments, JSX
// closing tags, names with $ and #.
func TestLexJS(t *testing.T) {
	tests := []struct {
		src  string
		want string // tokens joined by " | "
	}{
		{"a / b / c", "a | / | b | / | c"},
		{"x = /ab+c/gi.test(s)", "x | = | /ab+c/gi | . | test | ( | s | )"},
		{"return /404/", "return | /404/"},
		{"f(/[/]404/)", "f | ( | /[/]404/ | )"},
		{"(a) / 404 / 2", "( | a | ) | / | 404 | / | 2"},
		{"a[0] / 2", "a | [ | 0 | ] | / | 2"},
		{"a++ / 2", "a | ++ | / | 2"},
		{"total! / 2 / 3", "total | ! | / | 2 | / | 3"},
		{"if (!/404/.test(s))", "if | ( | ! | /404/ | . | test | ( | s | ) | )"},
		{"x = !/a/", "x | = | ! | /a/"},
		{"'s' / 2", "'s' | / | 2"},
		{"`a ${b} c`", "`a ${ | b | } c`"},
		{"`a ${ {k: `x${1}`}.k } b`", "`a ${ | { | k | : | `x${ | 1 | }` | } | . | k | } b`"},
		{"`${'}'}` + 1", "`${ | '}' | }` | + | 1"},
		{"`${ /}/ }`", "`${ | /}/ | }`"},
		{"`esc \\` ${x}`", "`esc \\` ${ | x | }`"},
		{"<a>t</a>", "< | a | > | t | < | / | a | >"},
		{"#!/usr/bin/env node\nx // 404\ny /* 500 */ z", "x | y | z"},
		{"1_000n 0x1F .5 404", "1_000n | 0x1F | .5 | 404"},
		{"$res.#priv", "$res | . | #priv"},
		{`'it\'s' "q"`, `'it\'s' | "q"`},
		{"'open\nx", "'open | x"},
		{"a === b !== c => d ?. e", "a | === | b | !== | c | => | d | ?. | e"},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		var got []string
		for _, tok := range javascript.LexJS(src, nil) {
			got = append(got, string(tok.Text(src)))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("lexJS(%q) = %s, want %s", tt.src, g, tt.want)
		}
	}
}

// TestLexJSUnterminated: unclosed literals end the file without a panic
// and without tokens past it.
func TestLexJSUnterminated(t *testing.T) {
	for _, src := range []string{"`abc", "`${", "`${ {", "/* x", "'x\\", "x = /ab", "`${a}` }", "}}}`"} {
		for _, tok := range javascript.LexJS([]byte(src), nil) {
			if tok.Start < 0 || int(tok.End) > len(src) || tok.Start > tok.End {
				t.Errorf("lexJS(%q): token [%d,%d) outside the source", src, tok.Start, tok.End)
			}
		}
	}
}

func TestCompleteJS(t *testing.T) {
	const usesConstants = "import { StatusCodes } from 'http-status-codes';\nres.status(StatusCodes.OK);\n"
	tests := []struct {
		name, path, src string // the cursor is at "|"
		insertConstant  bool
		label, insert   string // one item the completion must offer
		none            bool   // no completion at all
	}{
		{name: "status call", path: "a.js", src: "res.status(4|", label: "404", insert: "404"},
		{name: "sendStatus", path: "a.ts", src: "res.sendStatus(|", label: "204", insert: "204"},
		{name: "reply.code", path: "a.mjs", src: "reply.code( |", label: "201", insert: "201"},
		{name: "writeHead", path: "a.js", src: "res.writeHead(|", label: "200", insert: "200"},
		{name: "statusCode assignment", path: "a.js", src: "res.statusCode = 5|", label: "503", insert: "503"},
		{name: "ctx.status", path: "a.js", src: "ctx.status = |", label: "201", insert: "201"},
		{name: "supertest", path: "a.test.js", src: "request(app).get('/').expect(|", label: "200", insert: "200"},
		{name: "toBe", path: "a.test.ts", src: "expect(res.status).toBe(|", label: "404", insert: "404"},
		{name: "Response init", path: "route.ts", src: "return new Response(body, {\n  status: |", label: "404", insert: "404"},
		{name: "comparison", path: "a.ts", src: "if (res.status === |", label: "404", insert: "404"},
		{name: "constant inserted", path: "a.js", src: usesConstants + "res.status(|", insertConstant: true, label: "404", insert: "StatusCodes.NOT_FOUND"},
		{name: "number kept without constants", path: "a.js", src: "res.status(|", insertConstant: true, label: "404", insert: "404"},
		{name: "StatusCodes members", path: "a.js", src: "res.status(StatusCodes.NOT_|", label: "NOT_FOUND", insert: "NOT_FOUND"},
		{name: "HttpStatus members", path: "a.ts", src: "@HttpCode(HttpStatus.|", label: "I_AM_A_TEAPOT", insert: "I_AM_A_TEAPOT"},
		{name: "not a status call", path: "a.js", src: "setTimeout(fn, |", none: true},
		{name: "toBe on a count", path: "a.test.js", src: "expect(items.length).toBe(|", none: true},
		{name: "status key in data", path: "a.js", src: "const order = { status: |", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(tt.src, "|")
			src := []byte(tt.src[:off] + tt.src[off+1:])
			comp := Complete(tt.path, src, off, nil, tt.insertConstant)
			if tt.none {
				if comp != nil {
					t.Fatalf("got %d items, want no completion", len(comp.Items))
				}
				return
			}
			if comp == nil {
				t.Fatal("no completion")
			}
			for _, it := range comp.Items {
				if it.Label == tt.label {
					if it.Insert != tt.insert {
						t.Errorf("%s inserts %q, want %q", it.Label, it.Insert, tt.insert)
					}
					if comp.End != off || comp.Start > off || !strings.HasPrefix(it.Label, string(src[comp.Start:off])) {
						t.Errorf("replaces [%d,%d) %q, not what was typed of %s", comp.Start, comp.End, src[comp.Start:off], it.Label)
					}
					return
				}
			}
			t.Errorf("no item %s among %d", tt.label, len(comp.Items))
		})
	}
}

// typicalJS is handler code at the density of a real service: a status
// every thirty lines or so, among the validation, queries and logging that
// make up most of a file.
const typicalJS = `
/**
 * Orders: list, show and create. Prices are in cents; 500 ms is the
 * slowest a query may take before it is logged.
 */
import express from 'express';
import { z } from 'zod';
import { db } from '../db.js';
import { logger } from '../logger.js';

const router = express.Router();
const SLOW_QUERY_MS = 500;
const PAGE_SIZE = 50;

const orderSchema = z.object({
  customerId: z.string().uuid(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().min(1).max(100) })),
  note: z.string().max(2000).optional(),
});

function timed(label, fn) {
  const started = performance.now();
  return fn().finally(() => {
    const ms = performance.now() - started;
    if (ms > SLOW_QUERY_MS) logger.warn({ label, ms }, 'slow query');
  });
}

router.get('/', async (req, res, next) => {
  try {
    const page = Math.max(1, Number.parseInt(req.query.page ?? '1', 10));
    const rows = await timed('orders.list', () =>
      db.order.findMany({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, orderBy: { createdAt: 'desc' } }));
    const total = rows.reduce((sum, o) => sum + o.items.reduce((s, i) => s + i.price * i.quantity, 0), 0);
    res.json({ page, rows, total: total / 100 });
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res) => {
  const order = await timed('orders.show', () => db.order.findUnique({ where: { id: req.params.id } }));
  if (!order) {
    return res.status(404).json({ message: 'Not Found' });
  }
  const lines = order.items.map((i) => ` + "`${i.quantity} x ${i.sku} @ ${(i.price / 100).toFixed(2)}`" + `);
  res.json({ ...order, lines });
});

router.post('/', async (req, res) => {
  const parsed = orderSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ errors: parsed.error.flatten() });
  }
  const created = await db.order.create({ data: { ...parsed.data, status: 'pending' } });
  logger.info({ id: created.id, items: created.items.length }, 'order created');
  res.status(201).location(` + "`/orders/${created.id}`" + `).json(created);
});

export default router;
`

// BenchmarkScanJSTypical measures the scanner on typical handler code,
// where BenchmarkScan's annotated files hold a status on nearly every line.
func BenchmarkScanJSTypical(b *testing.B) {
	src := []byte(strings.Repeat(typicalJS, 10<<20/len(typicalJS)+1))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(Analyze("orders.js", src, nil).Occurrences)
	}
	b.ReportMetric(float64(n), "occurrences")
}

// TestInOrder: the walk's occurrences, slightly out of order, and the
// references (two runs) come out sorted by offset.
func TestInOrder(t *testing.T) {
	var occ []facts.Occurrence
	for _, start := range []int{10, 5, 30, 40, 35, 50, 1, 33, 60, 20, 2} {
		occ = append(occ, facts.Occurrence{Start: start})
	}
	got := javascript.InOrder(occ, 6)
	var starts []int
	for _, o := range got {
		starts = append(starts, o.Start)
	}
	if !slices.IsSorted(starts) || len(starts) != 11 {
		t.Errorf("inOrder = %v, want the 11 offsets sorted", starts)
	}
	// Far out of order, as a switch's cases read ahead of the body: the
	// insertion sort gives way to a general one.
	occ = occ[:0]
	for i := 0; i < 200; i++ {
		occ = append(occ, facts.Occurrence{Start: (i * 7919) % 1000})
	}
	got = javascript.InOrder(occ, 200)
	if !slices.IsSortedFunc(got, func(a, b facts.Occurrence) int { return a.Start - b.Start }) {
		t.Error("inOrder left scattered occurrences unsorted")
	}
}

// TestJSContexts: the context, framework, API flags and message of one
// occurrence per snippet — what hovers show and the rules read.
func TestJSContexts(t *testing.T) {
	tests := []struct {
		src, context, framework string
		api                     facts.API
		message                 string
	}{
		{"res.status(404).send('Not Found')", "res.status", "express", facts.BodyAPI, "Not Found"},
		{"this.res.status(404).end()", "res.status", "express", 0, ""},
		{"res.set('a', 'b').status(201).json({ message: 'made' })", "res.status", "express", facts.BodyAPI, "made"},
		{"reply.header('a', 1).code(503).send()", "reply.code", "fastify", 0, ""},
		{"h.response(x).code(202)", "h.code", "hapi", 0, ""},
		{"res.writeHead(404, 'Gone away')", "res.writeHead", "node", 0, "Gone away"},
		{"ctx.throw(403, 'no')", "ctx.throw", "koa", facts.ErrorAPI, "no"},
		{"ctx.throw('no', 403)", "ctx.throw", "koa", facts.ErrorAPI, "no"},
		{"reply.redirect('/x', 301)", "reply.redirect", "fastify", facts.RedirectAPI, ""},
		{"router.redirect('/a', '/b', 301)", "router.redirect", "koa-router", facts.RedirectAPI, ""},
		{"new Response('x', { status: 404, statusText: 'Nope' })", "new Response", "fetch", facts.BodyAPI, "Nope"},
		{"new Response(null, { status: 204 })", "new Response", "fetch", 0, ""},
		{"NextResponse.json(d, { status: 400 })", "NextResponse.json", "next", 0, ""},
		{"throw new HttpException('Bad', 400)", "HttpException", "nestjs", facts.ErrorAPI, "Bad"},
		{"throw createError(404, 'missing')", "createError", "http-errors", facts.ErrorAPI, "missing"},
		{"@HttpCode(204)", "@HttpCode", "nestjs", 0, ""},
		{"return { statusCode: 404, body: 'Nope' }", "{ statusCode }", "", 0, "Nope"},
		{"request(app).get('/').expect(200)", "supertest .expect", "supertest", 0, ""},
	}
	for _, tt := range tests {
		res := Analyze("a.js", []byte(tt.src), nil)
		if len(res.Occurrences) != 1 {
			t.Errorf("%s: %d occurrences, want 1", tt.src, len(res.Occurrences))
			continue
		}
		o := res.Occurrences[0]
		if o.Context != tt.context || o.Framework != tt.framework || o.API != tt.api || o.Message != tt.message {
			t.Errorf("%s: context %q framework %q api %d message %q, want %q %q %d %q",
				tt.src, o.Context, o.Framework, o.API, o.Message, tt.context, tt.framework, tt.api, tt.message)
		}
	}
}

// TestJSQualifiers: the references pass is skipped only for files that
// name no qualifier, so every constant name must start with one.
func TestJSQualifiers(t *testing.T) {
	qs := javascript.JsQualifiers()
	for _, lang := range []string{"javascript", "typescript"} {
		for name := range lex.ConstantNames(lang) {
			if !slices.ContainsFunc(qs, func(q string) bool { return strings.HasPrefix(name, q) }) {
				t.Errorf("%s: %s starts with none of %v", lang, name, qs)
			}
		}
	}
	if len(qs) != 2 {
		t.Errorf("qualifiers %v, want StatusCodes. and HttpStatus.", qs)
	}
}
