// SvelteKit and Remix export their response helpers as plain functions.
import { error, json, redirect } from '@sveltejs/kit';

export async function load({ params }) {
  const post = await db.post(params.slug);
  if (!post) error(404, 'Not found'); // codes: 404/send
  if (post.draft) throw error(403, 'Forbidden'); // codes: 403/send
  if (post.gone) error(410, 'Not Found'); // codes: 410/send want "reason-mismatch: error sends 410 Gone"
  if (post.ok) error(200, 'fine'); // codes: 200/send want "error-status: error with 200 OK"
  if (post.moved) redirect(308, `/posts/${post.newSlug}`); // codes: 308/send
  if (post.bad) redirect(200, '/'); // codes: 200/send want "redirect-status: redirect with 200 OK"
  return { post };
}

export async function POST({ request }) {
  const created = await db.create(await request.json());
  return json(created, { status: 201 }); // codes: 201/send
}

// Not helpers: a logger's error, a json call without a status, a local function.
console.error(500, 'failed');
logger.error(404);
const body = json(data);
const text = json(data, { indent: 2 });
function error(code: number, message: string) {}
error(code, message);
error(5, 'five');
