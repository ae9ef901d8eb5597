import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { ADMIN, COMPLIANCE, officerBefore2025Merger as officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { csv, QUARTERLY_HEADER, TT35_HEADER, tt35Rows } from '../support/report-files';
import { SmtpSink } from '../support/smtp-sink';
import { waitFor } from '../support/wait-for';
import { trackSeededFromStart } from '../support/obligations';

const NOW = '2025-01-20T03:00:00Z';

describe('Review workflow: officer -> reviewer -> officer -> reviewer, on record', () => {
  let t: TestApp;
  let db: DataSource;
  let sink: SmtpSink;
  let units: Record<string, string>;
  let restoreEnv: () => void;
  const clock = new FakeClock(new Date(NOW));

  beforeAll(async () => {
    sink = await SmtpSink.start();
    restoreEnv = overrideEnv({ SMTP_URL: sink.url, MAIL_BACKOFF_MS: '100' });
    t = await startTestApp('all', { clock });
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
    await sink.stop();
  });

  const base = (unit: string, code = 'TT35-BUU-CHINH', period = '2024-Y') => `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
  const as = (email: string) => t.tokenFor(email);
  const uploadAndSubmit = async (unit: string, file: Buffer, code?: string, period?: string) => {
    const token = await as(officer(unit));
    const upload = await t.http().post(`${base(unit, code, period)}/versions`).set('authorization', token).attach('file', file, 'bao-cao.csv');
    expect(upload.body.version?.valid).toBe(true);
    const submitted = await t.http().post(`${base(unit, code, period)}/submit`).set('authorization', token).send({});
    expect(submitted.status).toBe(200);
    return submitted.body as { id: string; revision: number; submittedVersion: number };
  };
  const decide = async (id: string, body: Record<string, unknown>, email = REVIEWER) =>
    t.http().post(`/api/v1/submissions/${id}/decisions`).set('authorization', await as(email)).send(body);

  it('runs the whole loop with e-mails to the officers and an audit row for every step', async () => {
    const first = await uploadAndSubmit('33', csv([TT35_HEADER, ...tt35Rows([3, 12, 4, 1], [25, 1234, 40, 9])]));

    const queue = await t.http().get(`/api/v1/submissions?status=submitted&obligation=TT35-BUU-CHINH&sort=-submittedAt&pageSize=500`).set('authorization', await as(REVIEWER));
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(first.id);

    const view = await t.http().get(`/api/v1/submissions/${first.id}/review`).set('authorization', await as(REVIEWER));
    expect(view.status).toBe(200);
    expect(view.body.version).toMatchObject({ number: 1, valid: true });
    expect(view.body.rows).toHaveLength(4);
    expect(view.body.previousPeriod).toMatchObject({ periodKey: '2023-Y', status: 'not_started' });

    const noComment = await decide(first.id, { decision: 'return', versionNumber: 1, expectedRevision: first.revision });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors.map((e: { field: string }) => e.field)).toContain('comment');

    const returned = await decide(first.id, {
      decision: 'return',
      versionNumber: 1,
      expectedRevision: first.revision,
      comment: 'Số lũy kế dòng 2 chưa khớp sổ theo dõi',
      remarks: [{ row: 3, field: 'so_luong_luy_ke', message: 'Kiểm tra lại số lũy kế' }],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    const mail = await waitFor('the return e-mail', () => sink.messages.find((m) => m.envelopeTo.includes(officer('33')) && /trả lại/.test(m.subject)));
    expect(mail.subject).toBe('Báo cáo TT35-BUU-CHINH Năm 2024 của Hưng Yên bị trả lại, đề nghị sửa và gửi lại');
    expect(mail.text).toContain('Số lũy kế dòng 2 chưa khớp sổ theo dõi');
    // The department as on the sending day (decisions are dated by the database: today, after the Sở TT&TT became the Sở KH&CN), columns by their label.
    expect(mail.text).toContain('Kính gửi Sở Khoa học và Công nghệ tỉnh Hưng Yên,');
    expect(mail.text).toContain('dòng 3, cột "Số lượng lũy kế": Kiểm tra lại số lũy kế');
    expect(mail.text).not.toContain('so_luong_luy_ke');

    const officerToken = await as(officer('33'));
    await t.http().post(`${base('33')}/versions`).set('authorization', officerToken).attach('file', csv([TT35_HEADER, ...tt35Rows([3, 12, 4, 1], [25, 1300, 40, 9])]), 'sua.csv');
    const resubmitted = await t.http().post(`${base('33')}/submit`).set('authorization', officerToken).send({});
    expect(resubmitted.body).toMatchObject({ status: 'submitted', submittedVersion: 2, onTime: true });

    const approved = await decide(first.id, { decision: 'approve', versionNumber: 2, expectedRevision: resubmitted.body.revision });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    await waitFor('the approval e-mail', () => sink.messages.find((m) => m.envelopeTo.includes(officer('33')) && /đã được duyệt/.test(m.subject)));

    const final = await decide(first.id, { decision: 'return', versionNumber: 2, expectedRevision: approved.body.revision, comment: 'Thử trả lại' });
    expect(final.status).toBe(409);
    expect(final.body.code).toBe('illegal_transition');

    const history = await t.http().get(`/api/v1/submissions/${first.id}/history`).set('authorization', officerToken);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string; before: { status: string }; after: { status: string }; actorRole: string }) => [e.action, e.before.status, e.after.status, e.actorRole])).toEqual([
      ['submission.version_uploaded', 'not_started', 'draft', 'province_officer'],
      ['submission.submitted', 'draft', 'submitted', 'province_officer'],
      ['submission.returned', 'submitted', 'returned', 'ministry_reviewer'],
      ['submission.version_uploaded', 'returned', 'returned', 'province_officer'],
      ['submission.submitted', 'returned', 'submitted', 'province_officer'],
      ['submission.approved', 'submitted', 'approved', 'ministry_reviewer'],
    ]);
    expect(history.body.items[2].reason).toBe('Số lũy kế dòng 2 chưa khớp sổ theo dõi');
    expect(history.body.items.every((e: { requestId: string | null; actorEmail: string | null }) => e.requestId && e.actorEmail)).toBe(true);

    const reviews = await t.http().get(`/api/v1/submissions/${first.id}/review`).set('authorization', await as(REVIEWER));
    expect(reviews.body.reviews.map((r: { decision: string; versionNumber: number }) => [r.decision, r.versionNumber])).toEqual([
      ['return', 1],
      ['approve', 2],
    ]);
    const listed = await t.http().get(`/api/v1/submissions?unitId=${units['33']}&obligation=TT35-BUU-CHINH`).set('authorization', await as(REVIEWER));
    expect(listed.body.items[0]).toMatchObject({ status: 'approved', returnCount: 1, versionCount: 2 });
  });

  it('lets only an admin reopen an approved submission, with a reason', async () => {
    const submitted = await uploadAndSubmit('34', csv([TT35_HEADER, ...tt35Rows()]));
    const approved = await decide(submitted.id, { decision: 'approve', versionNumber: 1, expectedRevision: submitted.revision });
    const byReviewer = await t.http().post(`/api/v1/submissions/${submitted.id}/reopen`).set('authorization', await as(REVIEWER)).send({ reason: 'x', expectedRevision: approved.body.revision });
    expect(byReviewer.status).toBe(403);
    const reopened = await t
      .http()
      .post(`/api/v1/submissions/${submitted.id}/reopen`)
      .set('authorization', await as(ADMIN))
      .send({ reason: 'Phát hiện sai sót sau khi duyệt', expectedRevision: approved.body.revision });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('returned');
  });

  it('answers 409 to a decision on a stale version or revision, and lets exactly one of two concurrent decisions land', async () => {
    const submitted = await uploadAndSubmit('35', csv([TT35_HEADER, ...tt35Rows()]));
    const staleVersion = await decide(submitted.id, { decision: 'approve', versionNumber: 2, expectedRevision: submitted.revision });
    expect(staleVersion.status).toBe(409);
    expect(staleVersion.body).toMatchObject({ code: 'stale_version', submittedVersion: 1 });
    const staleRevision = await decide(submitted.id, { decision: 'approve', versionNumber: 1, expectedRevision: submitted.revision - 1 });
    expect(staleRevision.status).toBe(409);
    expect(staleRevision.body.code).toBe('stale_revision');

    const [a, b] = await Promise.all([
      decide(submitted.id, { decision: 'approve', versionNumber: 1, expectedRevision: submitted.revision }),
      decide(submitted.id, { decision: 'return', versionNumber: 1, expectedRevision: submitted.revision, comment: 'Trả lại' }, ADMIN),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM reviews WHERE submission_id = $1', [submitted.id]);
    expect(n).toBe(1);
  });

  it('writes no audit row and no review when a decision fails', async () => {
    const submitted = await uploadAndSubmit('36', csv([TT35_HEADER, ...tt35Rows()]));
    const [{ n: auditBefore }] = await db.query('SELECT count(*)::int AS n FROM audit_events');
    const [{ n: mailBefore }] = await db.query('SELECT count(*)::int AS n FROM mail_messages');
    expect((await decide(submitted.id, { decision: 'approve', versionNumber: 9, expectedRevision: submitted.revision })).status).toBe(409);
    expect((await decide(submitted.id, { decision: 'return', versionNumber: 1, expectedRevision: submitted.revision, comment: '   ' })).status).toBe(422);
    const [{ n: auditAfter }] = await db.query('SELECT count(*)::int AS n FROM audit_events');
    const [{ n: mailAfter }] = await db.query('SELECT count(*)::int AS n FROM mail_messages');
    expect(auditAfter).toBe(auditBefore);
    expect(mailAfter).toBe(mailBefore);
    const [{ n: reviews }] = await db.query('SELECT count(*)::int AS n FROM reviews WHERE submission_id = $1', [submitted.id]);
    expect(reviews).toBe(0);
  });

  it('scopes every review route by role and unit', async () => {
    const submitted = await uploadAndSubmit('37', csv([TT35_HEADER, ...tt35Rows()]));
    const foreignOfficer = await as(officer('79'));
    expect((await t.http().get(`/api/v1/submissions/${submitted.id}/review`).set('authorization', foreignOfficer)).status).toBe(403);
    expect((await t.http().get(`/api/v1/submissions/${submitted.id}/history`).set('authorization', foreignOfficer)).status).toBe(403);
    expect((await decide(submitted.id, { decision: 'approve', versionNumber: 1, expectedRevision: submitted.revision }, officer('37'))).status).toBe(403);
    expect((await decide(submitted.id, { decision: 'approve', versionNumber: 1, expectedRevision: submitted.revision }, COMPLIANCE)).status).toBe(403);
    const own = await t.http().get(`/api/v1/submissions/${submitted.id}/review`).set('authorization', await as(officer('37')));
    expect(own.status).toBe(200);
    const foreignList = await t.http().get('/api/v1/submissions?status=submitted&pageSize=500').set('authorization', foreignOfficer);
    expect(foreignList.body.items.map((i: { id: string }) => i.id)).not.toContain(submitted.id);
    const ownList = await t.http().get('/api/v1/submissions?status=submitted&pageSize=500').set('authorization', await as(officer('37')));
    expect(ownList.body.items.map((i: { id: string }) => i.id)).toContain(submitted.id);
    expect(ownList.body.items.every((i: { unitCode: string }) => i.unitCode === '37')).toBe(true);
    expect((await t.http().get('/api/v1/audit').set('authorization', foreignOfficer)).status).toBe(403);
    expect((await t.http().get('/api/v1/audit').set('authorization', await as(REVIEWER))).status).toBe(403);
    const audit = await t.http().get(`/api/v1/audit?entityType=submission&entityId=${submitted.id}`).set('authorization', await as(COMPLIANCE));
    expect(audit.status).toBe(200);
    expect(audit.body.total).toBe(2);
  });

  it('compares with the same quarter last year and flags a jump above the threshold', async () => {
    clock.set('2023-04-01T02:00:00Z');
    const row = (items: string, cutoff: string) => [items, '100', '1.000', '500', '40', '40', '5', '20', '30', cutoff, 'Nguyễn Văn A', '', '2.000'];
    const lastYear = await uploadAndSubmit('40', csv([QUARTERLY_HEADER, row('343.540', '14/03/2023')]), 'BC-QUY-TTTT-TINH', '2023-Q1');
    expect((await decide(lastYear.id, { decision: 'approve', versionNumber: 1, expectedRevision: lastYear.revision })).status).toBe(200);
    clock.set('2024-04-01T02:00:00Z');
    const thisYear = await uploadAndSubmit('40', csv([QUARTERLY_HEADER, row('505.000', '14/03/2024')]), 'BC-QUY-TTTT-TINH', '2024-Q1');
    const view = await t.http().get(`/api/v1/submissions/${thisYear.id}/review`).set('authorization', await as(REVIEWER));
    expect(view.body.samePeriodLastYear.periodKey).toBe('2023-Q1');
    const items = view.body.samePeriodLastYear.changes.find((c: { field: string }) => c.field === 'san_luong_buu_gui');
    expect(items).toEqual({ field: 'san_luong_buu_gui', label: 'Sản lượng bưu gửi', current: 505000, previous: 343540, change: 161460, percent: 47, flagged: true });
    const revenue = view.body.samePeriodLastYear.changes.find((c: { field: string }) => c.field === 'doanh_thu_buu_chinh');
    expect(revenue.flagged).toBe(false);
    expect(view.body.previousPeriod).toMatchObject({ periodKey: '2023-Q4', status: 'not_started' });
  });
});
