// httpcodes-test: tests=check (these expectations are those of test code checked like any other)
// Tests: supertest, Jest, chai and node:assert compare statuses; none of
// these sends one, so the send rules stay silent even on odd codes.
const request = require('supertest');
const assert = require('node:assert/strict');

describe('GET /users', () => {
  it('finds a user', async () => {
    await request(app).get('/users/1').expect(200); // codes: 200/compare
    await request(app)
      .post('/users')
      .set('Accept', 'application/json')
      .expect('Content-Type', /json/)
      .expect(201); // codes: 201/compare
    await request(app).get('/teapot').expect(418); // codes: 418/compare
    await request(app).get('/x').expect(299); // codes: 299/compare want "unknown-status: supertest .expect with 299"
    agent.get('/me').expect(401, done); // codes: 401/compare
    await api.delete('/users/1').expect(204); // codes: 204/compare
    await api.get('/users').expect('Content-Type', /json/);
    emitter.expect(404);
    mock.expect(200).times(2);
  });

  it('asserts with Jest', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(404); // codes: 404/compare
    expect(res.statusCode).toEqual(201); // codes: 201/compare
    expect(res.status).not.toBe(500); // codes: 500/compare
    expect(res).toHaveProperty('status', 403); // codes: 403/compare
    expect(res.status).toBeGreaterThanOrEqual(400); // codes: 400/range
    expect(res.status).toBe(499); // codes: 499/compare
    expect(mockRes.status).toHaveBeenCalledWith(422); // codes: 422/compare
    expect(res.body).toMatchObject({ statusCode: 409 }); // codes: 409/compare
    expect(res.body.count).toBe(404);
    expect(res.status).toBe(expected);
  });

  it('asserts with chai and assert', () => {
    expect(res).to.have.status(200); // codes: 200/compare
    expect(res.status).to.equal(204); // codes: 204/compare
    assert.equal(res.status, 302); // codes: 302/compare
    assert.strictEqual(307, response.statusCode); // codes: 307/compare
    t.is(res.status, 200); // codes: 200/compare
    assert.equal(items.length, 404);
  });
});

// A mocked Express response: these build the mock, not a status.
const res = { status: jest.fn().mockReturnThis(), json: jest.fn() };
jest.setTimeout(30000);
