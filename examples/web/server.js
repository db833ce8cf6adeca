// A small Express API with the status code mistakes httpcodes finds in
// JavaScript. Run `go run ./cmd/httpcodes check examples/` from the
// repository root.
const express = require('express');

const app = express();

app.post('/orders', (req, res) => {
  const order = createOrder(req.body);
  res.status(201).json(order);
  res.setHeader('Location', `/orders/${order.id}`);
});

app.get('/login', (req, res) => {
  res.redirect(200, '/sign-in');
});

app.get('/orders/:id', (req, res) => {
  const order = findOrder(req.params.id);
  if (!order) {
    return res.status(404).send('Forbidden');
  }
  res.json(order);
});

function createOrder(body) {
  return { id: 1, ...body };
}

function findOrder(id) {
  return id === '1' ? { id: 1 } : null;
}

app.listen(3000);
