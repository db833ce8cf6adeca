const express = require('express');
const orders = require('./orders');

const app = express();
const admin = express.Router();

app.use('/api', orders);
app.use('/admin', admin);

// Trap 2: an operation the description does not document.
admin.get('/stats', (req, res) => {
  res.status(503).end(); // codes: 503/send
});

// Trap 5: the servers prefix (/api, from its variables) carried by the
// route; the handler is made by a factory.
app.get('/api/health', health());

function health() {
  return (req, res) => {
    res.status(429).json({ retry: true }); // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which openapi.yaml does not document for this operation \\(it lists 200\\)$"
  };
}

app.listen(3000);
