import { type AppProcess, startAppProcess } from '../support/app-process';

const LIMIT = 4;

describe('The login rate limit across two api processes (state in Redis)', () => {
  const processes: AppProcess[] = [];
  beforeAll(async () => {
    // One deployment: two ROLE=api processes behind a proxy, one database, one Redis prefix of their own.
    const env = { LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_PREFIX: `${process.env.REDIS_PREFIX}-two-apis` };
    processes.push(...(await Promise.all([startAppProcess(env), startAppProcess(env)])));
  }, 60000);
  afterAll(async () => {
    await Promise.all(processes.map((app) => app.stop()));
  });

  const login = (app: AppProcess) =>
    fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@baocao.local', password: 'not-the-password' }),
    });

  it('counts the attempts made through either process against one limit, and says when to retry', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let attempt = 0; attempt <= LIMIT; attempt += 1) {
      const response = await login(processes[attempt % 2]);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The other process refuses too: the block lives in Redis, not in the process that counted the last attempt.
    expect((await login(processes[LIMIT % 2 === 0 ? 1 : 0])).status).toBe(429);
  });
});
