// AWS Lambda and SvelteKit-style endpoints return a response object;
// statusCode is an HTTP word, status counts beside a response's own keys.
import type { APIGatewayProxyHandler } from 'aws-lambda';

export const handler: APIGatewayProxyHandler = async (event) => {
  if (!event.body) {
    return { statusCode: 400, body: 'Bad Request' }; // codes: 400/send
  }
  if (event.path === '/gone') {
    return { statusCode: 500, body: 'Not Found' }; // codes: 500/send want "reason-mismatch: statusCode . sends 500 Internal Server Error"
  }
  if (event.path === '/odd') {
    return {
      headers: { 'Content-Type': 'text/plain' },
      statusCode: 299, // codes: 299/send want "unknown-status: 299"
      body: '',
    };
  }
  return { statusCode: 200, body: JSON.stringify({ ok: true }) }; // codes: 200/send
};

export async function load() {
  return { status: 404, body: { message: 'missing' } }; // codes: 404/send
}

// Error objects carry the status their handler sends.
export class NotFoundError extends Error {
  statusCode = 404;
  constructor() {
    super('Not Found');
    this.statusCode = 404; // codes: 404/send
  }
}

// Fastify's error payload names the reason phrase as error.
if (missing) reply.send({ statusCode: 404, error: 'Not Found', message: 'No such user' }); // codes: 404/send
else reply.send({ statusCode: 409, error: 'Not Found', message: 'taken' }); // codes: 409/send want "reason-mismatch: sends 409 Conflict with the message \"Not Found\""

// A mocked fetch answers with a response.
fetchMock.mockResolvedValue({ ok: false, status: 503 }); // codes: 503/send

// Not responses.
const retry = { attempts: 3, statusCode: 'E_RETRY' };
const state = { status: 200 };
const ternary = ok ? status : 404;
