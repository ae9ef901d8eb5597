import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ADMIN, officerBefore2025Merger, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { createTestObligation } from '../support/obligations';
import { csv } from '../support/report-files';

const CODE = 'KT-QUY-UOC-SO';
const PERIOD = '2024-Q4';
const HEADER = ['Mã điểm', 'Số bưu gửi', 'Doanh thu'];

describe('Uploads: the file decides what 1.000 and 456,000 mean', () => {
  let t: TestApp;
  let db: DataSource;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('all', { clock: new FakeClock(new Date('2024-12-16T03:00:00Z')) });
    db = t.app.get(getDataSourceToken());
    const units = await unitIdsByCode(t, '2024-12-31');
    await createTestObligation(t, {
      code: CODE,
      title: 'Sản lượng theo điểm phục vụ (thử nghiệm cách ghi số)',
      periodType: 'quarterly',
      deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 15, adjust: 'none' },
      targetScope: 'listed_units',
      targetUnitCodes: ['89'],
      activeFrom: '2020-01-01',
    });
    const schema = await t
      .http()
      .post(`/api/v1/obligations/${CODE}/schemas`)
      .set('authorization', await t.tokenFor(ADMIN))
      .send({
        effectiveFrom: '2020-01-01',
        definition: {
          keyFields: ['ma_diem'],
          fields: [
            { key: 'ma_diem', label: HEADER[0], type: 'text', required: true },
            { key: 'so_buu_gui', label: HEADER[1], type: 'integer', required: true },
            { key: 'doanh_thu', label: HEADER[2], type: 'decimal', required: true },
          ],
        },
      });
    expect(schema.status).toBe(201);
    base = `/api/v1/obligations/${CODE}/periods/${PERIOD}/units/${units['89']}/submission`;
  });
  afterAll(() => t.close());

  const upload = async (rows: Array<Array<string | number>>, dryRun = false) =>
    t
      .http()
      .post(`${base}/versions${dryRun ? '?dryRun=true' : ''}`)
      .set('authorization', await t.tokenFor(officerBefore2025Merger('89')))
      .attach('file', csv([HEADER, ...rows]), 'so-lieu.csv');
  const storedRows = async (submissionId: string, version: number) =>
    db.query(
      `SELECT r.row_number AS "rowNumber", r.data FROM submission_rows r JOIN submission_versions v ON v.id = r.version_id
        WHERE v.submission_id = $1 AND v.number = $2 ORDER BY r.row_number`,
      [submissionId, version],
    );

  it('reads every row by evidence that only arrives later in the file, storing each row once', async () => {
    const rows = [
      ['A1', '456,000', '812'],
      ['A2', '1,200', '1,500'],
      ['A3', '3', '99.5'],
    ];
    const dry = await upload(rows, true);
    expect(dry.status).toBe(200);
    expect(dry.body.report).toMatchObject({ valid: true, errorCount: 0, warningCount: 0, countsByCode: { number_convention: 1 } });

    const response = await upload(rows);
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: true, rowsRead: 3, errorCount: 0, warningCount: 0 });
    expect(await storedRows(response.body.submission.id, 1)).toEqual([
      { rowNumber: 2, data: { ma_diem: 'A1', so_buu_gui: 456000, doanh_thu: 812 } },
      { rowNumber: 3, data: { ma_diem: 'A2', so_buu_gui: 1200, doanh_thu: 1500 } },
      { rowNumber: 4, data: { ma_diem: 'A3', so_buu_gui: 3, doanh_thu: 99.5 } },
    ]);
  });

  it('refuses 1.000 and 5.250 in a file that types dot decimals, with both readings, instead of reading them 1,000 times too large', async () => {
    const response = await upload([
      ['B1', '7', '103.4'],
      ['B2', '1.000', '2.5'],
      ['B3', '12', '5.250'],
    ]);
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: false, errorCount: 2, countsByCode: { ambiguous_number: 2 } });
    expect(response.body.report.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Số bưu gửi',
        columnLetter: 'B',
        field: 'so_buu_gui',
        code: 'ambiguous_number',
        severity: 'error',
        message: expect.stringMatching(/^"1\.000" đọc được hai cách: 1000 \(nếu dấu chấm phân cách hàng nghìn\) hoặc 1 \(nếu dấu chấm là dấu thập phân\)/),
      }),
      expect.objectContaining({ row: 4, columnLetter: 'C', field: 'doanh_thu', code: 'ambiguous_number', value: '5.250' }),
    ]);
  });

  it('reads a Vietnamese file the Vietnamese way', async () => {
    const response = await upload([
      ['C1', '1.000', '12,5'],
      ['C2', '2.500', '5.250'],
    ]);
    expect(response.body.report).toMatchObject({ valid: true, errorCount: 0, warningCount: 0, infoCount: 0 });
    expect((await storedRows(response.body.submission.id, response.body.version.number)).map((row: { data: unknown }) => row.data)).toEqual([
      { ma_diem: 'C1', so_buu_gui: 1000, doanh_thu: 12.5 },
      { ma_diem: 'C2', so_buu_gui: 2500, doanh_thu: 5250 },
    ]);
  });
});
