import { ADMIN, COMPLIANCE, officer, officerBefore2025Merger, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { DEMO_PASSWORD } from '../support/test-env';

/** The session cookie's value from a response (for the next requests of a "browser"). */
function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const cookie = cookies.find((c) => c.startsWith('baocao_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return cookie.split(';')[0];
}

describe('Workspace sessions: cookie, CSRF, sign-out, expiry; pages and their addresses', () => {
  const clock = new FakeClock(new Date('2025-03-10T03:00:00Z'));
  let t: TestApp;
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('api', { clock });
    units = await unitIdsByCode(t);
  });
  afterAll(() => t.close());

  async function signIn(email: string, password = DEMO_PASSWORD) {
    const response = await t.http().post('/api/v1/auth/session').set('origin', 'http://localhost:3000').send({ email, password });
    expect(response.status).toBe(200);
    return { cookie: sessionCookieOf(response), csrf: response.body.csrfToken as string, body: response.body };
  }

  it('signs in with an HttpOnly, SameSite=Lax cookie for the whole site and returns the user and a CSRF token', async () => {
    const response = await t.http().post('/api/v1/auth/session').send({ email: officer('01'), password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie']).find((c) => c.startsWith('baocao_session='));
    expect(cookie).toMatch(/^baocao_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    expect(response.body).toMatchObject({
      user: { email: officer('01'), role: 'province_officer', unitId: units['01'], unitCode: '01', unitName: 'Thành phố Hà Nội' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(response.body).not.toHaveProperty('accessToken');
  });

  it('marks the cookie Secure when the request came over HTTPS (behind a local proxy)', async () => {
    const response = await t.http().post('/api/v1/auth/session').set('x-forwarded-proto', 'https').send({ email: officer('01'), password: DEMO_PASSWORD });
    expect(([] as string[]).concat(response.headers['set-cookie']).join()).toMatch(/SameSite=Lax; Secure/);
  });

  it('refuses wrong credentials with 401 and sets no cookie', async () => {
    const response = await t.http().post('/api/v1/auth/session').send({ email: officer('01'), password: 'sai-mat-khau' });
    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await t.http().post('/api/v1/auth/session').set('origin', 'https://evil.example').send({ email: officer('01'), password: DEMO_PASSWORD });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('csrf_failed');
  });

  it('reads with the cookie alone, and keeps unit scoping', async () => {
    const { cookie } = await signIn(officer('01'));
    const own = await t.http().get(`/api/v1/units/${units['01']}/contacts`).set('cookie', cookie);
    expect(own.status).toBe(200);
    const foreign = await t.http().get(`/api/v1/units/${units['79']}/contacts`).set('cookie', cookie);
    expect(foreign.status).toBe(403);
    const session = await t.http().get('/api/v1/auth/session').set('cookie', cookie);
    expect(session.body).toMatchObject({ user: { email: officer('01') }, csrfToken: expect.any(String) });
  });

  it('refuses a state-changing request by cookie without the CSRF token, with a wrong one, or from another origin', async () => {
    const { cookie, csrf } = await signIn(officer('01'));
    const body = { submitterEmails: ['vanthu@stttt.hanoi.gov.vn'], leadershipEmail: null };
    const path = `/api/v1/units/${units['01']}/contacts`;
    const missing = await t.http().put(path).set('cookie', cookie).send(body);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ code: 'csrf_failed', detail: expect.stringContaining('tải lại trang') });
    const wrong = await t.http().put(path).set('cookie', cookie).set('x-csrf-token', `${csrf.slice(0, -2)}xx`).send(body);
    expect(wrong.status).toBe(403);
    const otherSession = await signIn(officer('01'));
    expect((await t.http().put(path).set('cookie', cookie).set('x-csrf-token', otherSession.csrf).send(body)).status).toBe(403);
    const crossSite = await t.http().put(path).set('cookie', cookie).set('x-csrf-token', csrf).set('origin', 'https://evil.example').send(body);
    expect(crossSite.status).toBe(403);
    const crossFetch = await t.http().put(path).set('cookie', cookie).set('x-csrf-token', csrf).set('sec-fetch-site', 'cross-site').send(body);
    expect(crossFetch.status).toBe(403);

    const ok = await t.http().put(path).set('cookie', cookie).set('x-csrf-token', csrf).set('origin', 'http://localhost:3000').send(body);
    expect(ok.status).toBe(200);
    const audit = await t.http().get(`/api/v1/audit?entityType=reporting_unit&action=unit.contacts_updated`).set('authorization', await t.tokenFor(ADMIN));
    expect(audit.body.items[0]).toMatchObject({ actorEmail: officer('01') });
  });

  it('leaves bearer tokens as they were: no cookie, no CSRF token needed', async () => {
    const response = await t
      .http()
      .put(`/api/v1/units/${units['01']}/contacts`)
      .set('authorization', await t.tokenFor(officer('01')))
      .send({ submitterEmails: [], leadershipEmail: null });
    expect(response.status).toBe(200);
    const session = await t.http().get('/api/v1/auth/session').set('authorization', await t.tokenFor(officer('01')));
    expect(session.body).toMatchObject({ user: { email: officer('01') }, csrfToken: null, expiresAt: null });
  });

  it('signs out on the server: the same cookie no longer works anywhere', async () => {
    const { cookie, csrf } = await signIn(REVIEWER);
    const out = await t.http().delete('/api/v1/auth/session').set('cookie', cookie).set('x-csrf-token', csrf);
    expect(out.status).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie']).join()).toContain('baocao_session=; Path=/; Max-Age=0');
    const after = await t.http().get('/api/v1/submissions').set('cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('session_expired');
  });

  it('ends a session after the idle limit and after the absolute limit, with a sentence saying to sign in again', async () => {
    const idle = await signIn(COMPLIANCE);
    clock.set(new Date(clock.now().getTime() + 59 * 60_000));
    expect((await t.http().get('/api/v1/obligations').set('cookie', idle.cookie)).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 59 * 60_000));
    expect((await t.http().get('/api/v1/obligations').set('cookie', idle.cookie)).status).toBe(200);
    clock.set(new Date(clock.now().getTime() + 61 * 60_000));
    const expired = await t.http().get('/api/v1/obligations').set('cookie', idle.cookie);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'session_expired', detail: expect.stringContaining('đăng nhập lại') });

    // Used every 55 minutes: alive for 11 h 55 min, over after 12 h however busy.
    const busy = await signIn(COMPLIANCE);
    const statuses: number[] = [];
    for (let step = 0; step < 14; step++) {
      clock.set(new Date(clock.now().getTime() + 55 * 60_000));
      statuses.push((await t.http().get('/api/v1/obligations').set('cookie', busy.cookie)).status);
    }
    expect(statuses).toEqual([...Array(13).fill(200), 401]);
  });

  it("ends a user's sessions when an administrator locks the account", async () => {
    // March 2025: the officer of Hà Giang, a province until 30/06/2025.
    const { cookie } = await signIn(officerBefore2025Merger('02'));
    const admin = await t.tokenFor(ADMIN);
    const list = await t.http().get('/api/v1/users').set('authorization', admin);
    const user = list.body.items.find((u: { email: string }) => u.email === officerBefore2025Merger('02'));
    await t.http().patch(`/api/v1/users/${user.id}/status`).set('authorization', admin).send({ active: false });
    try {
      expect((await t.http().get('/api/v1/obligations').set('cookie', cookie)).status).toBe(401);
    } finally {
      await t.http().patch(`/api/v1/users/${user.id}/status`).set('authorization', admin).send({ active: true });
    }
    expect((await t.http().get('/api/v1/obligations').set('cookie', cookie)).status).toBe(401);
  });

  describe('pages', () => {
    it('answers every page address with the workspace when signed in, and sends to sign-in (coming back) when not', async () => {
      const { cookie } = await signIn(ADMIN);
      const pages = ['/viec-can-lam', '/bao-cao/TT35-BUU-CHINH/2024-Y/abc', '/bien-nhan/x', '/tham-dinh', '/tham-dinh/x', '/theo-doi', '/theo-doi/TT35-BUU-CHINH/2024-Y', '/quan-tri'];
      for (const path of pages) {
        const page = await t.http().get(path).set('cookie', cookie);
        expect([path, page.status, page.headers['content-type']]).toEqual([path, 200, 'text/html; charset=utf-8']);
        expect(page.text).toContain('<script type="module" src="/assets/app/main.js"></script>');
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
        expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        const anonymous = await t.http().get(path);
        expect(anonymous.status).toBe(302);
        expect(anonymous.headers.location).toBe(`/dang-nhap?next=${encodeURIComponent(path)}`);
      }
      const expired = await t.http().get('/tham-dinh?status=submitted').set('cookie', 'baocao_session=gone');
      expect(expired.headers.location).toBe('/dang-nhap?next=%2Ftham-dinh%3Fstatus%3Dsubmitted&het-han=1');
    });

    it('opens the starting page of each role at /, and the sign-in page returns to `next` once signed in', async () => {
      expect((await t.http().get('/')).headers.location).toBe('/dang-nhap');
      for (const [email, home] of [[officer('01'), '/viec-can-lam'], [REVIEWER, '/tham-dinh'], [COMPLIANCE, '/theo-doi'], [ADMIN, '/quan-tri']]) {
        const { cookie } = await signIn(email);
        expect((await t.http().get('/').set('cookie', cookie)).headers.location).toBe(home);
        expect((await t.http().get('/dang-nhap?next=%2Ftheo-doi').set('cookie', cookie)).headers.location).toBe('/theo-doi');
        expect((await t.http().get('/dang-nhap?next=https%3A%2F%2Fevil.example').set('cookie', cookie)).headers.location).toBe(home);
      }
      const signInPage = await t.http().get('/dang-nhap');
      expect(signInPage.status).toBe(200);
      expect(signInPage.text).toContain('<html lang="vi">');
    });

    it('asks browsers to upgrade to HTTPS only when the public address is HTTPS (an HTTP intranet keeps working)', async () => {
      const restore = overrideEnv({ PUBLIC_URL: 'https://baocao.example.gov.vn' });
      const secure = await startTestApp('api');
      try {
        expect((await secure.http().get('/dang-nhap')).headers['content-security-policy']).toContain('upgrade-insecure-requests');
      } finally {
        await secure.close();
        restore();
      }
    });

    it('keeps the old dashboard address working', async () => {
      const old = await t.http().get('/dashboard');
      expect(old.status).toBe(301);
      expect(old.headers.location).toBe('/theo-doi');
    });

    it('answers an unknown address with a Vietnamese page, but the API with problem+json', async () => {
      const page = await t.http().get('/khong-co-trang-nay');
      expect(page.status).toBe(404);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<title>Không tìm thấy trang — Hệ thống báo cáo định kỳ</title>');
      expect(page.text).not.toContain('"status"');
      const api = await t.http().get('/api/v1/khong-co');
      expect(api.status).toBe(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await t.http().get('/assets/app/khong-co.js')).status).toBe(404);
    });

    it('serves the page scripts and Preact, htm and hooks from the package, with imports that resolve here', async () => {
      const main = await t.http().get('/assets/app/main.js');
      expect(main.headers['content-type']).toBe('text/javascript; charset=utf-8');
      for (const name of ['preact.mjs', 'hooks.mjs', 'htm.mjs']) {
        const vendor = await t.http().get(`/assets/vendor/${name}`);
        expect([name, vendor.status]).toEqual([name, 200]);
        expect(vendor.text).not.toMatch(/from\s*["']preact["']/);
        expect(vendor.text).not.toContain('sourceMappingURL');
      }
      expect((await t.http().get('/assets/vendor/hooks.mjs')).text).toContain('from"/assets/vendor/preact.mjs"');
    });
  });
});
