const express = require('express');
const app = express();

app.set('view engine', 'pug');

app.post('/items', (req, res) => {
  const item = save(req.body);
  res.status(201).json(item); // codes: 201/send
  res.setHeader('Location', `/items/${item.id}`); // want "late-header: res.setHeader\\('Location', `/items/\\${item.id}`\\) comes too late: the status was sent by res.status\\(201\\).json\\(item\\) on line 8; Node throws ERR_HTTP_HEADERS_SENT"
});

app.get('/plain', function (req, res) {
  res.send('hello')
  res.set('Content-Type', 'text/plain') // want "late-header: the body was started by res.send\\('hello'\\) on line 13, which sent 200 OK and the headers"
})

app.get('/cookie', (req, res) => {
  res.end();
  res.cookie('seen', '1'); // want "late-header"
});

app.delete('/items/:id', (req, res) => {
  res.sendStatus(204); // codes: 204/send
  res.type('json'); // want "late-header: res.sendStatus\\(204\\) on line 23"
});

// The write is in a branch: the header after it is on the other path.
app.get('/cached', (req, res) => {
  if (req.fresh) {
    res.status(304).end(); // codes: 304/send
    return;
  }
  res.setHeader('ETag', etagOf(req));
  res.json(load(req));
});

// The header is set in a branch that does not write.
app.get('/debug', (req, res) => {
  if (req.query.debug) {
    res.set('X-Debug', '1');
  }
  res.json({});
});

// A header set in a nested block after the write is still late.
app.get('/nested', (req, res) => {
  res.json({});
  if (req.query.trace) {
    res.set('X-Trace', '1'); // want "late-header"
  }
});

// The code checks whether the headers went out.
app.get('/guarded', (req, res) => {
  res.write('chunk');
  if (!res.headersSent) {
    res.setHeader('X-Late', '1');
  }
});

// A callback runs at another time: its writes are not this body's.
app.get('/callback', (req, res) => {
  load(req, (err, data) => {
    res.json(data);
  });
  res.setHeader('X-Started', '1');
});

// Another response object.
app.get('/proxy', (req, res) => {
  upstream.end();
  res.setHeader('Via', 'proxy');
  res.send('ok');
});

// Node's http server.
require('http').createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' }); // codes: 200/send
  res.end('ok');
  res.removeHeader('Date'); // want "late-header: the status was sent by res.writeHead\\(…\\) on line 78"
}).listen(8080);
