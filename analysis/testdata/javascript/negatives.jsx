#!/usr/bin/env node res.status(404)
// Nothing in this file is a status code the program sends or compares,
// though 404s are everywhere: res.status(404) in a comment,
/* res.sendStatus(500) in a block comment,
   ctx.status = 404 across lines */
const a = "res.status(404)";
const b = 'res.sendStatus(500)';
const c = `res.status(404) in a template`;
const d = `nested ${`res.status(${404}) inside`} template`;
const e = `${user.name}: res.status(404)`;
const f = /res\.status\(404\)/g;
const g = str.replace(/\/404$/, '/') + 'res.status(404)';
const h = a / 404 / 2;
const i = (count) / 404;
const j = 1_000_404;
const k = 404n;
const l = 0x194;
const m = [404, 500, 200];
const n = new Array(500);
const css = { width: '404px', zIndex: 500, padding: 200 };
const style = `width: 404px; z-index: 500`;
const port = process.env.PORT || 3000;
setTimeout(done, 404);
const total = 404 * 3 + 500;
const msg = `status ${res.status}`;
const pattern = /[/]404/;
const more = `outer ${ { key: `inner ${ '}' } ` }.key } end`;

// JSX text is tokens, and its closing tags are not regexes.
const page = (
  <div className="status-404">
    <p>Error 404: the page is gone (HTTP 500 never)</p>
    <Link href="/404" status={404} />
  </div>
);

// After all that lexing, a real status is still found.
res.status(404).end(); // codes: 404/send

// Internet Explorer's XMLHttpRequest reported 1223 for a 204: a comparison
// with it is on purpose, not a typo that can never be true.
function normalise(xhr) {
  return xhr.status === 1223 ? 204 : xhr.status;
}
