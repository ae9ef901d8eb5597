import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { TypedRow } from './cell-value';
import { SubmissionValidator, type SubmissionValidatorOptions } from './row-validator';
import type { FieldDefinition, ReportSchemaDefinition } from './schema-definition';
import type { ValidationReport } from './validation-report';

/** Four columns as LibreOffice exports the quarterly report's numbers. */
function numbersSchema(): ReportSchemaDefinition {
  return {
    fields: [
      { key: 'san_luong', label: 'Sản lượng bưu gửi', type: 'integer', required: true },
      { key: 'doanh_thu', label: 'Doanh thu bưu chính', type: 'decimal', required: true },
      { key: 'tong_so_ho', label: 'Tổng số hộ gia đình', type: 'integer', required: true },
      { key: 'so_ho_cap_quang', label: 'Số hộ sử dụng cáp quang', type: 'integer', required: true },
    ],
  };
}
const NUMBER_HEADERS = ['Sản lượng bưu gửi', 'Doanh thu bưu chính', 'Tổng số hộ gia đình', 'Số hộ sử dụng cáp quang'];

function run(schema: ReportSchemaDefinition, headers: string[], rows: unknown[][], options: SubmissionValidatorOptions = {}) {
  const validator = new SubmissionValidator(schema, options);
  validator.acceptHeader(headers, 1, { letters: true });
  const typedRows = rows.map((cells, index) => validator.acceptRow(cells, index + 2));
  const report = validator.finish();
  return { report, typedRows, rereadWith: validator.rereadWith() };
}

/** Validates as the upload does: a second pass when the evidence came after values it settles. */
function validateTwice(schema: ReportSchemaDefinition, headers: string[], rows: unknown[][]): { report: ValidationReport; typedRows: Array<TypedRow | null>; passes: number } {
  const first = run(schema, headers, rows);
  if (!first.rereadWith) return { ...first, passes: 1 };
  return { ...run(schema, headers, rows, { numberEvidence: first.rereadWith }), passes: 2 };
}

describe('SubmissionValidator: the number convention of a file', () => {
  it("reads LibreOffice's English-profile CSV row in full, settled by 812.50 in the same row", () => {
    const { report, typedRows, passes } = validateTwice(numbersSchema(), NUMBER_HEADERS, [['456,000', '812.50', '850,000', '720,000']]);
    expect(passes).toBe(1);
    expect(typedRows[0]).toEqual({ san_luong: 456000, doanh_thu: 812.5, tong_so_ho: 850000, so_ho_cap_quang: 720000 });
    expect(report.valid).toBe(true);
    expect(report.warningCount).toBe(0);
    expect(report.issues).toEqual([
      expect.objectContaining({ row: null, code: 'number_convention', severity: 'info', message: expect.stringContaining('"456,000" được đọc là 456000') }),
    ]);
    expect(report.infoCount).toBe(1);
  });

  it('reads a file again when the evidence arrives after the values it settles', () => {
    const rows = [
      ['456,000', '812', '850,000', '720,000'],
      ['1,200', '99.5', '2,000', '1,500'],
    ];
    const first = run(numbersSchema(), NUMBER_HEADERS, rows);
    expect(first.typedRows[0]).toEqual({ san_luong: 456000, doanh_thu: 812, tong_so_ho: 850000, so_ho_cap_quang: 720000 });
    expect(first.report.countsByCode.ambiguous_number).toBe(3);
    expect(first.rereadWith).not.toBeNull();

    const { report, typedRows, passes } = validateTwice(numbersSchema(), NUMBER_HEADERS, rows);
    expect(passes).toBe(2);
    expect(typedRows).toEqual([
      { san_luong: 456000, doanh_thu: 812, tong_so_ho: 850000, so_ho_cap_quang: 720000 },
      { san_luong: 1200, doanh_thu: 99.5, tong_so_ho: 2000, so_ho_cap_quang: 1500 },
    ]);
    expect(report.countsByCode).toEqual({ number_convention: 1 });
  });

  it('remembers what it settled, not the values: 100,000 ambiguous rows hold no memory, and the late evidence still asks for a second pass', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const validator = new SubmissionValidator(numbersSchema());
    validator.acceptHeader(NUMBER_HEADERS, 1);
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    for (let row = 2; row <= 100_001; row++) validator.acceptRow(['456.000', '812', '1.000', '2.500'], row);
    validator.acceptRow(['1', '99.5', '2', '3'], 100_002);
    collectGarbage();
    expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(8 * 1024 * 1024);
    validator.finish();
    expect(validator.rereadWith()).not.toBeNull();
  });

  it('refuses 1.000 and 5.250 in a file that also writes dot decimals (103.4), with both readings', () => {
    const schema: ReportSchemaDefinition = {
      fields: [
        { key: 'chi_so', label: 'Chỉ số', type: 'decimal' },
        { key: 'so_luong', label: 'Số lượng', type: 'integer' },
      ],
    };
    const { report, typedRows } = validateTwice(schema, ['Chỉ số', 'Số lượng'], [['103.4', '7'], ['2.5', '1.000'], ['5.250', '12']]);
    expect(typedRows.map((row) => row?.chi_so)).toEqual([103.4, 2.5, null]);
    expect(typedRows[1]?.so_luong).toBeNull();
    expect(report.valid).toBe(false);
    expect(report.issues).toEqual([
      {
        row: 3,
        column: 'Số lượng',
        columnLetter: 'B',
        field: 'so_luong',
        code: 'ambiguous_number',
        severity: 'error',
        message:
          '"1.000" đọc được hai cách: 1000 (nếu dấu chấm phân cách hàng nghìn) hoặc 1 (nếu dấu chấm là dấu thập phân); ' +
          'tệp có số dùng dấu chấm làm dấu thập phân (ví dụ "103.4"), nhưng dấu chấm cũng thường dùng để phân cách hàng nghìn. ' +
          'Hãy ghi rõ 1000 hoặc 1, không dùng dấu phân cách hàng nghìn.',
        value: '1.000',
      },
      expect.objectContaining({ row: 4, columnLetter: 'A', field: 'chi_so', code: 'ambiguous_number', severity: 'error', value: '5.250' }),
    ]);
  });

  it('reads a Vietnamese file the Vietnamese way: 12,5 settles 5.250 as five thousand two hundred and fifty', () => {
    const schema: ReportSchemaDefinition = { fields: [{ key: 'doanh_thu', label: 'Doanh thu', type: 'decimal' }, { key: 'so_luong', label: 'Số lượng', type: 'integer' }] };
    const { report, typedRows } = validateTwice(schema, ['Doanh thu', 'Số lượng'], [['12,5', '1.000'], ['5.250', '2.500']]);
    expect(typedRows).toEqual([
      { doanh_thu: 12.5, so_luong: 1000 },
      { doanh_thu: 5250, so_luong: 2500 },
    ]);
    expect(report.issues).toEqual([]);
  });
});

describe('SubmissionValidator: percentages', () => {
  const schema: ReportSchemaDefinition = {
    fields: [{ key: 'ty_le', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình', type: 'decimal', min: 0, max: 100, unit: '%' }],
  };

  it('reads a percent-formatted cell in a % field as the percentage typed', () => {
    const validator = new SubmissionValidator(schema);
    validator.acceptHeader(['Tỷ lệ hồ sơ trực tuyến toàn trình'], 1, { letters: true });
    expect(validator.acceptRow([0.125], 2, [{ columnIndex: 0, kind: 'percent_format' }])).toEqual({ ty_le: 12.5 });
    expect(validator.acceptRow([0.125], 3)).toEqual({ ty_le: 0.125 });
    const report = validator.finish();
    expect(report.issues).toEqual([expect.objectContaining({ row: 3, code: 'percent_as_fraction', severity: 'warning', columnLetter: 'A' })]);
    expect(report.rowsWithWarnings).toBe(1);
  });
});

describe('SubmissionValidator: what the officer sees', () => {
  it('names the column by its letter and the label row, also when the template key row was matched', () => {
    const schema: ReportSchemaDefinition = { fields: [{ key: 'thue_bao_smartphone', label: 'Số thuê bao điện thoại thông minh', type: 'integer' }] };
    const validator = new SubmissionValidator(schema);
    validator.acceptHeader(['', 'thue_bao_smartphone'], 1, { labels: ['STT', 'Số thuê bao điện thoại thông minh'], letters: true });
    validator.acceptRow(['1', 'nhiều'], 3);
    expect(validator.finish().issues.filter((issue) => issue.row === 3)).toEqual([
      expect.objectContaining({ row: 3, column: 'Số thuê bao điện thoại thông minh', columnLetter: 'B', field: 'thue_bao_smartphone', code: 'invalid_number' }),
    ]);
  });

  it('names a repeated column by the letter of the repeat, even when both headers read the same', () => {
    const validator = new SubmissionValidator({ fields: [{ key: 'so_luong', label: 'Số lượng', type: 'integer' }] });
    validator.acceptHeader(['Số lượng', 'Ghi chú', 'Số lượng'], 1, { letters: true });
    expect(validator.finish().issues.map((issue) => [issue.code, issue.columnLetter])).toEqual([
      ['duplicate_column', 'C'],
      ['unknown_column', 'B'],
    ]);
  });

  it("reports the reader's notes as information issues that neither block nor need a justification", () => {
    const validator = new SubmissionValidator({ fields: [{ key: 'a', label: 'A', type: 'text' }] });
    validator.acceptHeader(['A'], 3);
    validator.acceptRow(['x'], 4);
    validator.note([{ code: 'sheet_substituted', message: 'Không có trang tính "BC-QUY"; đã đọc trang "Hướng dẫn".' }]);
    const report = validator.finish();
    expect(report).toEqual(expect.objectContaining({ valid: true, errorCount: 0, warningCount: 0, infoCount: 1 }));
    expect(report.issues).toEqual([
      { row: null, column: null, field: null, code: 'sheet_substituted', severity: 'info', message: 'Không có trang tính "BC-QUY"; đã đọc trang "Hướng dẫn".', value: null },
    ]);
  });
});

describe('SubmissionValidator: dates outside the period', () => {
  const period = { label: 'Quý IV/2026', start: '2026-09-15', end: '2026-12-31' };
  const cutoff = (overrides: Partial<FieldDefinition> = {}): ReportSchemaDefinition => ({
    fields: [{ key: 'ngay_chot_so_lieu', label: 'Ngày chốt số liệu', type: 'date', referenceDate: true, ...overrides }],
  });
  const validate = (schema: ReportSchemaDefinition, raw: unknown) => {
    const validator = new SubmissionValidator(schema, { period });
    validator.acceptHeader(['Ngày chốt số liệu'], 1, { letters: true });
    const typed = validator.acceptRow([raw], 2);
    return { typed, report: validator.finish() };
  };

  it('warns by default when the reference date lies far outside, offering the day-first reading of a month-first date', () => {
    const { typed, report } = validate(cutoff(), '12/05/2026');
    expect(typed).toEqual({ ngay_chot_so_lieu: '2026-05-12' });
    expect(report.valid).toBe(true);
    expect(report.issues).toEqual([
      {
        row: 2,
        column: 'Ngày chốt số liệu',
        columnLetter: 'A',
        field: 'ngay_chot_so_lieu',
        code: 'date_outside_period',
        severity: 'warning',
        message:
          'Ngày 12/05/2026 nằm ngoài kỳ báo cáo Quý IV/2026 (từ 15/09/2026 đến 31/12/2026). ' +
          'Nếu ý bạn là ngày 05/12/2026 (ngày trước, tháng sau), hãy ghi 05/12/2026.',
        value: '12/05/2026',
      },
    ]);
  });

  it('accepts dates within the tolerance around the period', () => {
    expect(validate(cutoff(), '14/12/2026').report.issues).toEqual([]);
    expect(validate(cutoff(), '25/01/2027').report.issues).toEqual([]);
    expect(validate(cutoff(), '05/02/2027').report.issues).toEqual([expect.objectContaining({ code: 'date_outside_period' })]);
  });

  it('follows the per-field setting: an error, a tolerance, or no check at all', () => {
    expect(validate(cutoff({ periodCheck: { severity: 'error', toleranceDays: 0 } }), '01/01/2027').report).toEqual(
      expect.objectContaining({ valid: false, countsByCode: { date_outside_period: 1 } }),
    );
    expect(validate(cutoff({ periodCheck: { severity: 'off' } }), '12/05/2020').report.issues).toEqual([]);
    expect(validate(cutoff({ referenceDate: false }), '12/05/2020').report.issues).toEqual([]);
  });
});
