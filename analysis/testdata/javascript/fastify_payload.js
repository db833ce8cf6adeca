// One problem, one finding: the payload restates the status the chain
// sends, and the chain's status is the one reported.
fastify.get('/coffee', async (request, reply) => {
  reply.code(418).send({ statusCode: 418, error: "I'm a Teapot" }) // codes: 418/send want "deprecated-status"
})

fastify.get('/gone', async (request, reply) => {
  reply.code(500).send({ statusCode: 500, error: 'Not Found' }) // codes: 500/send want "reason-mismatch"
})
