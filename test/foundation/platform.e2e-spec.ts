import { startTestApp, type TestApp } from '../support/app';

describe('Platform: health, request ids, errors, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with PostgreSQL and Redis checked', async () => {
    expect((await t.http().get('/health')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgresql: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a caller request id and makes one otherwise, also on errors', async () => {
    const given = await t.http().get('/health').set('x-request-id', 'trace-abc.123');
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const made = await t.http().get('/api/v1/nowhere');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.status).toBe(404);
    expect(made.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(made.body).toMatchObject({ status: 404, code: 'not_found', requestId: made.headers['x-request-id'], instance: '/api/v1/nowhere' });
  });

  it('sets security headers (helmet)', async () => {
    const response = await t.http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('documents every route in OpenAPI with an operation id, and every secured route with its problem responses', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.components.schemas.ProblemDetails).toBeDefined();
    const operations = Object.entries(document.paths as Record<string, Record<string, { operationId: string; security?: unknown[]; responses: Record<string, unknown> }>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThanOrEqual(10);
    for (const { path, method, operation } of operations) {
      expect(`${method} ${path} ${operation.operationId}`).toMatch(/^\w+ \S+ [a-z]\w+$/);
      const secured = operation.security === undefined || operation.security.length > 0;
      if (secured) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(operations.map((o) => o.operation.operationId)).toEqual(expect.arrayContaining(['login', 'listUnits', 'createUser', 'readiness']));
    const html = await t.http().get('/api/docs');
    expect(html.status).toBe(200);
    expect(html.text).toContain('swagger');
  });
});
