// httpcodes-test: tests=check
// An object literal that is an argument of an assertion is an expected
// value, compared with what the code sent: it sends nothing itself, and
// its message is not a reason phrase the test gets wrong.
const assert = require('node:assert')
const { test } = require('tap')

test('error payload', async (t) => {
  const res = await app.inject({ url: '/coffee' })
  assert.deepStrictEqual(res.json(), { statusCode: 418, error: 'Wrong Pot' }) // codes: 418/compare
  assert.deepStrictEqual(res.json(), { statusCode: 500, error: 'Not Found' }) // codes: 500/compare
  t.same(res.json(), { statusCode: 500, error: 'Not Found' }) // codes: 500/compare
  t.strictSame(res.json(), { error: { statusCode: 500, error: 'Not Found' } }) // codes: 500/compare
  expect(res.json()).toEqual({ statusCode: 418, error: 'Wrong Pot' }) // codes: 418/compare
})

// A payload outside an assertion is still read.
function notFound() {
  return { statusCode: 500, error: 'Not Found' } // codes: 500/send want "reason-mismatch"
}
