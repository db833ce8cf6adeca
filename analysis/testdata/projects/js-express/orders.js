// A router mounted in app.js: its routes carry no prefix (trap 5, not
// carried), and their parameters are named otherwise (trap 3).
const router = require('express').Router();

function sendError(res, code, message) {
  res.status(code).json({ message });
}

router.route('/orders/:orderId')
  .get(getOrder)
  // Trap 4: PUT is not documented on this path.
  .put((req, res) => res.status(409).end()) // codes: 409/send
  .delete(async (req, res) => {
    res.status(500).send('failed'); // codes: 500/send (trap 1: default covers it)
  });

router.post('/orders/:id/cancel', async (req, res) => {
  if (!req.params.id) {
    return sendError(res, 404, 'Not Found'); // trap 6: a documented code through the helper
  }
  if (!req.body) {
    return sendError(res, 422, 'No body'); // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
  }
  const connection = { status: 200 };
  // A data object's own status field, sent in the body: not the response's.
  connection.status = 500; // codes: 500/send
  res.status(409).json({ error: 'already shipped' }); // codes: 409/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which openapi.yaml does not document for this operation \\(it lists 200, 404\\)$"
});

function getOrder(req, res) {
  if (req.query.gone) {
    return res.status(410).end(); // codes: 410/send (trap 1: 4XX covers it)
  }
  res.sendStatus(503); // codes: 503/send want "undocumented-status: ^GET /orders/\\{id\\} sends 503 Service Unavailable, which openapi.yaml does not document for this operation \\(it lists 200, 4XX\\)$"
}

module.exports = router;
