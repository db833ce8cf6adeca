// The http-status package: its names are read through http-status-codes'
// (NOT_FOUND) or else NestJS's (FOUND for 302). It is not an ecosystem of
// the data set, so prefer-constant stays silent on this file's numbers.
const httpStatus = require('http-status');

function handler(req, res) {
  return res.status(httpStatus.NOT_FOUND).send('Not Found'); // codes: 404/send
  return res.status(httpStatus.FOUND).end(); // codes: 302/send
  return res.status(httpStatus.OK).send('Not Found'); // codes: 200/send want "reason-mismatch: res.status sends 200 OK"
  res.status(500).end(); // codes: 500/send
  const code = httpStatus.CONFLICT; // codes: 409/ref
  const text = httpStatus[404];
  const name = httpStatus.NOT_A_NAME;
}
