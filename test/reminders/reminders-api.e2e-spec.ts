import { ADMIN, COMPLIANCE, officer, REVIEWER } from '../support/app';
import { DEMO_PASSWORD } from '../support/test-env';
import { createObligation, createUnits, remindersOf, setSubmission, type TestObligation, type TestUnit } from './support/fixtures';
import { type ReminderWorld, startReminderWorld, vietnam } from './support/reminder-world';

const PERIOD = '2025-M02';

describe('Reminder operations: lists, remind now, queue dashboard', () => {
  let w: ReminderWorld;
  let units: TestUnit[];
  let obligation: TestObligation;
  const as = async (email: string) => ({ authorization: await w.t.tokenFor(email) });

  beforeAll(async () => {
    w = await startReminderWorld('rem_api', { start: '2025-03-04T10:00:00' });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
    units = await createUnits(w.db, 'API', [
      { submitterEmails: ['vanthu.api1@so.gov.vn'] },
      { submitterEmails: ['vanthu.api2@so.gov.vn'] },
      { submitterEmails: ['vanthu.api3@so.gov.vn'] },
      {},
    ]);
    obligation = await createObligation(w.db, 'NHAC-VAN-HANH', { units });
    await setSubmission(w.db, obligation.id, PERIOD, units[2].id, 'approved');
    await w.tick('2025-03-04T10:00:00');
    await w.settled(obligation.id);
  });
  afterAll(() => w.close());

  describe('GET /api/v1/reminders and /deliveries', () => {
    it('lists reminders with what became of them, filtered and paged, for admins and compliance officers', async () => {
      const all = await w.t.http().get(`/api/v1/reminders?obligation=${obligation.code}&period=${PERIOD}`).set(await as(COMPLIANCE));
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
      expect(all.body.items.map((item: { unitCode: string; status: string }) => `${item.unitCode}:${item.status}`).sort()).toEqual([
        'API-1:sent',
        'API-2:sent',
        'API-4:skipped_no_address',
      ]);
      const first = all.body.items.find((item: { unitCode: string }) => item.unitCode === 'API-1');
      expect(first).toMatchObject({
        obligationCode: obligation.code,
        periodKey: PERIOD,
        unitId: units[0].id,
        stage: 'before-7d',
        trigger: 'schedule',
        dueDate: '2025-03-11',
        daysUntilDue: 7,
        escalated: false,
        submissionStatus: 'not_started',
        to: ['vanthu.api1@so.gov.vn'],
        attempts: 1,
        lastError: null,
      });
      expect(first.sentAt).toEqual(expect.any(String));

      const sent = await w.t.http().get(`/api/v1/reminders?obligation=${obligation.code}&status=sent&pageSize=1&page=2`).set(await as(ADMIN));
      expect(sent.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(sent.body.items).toHaveLength(1);
      const skipped = await w.t.http().get(`/api/v1/reminders?unitId=${units[3].id}&stage=before-7d`).set(await as(ADMIN));
      expect(skipped.body.items).toEqual([expect.objectContaining({ status: 'skipped_no_address', reason: expect.stringContaining('chưa khai báo e-mail'), mailKey: null })]);
      const none = await w.t.http().get(`/api/v1/reminders?obligation=${obligation.code}&stage=due`).set(await as(ADMIN));
      expect(none.body).toMatchObject({ total: 0, items: [] });
    });

    it('lists each delivery attempt with the SMTP reply', async () => {
      const response = await w.t.http().get(`/api/v1/reminders/deliveries?obligation=${obligation.code}&unitId=${units[0].id}&status=sent`).set(await as(COMPLIANCE));
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(1);
      expect(response.body.items[0]).toMatchObject({ unitCode: 'API-1', stage: 'before-7d', attempt: 1, status: 'sent', to: ['vanthu.api1@so.gov.vn'], error: null });
      expect(response.body.items[0].smtpResponse).toMatch(/^250/);
    });

    it('refuses other roles (403), anonymous callers (401) and bad filters (422), all as problem+json', async () => {
      for (const path of ['/api/v1/reminders', '/api/v1/reminders/deliveries']) {
        for (const email of [REVIEWER, officer('01')]) {
          const refused = await w.t.http().get(path).set(await as(email));
          expect(refused.status).toBe(403);
          expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
        expect((await w.t.http().get(path)).status).toBe(401);
      }
      const bad = await w.t.http().get('/api/v1/reminders?status=lost&pageSize=5000&stage=overdue').set(await as(ADMIN));
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['pageSize', 'stage', 'status']);
    });
  });

  describe('POST /api/v1/reminders/remind-now', () => {
    const remindNow = async (body: Record<string, unknown>, email = COMPLIANCE) => w.t.http().post('/api/v1/reminders/remind-now').set(await as(email)).send(body);

    it('reminds every unit that still has something to do, once per day however often it is asked', async () => {
      w.clock.set(vietnam('2025-03-05T19:30:00'));
      const first = await remindNow({ obligationCode: obligation.code, periodKey: PERIOD });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        stage: 'manual-2025-03-05',
        dueDate: '2025-03-11',
        expectedUnits: 4,
        compliedUnits: 1,
        planned: 2,
        skippedNoAddress: 1,
        alreadyRecorded: 0,
        complete: false,
      });
      const again = await remindNow({ obligationCode: obligation.code, periodKey: PERIOD }, ADMIN);
      expect(again.body).toMatchObject({ stage: 'manual-2025-03-05', planned: 0, alreadyRecorded: 3 });
      await w.settled(obligation.id);
      const [mail] = w.received(obligation.code, PERIOD, units[0].id, 'manual-2025-03-05');
      expect(w.received(obligation.code, PERIOD, units[0].id, 'manual-2025-03-05')).toHaveLength(1);
      expect(mail.text).toContain('Theo đề nghị của cán bộ theo dõi');
      expect(mail.text).toContain('Hạn nộp: 11/03/2025 (còn 6 ngày)');

      w.clock.set(vietnam('2025-03-06T09:00:00'));
      const oneUnit = await remindNow({ obligationCode: obligation.code, periodKey: PERIOD, unitId: units[1].id });
      expect(oneUnit.body).toMatchObject({ stage: 'manual-2025-03-06', planned: 1 });
      const rows = await remindersOf(w.db, obligation.id);
      expect(rows.filter((row) => row.stage === 'manual-2025-03-06').map((row) => row.unitId)).toEqual([units[1].id]);
      const [{ requested_by: requestedBy }] = await w.db.query(`SELECT requested_by FROM reminders WHERE stage = 'manual-2025-03-06'`);
      const [{ id: complianceId }] = await w.db.query(`SELECT id FROM users WHERE email = $1`, [COMPLIANCE]);
      expect(requestedBy).toBe(complianceId);
    });

    it('sends nothing to a unit that has complied', async () => {
      const response = await remindNow({ obligationCode: obligation.code, periodKey: PERIOD, unitId: units[2].id });
      expect(response.body).toMatchObject({ planned: 0, compliedUnits: 1 });
    });

    it('refuses unknown obligations (404), bad or unopened periods and units that do not owe the report (422), and other roles (403)', async () => {
      expect((await remindNow({ obligationCode: 'KHONG-CO', periodKey: PERIOD })).status).toBe(404);
      const badPeriod = await remindNow({ obligationCode: obligation.code, periodKey: '2025-Q1' });
      expect(badPeriod.status).toBe(422);
      expect(badPeriod.body.code).toBe('invalid_period');
      const upcoming = await remindNow({ obligationCode: obligation.code, periodKey: '2025-M12' });
      expect(upcoming.status).toBe(422);
      expect(upcoming.body.code).toBe('period_not_open');
      const [stranger] = await w.db.query(`SELECT id FROM reporting_units WHERE code = '79'`);
      const notExpected = await remindNow({ obligationCode: obligation.code, periodKey: PERIOD, unitId: stranger.id });
      expect(notExpected.status).toBe(422);
      expect(notExpected.body.code).toBe('unit_not_expected');
      expect((await remindNow({ obligationCode: obligation.code, periodKey: PERIOD }, REVIEWER)).status).toBe(403);
      expect((await remindNow({ obligationCode: obligation.code, periodKey: PERIOD }, officer('01'))).status).toBe(403);
      expect((await w.t.http().post('/api/v1/reminders/remind-now').send({ obligationCode: obligation.code, periodKey: PERIOD })).status).toBe(401);
    });
  });

  describe('the queue dashboard at /admin/queues', () => {
    it('answers 401 problem+json without a token and 403 to anyone but an administrator', async () => {
      const anonymous = await w.t.http().get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(anonymous.text)).toMatchObject({ status: 401, code: 'unauthorized', instance: '/admin/queues' });
      expect((await w.t.http().get('/admin/queues/api/queues')).status).toBe(401);
      expect((await w.t.http().get('/admin/queues').set('authorization', 'Bearer khong-hop-le')).status).toBe(401);
      for (const email of [COMPLIANCE, REVIEWER, officer('01')]) {
        const refused = await w.t.http().get('/admin/queues').set(await as(email));
        expect(refused.status).toBe(403);
        expect(JSON.parse(refused.text)).toMatchObject({ code: 'forbidden' });
      }
    });

    it('serves bull-board to an administrator, whose browser then keeps the token in a same-site cookie', async () => {
      const page = await w.t.http().get('/admin/queues').set(await as(ADMIN));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<base href="/admin/queues/"');
      const cookie = page.headers['set-cookie']?.[0] ?? '';
      expect(cookie).toMatch(/^baocao_queue_board=[^;]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict/);

      const queues = await w.t.http().get('/admin/queues/api/queues').set('cookie', cookie.split(';')[0]);
      expect(queues.status).toBe(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['mail', 'reminders']);
    });

    it("opens for an administrator signed in to the web workspace (the admin page's link), not for other roles", async () => {
      const session = async (email: string) => {
        const signedIn = await w.t.http().post('/api/v1/auth/session').send({ email, password: DEMO_PASSWORD });
        return ([] as string[]).concat(signedIn.headers['set-cookie'])[0].split(';')[0];
      };
      const admin = await session(ADMIN);
      const page = await w.t.http().get('/admin/queues').set('cookie', admin);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<base href="/admin/queues/"');
      expect((await w.t.http().get('/admin/queues/api/queues').set('cookie', admin)).status).toBe(200);
      const crossSite = await w.t.http().put('/admin/queues/api/queues/mail/pause').set('cookie', admin).set('origin', 'https://evil.example');
      expect(crossSite.status).toBe(403);
      expect((await w.t.http().get('/admin/queues').set('cookie', await session(REVIEWER))).status).toBe(403);
      expect((await w.t.http().get('/admin/queues').set('cookie', 'baocao_session=het-han')).status).toBe(401);
    });
  });

  it('documents every route in OpenAPI, behind a bearer token', async () => {
    const document = (await w.t.http().get('/api/docs-json')).body;
    expect(document.paths['/api/v1/reminders'].get).toMatchObject({ operationId: 'listReminders', security: [{ bearer: [] }] });
    expect(document.paths['/api/v1/reminders/deliveries'].get.operationId).toBe('listReminderDeliveries');
    expect(document.paths['/api/v1/reminders/remind-now'].post.operationId).toBe('remindNow');
    expect(Object.keys(document.paths['/api/v1/reminders/remind-now'].post.responses).sort()).toEqual(['200', '401', '403', '404', '409', '413', '422']);
    expect(document.components.schemas.ReminderDto.properties.status.enum).toEqual(['planned', 'sent', 'cancelled', 'failed', 'skipped_cap', 'skipped_no_address']);
  });
});
