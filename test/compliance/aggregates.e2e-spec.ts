import type ExcelJS from 'exceljs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
// These reports are of periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { COMPLIANCE, officerBefore2025Merger as officer, REVIEWER, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv, QUARTERLY_HEADER, TT35_HEADER, TT35_INDICATORS, tt35Rows } from '../support/report-files';
import { asBytes, readCsv, readWorkbook, rowValues } from './support/downloads';
import { unitIds } from './support/fixtures';
import { startOnOwnDatabase } from './support/own-database';
import { trackSeededFromStart } from '../support/obligations';

/** Output, revenue, households, fibre, smartphones, broadband, teams, members, online-filing rate (%) and the number of filings it is a rate of. */
type Quarterly = [string, string, number, number, number, number, number, number, string, string];
/** A quarterly row whose data cut-off date (the report's reference date) lies in its quarter. */
const asRow = (values: Quarterly, cutoff: string) => [...values.slice(0, 9), cutoff, 'Nguyễn Văn A', '', values[9]];

interface Field {
  field: string;
  value: number | null;
  units: number;
  aggregate: string;
  previous: { value: number | null; change: number | null; changePercent: number | null };
  lastYear: { value: number | null; change: number | null; changePercent: number | null };
}

describe('Compliance: national aggregates of approved reports', () => {
  const clock = new FakeClock(new Date('2024-12-16T03:00:00Z'));
  let t: TestApp;
  let stop: () => Promise<void>;
  let db: DataSource;
  let units: Record<string, string>;

  /** Upload, submit and (unless told otherwise) approve one unit's report. */
  const report = async (code: string, period: string, unit: string, file: Buffer, at: string, approve = true) => {
    clock.set(at);
    const base = `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
    const token = await t.tokenFor(officer(unit));
    const upload = await t.http().post(`${base}/versions`).set('authorization', token).attach('file', file, 'bao-cao.csv');
    expect(upload.body.version?.valid).toBe(true);
    const sent = await t.http().post(`${base}/submit`).set('authorization', token).send({});
    expect(sent.body.status).toBe('submitted');
    if (!approve) return;
    const decided = await t
      .http()
      .post(`/api/v1/submissions/${sent.body.id}/decisions`)
      .set('authorization', await t.tokenFor(REVIEWER))
      .send({ decision: 'approve', versionNumber: sent.body.submittedVersion, expectedRevision: sent.body.revision });
    expect(decided.body.status).toBe('approved');
  };
  const quarterly = (values: Quarterly, cutoff = '14/12/2024') => csv([QUARTERLY_HEADER, asRow(values, cutoff)]);

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('aggregates', clock));
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    units = await unitIds(db);
    // Same quarter last year: Hà Nội only.
    await report('BC-QUY-TTTT-TINH', '2023-Q4', '01', quarterly(['700.000', '150', 900, 600, 4000, 3000, 8, 40, '20', '100.000'], '14/12/2023'), '2023-12-15T03:00:00Z');
    // Previous quarter: Hà Nội and TP Hồ Chí Minh.
    await report('BC-QUY-TTTT-TINH', '2024-Q3', '01', quarterly(['900.000', '200', 1000, 700, 4500, 3500, 9, 45, '35', '100.000'], '14/09/2024'), '2024-09-16T03:00:00Z');
    await report('BC-QUY-TTTT-TINH', '2024-Q3', '79', quarterly(['1.900.000', '250', 2000, 1400, 7500, 6500, 18, 80, '25', '300.000'], '14/09/2024'), '2024-09-16T03:00:00Z');
    // This quarter: three approved, and Hải Phòng submitted but not yet approved (left out).
    await report('BC-QUY-TTTT-TINH', '2024-Q4', '01', quarterly(['1.000.000', '250,5', 1000, 800, 5000, 4000, 10, 50, '40,5', '100.000']), '2024-12-16T03:00:00Z');
    await report('BC-QUY-TTTT-TINH', '2024-Q4', '79', quarterly(['2.000.000', '300', 2000, 1500, 8000, 7000, 20, 90, '30', '300.000']), '2024-12-16T03:00:00Z');
    await report('BC-QUY-TTTT-TINH', '2024-Q4', '48', quarterly(['500.000', '49,5', 500, 400, 2000, 1500, 5, 25, '51', '100.000']), '2024-12-16T03:00:00Z');
    await report('BC-QUY-TTTT-TINH', '2024-Q4', '31', quarterly(['9.999.999', '999', 9999, 9999, 9999, 9999, 99, 999, '99', '999.999']), '2024-12-16T03:00:00Z', false);
    // Form 01/BC-STTTT: four indicator rows per province.
    await report('TT35-BUU-CHINH', '2024-Y', '01', csv([TT35_HEADER, ...tt35Rows([3, 12, 4, 1], [25, 1234, 40, 9])]), '2025-01-20T03:00:00Z');
    await report('TT35-BUU-CHINH', '2024-Y', '79', csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [10, 20, 30, 40])]), '2025-01-20T03:00:00Z');
    clock.set('2025-02-10T03:00:00Z');
  });
  afterAll(() => stop());

  const get = async (path: string, as = COMPLIANCE) => t.http().get(`/api/v1/compliance/obligations${path}`).set('authorization', await t.tokenFor(as));
  const download = async (path: string) => asBytes(t.http().get(`/api/v1/compliance/obligations${path}`).set('authorization', await t.tokenFor(COMPLIANCE)));

  it('sums (or averages, per the schema) each numeric field over approved reports only, the online-filing rate weighted by filings', async () => {
    const response = await get('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      obligation: { code: 'BC-QUY-TTTT-TINH' },
      periodKey: '2024-Q4',
      label: 'Quý IV/2024',
      schemaVersion: 2,
      unitsIncluded: 3,
      unitsOnOtherSchemaVersions: 0,
      previous: { periodKey: '2024-Q3', label: 'Quý III/2024', unitsIncluded: 2 },
      lastYear: { periodKey: '2023-Q4', label: 'Quý IV/2023', unitsIncluded: 1 },
    });
    expect(response.body.groups).toHaveLength(1);
    expect(response.body.groups[0]).toMatchObject({ key: null, label: 'Toàn quốc' });
    const values = Object.fromEntries(response.body.groups[0].fields.map((f: Field) => [f.field, [f.aggregate, f.value, f.units]]));
    expect(values).toEqual({
      san_luong_buu_gui: ['sum', 3_500_000, 3],
      doanh_thu_buu_chinh: ['sum', 600, 3],
      tong_so_ho_gia_dinh: ['sum', 3500, 3],
      so_ho_cap_quang: ['sum', 2700, 3],
      thue_bao_smartphone: ['sum', 15000, 3],
      thue_bao_bang_rong_di_dong: ['sum', 12500, 3],
      so_to_cong_nghe_so: ['sum', 35, 3],
      so_thanh_vien_to_cnscd: ['sum', 165, 3],
      tong_so_ho_so_tthc: ['sum', 500_000, 3],
      // (40,5 x 100.000 + 30 x 300.000 + 51 x 100.000) / 500.000: the national rate, where the mean of the provinces would say 40,5.
      ty_le_ho_so_truc_tuyen_toan_trinh: ['weighted_avg', 36.3, 3],
    });
  });

  it('compares with the previous period and the same period last year, in absolute and percent', async () => {
    const { body } = await get('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates');
    const fields = Object.fromEntries(body.groups[0].fields.map((f: Field) => [f.field, f]));
    expect(fields.san_luong_buu_gui).toMatchObject({
      previous: { value: 2_800_000, change: 700_000, changePercent: 25 },
      lastYear: { value: 700_000, change: 2_800_000, changePercent: 400 },
    });
    expect(fields.doanh_thu_buu_chinh).toMatchObject({
      previous: { value: 450, change: 150, changePercent: 33.33 },
      lastYear: { value: 150, change: 450, changePercent: 300 },
    });
    expect(fields.ty_le_ho_so_truc_tuyen_toan_trinh).toMatchObject({
      previous: { value: 27.5, change: 8.8, changePercent: 32 },
      lastYear: { value: 20, change: 16.3, changePercent: 81.5 },
    });
  });

  it('adds up a form with key rows per key (the four indicators of 01/BC-STTTT), in the schema order', async () => {
    const { body } = await get('/TT35-BUU-CHINH/periods/2024-Y/aggregates');
    expect(body.unitsIncluded).toBe(2);
    expect(body.groups.map((g: { label: string }) => g.label)).toEqual(TT35_INDICATORS);
    expect(body.groups[0].key).toEqual({ chi_tieu: TT35_INDICATORS[0] });
    expect(body.groups.map((g: { fields: Field[] }) => g.fields.map((f) => [f.field, f.value]))).toEqual([
      [['so_luong_trong_nam', 4], ['so_luong_luy_ke', 35]],
      [['so_luong_trong_nam', 14], ['so_luong_luy_ke', 1254]],
      [['so_luong_trong_nam', 7], ['so_luong_luy_ke', 70]],
      [['so_luong_trong_nam', 5], ['so_luong_luy_ke', 49]],
    ]);
    expect(body.groups[0].fields[0].previous).toEqual({ value: null, change: null, changePercent: null });
  });

  it('gives empty figures, not zeros, for a period without approved reports', async () => {
    const { body } = await get('/BC-QUY-TTTT-TINH/periods/2024-Q2/aggregates');
    expect(body.unitsIncluded).toBe(0);
    expect(body.groups[0].fields.every((f: Field) => f.value === null && f.units === 0)).toBe(true);
  });

  it('exports the aggregates as XLSX with Vietnamese headers, a frozen header row and number formats', async () => {
    const response = await download('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates/export?format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="tong-hop-BC-QUY-TTTT-TINH-2024-Q4.xlsx"; filename*=UTF-8''tong-hop-BC-QUY-TTTT-TINH-2024-Q4.xlsx`);
    const workbook = await readWorkbook(response.body);
    const sheet = workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowValues(sheet, 1).slice(0, 7)).toEqual(['Nhóm', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Giá trị Quý IV/2024', 'Số đơn vị có số liệu']);
    const first = sheet.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value, first.getCell(4).value, first.getCell(5).value, first.getCell(6).value, first.getCell(7).value]).toEqual([
      'Toàn quốc',
      'san_luong_buu_gui',
      'Sản lượng bưu gửi',
      'bưu gửi',
      'Tổng',
      3_500_000,
      3,
    ]);
    expect(first.getCell(6).numFmt).toBe('#,##0.00');
    expect(first.getCell(10).value).toBe(0.25);
    expect(first.getCell(10).numFmt).toBe('0.00%');
    expect(first.getCell(13).value).toBe(4);
    expect(sheet.getColumn(3).width).toBe(36);
    expect(sheet.rowCount).toBe(11);
    const rate = sheet.getRow(11);
    expect([rate.getCell(2).value, rate.getCell(5).value, rate.getCell(6).value]).toEqual(['ty_le_ho_so_truc_tuyen_toan_trinh', 'Trung bình có trọng số', 36.3]);
  });

  it('exports the aggregates in the CSV dialect Excel reads on Vietnamese settings: semicolons, comma decimals', async () => {
    const response = await download('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates/export?format=csv&dialect=excel-vn');
    const text = response.body.subarray(3).toString('utf8');
    const lines: string[] = text.split('\r\n');
    expect(lines[0].split(';').slice(0, 3)).toEqual(['Nhóm', 'Mã chỉ tiêu', 'Chỉ tiêu']);
    const rate = lines.find((line) => line.includes('ty_le_ho_so_truc_tuyen_toan_trinh')) as string;
    expect(rate.split(';').slice(4, 9)).toEqual(['Trung bình có trọng số', '36,3', '3', '27,5', '8,8']);
    expect(lines.find((line) => line.includes('doanh_thu_buu_chinh'))?.split(';')[5]).toBe('600');
  });

  it('exports the aggregates as CSV in UTF-8 with a byte order mark', async () => {
    const response = await download('/TT35-BUU-CHINH/periods/2024-Y/aggregates/export?format=csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = readCsv(response.body);
    expect(records[0].slice(0, 6)).toEqual(['Nhóm', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Giá trị Năm 2024']);
    expect(records.slice(1).map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
      [TT35_INDICATORS[0], 'so_luong_trong_nam', '4', '2'],
      [TT35_INDICATORS[0], 'so_luong_luy_ke', '35', '2'],
      [TT35_INDICATORS[1], 'so_luong_trong_nam', '14', '2'],
      [TT35_INDICATORS[1], 'so_luong_luy_ke', '1254', '2'],
      [TT35_INDICATORS[2], 'so_luong_trong_nam', '7', '2'],
      [TT35_INDICATORS[2], 'so_luong_luy_ke', '70', '2'],
      [TT35_INDICATORS[3], 'so_luong_trong_nam', '5', '2'],
      [TT35_INDICATORS[3], 'so_luong_luy_ke', '49', '2'],
    ]);
  });

  it('refuses national aggregates to province officers and a format other than xlsx or csv', async () => {
    expect((await get('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates', officer('01'))).status).toBe(403);
    const pdf = await get('/BC-QUY-TTTT-TINH/periods/2024-Q4/aggregates/export?format=pdf');
    expect(pdf.status).toBe(422);
    expect(pdf.body.errors[0].field).toBe('format');
  });
});
