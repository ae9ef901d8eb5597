import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { expectsUnit } from '../../src/obligations/expected-units';
import { parsePeriodKey } from '../../src/periods/domain';
import { ADMIN, COMPLIANCE, formerOfficer, REVIEWER, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { addUnit, obligationId, putSubmission, unitIds } from './support/fixtures';
import { startOnOwnDatabase } from './support/own-database';
import { createTestObligation, trackSeededFromStart } from '../support/obligations';

// TT35 2024-Y is due 2025-02-04 (31/01 falls in Tết 2025); at 10:00 on 10/02/2025 in Vietnam it is 6 days overdue.
const AFTER_DUE = '2025-02-10T03:00:00Z';
const BEFORE_DUE = '2025-02-01T03:00:00Z';

interface OwingUnit {
  unitCode: string;
  status: string;
  daysOverdue: number | null;
}
interface Row {
  unitCode: string;
  cells: Array<Record<string, unknown> | null>;
}

describe('Compliance: completion, trends and matrices', () => {
  const clock = new FakeClock(new Date(AFTER_DUE));
  let t: TestApp;
  let stop: () => Promise<void>;
  let db: DataSource;
  let units: Record<string, string>;

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('compliance', clock));
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    // Not yet existing in 2024, dissolved before the end of 2024, and ceasing exactly on its last day.
    await addUnit(db, { code: 'X1', name: 'Tỉnh Mới Lập', validFrom: '2025-01-01' });
    await addUnit(db, { code: 'X2', name: 'Tỉnh Đã Giải Thể', validFrom: '2008-08-01', validTo: '2024-06-30' });
    await addUnit(db, { code: 'X3', name: 'Tỉnh Sáp Nhập Cuối Năm', validFrom: '2008-08-01', validTo: '2024-12-31' });
    units = await unitIds(db);
    await createTestObligation(t, {
      code: 'KT-QUY-B',
      title: 'Báo cáo quý thử nghiệm của một số đơn vị',
      periodType: 'quarterly',
      deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 15, adjust: 'none' },
      targetScope: 'listed_units',
      targetUnitCodes: ['01', '79', 'X2'],
      compliesWhen: 'submitted',
      activeFrom: '2020-01-01',
    });

    const tt35 = await obligationId(db, 'TT35-BUU-CHINH');
    const quarterly = await obligationId(db, 'BC-QUY-TTTT-TINH');
    const listed = await obligationId(db, 'KT-QUY-B');
    const put = (obligation: string, periodKey: string, unit: string, status: Parameters<typeof putSubmission>[1]['status'], rest: { submittedAt?: string; dueDate?: string; onTime?: boolean; daysLate?: number } = {}) =>
      putSubmission(db, { obligationId: obligation, periodKey, unitId: units[unit], status, ...rest });

    await put(tt35, '2024-Y', '01', 'approved', { submittedAt: '2025-01-20T03:00:00Z', dueDate: '2025-02-04' });
    await put(tt35, '2024-Y', '02', 'approved', { submittedAt: '2025-02-07T02:00:00Z', dueDate: '2025-02-04', onTime: false, daysLate: 3 });
    await put(tt35, '2024-Y', '04', 'submitted', { submittedAt: '2025-02-01T03:00:00Z', dueDate: '2025-02-04' });
    await put(tt35, '2024-Y', '06', 'returned', { submittedAt: '2025-01-25T03:00:00Z', dueDate: '2025-02-04' });
    await put(tt35, '2024-Y', '08', 'draft');
    await put(tt35, '2024-Y', '10', 'not_started');
    await put(tt35, '2023-Y', '01', 'approved', { submittedAt: '2024-01-15T03:00:00Z', dueDate: '2024-01-31' });
    await put(tt35, '2023-Y', 'X2', 'approved', { submittedAt: '2024-02-05T03:00:00Z', dueDate: '2024-01-31', onTime: false, daysLate: 5 });
    await put(tt35, '2025-Y', 'X1', 'draft');
    await put(quarterly, '2024-Q4', '01', 'approved', { submittedAt: '2024-12-18T03:00:00Z', dueDate: '2024-12-20' });
    await put(listed, '2024-Q4', '01', 'submitted', { submittedAt: '2025-01-10T03:00:00Z', dueDate: '2025-01-15' });
    await put(listed, '2024-Q4', '79', 'returned', { submittedAt: '2025-01-12T03:00:00Z', dueDate: '2025-01-15' });
    await put(listed, '2024-Q2', 'X2', 'submitted', { submittedAt: '2024-07-10T03:00:00Z', dueDate: '2024-07-15' });
  });
  afterAll(() => stop());
  beforeEach(() => clock.set(AFTER_DUE));

  const get = async (path: string, as = COMPLIANCE) => t.http().get(`/api/v1/compliance${path}`).set('authorization', await t.tokenFor(as));
  const byCode = <T extends { unitCode: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.unitCode, item]));

  describe('completion of one obligation and period', () => {
    it('counts the expected units by status, on time, late and overdue, and completion by approval', async () => {
      const response = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        obligation: { code: 'TT35-BUU-CHINH', periodType: 'yearly', compliesWhen: 'approved' },
        period: { key: '2024-Y', label: 'Năm 2024', dueDate: '2025-02-04', dueAt: '2025-02-04T16:59:59.999Z', status: 'overdue' },
        at: new Date(AFTER_DUE).toISOString(),
        expected: 64,
        counts: { notStarted: 59, draft: 1, submitted: 1, returned: 1, approved: 2 },
        complied: 2,
        onTime: 3,
        late: 1,
        overdue: 62,
        completionPercent: 3.13,
        headline: '2/64',
      });
    });

    it('lists the units still owing, with status and days overdue, and leaves out units that did not exist at the end of the period', async () => {
      const { body } = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y');
      const owing = byCode<OwingUnit>(body.owing);
      expect(body.owing).toHaveLength(62);
      expect(body.owingTotal).toBe(62);
      expect(owing['04']).toMatchObject({ status: 'submitted', statusLabel: 'đã gửi, chờ duyệt', daysOverdue: 6, submittedAt: '2025-02-01T03:00:00.000Z' });
      expect(owing['06']).toMatchObject({ status: 'returned', daysOverdue: 6 });
      expect(owing['08']).toMatchObject({ status: 'draft', daysOverdue: 6 });
      expect(owing['10']).toMatchObject({ status: 'not_started', statusLabel: 'chưa nộp', daysOverdue: 6 });
      expect(owing.X3).toMatchObject({ unitName: 'Tỉnh Sáp Nhập Cuối Năm', status: 'not_started', daysOverdue: 6 });
      for (const code of ['01', '02', 'X1', 'X2']) expect(owing[code]).toBeUndefined();
      expect(body.owing.map((unit: OwingUnit) => unit.unitCode)).toEqual([...body.owing.map((unit: OwingUnit) => unit.unitCode)].sort());
    });

    it('lists only the first owingLimit units still owing, by code, with the total', async () => {
      const { body } = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y?owingLimit=3');
      expect(body.owingTotal).toBe(62);
      expect(body.owing.map((unit: OwingUnit) => unit.unitCode)).toEqual(['04', '06', '08']);
      expect((await get('/obligations/TT35-BUU-CHINH/periods/2024-Y?owingLimit=0')).status).toBe(422);
    });

    it('reports nobody overdue before the end of the due date', async () => {
      clock.set(BEFORE_DUE);
      const { body } = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y');
      expect(body).toMatchObject({ overdue: 0, headline: '2/64', period: { status: 'due' } });
      expect(body.owing.every((unit: OwingUnit) => unit.daysOverdue === null)).toBe(true);
    });

    it('counts submitted reports as complied when the obligation says submitting suffices, for the listed units only', async () => {
      const q4 = await get('/obligations/KT-QUY-B/periods/2024-Q4');
      expect(q4.body).toMatchObject({ expected: 2, complied: 1, headline: '1/2', completionPercent: 50, overdue: 1, counts: { submitted: 1, returned: 1 } });
      expect(q4.body.owing.map((unit: OwingUnit) => [unit.unitCode, unit.status, unit.daysOverdue])).toEqual([['79', 'returned', 26]]);
      // A unit that ceases on the last day of the period still owes it.
      const q2 = await get('/obligations/KT-QUY-B/periods/2024-Q2');
      expect(q2.body).toMatchObject({ expected: 3, complied: 1, headline: '1/3' });
    });

    it('expects exactly the units expectsUnit expects (the SQL and the domain function agree)', async () => {
      const table = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y/units');
      const all = await t.http().get('/api/v1/units?all=true').set('authorization', await t.tokenFor(ADMIN));
      const obligation = (await t.http().get('/api/v1/obligations/TT35-BUU-CHINH').set('authorization', await t.tokenFor(ADMIN))).body;
      const period = parsePeriodKey('2024-Y');
      const expected = all.body.items.filter((unit: Parameters<typeof expectsUnit>[1]) => expectsUnit(obligation, unit, period)).map((unit: { code: string }) => unit.code);
      expect(table.body.items.map((item: { unitCode: string }) => item.unitCode)).toEqual(expected.sort());
      expect(table.body.figures).toMatchObject({ expected: 64, headline: '2/64', onTime: 3, late: 1, overdue: 62 });
    });

    it('gives the full unit table with due dates, submission times and lateness', async () => {
      const { body } = await get('/obligations/TT35-BUU-CHINH/periods/2024-Y/units');
      const table = byCode<{ unitCode: string }>(body.items);
      expect(table['02']).toEqual({
        unitId: units['02'],
        unitCode: '02',
        unitName: 'Hà Giang',
        status: 'approved',
        statusLabel: 'đã duyệt',
        complied: true,
        dueDate: '2025-02-04',
        submittedAt: '2025-02-07T02:00:00.000Z',
        firstSubmittedAt: '2025-02-07T02:00:00.000Z',
        onTime: false,
        daysLate: 3,
        daysOverdue: null,
        returnCount: 0,
        backfilled: false,
        departmentName: 'Sở Thông tin và Truyền thông tỉnh Hà Giang',
      });
      expect(body.bodies).toEqual({ date: '2025-02-04', issuingBody: 'Bộ Thông tin và Truyền thông', receivingBody: 'Vụ Bưu chính, Bộ Thông tin và Truyền thông' });
      expect(table['08']).toMatchObject({ status: 'draft', complied: false, submittedAt: null, daysLate: null, daysOverdue: 6 });
    });

    it('refuses a period key of another type with 422 and an unknown obligation with 404', async () => {
      const wrongType = await get('/obligations/TT35-BUU-CHINH/periods/2024-Q1');
      expect(wrongType.status).toBe(422);
      expect(wrongType.body).toMatchObject({ code: 'invalid_period', errors: [{ field: 'periodKey' }] });
      expect(wrongType.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await get('/obligations/KHONG-CO/periods/2024-Y')).status).toBe(404);
    });
  });

  describe('all obligations of a period', () => {
    it("lists the obligations of the key's period type with their figures", async () => {
      const response = await get('/periods/2024-Q4');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ periodKey: '2024-Q4', label: 'Quý IV/2024', periodType: 'quarterly' });
      expect(response.body.items.map((item: { obligation: { code: string }; headline: string; expected: number }) => [item.obligation.code, item.headline, item.expected])).toEqual([
        ['BC-QUY-TTTT-TINH', '1/64', 64],
        ['KT-QUY-B', '1/2', 2],
      ]);
      const yearly = await get('/periods/2024-Y');
      expect(yearly.body.items.map((item: { obligation: { code: string } }) => item.obligation.code)).toEqual(['TT35-BUU-CHINH']);
    });

    it('refuses a malformed period key with 422', async () => {
      const response = await get('/periods/2024-Q5');
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('invalid_period');
    });
  });

  describe('trend across periods', () => {
    it('gives the figures of every period, each against the units that existed then', async () => {
      const response = await get('/obligations/TT35-BUU-CHINH/trend?from=2022-Y&to=2025-Y');
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { period: { key: string }; headline: string; onTime: number; late: number; overdue: number }) => [item.period.key, item.headline, item.onTime, item.late, item.overdue])).toEqual([
        ['2022-Y', '0/65', 0, 0, 65],
        ['2023-Y', '2/65', 1, 1, 63],
        ['2024-Y', '2/64', 3, 1, 62],
        // From 1 July 2025 the 34 units of the reorganisation (and X1) are expected.
        ['2025-Y', '0/35', 0, 0, 0],
      ]);
    });

    it('defaults to the eight latest started periods and refuses a reversed range', async () => {
      const defaults = await get('/obligations/TT35-BUU-CHINH/trend');
      expect(defaults.body.items.map((item: { period: { key: string } }) => item.period.key)).toEqual(['2018-Y', '2019-Y', '2020-Y', '2021-Y', '2022-Y', '2023-Y', '2024-Y', '2025-Y']);
      const reversed = await get('/obligations/TT35-BUU-CHINH/trend?from=2024-Y&to=2023-Y');
      expect(reversed.status).toBe(422);
      expect(reversed.body.errors[0]).toMatchObject({ field: 'from', code: 'after_to' });
      expect((await get('/obligations/TT35-BUU-CHINH/trend?from=2024')).status).toBe(422);
    });
  });

  describe('matrices', () => {
    it('gives units x periods with status, due date, submitted time and days late, and no cell where a unit did not exist', async () => {
      const response = await get('/obligations/TT35-BUU-CHINH/matrix?from=2023-Y&to=2025-Y');
      expect(response.status).toBe(200);
      // 63 units of 2008-2025, the 23 created on 1 July 2025 and X1-X3.
      expect(response.body).toMatchObject({ columnsAre: 'periods', obligation: { code: 'TT35-BUU-CHINH' }, total: 89, offset: 0, limit: 100 });
      expect(response.body.columns).toEqual([
        { key: '2023-Y', label: 'Năm 2023', periodKey: '2023-Y', obligationCode: 'TT35-BUU-CHINH', dueDate: '2024-01-31', dueAt: '2024-01-31T16:59:59.999Z', tracked: true },
        { key: '2024-Y', label: 'Năm 2024', periodKey: '2024-Y', obligationCode: 'TT35-BUU-CHINH', dueDate: '2025-02-04', dueAt: '2025-02-04T16:59:59.999Z', tracked: true },
        expect.objectContaining({ key: '2025-Y' }),
      ]);
      const rows = byCode<Row>(response.body.rows);
      expect(rows['02'].cells).toEqual([
        { status: 'not_started', complied: false, dueDate: '2024-01-31', submittedAt: null, daysLate: null, daysOverdue: 376, backfilled: false },
        { status: 'approved', complied: true, dueDate: '2025-02-04', submittedAt: '2025-02-07T02:00:00.000Z', daysLate: 3, daysOverdue: null, backfilled: false },
        // Hà Giang merged into Tuyên Quang on 1 July 2025: it owes no 2025 report.
        null,
      ]);
      expect(rows.X1.cells).toEqual([null, null, expect.objectContaining({ status: 'draft' })]);
      expect(rows.X2.cells).toEqual([expect.objectContaining({ status: 'approved', daysLate: 5 }), null, null]);
      expect(rows.X3.cells).toEqual([expect.objectContaining({ status: 'not_started', daysOverdue: 376 }), expect.objectContaining({ daysOverdue: 6 }), null]);
    });

    it('pages through the units by code', async () => {
      const page = await get('/obligations/TT35-BUU-CHINH/matrix?from=2023-Y&to=2025-Y&offset=80&limit=10');
      expect(page.body).toMatchObject({ total: 89, offset: 80, limit: 10 });
      // Cà Mau (96) twice: the province of 2008-2025 and the one merged with Bạc Liêu from 1 July 2025.
      expect(page.body.rows.map((row: Row) => [row.unitCode, row.cells.map((cell) => cell !== null)])).toEqual([
        ['92', [false, false, true]],
        ['93', [true, true, false]],
        ['94', [true, true, false]],
        ['95', [true, true, false]],
        ['96', [true, true, false]],
        ['96', [false, false, true]],
        ['X1', [false, false, true]],
        ['X2', [true, false, false]],
        ['X3', [true, true, false]],
      ]);
      const beyond = await get('/obligations/TT35-BUU-CHINH/matrix?from=2023-Y&to=2025-Y&offset=100');
      expect(beyond.body).toMatchObject({ total: 89, rows: [] });
      expect((await get('/obligations/TT35-BUU-CHINH/matrix?limit=5000')).status).toBe(422);
    });

    it('gives units x obligations for a period, with no cell where the unit is not targeted', async () => {
      const response = await get('/periods/2024-Q4/matrix');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ columnsAre: 'obligations', obligation: null, periodKey: '2024-Q4', total: 64 });
      expect(response.body.columns.map((column: { key: string; periodKey: string }) => [column.key, column.periodKey])).toEqual([
        ['BC-QUY-TTTT-TINH', '2024-Q4'],
        ['KT-QUY-B', '2024-Q4'],
      ]);
      const rows = byCode<Row>(response.body.rows);
      expect(rows['01'].cells).toEqual([expect.objectContaining({ status: 'approved', complied: true }), expect.objectContaining({ status: 'submitted', complied: true })]);
      expect(rows['02'].cells).toEqual([expect.objectContaining({ status: 'not_started', daysOverdue: 52 }), null]);
      expect(rows['79'].cells).toEqual([expect.objectContaining({ status: 'not_started' }), expect.objectContaining({ status: 'returned', complied: false, daysOverdue: 26 })]);
      expect(rows.X2).toBeUndefined();
    });
  });

  describe('who may see what', () => {
    it('shows national figures to compliance officers, reviewers and administrators', async () => {
      for (const as of [COMPLIANCE, REVIEWER, ADMIN]) {
        expect((await get('/obligations/TT35-BUU-CHINH/periods/2024-Y', as)).status).toBe(200);
        expect((await get('/periods/2024-Y', as)).status).toBe(200);
        expect((await get('/obligations/TT35-BUU-CHINH/trend', as)).status).toBe(200);
      }
    });

    it('refuses national figures to province officers with 403', async () => {
      for (const path of ['/obligations/TT35-BUU-CHINH/periods/2024-Y', '/obligations/TT35-BUU-CHINH/periods/2024-Y/units', '/obligations/TT35-BUU-CHINH/trend', '/periods/2024-Y']) {
        const response = await get(path, formerOfficer('02'));
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('forbidden');
      }
    });

    it("shows a province officer only his own unit's row of a matrix", async () => {
      const byPeriods = await get('/obligations/TT35-BUU-CHINH/matrix?from=2023-Y&to=2025-Y', formerOfficer('02'));
      expect(byPeriods.status).toBe(200);
      expect(byPeriods.body.total).toBe(1);
      expect(byPeriods.body.rows.map((row: Row) => row.unitCode)).toEqual(['02']);
      const byObligations = await get('/periods/2024-Q4/matrix', formerOfficer('79'));
      expect(byObligations.body.rows.map((row: Row) => row.unitCode)).toEqual(['79']);
    });

    it('refuses anonymous calls with 401', async () => {
      expect((await t.http().get('/api/v1/compliance/obligations/TT35-BUU-CHINH/periods/2024-Y')).status).toBe(401);
    });
  });
});
