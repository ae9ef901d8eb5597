import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ADMIN, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';

const PASSWORD = 'cây-đa-giếng-nước-sân-đình';

describe('Passwords and sign-in protection', () => {
  let t: TestApp;
  let db: DataSource;
  let restoreEnv: () => void;
  let units: Record<string, string>;
  const clock = new FakeClock(new Date('2025-03-03T02:00:00Z'));

  beforeAll(async () => {
    restoreEnv = overrideEnv({
      LOGIN_LOCK_AFTER_FAILURES: '3',
      LOGIN_LOCK_SECONDS: '60',
      LOGIN_LOCK_MAX_SECONDS: '600',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-login-protection`,
    });
    t = await startTestApp('api', { clock });
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t);
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
  });

  const count = async (sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as Array<{ count: number }>)[0].count;
  const createUser = async (email: string, password: string) =>
    t
      .http()
      .post('/api/v1/users')
      .set('authorization', await t.tokenFor(ADMIN))
      .send({ email, fullName: 'Lê Văn Khánh', role: 'province_officer', unitId: units['31'], password });
  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });

  describe('strength', () => {
    it.each(['password12', '1234567890', 'levankhanh31'])('refuses to create an account with the guessable password %s, writing nothing', async (password) => {
      const users = await count('SELECT count(*)::int AS count FROM users');
      const response = await createUser('yeu.mat.khau@so.gov.vn', password);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'weak_password', errors: [{ field: 'password', code: 'weak_password' }] });
      expect(response.body.detail).toMatch(/^Mật khẩu quá dễ đoán/);
      expect(await count('SELECT count(*)::int AS count FROM users')).toBe(users);
    });

    it('refuses a guessable password on reset and keeps the old one working', async () => {
      const created = await createUser('dat.lai@so.gov.vn', PASSWORD);
      expect(created.status).toBe(201);
      const reset = await t.http().put(`/api/v1/users/${created.body.id}/password`).set('authorization', await t.tokenFor(ADMIN)).send({ password: '1234567890' });
      expect(reset.status).toBe(422);
      expect(reset.body.code).toBe('weak_password');
      expect((await login('dat.lai@so.gov.vn', PASSWORD)).status).toBe(200);
    });
  });

  describe('per-account lock after repeated failures', () => {
    const OWNER = 'khoa.tam@so.gov.vn';
    beforeAll(async () => {
      expect((await createUser(OWNER, PASSWORD)).status).toBe(201);
    });

    it('locks the account for a while after 3 failures, records it, and lets the owner in once the lock is over', async () => {
      const [{ id }] = await db.query('SELECT id FROM users WHERE email = $1', [OWNER]);
      expect([(await login(OWNER, 'sai-mat-khau-1')).status, (await login(OWNER, 'sai-mat-khau-2')).status, (await login(OWNER, 'sai-mat-khau-3')).status]).toEqual([401, 401, 401]);

      const locked = await login(OWNER, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(locked.body).toMatchObject({ code: 'account_locked', title: 'Tài khoản tạm khoá' });
      expect(locked.body.detail).toBe('Đăng nhập sai quá nhiều lần liên tiếp; tài khoản tạm khoá, hãy thử lại sau 1 phút.');
      expect(locked.headers['retry-after']).toBe('60');
      const [event] = await db.query(`SELECT action, after, reason FROM audit_events WHERE entity_id = $1 AND action = 'user.login_locked'`, [id]);
      expect(event).toMatchObject({ action: 'user.login_locked', after: { failures: 3, lockSeconds: 60 }, reason: 'Đăng nhập sai nhiều lần liên tiếp' });

      clock.set(new Date(clock.now().getTime() + 61_000));
      expect((await login(OWNER, PASSWORD)).status).toBe(200);
      // The success forgot the failures: the next mistake is the first of a new count.
      expect((await login(OWNER, 'sai-mat-khau-4')).status).toBe(401);
      expect((await login(OWNER, PASSWORD)).status).toBe(200);
    });

    it('makes each further failure double the lock, up to the cap', async () => {
      const email = 'tang.dan@so.gov.vn';
      expect((await createUser(email, PASSWORD)).status).toBe(201);
      const retryAfters: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        for (let attempt = 0; attempt < (round === 0 ? 3 : 1); attempt += 1) expect((await login(email, 'sai-mat-khau')).status).toBe(401);
        const locked = await login(email, PASSWORD);
        retryAfters.push(locked.headers['retry-after']);
        clock.set(new Date(clock.now().getTime() + Number(locked.headers['retry-after']) * 1000));
      }
      expect(retryAfters).toEqual(['60', '120', '240', '480', '600']);
      expect((await login(email, PASSWORD)).status).toBe(200);
    });

    it('treats an unknown address like an existing one, so that a lock reveals no account', async () => {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await login('khong.ton.tai@so.gov.vn', 'sai-mat-khau')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });
});
