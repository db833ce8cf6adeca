// Fastify and hapi.
import Fastify from 'fastify';
import createError from '@fastify/error';
import httpErrors from 'http-errors';

const fastify = Fastify();

fastify.get('/items/:id', async (request, reply) => {
  return reply.code(404).send('Not Found'); // codes: 404/send
  return reply.code(503).send('Gateway Timeout'); // codes: 503/send want "reason-mismatch: reply.code sends 503 Service Unavailable with the message \"Gateway Timeout\""
  return reply.status(201).send({ id }); // codes: 201/send
  return reply.header('Retry-After', 10).code(503).send(); // codes: 503/send
  reply.code(99); // codes: 99/send want "invalid-status: reply.code with 99"
  return reply.redirect('/elsewhere', 301); // codes: 301/send
});

fastify.get('/v4', async (request, reply) => {
  return reply.redirect(302, '/v4/home'); // codes: 302/send
  return reply.redirect('/home', 201); // codes: 201/send
  return reply.redirect('/home', 202); // codes: 202/send want "redirect-status: reply.redirect with 202 Accepted"
  reply.redirect('/home');
});

// @fastify/error puts the status third; http-errors first.
const NotFound = createError('FST_NOT_FOUND', 'Not Found', 404); // codes: 404/send
const Weird = createError('FST_WEIRD', 'Bad Gateway', 500); // codes: 500/send want "reason-mismatch: Bad Gateway"
throw httpErrors(401, 'Please log in'); // codes: 401/send
throw httpErrors(204); // codes: 204/send want "error-status: httpErrors with 204 No Content"

// hapi: h.response(…).code(n)
const handler = (request, h) => {
  return h.response({ ok: true }).code(202); // codes: 202/send
};

// Not a reply: a code() on something else, and error codes that are not statuses.
parser.code(404);
const err = createError('ENOENT', 'missing');
zip.code(201);
