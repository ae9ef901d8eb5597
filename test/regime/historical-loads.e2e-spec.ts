import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { ADMIN, COMPLIANCE, officer, officerBefore2025Merger, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv, TT35_HEADER, tt35Rows, zipOf } from '../support/report-files';
import { startOnOwnDatabase } from '../compliance/support/own-database';

const ISO_DATE_OR_TIME = /\d{4}-\d{2}-\d{2}/;

interface BackfillUnit {
  unitCode: string | null;
  outcome: string;
  source: string;
  message: string | null;
  issues: Array<{ row: number | null; column: string | null; message: string }>;
}

// A default start on Monday 07/12/2026: the seeded obligations are tracked from that day, so what was
// due before it (e.g. 2023-Q1, due 21/03/2023) is history.
describe('Historical loads: periods due before an obligation is tracked', () => {
  const clock = new FakeClock(new Date('2026-12-07T03:00:00Z'));
  let t: TestApp;
  let stop: () => Promise<void>;
  let db: DataSource;

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('historical', clock));
    db = t.app.get(getDataSourceToken());
  });
  afterAll(() => stop());

  const get = async (path: string, as = COMPLIANCE) => t.http().get(path).set('authorization', await t.tokenFor(as));
  const backfill = async (code: string, period: string, file: Buffer, name: string, reason = 'Nạp số liệu lịch sử từ hồ sơ lưu trữ', as = COMPLIANCE) =>
    t.http().post(`/api/v1/obligations/${code}/periods/${period}/backfill`).set('authorization', await t.tokenFor(as)).field('reason', reason).attach('file', file, name);
  const counts = async () => (await db.query(`SELECT (SELECT count(*) FROM submissions)::int AS s, (SELECT count(*) FROM submission_versions)::int AS v, (SELECT count(*) FROM audit_events)::int AS a`))[0];
  const report = (inYear = [3, 12, 4, 1], cumulative = [25, 1234, 40, 9]) => csv([TT35_HEADER, ...tt35Rows(inYear, cumulative)]);

  it('tracks the seeded obligations from the first start', async () => {
    const { body } = await get('/api/v1/obligations/BC-QUY-TTTT-TINH');
    expect(body.trackedFrom).toBe('2026-12-07');
  });

  it('shows a past quarter as not tracked, not as 0 %, and the trend says which quarters are followed', async () => {
    const past = (await get('/api/v1/compliance/obligations/BC-QUY-TTTT-TINH/periods/2023-Q1')).body;
    expect(past).toMatchObject({ tracked: false, expected: 63, complied: 0, completionPercent: null, overdue: 0, late: 0, headline: 'không theo dõi' });
    expect(past.owing.every((unit: { daysOverdue: number | null }) => unit.daysOverdue === null)).toBe(true);
    const trend = (await get('/api/v1/compliance/obligations/BC-QUY-TTTT-TINH/trend?from=2026-Q2&to=2026-Q4')).body;
    expect(trend.items.map((item: { period: { key: string; dueDate: string }; tracked: boolean; headline: string }) => [item.period.key, item.tracked, item.headline])).toEqual([
      ['2026-Q2', false, 'không theo dõi'],
      ['2026-Q3', false, 'không theo dõi'],
      ['2026-Q4', true, '0/34'],
    ]);
  });

  it('sends no reminder of any kind for a period not tracked: the tick skips it and "remind now" is refused', async () => {
    // 2026-Q3 (due 21/09/2026) would still be chased today if it were tracked: the horizon is 90 days.
    const tick = await t.app.get(ReminderScheduler).tick(new Date('2026-12-07T03:00:00Z'));
    expect(tick).toMatchObject({ campaigns: 0, planned: 0 });
    const refused = await t.http().post('/api/v1/reminders/remind-now').set('authorization', await t.tokenFor(COMPLIANCE)).send({ obligationCode: 'BC-QUY-TTTT-TINH', periodKey: '2023-Q1' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'period_not_tracked', periodKey: '2023-Q1', dueDate: '2023-03-21', trackedFrom: '2026-12-07' });
    expect(refused.body.detail).toContain('Quý I/2023 của báo cáo BC-QUY-TTTT-TINH có hạn nộp 21/03/2023, trước ngày bắt đầu theo dõi (07/12/2026)');
    expect(refused.body.detail).not.toMatch(ISO_DATE_OR_TIME);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM reminders');
    expect(n).toBe(0);
  });

  it('refuses uploads by officers for a period not tracked, pointing to backfill', async () => {
    const units = (await get('/api/v1/units?code=01', ADMIN)).body.items;
    const refused = await t
      .http()
      .post(`/api/v1/obligations/TT35-BUU-CHINH/periods/2023-Y/units/${units[0].id}/submission/versions`)
      .set('authorization', await t.tokenFor(officer('01')))
      .attach('file', report(), '01.csv');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('period_not_tracked');
    expect(refused.body.detail).toContain('nạp bù');
  });

  it('loads many units in one action from a ZIP of files named by unit code: approved as backfilled, never late, no lock exception', async () => {
    // 2023-Y was due 31/01/2024: long past the 90-day entry lock, and before the 2025 reorganisation (old TP Hồ Chí Minh).
    const zip = await zipOf({ '01.csv': report(), 'thu-muc/79 - TP Hồ Chí Minh.csv': report([1, 2, 3, 4], [10, 20, 30, 40]), '__MACOSX/._01.csv': Buffer.from('x') });
    const loaded = await backfill('TT35-BUU-CHINH', '2023-Y', zip, 'bao-cao-2023.zip');
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ obligationCode: 'TT35-BUU-CHINH', periodKey: '2023-Y', periodLabel: 'Năm 2023', loaded: 2, unchanged: 0 });
    expect(loaded.body.units.map((unit: BackfillUnit) => [unit.unitCode, unit.source, unit.outcome])).toEqual([
      ['01', '01.csv', 'loaded'],
      ['79', '79 - TP Hồ Chí Minh.csv', 'loaded'],
    ]);
    expect(loaded.body.missingUnitCodes).toHaveLength(61);

    const completion = (await get('/api/v1/compliance/obligations/TT35-BUU-CHINH/periods/2023-Y/units')).body;
    expect(completion.figures).toMatchObject({ tracked: false, expected: 63, complied: 2, onTime: 0, late: 0, overdue: 0, completionPercent: null });
    const hanoi = completion.items.find((item: { unitCode: string }) => item.unitCode === '01');
    expect(hanoi).toMatchObject({ status: 'approved', backfilled: true, onTime: null, daysLate: null, daysOverdue: null });
    const audit = (await get('/api/v1/audit?action=submission.backfilled')).body;
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({ reason: 'Nạp số liệu lịch sử từ hồ sơ lưu trữ', after: { status: 'approved', backfilled: true } });
    expect((await get('/api/v1/lock-exceptions', ADMIN)).body.items).toEqual([]);
    const aggregates = (await get('/api/v1/compliance/obligations/TT35-BUU-CHINH/periods/2023-Y/aggregates')).body;
    expect(aggregates.unitsIncluded).toBe(2);
    const matrix = (await get('/api/v1/compliance/obligations/TT35-BUU-CHINH/matrix?from=2023-Y&to=2023-Y&limit=3')).body;
    expect(matrix.columns[0]).toMatchObject({ key: '2023-Y', tracked: false });
    expect(matrix.rows[0].cells[0]).toMatchObject({ status: 'approved', backfilled: true, daysLate: null });

    const again = await backfill('TT35-BUU-CHINH', '2023-Y', zip, 'bao-cao-2023.zip');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ loaded: 0, unchanged: 2 });
  });

  it('writes nothing when one unit of the batch is refused, and tells what each unit came to', async () => {
    const before = await counts();
    const zip = await zipOf({
      '04.csv': report(),
      '06.csv': report([3, 12, 4, 1], [2, 1234, 40, 9]),
      '99.csv': report(),
      'ghi chu.txt': Buffer.from('không phải báo cáo'),
    });
    const refused = await backfill('TT35-BUU-CHINH', '2023-Y', zip, 'lo-loi.zip');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('backfill_rejected');
    expect(refused.body.detail).toContain('không có dữ liệu nào được ghi');
    const byCode = Object.fromEntries(refused.body.units.map((unit: BackfillUnit) => [unit.unitCode, unit]));
    expect(byCode['04'].outcome).toBe('valid');
    expect(byCode['06']).toMatchObject({ outcome: 'invalid', source: '06.csv' });
    expect(byCode['06'].issues[0]).toMatchObject({ row: 2, message: 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm' });
    expect(byCode['99'].outcome).toBe('unknown_unit');
    expect(byCode.ghi.outcome).toBe('unknown_unit');
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['units[06]', 'units[99]', 'units[ghi]']);
    expect(await counts()).toEqual(before);
  });

  it('loads one file with a unit column, each unit from its own rows (Excel drops the leading zero of 08)', async () => {
    const rows = [
      ['Mã đơn vị', ...TT35_HEADER],
      ...tt35Rows().map((row) => ['01', ...row]),
      ...tt35Rows([1, 1, 1, 1], [5, 5, 5, 5]).map((row) => [8, ...row]),
    ];
    const loaded = await backfill('TT35-BUU-CHINH', '2022-Y', csv(rows), 'bao-cao-2022.csv');
    expect(loaded.status).toBe(200);
    expect(loaded.body.units.map((unit: BackfillUnit) => [unit.unitCode, unit.source, unit.outcome])).toEqual([
      ['01', 'bao-cao-2022.csv, dòng 2, 3, 4, 5', 'loaded'],
      ['08', 'bao-cao-2022.csv, dòng 6, 7, 8, 9', 'loaded'],
    ]);
    const tuyenQuang = (await get('/api/v1/units?code=08&activeOn=2022-12-31', ADMIN)).body.items[0];
    const rowsOf = await get(`/api/v1/obligations/TT35-BUU-CHINH/periods/2022-Y/units/${tuyenQuang.id}/submission/versions/1/rows`, officerBefore2025Merger('08'));
    expect(rowsOf.body.items.map((row: { rowNumber: number; data: { so_luong_luy_ke: number } }) => [row.rowNumber, row.data.so_luong_luy_ke])).toEqual([
      [6, 5],
      [7, 5],
      [8, 5],
      [9, 5],
    ]);
    const missing = await backfill('TT35-BUU-CHINH', '2022-Y', csv([TT35_HEADER, ...tt35Rows()]), 'khong-co-ma.csv');
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('backfill_without_units');
  });

  it('is for compliance officers and administrators only, for periods not tracked, with a reason', async () => {
    const zip = await zipOf({ '01.csv': report() });
    expect((await backfill('TT35-BUU-CHINH', '2021-Y', zip, 'x.zip', 'Lý do đủ dài', officer('01'))).status).toBe(403);
    const tracked = await backfill('TT35-BUU-CHINH', '2026-Y', zip, 'x.zip');
    expect(tracked.status).toBe(409);
    expect(tracked.body).toMatchObject({ code: 'period_tracked', trackedFrom: '2026-12-07' });
    const noReason = await t.http().post('/api/v1/obligations/TT35-BUU-CHINH/periods/2021-Y/backfill').set('authorization', await t.tokenFor(ADMIN)).attach('file', zip, 'x.zip');
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toContain('reason');
    expect((await backfill('TT35-BUU-CHINH', '2021-Y', zip, 'x.zip', 'Nạp số liệu năm 2021', ADMIN)).status).toBe(200);
  });
});
