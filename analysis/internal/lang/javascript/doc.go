// Package javascript reads JavaScript and TypeScript: Express, Node http,
// Koa, Fastify, NestJS, the status-code libraries, test assertions, and the
// flow of a response.
//
// It registers itself (facts.Register) when loaded.
package javascript
