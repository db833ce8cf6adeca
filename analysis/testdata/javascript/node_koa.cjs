// Node's http module and Koa.
const http = require('node:http');
const Koa = require('koa');

http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }); // codes: 200/send
    return res.end('ok');
  }
  return res.writeHead(404, 'Not Found'); // codes: 404/send
  return res.writeHead(500, 'Not Found', headers); // codes: 500/send want "reason-mismatch: res.writeHead sends 500 Internal Server Error"
  res.writeHead(1000); // codes: 1000/send want "invalid-status: res.writeHead with 1000"
  res.statusCode = 302; // codes: 302/send
  res.statusCode = 451 // codes: 451/send want "superfluous-writeheader: res.statusCode = 451 has no effect: res.writeHead\\(1000\\) on line 12 already sent the status, and a status is sent only once \\(Node throws ERR_HTTP_HEADERS_SENT"
  res.end()
}).listen(8080);

const app = new Koa();
app.use(async (ctx, next) => {
  ctx.status = 201; // codes: 201/send
  ctx.status = 430; // codes: 430/send want "unknown-status: ctx.status = with 430"
  ctx.response.status = 204; // codes: 204/send
  ctx.body = { status: 404 }; // want "bodiless-status: ctx.body = … writes a body after ctx.response.status = 204 on line 22 sent 204 No Content"
  ctx.throw(404, 'User not found'); // codes: 404/send
  ctx.throw(403); // codes: 403/send
  ctx.throw('Gone', 410); // codes: 410/send
  ctx.throw(200, 'nope'); // codes: 200/send want "error-status: ctx.throw with 200 OK"
  ctx.throw(302); // codes: 302/send want "error-status: to redirect"
  ctx.throw(500, 'Service Unavailable'); // codes: 500/send want "reason-mismatch: Service Unavailable"
  ctx.assert(ctx.state.user, 401, 'Unauthorized'); // codes: 401/send
  ctx.assert(ok, 201); // codes: 201/send want "error-status: ctx.assert with 201 Created"
  ctx.redirect('/login');
  if (ctx.status === 404) { // codes: 404/compare
    await next();
  }
  // Koa 1 generator middleware reads the context as this.
  this.status = 202; // codes: 202/send
  this.throw(400); // codes: 400/send
});

// Not a status: a generator's throw, ports, timeouts, sizes.
gen.throw(404);
setTimeout(retry, 500);
server.listen(3000);
const buffer = new Array(404);
const ratio = 404 / 2;
const server2 = http.createServer().listen(404);
