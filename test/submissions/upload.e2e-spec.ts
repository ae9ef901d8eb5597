import { createHash } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { officerBefore2025Merger as officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv, QUARTERLY_HEADER, TT35_HEADER, TT35_INDICATORS, tt35Rows } from '../support/report-files';
import { trackSeededFromStart } from '../support/obligations';

const BEFORE_DUE = '2025-01-20T03:00:00Z'; // TT35 2024-Y is due 2025-02-04 (31/01 falls in Tết 2025)

interface Issue {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  severity: string;
  message: string;
  value: string | null;
}

describe('Submissions: upload, validation report, versions, submit', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  const clock = new FakeClock(new Date(BEFORE_DUE));

  beforeAll(async () => {
    t = await startTestApp('all', { clock });
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(BEFORE_DUE));

  const base = (code: string, period: string, unit: string) => `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
  const upload = async (unit: string, content: Buffer, name: string, as = officer(unit), code = 'TT35-BUU-CHINH', period = '2024-Y') =>
    t.http().post(`${base(code, period, unit)}/versions`).set('authorization', await t.tokenFor(as)).attach('file', content, name);
  const issuesOf = (body: { report: { issues: Issue[] } }) => body.report.issues.map(({ row, column, field, code, severity, value }) => ({ row, column, field, code, severity, value }));
  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('accepts a valid CSV (UTF-8 BOM, semicolons, Vietnamese thousands) as version 1 of a draft and stores typed rows', async () => {
    const response = await upload('01', csv([TT35_HEADER, ...tt35Rows([3, 12, 4, 1], ['25', '1.234', '40', '9'])], ';', true), 'Báo cáo năm 2024.csv');
    expect(response.status).toBe(201);
    expect(response.body.duplicate).toBe(false);
    expect(response.body.submission).toMatchObject({ status: 'draft', currentVersion: 1, versionCount: 1, unitCode: '01' });
    expect(response.body.version).toMatchObject({ number: 1, valid: true, rowsRead: 4, errorCount: 0, format: 'csv', originalName: 'Báo cáo năm 2024.csv', schemaVersion: 1 });
    expect(response.body.report).toMatchObject({ valid: true, rowsRead: 4, rowsValid: 4, errorCount: 0, issues: [] });
    const rows = await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '01')}/versions/1/rows`).set('authorization', await t.tokenFor(REVIEWER));
    expect(rows.body.total).toBe(4);
    expect(rows.body.items[1]).toEqual({
      rowNumber: 3,
      data: { stt: 2, chi_tieu: TT35_INDICATORS[1], so_luong_trong_nam: 12, so_luong_luy_ke: 1234, ghi_chu: null },
    });
  });

  it('reports every problem with row, column, field, code and value, and still keeps the version', async () => {
    const rows = [
      TT35_HEADER,
      [1, TT35_INDICATORS[0], '12,5', 30, ''],
      [2, 'Doanh nghiệp khác', 5, 10, ''],
      [3, TT35_INDICATORS[2], 9, 4, ''],
      [4, TT35_INDICATORS[3], '', 2, ''],
      [5, TT35_INDICATORS[2], 1, 2, ''],
    ];
    const response = await upload('02', csv(rows), 'loi.csv');
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ number: 1, valid: false });
    expect(issuesOf(response.body)).toEqual([
      { row: null, column: null, field: null, code: 'too_many_rows', severity: 'error', value: '5' },
      { row: 2, column: 'Số lượng trong năm', field: 'so_luong_trong_nam', code: 'invalid_integer', severity: 'error', value: '12,5' },
      { row: 3, column: 'Chỉ tiêu', field: 'chi_tieu', code: 'not_in_enum', severity: 'error', value: 'Doanh nghiệp khác' },
      { row: 4, column: 'Số lượng lũy kế', field: 'so_luong_luy_ke', code: 'rule_failed', severity: 'error', value: 'Số lượng lũy kế: 4; Số lượng trong năm: 9' },
      { row: 5, column: 'Số lượng trong năm', field: 'so_luong_trong_nam', code: 'required', severity: 'error', value: '' },
      { row: 6, column: 'STT', field: 'stt', code: 'above_max', severity: 'error', value: '5' },
      { row: 6, column: 'Chỉ tiêu', field: 'chi_tieu', code: 'duplicate_key', severity: 'error', value: TT35_INDICATORS[2] },
    ]);
    const messages = response.body.report.issues.map((issue: Issue) => issue.message);
    expect(messages[0]).toBe('Biểu 01/BC-STTTT có đúng 4 chỉ tiêu');
    expect(messages[1]).toBe('"12,5" không phải là số nguyên; cột này chỉ nhận số nguyên.');
    expect(messages[3]).toBe('Số lượng lũy kế không được nhỏ hơn số lượng trong năm');
    expect(messages.every((message: string) => message === message.normalize('NFC'))).toBe(true);
    expect(response.body.report).toMatchObject({ valid: false, rowsRead: 5, errorCount: 7, countsByCode: { invalid_integer: 1, not_in_enum: 1, rule_failed: 1, required: 1, above_max: 1, duplicate_key: 1, too_many_rows: 1 } });
  });

  it('maps headers without diacritics, in any case, and lists missing and unknown columns', async () => {
    const tolerant = await upload('04', csv([['stt', 'CHI TIEU', 'so luong trong nam', 'So Luong Luy Ke'], ...tt35Rows().map((r) => r.slice(0, 4))]), 'khong-dau.csv');
    expect(tolerant.body.version.valid).toBe(true);

    const missing = await upload('06', csv([['Chỉ tiêu', 'Số lượng trong năm', 'Cột thừa'], [TT35_INDICATORS[0], 1, 'x']]), 'thieu-cot.csv');
    expect(missing.status).toBe(201);
    expect(missing.body.version.valid).toBe(false);
    expect(issuesOf(missing.body)).toEqual([
      { row: 1, column: null, field: 'so_luong_luy_ke', code: 'missing_column', severity: 'error', value: null },
      { row: 1, column: 'Cột thừa', field: null, code: 'unknown_column', severity: 'warning', value: null },
    ]);
    expect(missing.body.report.issues[0].message).toContain('Số lượng lũy kế');
  });

  it('recognises the same bytes uploaded again and stores nothing twice', async () => {
    const file = csv([TT35_HEADER, ...tt35Rows([1, 1, 1, 1], [2, 2, 2, 2])]);
    const first = await upload('08', file, 'a.csv');
    const versionsBefore = await count('submission_versions');
    const again = await upload('08', file, 'ten-khac.csv');
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.version.number).toBe(first.body.version.number);
    expect(await count('submission_versions')).toBe(versionsBefore);
  });

  it('serves every version, its report, and the original file byte for byte', async () => {
    const first = csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [1, 2, 3, 4]).map((r, i) => (i === 3 ? r : r))], ',');
    const second = Buffer.concat([Buffer.from('\uFEFF'), csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [5, 6, 7, 8])], ';')]);
    await upload('10', first, 'v1.csv');
    await upload('10', second, 'v2.csv');
    const token = await t.tokenFor(officer('10'));
    const list = await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '10')}/versions`).set('authorization', token);
    expect(list.body.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    const report = await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '10')}/versions/1`).set('authorization', token);
    expect(report.body.report.rowsRead).toBe(4);
    const download = await t
      .http()
      .get(`${base('TT35-BUU-CHINH', '2024-Y', '10')}/versions/2/file`)
      .set('authorization', token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, second)).toBe(0);
    expect(download.headers['x-content-sha256']).toBe(createHash('sha256').update(second).digest('hex'));
    expect(download.headers['content-disposition']).toBe(`attachment; filename="v2.csv"; filename*=UTF-8''v2.csv`);
  });

  it('submits only a valid version, records on-time, and refuses illegal transitions with 409', async () => {
    const token = await t.tokenFor(officer('11'));
    const notStarted = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '11')}/submit`).set('authorization', token).send({});
    expect(notStarted.status).toBe(409);
    expect(notStarted.body).toMatchObject({ code: 'illegal_transition', status: 409 });

    await upload('11', csv([TT35_HEADER, [1, TT35_INDICATORS[0], 'abc', 1, '']]), 'sai.csv');
    const invalid = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '11')}/submit`).set('authorization', token).send({ versionNumber: 1 });
    expect(invalid.status).toBe(409);
    expect(invalid.body.code).toBe('version_not_valid');

    await upload('11', csv([TT35_HEADER, ...tt35Rows()]), 'dung.csv');
    const submitted = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '11')}/submit`).set('authorization', token).send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedVersion: 2, onTime: true, daysLate: 0, submittedAt: new Date(BEFORE_DUE).toISOString() });
    expect(submitted.body.schedule.dueDate).toBe('2025-02-04');

    const afterSubmit = await upload('11', csv([TT35_HEADER, ...tt35Rows([9, 9, 9, 9], [9, 9, 9, 9])]), 'moi.csv');
    expect(afterSubmit.status).toBe(409);
    expect(afterSubmit.body.code).toBe('illegal_transition');
    expect(afterSubmit.body.detail).toContain('đã gửi, chờ duyệt');
    const again = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '11')}/submit`).set('authorization', token).send({});
    expect(again.status).toBe(409);

    const events = await db.query(
      `SELECT action, before->>'status' AS "from", after->>'status' AS "to", actor_role FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [submitted.body.id],
    );
    expect(events).toEqual([
      { action: 'submission.version_uploaded', from: 'not_started', to: 'draft', actor_role: 'province_officer' },
      { action: 'submission.version_uploaded', from: 'draft', to: 'draft', actor_role: 'province_officer' },
      { action: 'submission.submitted', from: 'draft', to: 'submitted', actor_role: 'province_officer' },
    ]);
  });

  it('accepts a late submission and marks it late by whole days', async () => {
    clock.set('2025-02-07T02:00:00Z');
    await upload('12', csv([TT35_HEADER, ...tt35Rows()]), 'tre.csv');
    const late = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '12')}/submit`).set('authorization', await t.tokenFor(officer('12'))).send({});
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'submitted', onTime: false, daysLate: 3 });
  });

  it('keeps each province to its own unit; reviewers read everything but cannot upload', async () => {
    const foreign = await upload('79', csv([TT35_HEADER, ...tt35Rows()]), 'x.csv', officer('01'));
    expect(foreign.status).toBe(403);
    const peek = await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '01')}/versions`).set('authorization', await t.tokenFor(officer('79')));
    expect(peek.status).toBe(403);
    const file = await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '01')}/versions/1/file`).set('authorization', await t.tokenFor(officer('79')));
    expect(file.status).toBe(403);
    const submitForeign = await t.http().post(`${base('TT35-BUU-CHINH', '2024-Y', '01')}/submit`).set('authorization', await t.tokenFor(officer('79'))).send({});
    expect(submitForeign.status).toBe(403);
    expect((await t.http().get(`${base('TT35-BUU-CHINH', '2024-Y', '01')}/versions`).set('authorization', await t.tokenFor(REVIEWER))).status).toBe(200);
    expect((await upload('01', csv([TT35_HEADER, ...tt35Rows()]), 'r.csv', REVIEWER)).status).toBe(403);
  });

  it('validates the quarterly report: decimals, dates, ranges and cross-field rules', async () => {
    clock.set('2024-04-01T02:00:00Z');
    const valid = await upload(
      '14',
      csv([QUARTERLY_HEADER, ['1.234.567', '11.250,5', '350.000', '280.000', '900.000', '850.000', '1.200', '5.600', '37,19', '14/03/2024', 'Nguyễn Văn Bình', '', '4.321']]),
      'quy1.csv',
      officer('14'),
      'BC-QUY-TTTT-TINH',
      '2024-Q1',
    );
    expect(valid.status).toBe(201);
    expect(valid.body.version.valid).toBe(true);
    const rows = await t.http().get(`${base('BC-QUY-TTTT-TINH', '2024-Q1', '14')}/versions/1/rows`).set('authorization', await t.tokenFor(officer('14')));
    expect(rows.body.items[0].data).toMatchObject({ san_luong_buu_gui: 1234567, doanh_thu_buu_chinh: 11250.5, ty_le_ho_so_truc_tuyen_toan_trinh: 37.19, ngay_chot_so_lieu: '2024-03-14' });

    const invalid = await upload(
      '15',
      csv([QUARTERLY_HEADER, ['100', '5', '1.000', '1.200', '10', '10', '7', '3', '120', '31/02/2024', 'X', '', '10']]),
      'quy1-loi.csv',
      officer('15'),
      'BC-QUY-TTTT-TINH',
      '2024-Q1',
    );
    expect(issuesOf(invalid.body).map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'ty_le_ho_so_truc_tuyen_toan_trinh', 'above_max'],
      [2, 'ngay_chot_so_lieu', 'invalid_date'],
      [2, 'nguoi_lap_bieu', 'too_short'],
      [2, 'so_ho_cap_quang', 'rule_failed'],
      [2, 'so_thanh_vien_to_cnscd', 'rule_failed'],
    ]);
  });

  it('refuses an upload for a unit or period that does not owe the report', async () => {
    const future = await upload('01', csv([QUARTERLY_HEADER]), 'f.csv', officer('01'), 'BC-QUY-TTTT-TINH', '2030-Q1');
    expect(future.status).toBe(409);
    expect(future.body.code).toBe('period_not_open');
    const wrongKey = await upload('01', csv([QUARTERLY_HEADER]), 'f.csv', officer('01'), 'BC-QUY-TTTT-TINH', '2024-M01');
    expect(wrongKey.status).toBe(422);
    expect(wrongKey.body.code).toBe('invalid_period');
  });
});
