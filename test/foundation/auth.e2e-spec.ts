import { ADMIN, officer, startTestApp, type TestApp } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { DEMO_PASSWORD } from '../support/test-env';

describe('Authentication (POST /api/v1/auth/login)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('returns a JWT and the user for correct credentials, whatever the e-mail case', async () => {
    const response = await t.http().post('/api/v1/auth/login').send({ email: 'Officer.01@BaoCao.local', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.tokenType).toBe('Bearer');
    expect(response.body.accessToken.split('.')).toHaveLength(3);
    expect(response.body.user).toMatchObject({ email: 'officer.01@baocao.local', role: 'province_officer' });
    expect(response.body.user.unitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['a wrong password', officer('01'), 'not-the-password'],
    ['an unknown e-mail', 'nobody@baocao.local', DEMO_PASSWORD],
  ])('refuses %s with the same 401 problem', async (_case, email, password) => {
    const response = await t.http().post('/api/v1/auth/login').send({ email, password });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'invalid_credentials', title: 'Đăng nhập không thành công' });
  });

  it('lists every invalid field of a malformed login as a 422 problem', async () => {
    const response = await t.http().post('/api/v1/auth/login').send({ email: 'not-an-email', extra: 1 });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`).sort();
    expect(fields).toEqual(expect.arrayContaining(['email:isEmail', 'extra:whitelistValidation', 'password:isString']));
    expect(fields.every((field: string) => /^(email|extra|password):/.test(field))).toBe(true);
    expect(response.body.errors.find((e: { field: string }) => e.field === 'email').message).toBe('email phải là địa chỉ e-mail hợp lệ');
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"email": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, code: 'malformed_body' });
  });

  it('refuses protected routes without a token, with a forged token and with an expired one', async () => {
    const missing = await t.http().get('/api/v1/units');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('unauthorized');
    const forged = await t.http().get('/api/v1/units').set('authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
    const admin = await t.tokenFor(ADMIN);
    expect((await t.http().get('/api/v1/units').set('authorization', admin)).status).toBe(200);
  });
});

describe('Login rate limiting', () => {
  let t: TestApp;
  let restoreEnv: () => void;
  beforeAll(async () => {
    // A Redis prefix of its own: the limit's counters live in Redis, shared by every app of the same prefix.
    restoreEnv = overrideEnv({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rate-limit` });
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
  });

  it('answers 429 problem+json after the configured number of attempts per minute, with a standard Retry-After', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await t.http().post('/api/v1/auth/login').send({ email: officer('01'), password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await t.http().post('/api/v1/auth/login').send({ email: officer('01'), password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'too_many_requests', status: 429 });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
