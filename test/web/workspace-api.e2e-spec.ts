import { getDataSourceToken } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { ADMIN, COMPLIANCE, officerBefore2025Merger, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { createTestObligation, trackSeededFromStart } from '../support/obligations';
import { csv, TT35_HEADER, TT35_INDICATORS, tt35Rows, xlsx } from '../support/report-files';

const NOW = '2025-01-20T03:00:00Z'; // TT35 2024-Y due 2025-02-04; BC-QUY 2024-Q4 overdue, 2025-Q1 open
const TT35 = 'TT35-BUU-CHINH';
const QUARTERLY = 'BC-QUY-TTTT-TINH';
/** January 2025 is before the 2025 reorganisation: the 63 units of 2008-2025 report, each through its officer of the time. */
const officer = officerBefore2025Merger;

/** The API the workspace pages need beyond what machine clients had. */
describe('Workspace API: tasks, annotated workbook, receipts, bulk lock exceptions, schema in force, owing contacts', () => {
  const clock = new FakeClock(new Date(NOW));
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('api', { clock });
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2024-12-31');
    await trackSeededFromStart(t, TT35, QUARTERLY);
  });
  afterAll(() => t.close());

  const base = (unit: string, code = TT35, period = '2024-Y') => `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
  const upload = async (unit: string, content: Buffer, name: string, code = TT35, period = '2024-Y') =>
    t.http().post(`${base(unit, code, period)}/versions`).set('authorization', await t.tokenFor(officer(unit))).attach('file', content, name);
  const get = async (path: string, as: string) => t.http().get(path).set('authorization', await t.tokenFor(as));
  const workbookOf = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    return workbook;
  };
  const binary = (response: import('supertest').Response) => response.body as Buffer;
  const download = async (path: string, as: string) =>
    t
      .http()
      .get(path)
      .set('authorization', await t.tokenFor(as))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  const noteOf = (cell: ExcelJS.Cell) => {
    const note = cell.note as string | { texts: Array<{ text: string }> } | undefined;
    return typeof note === 'string' ? note : note?.texts.map((part) => part.text).join('');
  };

  describe("a unit's tasks", () => {
    it('lists each open period with due date, days left, status and next action, the most urgent first', async () => {
      await upload('51', csv([TT35_HEADER, ...tt35Rows([3, 12, 4, 1], [25, 'nhiều', 40, 9])]), 'loi.csv');
      const response = await get(`/api/v1/units/${units['51']}/tasks`, officer('51'));
      expect(response.status).toBe(200);
      expect(response.body.unit).toEqual({ id: units['51'], code: '51', name: expect.any(String) });
      const seeded = response.body.items.filter((task: { obligationCode: string }) => [TT35, QUARTERLY].includes(task.obligationCode));
      expect(seeded.map((task: Record<string, unknown>) => [task.obligationCode, task.periodKey, task.status, task.nextAction, task.daysUntilDue, task.locked])).toEqual([
        [QUARTERLY, '2024-Q4', 'not_started', 'upload', -31, false],
        [TT35, '2024-Y', 'draft', 'fix_errors', 15, false],
        [QUARTERLY, '2025-Q1', 'not_started', 'upload', 60, false],
        // No Năm 2025: this Quảng Ngãi ceased on 30/06/2025 (merged into today's Quảng Ngãi), before the year ends.
        [TT35, '2023-Y', 'not_started', 'locked', -355, true],
        [QUARTERLY, '2024-Q1', 'not_started', 'locked', -305, true],
        [QUARTERLY, '2024-Q2', 'not_started', 'locked', -213, true],
        [QUARTERLY, '2024-Q3', 'not_started', 'locked', -122, true],
      ]);
      expect(seeded[1]).toMatchObject({ periodLabel: 'Năm 2024', dueDate: '2025-02-04', currentVersion: 1, currentVersionValid: false, submissionId: expect.any(String) });
    });

    it('shows a locked period as open again while an exception is in force', async () => {
      const granted = await t
        .http()
        .post('/api/v1/lock-exceptions')
        .set('authorization', await t.tokenFor(ADMIN))
        .send({ obligationCode: QUARTERLY, periodKey: '2024-Q3', unitId: units['52'], reason: 'Công văn 12/BTTTT', endsAt: '2025-02-01T00:00:00Z' });
      expect(granted.status).toBe(201);
      const tasks = await get(`/api/v1/units/${units['52']}/tasks`, officer('52'));
      expect(tasks.body.items.find((task: { periodKey: string }) => task.periodKey === '2024-Q3')).toMatchObject({ locked: false, nextAction: 'upload' });
    });

    it('leaves out the periods due before an obligation is tracked: history the ministry loads, nothing for the officer to do', async () => {
      await createTestObligation(t, { code: 'WEB-API-THEO-DOI-2025', trackedFrom: '2025-01-01' });
      const tasks = await get(`/api/v1/units/${units['51']}/tasks`, officer('51'));
      const followed = tasks.body.items.filter((task: { obligationCode: string }) => task.obligationCode === 'WEB-API-THEO-DOI-2025');
      // Năm 2023 (due 31/01/2024) is within the last year but before 01/01/2025.
      expect(followed.map((task: { periodKey: string; dueDate: string }) => [task.periodKey, task.dueDate])).toEqual([['2024-Y', '2025-02-04']]);
    });

    it("is scoped: an officer sees only his own unit's list; ministry roles see any", async () => {
      expect((await get(`/api/v1/units/${units['51']}/tasks`, officer('52'))).status).toBe(403);
      expect((await get(`/api/v1/units/${units['51']}/tasks`, REVIEWER)).status).toBe(200);
    });
  });

  describe('annotated workbook', () => {
    it("marks the offending cells of the officer's own XLSX with a fill and the message as a note, keeping the rest of the workbook", async () => {
      const file = await xlsx((sheet) => {
        sheet.addRow(['BÁO CÁO NĂM 2024 — Sở Thông tin và Truyền thông']);
        sheet.addRow(TT35_HEADER);
        for (const row of tt35Rows([3, 12, 4, 1], [25, 1234, 2, 9])) sheet.addRow(row);
        sheet.workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Người lập biểu: Nguyễn Văn An';
      });
      const uploaded = await upload('54', file, 'bao-cao-2024.xlsx');
      expect(uploaded.body.report.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
        [null, null, 'title_rows_skipped'],
        [5, 'Số lượng lũy kế', 'rule_failed'],
      ]);

      const response = await download(`${base('54')}/versions/1/annotated.xlsx`, officer('54'));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toContain('bao-cao-2024-danh-dau-loi.xlsx');
      const workbook = await workbookOf(binary(response));
      const sheet = workbook.getWorksheet('BC-STTTT') as ExcelJS.Worksheet;
      expect(sheet.getCell('A1').value).toBe('BÁO CÁO NĂM 2024 — Sở Thông tin và Truyền thông');
      expect((workbook.getWorksheet('Ghi chú') as ExcelJS.Worksheet).getCell('A1').value).toBe('Người lập biểu: Nguyễn Văn An');
      expect(sheet.getCell('D5').value).toBe(2);
      expect(fillOf(sheet.getCell('D5'))).toBe('FFFFC7CE');
      expect(noteOf(sheet.getCell('D5'))).toBe('Lỗi: Số lượng lũy kế không được nhỏ hơn số lượng trong năm');
      for (const address of ['D3', 'D4', 'D6', 'C5']) expect([address, fillOf(sheet.getCell(address)), noteOf(sheet.getCell(address))]).toEqual([address, undefined, undefined]);
      const list = workbook.getWorksheet('Danh sách lỗi') as ExcelJS.Worksheet;
      expect(list.getRow(2).values).toEqual([undefined, { text: 'D5', hyperlink: "#'BC-STTTT'!D5" }, 5, 'Số lượng lũy kế', 'Lỗi', 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm', 'Số lượng lũy kế: 2; Số lượng trong năm: 4']);
      expect(list.getRow(3).values).toEqual([undefined, 'Cả tệp', '', '', 'Thông tin', 'Đã bỏ qua 1 dòng phía trên dòng tiêu đề (dòng 2).', '']);
    });

    it('turns a CSV into an XLSX of its rows, each problem on its row and column, several problems of a cell in one note', async () => {
      const rows = [TT35_HEADER, [1, TT35_INDICATORS[0], '12,5', 30, ''], [2, 'Doanh nghiệp khác', 5, 10, ''], [3, TT35_INDICATORS[2], 9, 40, ''], [4, TT35_INDICATORS[3], 1, 2, '']];
      await upload('56', csv(rows), 'so-lieu.csv');
      const workbook = await workbookOf(binary(await download(`${base('56')}/versions/1/annotated.xlsx`, officer('56'))));
      const sheet = workbook.getWorksheet('BC-STTTT') as ExcelJS.Worksheet;
      expect(sheet.getRow(1).values).toEqual([undefined, ...TT35_HEADER]);
      expect(sheet.getCell('C2').value).toBe('12,5');
      expect(fillOf(sheet.getCell('C2'))).toBe('FFFFC7CE');
      expect(noteOf(sheet.getCell('C2'))).toBe('Lỗi: "12,5" không phải là số nguyên; cột này chỉ nhận số nguyên.');
      expect(sheet.getCell('B3').value).toBe('Doanh nghiệp khác');
      expect(fillOf(sheet.getCell('B3'))).toBe('FFFFC7CE');
      expect(noteOf(sheet.getCell('B3'))).toMatch(/^Lỗi: /);
      expect(fillOf(sheet.getCell('B2'))).toBeUndefined();
    });

    it('puts the JSON of the web form under a header row of labels, so row n of the report is Excel row n + 1', async () => {
      const document = TT35_INDICATORS.map((indicator, i) => ({ chi_tieu: indicator, so_luong_trong_nam: i === 1 ? '-3' : '1', so_luong_luy_ke: '5' }));
      await upload('58', Buffer.from(JSON.stringify(document)), 'nhap-tren-web.json');
      const workbook = await workbookOf(binary(await download(`${base('58')}/versions/1/annotated.xlsx`, officer('58'))));
      const sheet = workbook.getWorksheet('BC-STTTT') as ExcelJS.Worksheet;
      expect(sheet.getRow(1).values).toEqual([undefined, 'Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế']);
      expect(sheet.getCell('B3').value).toBe('-3');
      expect(fillOf(sheet.getCell('B3'))).toBe('FFFFC7CE');
      expect(noteOf(sheet.getCell('B3'))).toContain('Lỗi:');
    });

    it('says there is nothing to mark on a clean version, and keeps other units out', async () => {
      await upload('60', csv([TT35_HEADER, ...tt35Rows()]), 'sach.csv');
      const clean = await get(`${base('60')}/versions/1/annotated.xlsx`, officer('60'));
      expect(clean.status).toBe(422);
      expect(clean.body).toMatchObject({ code: 'no_issues', detail: 'Phiên bản 1 không có lỗi hay cảnh báo nào để đánh dấu.' });
      expect((await get(`${base('56')}/versions/1/annotated.xlsx`, officer('60'))).status).toBe(403);
    });
  });

  it("lists a submission's receipts to its unit and the ministry, and none to another unit's officer", async () => {
    await upload('62', csv([TT35_HEADER, ...tt35Rows()]), 'nop.csv');
    const submitted = await t.http().post(`${base('62')}/submit`).set('authorization', await t.tokenFor(officer('62'))).send({});
    expect(submitted.status).toBe(200);
    const own = await get(`/api/v1/receipts?submissionId=${submitted.body.id}`, officer('62'));
    expect(own.body.items).toEqual([expect.objectContaining({ id: submitted.body.receipt.id, hash: submitted.body.receipt.hash })]);
    expect((await get(`/api/v1/receipts?submissionId=${submitted.body.id}`, REVIEWER)).body.items).toHaveLength(1);
    expect((await get(`/api/v1/receipts?submissionId=${submitted.body.id}`, officer('01'))).body.items).toEqual([]);
    expect((await get('/api/v1/receipts?submissionId=nope', REVIEWER)).status).toBe(422);
  });

  describe('lock exceptions for many units at once', () => {
    it('grants one exception per unit in one action, each audited, and the units may upload again', async () => {
      const unitIds = ['64', '66', '67'].map((code) => units[code]);
      expect((await upload('64', csv([TT35_HEADER]), 'x.csv', QUARTERLY, '2024-Q2')).status).toBe(409);
      const response = await t
        .http()
        .post('/api/v1/lock-exceptions/bulk')
        .set('authorization', await t.tokenFor(ADMIN))
        .send({ obligationCode: QUARTERLY, periodKey: '2024-Q2', unitIds, reason: 'Nạp lại số liệu quý II theo công văn 45/BTTTT-VP', endsAt: '2025-02-28T17:00:00Z' });
      expect(response.status).toBe(201);
      expect(response.body.items.map((item: { unitCode: string }) => item.unitCode).sort()).toEqual(['64', '66', '67']);
      expect(response.body.items[0]).toMatchObject({ obligationCode: QUARTERLY, periodKey: '2024-Q2', active: true, reason: 'Nạp lại số liệu quý II theo công văn 45/BTTTT-VP' });
      const audits = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'entry_lock.exception_granted' AND entity_id = ANY($1::text[])`, [
        response.body.items.map((item: { id: string }) => item.id),
      ]);
      expect(audits[0].n).toBe(3);
      expect((await upload('64', csv([TT35_HEADER]), 'x.csv', QUARTERLY, '2024-Q2')).status).not.toBe(409);
    });

    it('grants nothing when one unit cannot have one, and refuses officers', async () => {
      const before = await db.query('SELECT count(*)::int AS n FROM entry_lock_exceptions');
      const response = await t
        .http()
        .post('/api/v1/lock-exceptions/bulk')
        .set('authorization', await t.tokenFor(ADMIN))
        .send({ obligationCode: QUARTERLY, periodKey: '2024-Q2', unitIds: [units['68'], '00000000-0000-4000-8000-000000000000'], reason: 'Thử', endsAt: '2025-02-28T17:00:00Z' });
      expect(response.status).toBe(404);
      expect((await db.query('SELECT count(*)::int AS n FROM entry_lock_exceptions'))[0].n).toBe(before[0].n);
      const empty = await t.http().post('/api/v1/lock-exceptions/bulk').set('authorization', await t.tokenFor(ADMIN)).send({ obligationCode: QUARTERLY, periodKey: '2024-Q2', unitIds: [], reason: 'x', endsAt: '2025-02-28T17:00:00Z' });
      expect(empty.status).toBe(422);
      const byOfficer = await t.http().post('/api/v1/lock-exceptions/bulk').set('authorization', await t.tokenFor(officer('68'))).send({});
      expect(byOfficer.status).toBe(403);
    });
  });

  it('gives the schema version a period is validated against', async () => {
    const response = await get(`/api/v1/obligations/${TT35}/periods/2024-Y/schema`, officer('51'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ obligationCode: TT35, version: 1, definition: { sheetName: 'BC-STTTT' } });
    expect((await get(`/api/v1/obligations/${TT35}/periods/2024-Q1/schema`, officer('51'))).status).toBe(422);
  });

  it('lists the units still owing with their contacts for the ministry, not for officers', async () => {
    await t.http().put(`/api/v1/units/${units['51']}/contacts`).set('authorization', await t.tokenFor(officer('51'))).send({ submitterEmails: ['vanthu@stttt.example.vn'], leadershipEmail: 'giamdoc@stttt.example.vn' });
    const response = await get(`/api/v1/compliance/obligations/${TT35}/periods/2024-Y/owing`, COMPLIANCE);
    expect(response.status).toBe(200);
    expect(response.body.items.find((item: { unitCode: string }) => item.unitCode === '51')).toEqual({
      unitId: units['51'],
      unitCode: '51',
      unitName: expect.any(String),
      status: 'draft',
      daysOverdue: null,
      submitterEmails: ['vanthu@stttt.example.vn'],
      leadershipEmail: 'giamdoc@stttt.example.vn',
      officerEmails: [officer('51')],
    });
    // Submitted is not complied for an obligation that needs approval.
    expect(response.body.items.find((item: { unitCode: string }) => item.unitCode === '62')).toMatchObject({ status: 'submitted' });
    expect((await get(`/api/v1/compliance/obligations/${TT35}/periods/2024-Y/owing`, officer('51'))).status).toBe(403);
  });
});
