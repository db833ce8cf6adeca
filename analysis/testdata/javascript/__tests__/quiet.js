// Under __tests__/, test code: warnings and errors are quiet, except a
// comparison that can never be true.
const request = require('supertest');

test('rejects a status out of range', () => {
  expect(() => res.status(99)).toThrow(); // codes: 99/send
});

test('a typo the test can never pass', async () => {
  const res = await request(app).get('/');
  expect(res.status).toBe(2020); // codes: 2020/compare want "invalid-status: can never be true"
  expect(res.status).toBe(299); // codes: 299/compare
});
