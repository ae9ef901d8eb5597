import { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { campaignSummaryKey } from '../../src/reminders/reminder-queue';
import { COMPLIANCE, officer } from '../support/app';
import { waitFor } from '../support/wait-for';
import { createObligation, createUnits, remindersOf, retire, setSubmission } from './support/fixtures';
import { type ReminderWorld, startReminderWorld } from './support/reminder-world';

/** The custom obligations' period 2025-M02 is due Tuesday 11/03/2025 (Sunday 09/03 is before-2d). */
const PERIOD = '2025-M02';

describe('Reminder campaigns over time (fake clock, real PostgreSQL, Redis and SMTP sink)', () => {
  let w: ReminderWorld;

  beforeAll(async () => {
    w = await startReminderWorld('rem_campaign', { start: '2025-02-04T10:00:00' });
    // The seeded quarterly obligation's 2025-Q1 campaign opens on 14/03/2025; these tests are about others.
    await w.db.query(`UPDATE obligations SET retired_at = now() WHERE code = 'BC-QUY-TTTT-TINH'`);
  });
  afterAll(() => w.close());

  it('stops the campaign once all 63 provinces have complied and tells the compliance officers exactly once', async () => {
    // TT35-BUU-CHINH 2024-Y is due Tuesday 04/02/2025 (31/01 falls in Tết).
    const [obligation] = await w.db.query(`SELECT id, code FROM obligations WHERE code = 'TT35-BUU-CHINH'`);
    // The 63 provinces of 2008-2025 (the 2024-Y period ends before the 2025 reorganisation).
    const provinces: Array<{ id: string; code: string }> = await w.db.query(
      `SELECT id, code FROM reporting_units WHERE kind IN ('province', 'municipality') AND valid_from <= '2024-12-31' AND (valid_to IS NULL OR valid_to >= '2024-12-31') ORDER BY code`,
    );
    expect(provinces).toHaveLength(63);
    const byCode = Object.fromEntries(provinces.map((unit) => [unit.code, unit.id]));
    for (const unit of provinces) {
      if (unit.code !== '01' && unit.code !== '79') await setSubmission(w.db, obligation.id, '2024-Y', unit.id, 'approved');
    }
    await setSubmission(w.db, obligation.id, '2024-Y', byCode['01'], 'draft');
    await setSubmission(w.db, obligation.id, '2024-Y', byCode['79'], 'submitted');

    await w.tick('2025-02-04T10:00:00');
    await w.settled(obligation.id);
    expect((await remindersOf(w.db, obligation.id)).map((row) => [row.unitId, row.stage, row.mailStatus])).toEqual([[byCode['01'], 'due', 'sent']]);
    const [due] = w.received('TT35-BUU-CHINH', '2024-Y', byCode['01'], 'due');
    expect(due.envelopeTo).toEqual([officer('01')]);
    expect(due.text).toContain('Tình trạng: đang soạn');
    // Named as on the sending day (04/02/2025): the Sở TT&TT and the ministry before 01/03/2025.
    expect(due.text).toMatch(/^Kính gửi Sở Thông tin và Truyền thông Thành phố Hà Nội,/);
    expect(due.text).toMatch(/Trân trọng,\s+Bộ Thông tin và Truyền thông\s/);

    await setSubmission(w.db, obligation.id, '2024-Y', byCode['01'], 'approved');
    await setSubmission(w.db, obligation.id, '2024-Y', byCode['79'], 'approved');
    const results = await Promise.all([w.tick('2025-02-07T10:00:00'), w.t.app.get(ReminderScheduler).tick()]);
    expect(results.map((result) => result.planned)).toEqual([0, 0]);
    const summaryKey = campaignSummaryKey('TT35-BUU-CHINH', '2024-Y');
    const summary = await waitFor('the campaign summary', () => w.sink.withKey(summaryKey)[0]);
    expect(summary.envelopeTo).toEqual([COMPLIANCE]);
    expect(summary.subject).toBe('Hoàn thành báo cáo TT35-BUU-CHINH kỳ Năm 2024: 63/63 đơn vị');
    expect(summary.text).toContain('63/63 đơn vị đã hoàn thành báo cáo');
    expect(summary.text).toContain('Số thư nhắc đã gửi trong đợt: 1.');

    await w.tick('2025-02-10T10:00:00');
    await w.tick('2025-02-13T10:00:00');
    expect(await remindersOf(w.db, obligation.id)).toHaveLength(1);
    expect(w.sink.withKey(summaryKey)).toHaveLength(1);
    await retire(w.db, obligation);
  });

  it('fires each stage at its time, in office hours on working days only, escalates with the leadership in copy, and records units without address', async () => {
    const [withContacts, officersOnly, noAddress] = await createUnits(w.db, 'ST', [
      { submitterEmails: ['vanthu.st1@so.gov.vn'], leadershipEmail: 'giamdoc.st1@so.gov.vn' },
      { officers: ['canbo.st2@baocao.local'] },
      {},
    ]);
    const obligation = await createObligation(w.db, 'NHAC-GIAI-DOAN', { units: [withContacts, officersOnly, noAddress] });
    const seen = new Set<string>();
    /** Ticks at `at` and returns the reminders e-mailed by that tick, as `unit code:stage`. */
    const step = async (at: string) => {
      await w.tick(at);
      await w.settled(obligation.id);
      const rows = await remindersOf(w.db, obligation.id);
      const fresh = rows.filter((row) => row.status === 'planned' && !seen.has(row.id));
      fresh.forEach((row) => seen.add(row.id));
      return fresh.map((row) => `${row.unitId === withContacts.id ? 'ST-1' : 'ST-2'}:${row.stage}`).sort();
    };

    expect(await step('2025-03-03T10:00:00')).toEqual([]);
    expect(await step('2025-03-04T07:59:00')).toEqual([]);
    expect(await step('2025-03-04T08:00:00')).toEqual(['ST-1:before-7d', 'ST-2:before-7d']);
    expect(await step('2025-03-04T16:59:00')).toEqual([]);
    expect(await step('2025-03-09T10:00:00')).toEqual([]);
    expect(await step('2025-03-10T08:30:00')).toEqual(['ST-1:before-2d', 'ST-2:before-2d']);
    expect(await step('2025-03-11T17:00:00')).toEqual([]);
    expect(await step('2025-03-11T16:59:00')).toEqual(['ST-1:due', 'ST-2:due']);
    expect(await step('2025-03-13T10:00:00')).toEqual([]);
    expect(await step('2025-03-14T10:00:00')).toEqual(['ST-1:overdue-1', 'ST-2:overdue-1']);
    expect(await step('2025-03-17T10:00:00')).toEqual(['ST-1:overdue-2', 'ST-2:overdue-2']);
    expect(await step('2025-03-20T10:00:00')).toEqual(['ST-1:overdue-3', 'ST-2:overdue-3']);

    // What the unit receives: one e-mail per stage, Vietnamese, RFC 2047 subject, text and HTML.
    const [first] = w.received(obligation.code, PERIOD, withContacts.id, 'before-7d');
    expect(w.received(obligation.code, PERIOD, withContacts.id, 'before-7d')).toHaveLength(1);
    expect(first.rawSubject).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(first.subject).toBe('Nhắc hạn nộp báo cáo NHAC-GIAI-DOAN kỳ Tháng 2/2025: còn 7 ngày (hạn 11/03/2025)');
    expect(first.envelopeTo).toEqual(['vanthu.st1@so.gov.vn']);
    expect(first.text).toContain('Hạn nộp: 11/03/2025 (còn 7 ngày)');
    expect(first.text).toContain('Tình trạng: chưa nộp');
    expect(first.html).toContain(`<a href="http://localhost:3000/bao-cao/${obligation.code}/${PERIOD}/${withContacts.id}">Mở trang nộp báo cáo</a>`);
    expect(`${first.text}${first.html}`).not.toContain('/api/');
    expect(w.received(obligation.code, PERIOD, withContacts.id, 'due')[0].subject).toBe('Hôm nay là hạn nộp báo cáo NHAC-GIAI-DOAN kỳ Tháng 2/2025 (11/03/2025)');

    // Escalation: overdue 9 days >= 7, the leadership is copied; at 6 days it was not.
    const [notYet] = w.received(obligation.code, PERIOD, withContacts.id, 'overdue-2');
    expect(notYet.headers.get('cc')).toBeUndefined();
    const [escalated] = w.received(obligation.code, PERIOD, withContacts.id, 'overdue-3');
    expect(escalated.subject).toBe('Quá hạn 9 ngày: báo cáo NHAC-GIAI-DOAN kỳ Tháng 2/2025 (hạn 11/03/2025)');
    expect(escalated.headers.get('cc')).toBe('giamdoc.st1@so.gov.vn');
    expect(escalated.envelopeTo.sort()).toEqual(['giamdoc.st1@so.gov.vn', 'vanthu.st1@so.gov.vn']);
    expect(escalated.text).toContain('thư này được gửi đồng thời tới lãnh đạo đơn vị');
    // A commune has no department by rule: the e-mail is addressed to the unit itself.
    expect(escalated.text).toMatch(/^Kính gửi Xã thử nghiệm ST số 1,/);

    // No submitter address: the unit's active officers; no address at all: recorded with the reason.
    expect(w.received(obligation.code, PERIOD, officersOnly.id, 'due')[0].envelopeTo).toEqual(['canbo.st2@baocao.local']);
    const rows = await remindersOf(w.db, obligation.id);
    expect(rows.find((row) => row.unitId === officersOnly.id && row.stage === 'overdue-3')).toMatchObject({ escalated: true, cc: [] });
    const skipped = rows.filter((row) => row.unitId === noAddress.id);
    expect(skipped.map((row) => row.stage)).toEqual(['before-7d', 'before-2d', 'due', 'overdue-1', 'overdue-2', 'overdue-3']);
    expect(skipped.every((row) => row.status === 'skipped_no_address' && row.mailKey === null && /chưa khai báo e-mail/.test(row.reason ?? ''))).toBe(true);
    expect(w.sink.messages.filter((mail) => mail.headers.get('x-baocao-mail-key')?.includes(noAddress.id))).toEqual([]);
    await retire(w.db, obligation);
  });

  it('reminds no unit that has complied or awaits review, and cancels a queued reminder when the unit complies before it goes out', async () => {
    const [approved, awaiting, owing] = await createUnits(w.db, 'KC', [1, 2, 3].map((n) => ({ submitterEmails: [`vanthu.kc${n}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-DA-NOP', { units: [approved, awaiting, owing] });
    await setSubmission(w.db, obligation.id, PERIOD, approved.id, 'approved');
    await setSubmission(w.db, obligation.id, PERIOD, awaiting.id, 'submitted');
    await setSubmission(w.db, obligation.id, PERIOD, owing.id, 'returned');

    await w.tick('2025-03-04T10:00:00');
    await w.settled(obligation.id);
    expect((await remindersOf(w.db, obligation.id)).map((row) => [row.unitId, row.stage, row.mailStatus])).toEqual([[owing.id, 'before-7d', 'sent']]);
    expect(w.received(obligation.code, PERIOD, owing.id, 'before-7d')[0].text).toContain('Tình trạng: bị trả lại');

    await w.pauseMail();
    try {
      await w.tick('2025-03-10T09:00:00');
      expect((await remindersOf(w.db, obligation.id)).at(-1)).toMatchObject({ unitId: owing.id, stage: 'before-2d', mailStatus: 'queued' });
      await setSubmission(w.db, obligation.id, PERIOD, owing.id, 'approved');
    } finally {
      w.resumeMail();
    }
    await w.settled(obligation.id);
    expect((await remindersOf(w.db, obligation.id)).at(-1)).toMatchObject({ stage: 'before-2d', mailStatus: 'cancelled' });
    expect(w.received(obligation.code, PERIOD, owing.id, 'before-2d')).toEqual([]);
    const [delivery] = await w.db.query(
      `SELECT d.outcome FROM mail_deliveries d JOIN mail_messages m ON m.id = d.message_id WHERE m.key = (SELECT mail_key FROM reminders WHERE obligation_id = $1 AND stage = 'before-2d')`,
      [obligation.id],
    );
    expect(delivery).toEqual({ outcome: 'skipped' });

    await w.tick('2025-03-11T10:00:00');
    expect((await remindersOf(w.db, obligation.id)).map((row) => row.stage)).toEqual(['before-7d', 'before-2d']);
    await retire(w.db, obligation);
  });

  it('sends only the newest of two reminders that waited in the queue (e.g. through an outage) and cancels the older', async () => {
    const [unit] = await createUnits(w.db, 'MOI', [{ submitterEmails: ['vanthu.moi@so.gov.vn'] }]);
    const obligation = await createObligation(w.db, 'NHAC-MOI-NHAT', { units: [unit] });
    await w.pauseMail();
    try {
      await w.tick('2025-03-04T10:00:00');
      await w.tick('2025-03-10T10:00:00');
    } finally {
      w.resumeMail();
    }
    await w.settled(obligation.id);
    expect((await remindersOf(w.db, obligation.id)).map((row) => `${row.stage}:${row.mailStatus}`)).toEqual(['before-7d:cancelled', 'before-2d:sent']);
    expect(w.received(obligation.code, PERIOD, unit.id, 'before-7d')).toEqual([]);
    expect(w.received(obligation.code, PERIOD, unit.id, 'before-2d')).toHaveLength(1);
    await retire(w.db, obligation);
  });

  it('cancels a queued reminder whose obligation is retired before it goes out', async () => {
    const [unit] = await createUnits(w.db, 'BAI', [{ submitterEmails: ['vanthu.bai@so.gov.vn'] }]);
    const obligation = await createObligation(w.db, 'NHAC-BAI-BO', { units: [unit] });
    await w.pauseMail();
    try {
      await w.tick('2025-03-04T10:00:00');
      expect((await remindersOf(w.db, obligation.id)).map((row) => `${row.stage}:${row.mailStatus}`)).toEqual(['before-7d:queued']);
      await retire(w.db, obligation);
    } finally {
      w.resumeMail();
    }
    await w.settled(obligation.id);
    expect((await remindersOf(w.db, obligation.id)).map((row) => `${row.stage}:${row.mailStatus}`)).toEqual(['before-7d:cancelled']);
    expect(w.received(obligation.code, PERIOD, unit.id, 'before-7d')).toEqual([]);
  });

  it('caps the reminders a unit receives in a calendar month across obligations, and resumes the next month', async () => {
    const [unit] = await createUnits(w.db, 'CAP', [{ submitterEmails: ['vanthu.cap@so.gov.vn'] }]);
    const first = await createObligation(w.db, 'NHAC-GIOI-HAN-A', { units: [unit], policy: { monthlyCapPerUnit: 2 } });
    const second = await createObligation(w.db, 'NHAC-GIOI-HAN-B', { units: [unit], policy: { monthlyCapPerUnit: 2 } });
    const statuses = async () => {
      const rows = [...(await remindersOf(w.db, first.id)), ...(await remindersOf(w.db, second.id))];
      return rows.map((row) => `${row.stage}:${row.status}`).sort();
    };

    await w.tick('2025-03-04T10:00:00');
    expect(await statuses()).toEqual(['before-7d:planned', 'before-7d:planned']);
    await w.tick('2025-03-10T10:00:00');
    expect(await statuses()).toEqual(['before-2d:skipped_cap', 'before-2d:skipped_cap', 'before-7d:planned', 'before-7d:planned']);
    const [capped] = (await remindersOf(w.db, first.id)).filter((row) => row.status === 'skipped_cap');
    expect(capped.reason).toBe('Đơn vị đã nhận đủ 2 thư nhắc trong tháng (giới hạn mỗi tháng).');

    await w.tick('2025-04-01T10:00:00');
    expect((await statuses()).filter((status) => status.startsWith('overdue'))).toEqual(['overdue-7:planned', 'overdue-7:planned']);
    await w.settled(first.id);
    await w.settled(second.id);
    expect(w.sink.messages.filter((mail) => mail.envelopeTo.includes('vanthu.cap@so.gov.vn'))).toHaveLength(4);
    await retire(w.db, first);
    await retire(w.db, second);
  });

});
