// A file that writes http-status-codes constants: its numbers are offered
// the constant (prefer-constant, with a fix), class bounds are not.
import { StatusCodes, ReasonPhrases, getReasonPhrase } from 'http-status-codes';

export function show(req, res) {
  return res.status(StatusCodes.NOT_FOUND).send(ReasonPhrases.NOT_FOUND); // codes: 404/send
  return res.status(StatusCodes.OK).json(item); // codes: 200/send
  return res.sendStatus(StatusCodes.IM_A_TEAPOT); // codes: 418/send want "deprecated-status: 418"
  return res.redirect(StatusCodes.OK, '/'); // codes: 200/send want "redirect-status: res.redirect with 200 OK"
  return res.status(404).end(); // codes: 404/send want "prefer-constant: write StatusCodes.NOT_FOUND"
  return res.status(201).end(); // codes: 201/send want "prefer-constant: write StatusCodes.CREATED"
  res.status(226).end(); // codes: 226/send
  if (res.statusCode >= 400) { // codes: 400/range
    log(getReasonPhrase(res.statusCode));
  }
  if (res.statusCode === 500) { // codes: 500/compare want "prefer-constant: StatusCodes.INTERNAL_SERVER_ERROR"
    alert();
  }
  const fallback = StatusCodes.BAD_GATEWAY; // codes: 502/ref
  const reason = ReasonPhrases.BAD_GATEWAY;
  if (StatusCodes.CONFLICT === res.statusCode) { // codes: 409/compare
    retry();
  }
}
