// The response-flow rules on typed Express, Fastify and NestJS handlers.
import type { Request, Response } from 'express';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function remove(req: Request, r: Response): void {
  r.status(204).json({ deleted: true }); // codes: 204/send want "bodiless-status: r.status\\(204\\).json\\({ deleted: true }\\) with 204 No Content sends a body"
}

export async function drop(request: FastifyRequest, rep: FastifyReply) {
  return rep.code(204).send({ ok: true }); // codes: 204/send want "bodiless-status"
}

export function guard(req: Request, res: Response): void {
  if (!req.headers.authorization) {
    res.status(401).send({ error: 'Unauthorized' }); // codes: 401/send want "missing-header: WWW-Authenticate"
  }
  res.status(200).json({ ok: true }); // codes: 200/send want "superfluous-writeheader: res.status\\(200\\).json\\({ ok: true }\\) has no effect: res.status\\(401\\).send\\({ error: 'Unauthorized' }\\) on line 15 already sent the status"
}

export function methods(req: Request, res: Response): void {
  res.status(405).json({ error: 'Method Not Allowed' }); // codes: 405/send want "missing-header: Allow"
}

export function fine(req: Request, res: Response): void {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    res.status(405).end(); // codes: 405/send
    return;
  }
  if (!req.user) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    return void res.status(401).json({ error: 'Unauthorized' }); // codes: 401/send
  }
  res.status(200).json(req.user); // codes: 200/send
}

// A wrapper class's own send is not Express's.
export class ApiResponse {
  constructor(private readonly out: Response) {}
  send(body: unknown): void {
    this.out.json(body);
  }
  done(): void {
    this.send({});
    this.send({});
  }
}

// A returned conditional ends the path by either arm; a typed optional
// parameter (next?: …) is no conditional (issue 16, class js-ternary-arms).
export function fail(err: { path?: string }, req: Request, res: Response, next?: () => void): void {
  if (err.path) {
    return req.xhr ? void res.status(200).json(err.path) : res.redirect(err.path); // codes: 200/send
  }
  res.status(500).json({ error: 'failed' }).end(); // codes: 500/send
}
