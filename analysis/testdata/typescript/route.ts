// The fetch Response (Next.js route handlers, Deno, Bun, Workers) and
// Next.js's NextResponse: the status is that of the init object.
import { NextResponse, type NextRequest } from 'next/server';

export async function GET(req: NextRequest): Promise<Response> {
  const item = await load(req.nextUrl.searchParams.get('id'));
  if (!item) {
    return new Response('Not Found', { status: 404 }); // codes: 404/send
  }
  if (item.secret) {
    return new Response(null, { status: 403, statusText: 'Not Found' }); // codes: 403/send want "reason-mismatch: new Response sends 403 Forbidden with the message \"Not Found\""
  }
  if (item.moved) {
    return Response.redirect(new URL('/new', req.url), 308); // codes: 308/send
  }
  if (item.old) {
    return Response.redirect('/new', 200); // codes: 200/send want "redirect-status: Response.redirect with 200 OK"
  }
  if (item.empty) {
    return new Response(null, {
      status: 204, // codes: 204/send
      headers: { 'Cache-Control': 'no-store' },
    });
  }
  return Response.json(item, { status: 200 }); // codes: 200/send
}

export async function POST(req: NextRequest) {
  const body = await req.json();
  if (!body.name) {
    return NextResponse.json({ error: 'name required' }, { status: 400 }); // codes: 400/send
  }
  if (body.legacy) {
    return NextResponse.redirect(new URL('/v2', req.url), 307); // codes: 307/send
  }
  if (body.tea) {
    return NextResponse.json({ error: 'teapot' }, { status: 418 }); // codes: 418/send want "deprecated-status: NextResponse.json with 418"
  }
  if (body.rewrite) {
    return NextResponse.rewrite(new URL('/maintenance', req.url), { status: 503 }); // codes: 503/send
  }
  if (body.redirectInit) {
    return NextResponse.redirect(new URL('/x', req.url), { status: 200 }); // codes: 200/send want "redirect-status: NextResponse.redirect with 200 OK"
  }
  return NextResponse.json(created, { status: 2010 }); // codes: 2010/send want "invalid-status: NextResponse.json with 2010"
}

// Not a response: a status field in data, a Response-like name in a type.
const order = { status: 404 };
const job = { id: 1, status: 'active' };
const items = [{ status: 3, body: 'x' }];
type Options = { status: number; body: string };
const headers = new Headers({ 'X-Status': '404' });
