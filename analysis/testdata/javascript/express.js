// Express handlers: the status sent, the body sent with it, and the rules
// that judge them. This file writes no constants, so prefer-constant is
// silent on every number here.
const express = require('express');
const app = express();

app.get('/users/:id', async (req, res) => {
  const user = await db.find(req.params.id);
  if (!user) {
    return res.status(404).send('Not Found'); // codes: 404/send
  }
  if (user.banned) {
    return res.status(403).json({ error: 'Forbidden' }); // codes: 403/send
  }
  if (user.gone) {
    return res.status(410).json({ message: 'Not Found' }); // codes: 410/send want "reason-mismatch: 410 Gone with the message \"Not Found\""
  }
  res.status(200).json(user); // codes: 200/send
});

app.post('/users', (req, res) => {
  return res.status(500).send('Bad Request'); // codes: 500/send want "reason-mismatch: res.status sends 500 Internal Server Error with the message \"Bad Request\", which is the reason phrase of 400 Bad Request"
  return res.status(201).send(`Created`); // codes: 201/send
  return res.status(201).end(); // codes: 201/send
  return res.sendStatus(204); // codes: 204/send
  return res.sendStatus(2000); // codes: 2000/send want "invalid-status: res.sendStatus with 2000"
  return res.status(299).end(); // codes: 299/send want "unknown-status: res.status with 299: no registry"
  return res.status(430).end(); // codes: 430/send want "unknown-status: 430"
  return res.status(499).end(); // codes: 499/send want "nonstandard-status: nginx"
  return res.status(418).send("I'm a teapot"); // codes: 418/send want "deprecated-status: res.status with 418"
  return res.status(306).end(); // codes: 306/send want "deprecated-status: 306"
  res.status(ok ? 200 : 500).end(); // codes: 200/send 500/send
  return res.set('X-Trace', id).status(202).end(); // codes: 202/send want "late-header: res.set\\('X-Trace', id\\) comes too late: the status was sent by res.status\\(ok \\? 200 : 500\\).end\\(\\) on line 32" "superfluous-writeheader: res.set\\('X-Trace', id\\).status\\(202\\).end\\(\\) has no effect: res.status\\(ok \\? 200 : 500\\).end\\(\\) on line 32 already sent the status"
  return this.res.status(202).end(); // codes: 202/send
  return res.status(code).end();
  return res.status(404 + offset).end();
  res.status('404').end();
});

app.get('/old', (req, res) => {
  return res.redirect(301, '/new'); // codes: 301/send
  return res.redirect('/new');
  return res.redirect(200, '/new'); // codes: 200/send want "redirect-status: res.redirect with 200 OK: a redirect needs a 3xx code"
  return res.redirect(201, '/items/1'); // codes: 201/send
  return res.redirect(304, '/new'); // codes: 304/send want "redirect-status: 304 Not Modified answers a conditional request"
  res.redirect(404, '/login'); // codes: 404/send want "redirect-status: a redirect needs a 3xx code"
});

// Error middleware: an error's status is what the handler sends.
app.use((err, req, res, next) => {
  err.status = 404; // codes: 404/send
  err.statusCode = 503; // codes: 503/send
  res.statusCode = 500; // codes: 500/send
  res.statusCode = 20; // codes: 20/send want "invalid-status: res.statusCode = with 20"
  res.status(err.status || 500).send(err.message);
});

// Not a response: names that merely contain status.
job.status(3);
this.statusCode = 0;
parser.statusCode = -1;
order.status = 'shipped';
task.status = 2;
res.status = code;
const statusText = 404;

// Only text sent is a message: render's first argument names a view,
// sendFile's a file, type's a media type (issue 16, class
// js-render-view-name). A header setter between the status and the send
// is passed over to the send's message.
app.get('/view', (req, res) => {
  return res.status(403).render('unauthorized', { action: 'view' }); // codes: 403/send
  return res.status(404).sendFile('not-found.html'); // codes: 404/send
  return res.status(400).type('Not Found').end(); // codes: 400/send
  return res.status(500).type('txt').send('Not Found'); // codes: 500/send want "reason-mismatch: res.status sends 500 Internal Server Error with the message \"Not Found\""
});
