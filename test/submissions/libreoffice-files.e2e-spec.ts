import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { officer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';

/** Files saved by LibreOffice Calc 7.4 from the service's own template (see test/fixtures/libreoffice/README.md). */
const FIXTURES = join(__dirname, '..', 'fixtures', 'libreoffice');
const NOW = '2026-12-16T03:00:00Z';
const PERIOD = '2026-Q4';

/** What every fixture holds: Hà Nội's report for Quý IV/2026 (schema version 2), as the officer typed it. */
const TYPED_ROW = {
  san_luong_buu_gui: 456000,
  doanh_thu_buu_chinh: 812.5,
  tong_so_ho_gia_dinh: 850000,
  so_ho_cap_quang: 720000,
  thue_bao_smartphone: 1234567,
  thue_bao_bang_rong_di_dong: 2345678,
  so_to_cong_nghe_so: 1200,
  so_thanh_vien_to_cnscd: 4500,
  tong_so_ho_so_tthc: 250000,
  ty_le_ho_so_truc_tuyen_toan_trinh: 12.5,
  ngay_chot_so_lieu: '2026-12-14',
  nguoi_lap_bieu: 'Nguyễn Thị Hoà',
  ghi_chu: 'Số liệu quý IV, đã đối chiếu',
};

interface Issue {
  row: number | null;
  column: string | null;
  columnLetter?: string | null;
  field: string | null;
  code: string;
  severity: string;
  message: string;
  value: string | null;
}

describe('Uploads: files written by LibreOffice Calc, read without silent mistakes', () => {
  let t: TestApp;
  let hanoi: string;

  beforeAll(async () => {
    t = await startTestApp('all', { clock: new FakeClock(new Date(NOW)) });
    hanoi = (await unitIdsByCode(t))['01'];
  });
  afterAll(() => t.close());

  const versions = () => `/api/v1/obligations/BC-QUY-TTTT-TINH/periods/${PERIOD}/units/${hanoi}/submission/versions`;
  const upload = async (fixture: string, dryRun: boolean) =>
    t
      .http()
      .post(`${versions()}${dryRun ? '?dryRun=true' : ''}`)
      .set('authorization', await t.tokenFor(officer('01')))
      .attach('file', readFileSync(join(FIXTURES, fixture)), fixture);
  /** The dry run's report and the typed row it would store. */
  const dryRun = async (fixture: string) => {
    const response = await upload(fixture, true);
    expect(response.status).toBe(200);
    return { report: response.body.report as { valid: boolean; issues: Issue[]; warningCount: number; errorCount: number; infoCount: number }, summary: response.body.summary };
  };
  const storedRow = async (version: number) => {
    const rows = await t.http().get(`${versions()}/${version}/rows`).set('authorization', await t.tokenFor(officer('01')));
    expect(rows.status).toBe(200);
    return rows.body.items[0].data;
  };

  it('reads the English-profile CSV ("456,000",812.50,"850,000",…) as 456000, 812.5, 850000, not 1,000 times too small', async () => {
    const response = await upload('bc-quy-en-US.csv', false);
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: true, errorCount: 0, warningCount: 0, infoCount: 1 });
    expect(response.body.report.issues).toEqual([
      {
        row: null,
        column: null,
        field: null,
        code: 'number_convention',
        severity: 'info',
        message:
          'Tệp ghi số theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn, dấu chấm trước phần thập phân, ví dụ "812.50"), ' +
          'nên các số như "456,000" được đọc là 456000.',
        value: null,
      },
    ]);
    expect(await storedRow(1)).toEqual(TYPED_ROW);
    const stored = await t.http().get(`${versions()}/1`).set('authorization', await t.tokenFor(officer('01')));
    expect(stored.body.report.issues.map((issue: Issue) => issue.code)).toEqual(['number_convention']);
  });

  it('reads the Vietnamese-profile CSV (456.000,"812,50",…) to the same values, with nothing to report', async () => {
    const response = await upload('bc-quy-vi-VN.csv', false);
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: true, errorCount: 0, warningCount: 0, infoCount: 0 });
    expect(await storedRow(2)).toEqual(TYPED_ROW);
  });

  it('reads a percent-formatted rate cell (0.125 shown as 12,50%) as the 12.5 the officer typed', async () => {
    const response = await upload('bc-quy-percent-format-vi-VN.xlsx', false);
    expect(response.status).toBe(201);
    expect(response.body.report).toMatchObject({ valid: true, errorCount: 0, warningCount: 0 });
    expect(await storedRow(3)).toEqual(TYPED_ROW);
  });

  it('warns about a rate stored as a plain fraction (12,5% typed into the number cell), and reads formulas by their cached values', async () => {
    const response = await upload('bc-quy-percent-typed-formulas-vi-VN.xlsx', false);
    expect(response.status).toBe(201);
    const report = response.body.report;
    expect(report).toMatchObject({ valid: true, errorCount: 0, warningCount: 1 });
    expect(await storedRow(4)).toEqual({ ...TYPED_ROW, ty_le_ho_so_truc_tuyen_toan_trinh: 0.125 });
    expect(report.issues).toEqual([
      {
        row: 3,
        column: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
        columnLetter: 'J',
        field: 'ty_le_ho_so_truc_tuyen_toan_trinh',
        code: 'percent_as_fraction',
        severity: 'warning',
        message:
          'Giá trị 0,125 nhỏ hơn 1 trong cột tính theo %: cột này nhận số phần trăm từ 0 đến 100. ' +
          'Nếu tỷ lệ là 12,5%, hãy ghi 12,5; nếu đúng là 0,125%, có thể giữ nguyên.',
        value: '0.125',
      },
    ]);
  });

  it('warns when the reference date lies outside the period: a month-first 12/05/2026 meant as 5 December', async () => {
    const { report } = await dryRun('bc-quy-month-first-en-US.csv');
    expect(report).toMatchObject({ valid: true, warningCount: 1 });
    expect(report.issues).toContainEqual({
      row: 3,
      column: 'Ngày chốt số liệu',
      columnLetter: 'K',
      field: 'ngay_chot_so_lieu',
      code: 'date_outside_period',
      severity: 'warning',
      message:
        'Ngày 12/05/2026 nằm ngoài kỳ báo cáo Quý IV/2026 (từ 15/09/2026 đến 31/12/2026). ' +
        'Nếu ý bạn là ngày 05/12/2026 (ngày trước, tháng sau), hãy ghi 05/12/2026.',
      value: '12/05/2026',
    });
  });

  it('says which sheet it read when the data sheet was renamed and another put in front, in the dry run and the stored report', async () => {
    const { report } = await dryRun('bc-quy-renamed-sheet-en-US.xlsx');
    const sheetNote = {
      row: null,
      column: null,
      field: null,
      code: 'sheet_substituted',
      severity: 'info',
      message:
        'Không có trang tính "BC-QUY"; đã đọc trang "Ghi chú", trang đầu tiên của tệp (các trang khác: "Số liệu", "Hướng dẫn"). ' +
        'Nếu số liệu nằm ở trang khác, hãy đổi tên trang đó thành "BC-QUY" rồi tải lên lại.',
      value: null,
    };
    expect(report.valid).toBe(false);
    expect(report.issues).toContainEqual(sheetNote);
    expect(report.issues.filter((issue) => issue.code === 'missing_column')).toHaveLength(12);

    const stored = await upload('bc-quy-renamed-sheet-en-US.xlsx', false);
    expect(stored.status).toBe(201);
    expect(stored.body.report.issues).toContainEqual(sheetNote);
    expect(stored.body.report.infoCount).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['bc-quy-vi-VN.ods', 415, 'not_a_spreadsheet', 'OpenDocument (.ods)'],
    ['bc-quy-vi-VN.xls', 415, 'legacy_xls', 'Excel 97-2003 (.xls)'],
    ['bc-quy-windows-1258-vi-VN.csv', 422, 'unsupported_encoding', 'Tệp không phải UTF-8'],
  ])('refuses %s with %i %s, explaining the steps in LibreOffice Calc as well as Excel', async (fixture, status, code, what) => {
    const response = await upload(fixture, true);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.body.detail).toContain(what);
    expect(response.body.detail).toContain('Excel: Tệp > Lưu thành');
    expect(response.body.detail).toContain('LibreOffice Calc: Tập tin > Lưu mới (File > Save As)');
  });
});
