import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { ADMIN, officerBefore2025Merger as officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { createTestObligation } from '../support/obligations';

const CODE = 'KT-DANH-SACH-LON';
const PERIOD = '2024-Q4';
const ROWS = 20_000;
const HEADER = ['Số văn bản', 'Tên doanh nghiệp', 'Số điểm phục vụ', 'Ngày cấp'];

/** Row n of the file (1-based data row): Vietnamese text, a thousands-separated integer, a date. */
function line(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return `${n}/GP-BTTTT,"Công ty Cổ phần Bưu chính Đồng Tháp số ${n}, chi nhánh Hưng Yên",${(n * 7).toLocaleString('de-DE')},${day}/10/2024`;
}

describe('Submissions: a long file is stored row for row', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  const clock = new FakeClock(new Date('2024-12-16T03:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp('all', { clock });
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
    const admin = await t.tokenFor(ADMIN);
    await createTestObligation(t, {
      code: CODE,
      title: 'Danh sách giấy phép bưu chính đã cấp (thử nghiệm nhiều dòng)',
      periodType: 'quarterly',
      deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 15, adjust: 'none' },
      targetScope: 'listed_units',
      targetUnitCodes: ['87'],
      activeFrom: '2020-01-01',
    });
    const schema = await t
      .http()
      .post(`/api/v1/obligations/${CODE}/schemas`)
      .set('authorization', admin)
      .send({
        effectiveFrom: '2020-01-01',
        definition: {
          keyFields: ['so_van_ban'],
          fields: [
            { key: 'so_van_ban', label: HEADER[0], type: 'text', required: true },
            { key: 'ten_doanh_nghiep', label: HEADER[1], type: 'text', required: true },
            { key: 'so_diem', label: HEADER[2], type: 'integer', required: true, min: 0 },
            { key: 'ngay_cap', label: HEADER[3], type: 'date', required: true },
          ],
        },
      });
    expect(schema.status).toBe(201);
  });
  afterAll(() => t.close());

  it(`keeps all ${ROWS.toLocaleString('en')} typed rows of a multi-megabyte CSV, in order, with their file row numbers`, async () => {
    const lines = [HEADER.join(',')];
    for (let n = 1; n <= ROWS; n++) lines.push(line(n));
    const file = Buffer.from(lines.join('\r\n'), 'utf8');
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024);

    const base = `/api/v1/obligations/${CODE}/periods/${PERIOD}/units/${units['87']}/submission`;
    const response = await t.http().post(`${base}/versions`).set('authorization', await t.tokenFor(officer('87'))).attach('file', file, 'danh-sach.csv');
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: true, rowsRead: ROWS, errorCount: 0 });

    const [stored] = await db.query(
      `SELECT count(*)::int AS count, min(row_number) AS first, max(row_number) AS last, count(DISTINCT row_number)::int AS distinct,
              sum((data ->> 'so_diem')::bigint)::bigint AS points
         FROM submission_rows r JOIN submission_versions v ON v.id = r.version_id
        WHERE v.submission_id = $1 AND v.number = 1`,
      [response.body.submission.id],
    );
    expect(stored).toEqual({ count: ROWS, first: 2, last: ROWS + 1, distinct: ROWS, points: String((7 * ROWS * (ROWS + 1)) / 2) });

    const page = await t.http().get(`${base}/versions/1/rows?offset=12345&limit=2`).set('authorization', await t.tokenFor(REVIEWER));
    expect(page.body.total).toBe(ROWS);
    expect(page.body.items).toEqual([
      { rowNumber: 12347, data: { so_van_ban: '12346/GP-BTTTT', ten_doanh_nghiep: 'Công ty Cổ phần Bưu chính Đồng Tháp số 12346, chi nhánh Hưng Yên', so_diem: 86422, ngay_cap: '2024-10-27' } },
      { rowNumber: 12348, data: { so_van_ban: '12347/GP-BTTTT', ten_doanh_nghiep: 'Công ty Cổ phần Bưu chính Đồng Tháp số 12347, chi nhánh Hưng Yên', so_diem: 86429, ngay_cap: '2024-10-28' } },
    ]);

    const numbers = async (offset: number, limit: number) => {
      const slice = await t.http().get(`${base}/versions/1/rows?offset=${offset}&limit=${limit}`).set('authorization', await t.tokenFor(REVIEWER));
      return slice.body.items.map((item: { rowNumber: number }) => item.rowNumber);
    };
    expect(await numbers(0, 2)).toEqual([2, 3]);
    expect(await numbers(998, 4)).toEqual([1000, 1001, 1002, 1003]);
    expect(await numbers(ROWS - 2, 10)).toEqual([ROWS, ROWS + 1]);
    expect(await numbers(ROWS, 10)).toEqual([]);
  });
});
