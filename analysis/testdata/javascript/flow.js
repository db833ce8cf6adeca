// The response-flow rules on Express, Node's http, Koa and Fastify.
const express = require('express');
const app = express();

// A body attached to a status that has none.
app.delete('/items/:id', (req, res) => {
  res.status(204).json({ deleted: true }); // codes: 204/send want "bodiless-status: res.status\\(204\\).json\\({ deleted: true }\\) with 204 No Content sends a body"
});

fastify.delete('/delete/:id', async function (request, reply) {
  const { id } = request.params;
  reply.code(204).send({ data: `${id}` }); // codes: 204/send want "bodiless-status: with 204 No Content sends a body"
});

// A status set first, the body sent after it.
app.get('/fresh', (req, res) => {
  res.status(304); // codes: 304/send
  res.send(load(req)); // want "bodiless-status: res.send\\(load\\(req\\)\\) writes a body after res.status\\(304\\) on line 17 sent 304 Not Modified"
});

// No body: nothing to say.
app.delete('/quiet/:id', (req, res) => {
  res.status(204).end(); // codes: 204/send
});
app.delete('/quiet2/:id', (req, res) => {
  res.sendStatus(204); // codes: 204/send
});

// 401, 405 and redirects set by hand without their header.
app.get('/private', (req, res) => {
  if (!req.user) {
    return res.status(401).json({ error: 'Unauthorized' }); // codes: 401/send want "missing-header: sends 401 Unauthorized without a WWW-Authenticate header: .*res.setHeader\\(\"WWW-Authenticate\", …\\)"
  }
  res.json(req.user);
});
app.all('/only-get', (req, res) => {
  res.status(405).end(); // codes: 405/send want "missing-header: without an Allow header"
});
app.get('/moved', (req, res) => {
  res.status(301).send(); // codes: 301/send want "missing-header: without a Location header: a 301 redirects nowhere without it; set Location first, or use res.redirect"
});

// The header is there: set before, in the chain, after the status but
// before the send, or by the helper.
app.get('/login', (req, res) => {
  res.set('WWW-Authenticate', 'Bearer');
  res.status(401).json({ error: 'Unauthorized' }); // codes: 401/send
});
app.all('/only-get2', (req, res) => {
  res.status(405); // codes: 405/send
  res.setHeader('Allow', 'GET, HEAD');
  res.end();
});
app.get('/chained', (req, res) => {
  res.set('Allow', 'GET').status(405).end(); // codes: 405/send
});
app.get('/old', (req, res) => {
  res.redirect(301, '/new'); // codes: 301/send
});
app.get('/elsewhere', (req, res) => {
  res.location('/new').status(302).end(); // codes: 302/send
});

// A missing return after the first send.
app.post('/users', (req, res) => {
  if (!valid(req.body)) {
    res.status(400).json({ error: 'invalid' }); // codes: 400/send
  }
  res.status(201).json(save(req.body)); // codes: 201/send want "superfluous-writeheader: res.status\\(201\\).json\\(save\\(req.body\\)\\) has no effect: res.status\\(400\\).json\\({ error: 'invalid' }\\) on line 67 already sent the status"
});
app.post('/users2', (req, res) => {
  const user = find(req);
  if (!user) res.status(404).send('missing'); // codes: 404/send
  res.json(user); // want "superfluous-writeheader"
});

// Exclusive arms, a return after the send, a send in a callback.
app.post('/users3', (req, res) => {
  if (!valid(req.body)) {
    return res.status(400).json({ error: 'invalid' }); // codes: 400/send
  }
  if (req.query.dry) res.status(200).json({}); // codes: 200/send
  else if (req.query.async) res.status(202).json({}); // codes: 202/send
  else res.status(201).json(save(req.body)); // codes: 201/send
});
app.post('/users4', (req, res) => {
  if (!valid(req.body)) return res.status(400).send('invalid'); // codes: 400/send
  res.status(201).json(save(req.body)); // codes: 201/send
});
app.post('/users5', async (req, res) => {
  try {
    res.status(201).json(await save(req.body)); // codes: 201/send
  } catch (err) {
    res.status(500).json({ error: err.message }); // codes: 500/send
  }
});
app.post('/users6', (req, res) => {
  switch (req.query.kind) {
    case 'a':
      res.status(201).json({}); // codes: 201/send
      break;
    default:
      res.status(400).json({}); // codes: 400/send
  }
});
app.get('/each', (req, res) => {
  items.forEach((item) => res.write(item));
  load((err, data) => res.json(data));
  res.status(200).end(); // codes: 200/send
});

// Node's http: writeHead twice, a header given to writeHead.
require('http').createServer((req, res) => {
  res.writeHead(200); // codes: 200/send
  res.writeHead(500); // codes: 500/send want "superfluous-writeheader: res.writeHead\\(500\\) has no effect: res.writeHead\\(200\\) on line 114 already sent the status"
  res.end();
});
require('http').createServer((req, res) => {
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' }); // codes: 405/send
    return res.end();
  }
  res.writeHead(401, { 'Content-Type': 'text/plain' }); // codes: 401/send want "missing-header: WWW-Authenticate"
  res.end('who are you?');
});

// Koa sends what ctx holds when the middleware is done.
app.use(async (ctx) => {
  ctx.status = 204; // codes: 204/send
  ctx.body = { ok: true }; // want "bodiless-status: ctx.body = … writes a body after ctx.status = 204"
});
app.use(async (ctx) => {
  ctx.status = 204; // codes: 204/send
  ctx.body = '';
});
app.use(async (ctx) => {
  ctx.redirect('/login');
  ctx.status = 301; // codes: 301/send
});

// Not a response: a serializer's own write and append, a table's header.
class Serializer {
  render(node) {
    this.write('# ');
    this.append('title');
  }
}
function draw(dt) {
  dt.cell(0, 1).render('display');
  dt.column(1).header();
}
// A client reads a fetch response.
async function get(url) {
  const response = await fetch(url);
  const data = await response.json();
  response.headers.set('x', '1');
  return data;
}

// end() chained after a send ends what was sent: it is no second status
// (issue 16, class js-end-after-send).
app.get('/health', (req, res) => {
  if (!ready) {
    return res.status(503).json({ ok: false }).end(); // codes: 503/send
  }
  res.status(200).json({ ok: true }).end(); // codes: 200/send
});
app.get('/health2', (req, res) => {
  res.status(503).json({ ok: false }).end(); // codes: 503/send
  res.status(200).end(); // codes: 200/send want "superfluous-writeheader: res.status\\(200\\).end\\(\\) has no effect: res.status\\(503\\).json\\({ ok: false }\\) on line 169 already sent the status"
});

// The arms of a conditional expression are exclusive paths, as are a
// short circuit's sides; a returned expression ends the path, whatever
// it is (issue 16, class js-ternary-arms).
app.use((err, req, res, next) => {
  if (err.path) {
    return req.xhr ? res.status(200).json(err.path) : res.redirect(err.path); // codes: 200/send
  }
  if (err.gone) {
    return req.xhr ?
      res.status(410).json({}) : // codes: 410/send
      res.redirect('/gone');
  }
  if (err.denied) return req.xhr && res.status(403).json({}); // codes: 403/send
  res.status(500); // codes: 500/send
  res.json({});
});
app.get('/either', (req, res) => {
  req.xhr ? res.status(200).json({}) : res.redirect('/'); // codes: 200/send
  res.status(500).end(); // codes: 500/send want "superfluous-writeheader: res.status\\(500\\).end\\(\\) has no effect: res.redirect\\('/'\\) on line 190 already sent the status"
});
app.get('/maybe', (req, res) => {
  valid(req) || res.status(400).json({ error: 'invalid' }); // codes: 400/send
  res.status(200).json({ ok: true }); // codes: 200/send want "superfluous-writeheader: res.status\\(200\\).json\\({ ok: true }\\) has no effect: res.status\\(400\\).json\\({ error: 'invalid' }\\) on line 194 already sent the status"
});

// An empty body is no body.
app.delete('/gone/:id', (req, res) => {
  if (req.query.a) return res.status(204).send(''); // codes: 204/send
  if (req.query.b) return res.status(304).end(null); // codes: 304/send
  return res.status(204).send(); // codes: 204/send
});

// A missing return in a branch is one problem: the header set after the
// branch is late only because of it, and superfluous-writeheader names it.
app.get('/once', (req, res) => {
  if (!req.query.id) {
    res.status(400).json({ error: 'missing id' }); // codes: 400/send
  }
  res.set('X-Trace', '1');
  res.status(200).json({ ok: true }); // codes: 200/send want "superfluous-writeheader: res.status\\(200\\).json\\({ ok: true }\\) has no effect: res.status\\(400\\).json\\({ error: 'missing id' }\\) on line \\d+ already sent the status.*; return after line \\d+"
});

// The same with the branch written without braces (nightscout's
// `if (!ctx.sbx) res.json({})`): the write is still in a branch of its
// own, and the header set later, in another block, is its consequence.
app.get('/properties', (req, res) => {
  if (!ctx.sbx) res.json({});
  const result = ctx.sbx.properties;
  if (req.query.pretty) {
    res.setHeader('Content-Type', 'application/json');
    res.send(JSON.stringify(result, null, 2)); // want "superfluous-writeheader: res.send\\(JSON.stringify\\(result, null, 2\\)\\) has no effect: res.json\\({}\\) on line \\d+ already started the body.*; return after line \\d+"
  } else {
    res.json(result);
  }
});
