const fastify = require('fastify')({ logger: true });

function fail(reply, status) {
  reply.code(status).send({ error: true });
}

// Trap 5: the basePath /v2 carried by the route; trap 3: {id} is :orderId here.
fastify.get('/v2/orders/:orderId', async (request, reply) => {
  reply.code(500).send(); // codes: 500/send (trap 1: default covers it)
});

// Trap 5: the basePath not carried.
fastify.post('/orders/:id/cancel', async (request, reply) => {
  if (!request.params.id) {
    return fail(reply, 404); // trap 6: a documented code through the helper
  }
  if (request.body.shipped) {
    return fail(reply, 409); // want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 409 Conflict, which swagger.json does not document for this operation \\(it lists 200, 404\\)$"
  }
  reply.code(422).send(); // codes: 422/send want "undocumented-status: ^POST /orders/\\{id\\}/cancel sends 422 Unprocessable Content, which swagger.json does not document"
});

// Trap 4: DELETE is not documented on /orders/{id}.
fastify.delete('/orders/:id', async (request, reply) => {
  reply.code(409).send(); // codes: 409/send
});

// Trap 2: an operation the description does not document.
fastify.get('/metrics', async (request, reply) => {
  reply.code(503).send(); // codes: 503/send
});

fastify.get('/health', healthHandler);

async function healthHandler(request, reply) {
  reply.code(429).send(); // codes: 429/send want "undocumented-status: ^GET /health sends 429 Too Many Requests, which swagger.json does not document for this operation \\(it lists 200\\)$"
}

fastify.listen({ port: 3000 });
