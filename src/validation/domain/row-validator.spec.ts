import type { TypedRow } from './cell-value';
import { SubmissionValidator, type SubmissionValidatorOptions } from './row-validator';
import type { ReportSchemaDefinition } from './schema-definition';
import {
  CIRCULAR_35_HEADERS,
  CIRCULAR_35_INDICATORS,
  QUARTERLY_HEADERS,
  circular35DetailSchema,
  circular35Rows,
  circular35SummarySchema,
  quarterlyCsvRow,
  quarterlySectorSchema,
} from './testing/report-schema.fixtures';
import type { ValidationIssue } from './validation-issue';
import type { ValidationReport } from './validation-report';

const HEADER_ROW = 1;

interface Run {
  report: ValidationReport;
  typedRows: Array<TypedRow | null>;
}

/** Streams a header row (row 1) and data rows (from row 2) through a fresh validator. */
function validate(
  schema: ReportSchemaDefinition,
  headers: string[],
  rows: unknown[][],
  options?: SubmissionValidatorOptions,
): Run {
  const validator = new SubmissionValidator(schema, options);
  validator.acceptHeader(headers, HEADER_ROW, { letters: true });
  const typedRows = rows.map((cells, index) => validator.acceptRow(cells, HEADER_ROW + 1 + index));
  return { report: validator.finish(), typedRows };
}

/** The spreadsheet letter of a header's column (A for the first). */
function letterOf(headers: readonly string[], header: string): string {
  return String.fromCharCode(65 + headers.indexOf(header));
}

const DETAIL_HEADERS = [
  'Loại văn bản',
  'Hình thức',
  'Số văn bản',
  'Ngày cấp',
  'Tên doanh nghiệp',
  'Mã số thuế',
  'Địa chỉ trụ sở',
  'Phạm vi liên tỉnh',
];

function detailRow(): unknown[] {
  return [
    'Giấy phép bưu chính',
    'Cấp mới',
    '346/GP-BTTTT',
    '14/03/2024',
    'Công ty Cổ phần Chuyển phát nhanh Bưu điện',
    '0101234567-001',
    'Số 5 Phạm Hùng, Hà Nội',
    'có',
  ];
}

/** Replaces the cell under `header` in a copy of `row`. */
function withCell(headers: string[], row: unknown[], header: string, raw: unknown): unknown[] {
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return row.map((cell, position) => (position === index ? raw : cell));
}

describe('SubmissionValidator', () => {
  describe('a correct file', () => {
    it('accepts the Circular 35 summary and returns typed rows', () => {
      const { report, typedRows } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, circular35Rows());
      expect(report).toEqual({
        valid: true,
        rowsRead: 4,
        rowsValid: 4,
        rowsWithErrors: 0,
        rowsWithWarnings: 0,
        errorCount: 0,
        warningCount: 0,
        infoCount: 0,
        countsByCode: {},
        issues: [],
        truncated: false,
        columns: [
          { index: 0, header: 'STT', fieldKey: 'stt' },
          { index: 1, header: 'Chỉ tiêu', fieldKey: 'chi_tieu' },
          { index: 2, header: 'Số lượng trong năm', fieldKey: 'so_luong_trong_nam' },
          { index: 3, header: 'Số lượng lũy kế', fieldKey: 'so_luong_luy_ke' },
          { index: 4, header: 'Ghi chú', fieldKey: 'ghi_chu' },
        ],
      });
      expect(typedRows[0]).toEqual({
        stt: 1,
        chi_tieu: CIRCULAR_35_INDICATORS[0],
        so_luong_trong_nam: 3,
        so_luong_luy_ke: 41,
        ghi_chu: null,
      });
      expect(typedRows[2]).toEqual(expect.objectContaining({ ghi_chu: 'Gồm 2 văn phòng đại diện' }));
    });

    it('reads a quarterly CSV row written in Vietnamese formats', () => {
      const { report, typedRows } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [quarterlyCsvRow()]);
      expect(report.issues).toEqual([]);
      expect(typedRows).toEqual([
        {
          ma_tinh: '01',
          ten_tinh: 'Hà Nội',
          san_luong_buu_gui: 16301824,
          doanh_thu_buu_chinh: 1250.75,
          tong_so_ho: 2500000,
          so_ho_cap_quang: 2125000,
          ty_le_ho_cap_quang: 85,
          so_to_cnscd: 3126,
          so_thanh_vien_to_cnscd: 15630,
          ngay_chot_so_lieu: '2024-03-14',
          da_ky_so: true,
          ghi_chu: null,
        },
      ]);
    });

    it('matches tolerant headers and canonicalises NFD, unaccented enum values', () => {
      const headers = ['chi tieu', 'SỐ LƯỢNG TRONG NĂM (*)', '(2)'];
      const rows = circular35Rows().map(([, indicator, inYear, cumulative]) => [
        String(indicator).normalize('NFD'),
        String(inYear),
        String(cumulative),
      ]);
      rows[0][0] = 'doanh nghiep duoc cap giay phep buu chinh';
      const { report, typedRows } = validate(circular35SummarySchema(), headers, rows);
      expect(report.valid).toBe(true);
      expect(typedRows.map((row) => row?.chi_tieu)).toEqual([...CIRCULAR_35_INDICATORS]);
      expect(typedRows[0]).toEqual({
        stt: null,
        chi_tieu: CIRCULAR_35_INDICATORS[0],
        so_luong_trong_nam: 3,
        so_luong_luy_ke: 41,
        ghi_chu: null,
      });
    });
  });

  describe('the header row', () => {
    it('rejects a file missing required columns: acceptHeader returns false and the report lists them', () => {
      const validator = new SubmissionValidator(circular35SummarySchema());
      expect(validator.acceptHeader(['STT', 'Chỉ tiêu', 'Ghi chú'], 3)).toBe(false);
      expect(() => validator.acceptRow(['1'], 4)).toThrow('Rows cannot be accepted now (header_rejected).');
      const report = validator.finish();
      expect(report.valid).toBe(false);
      expect(report.rowsRead).toBe(0);
      expect(report.issues).toEqual([
        {
          row: 3,
          column: null,
          field: 'so_luong_trong_nam',
          code: 'missing_column',
          severity: 'error',
          message: 'Thiếu cột bắt buộc "Số lượng trong năm" (so_luong_trong_nam).',
          value: null,
        },
        {
          row: 3,
          column: null,
          field: 'so_luong_luy_ke',
          code: 'missing_column',
          severity: 'error',
          message: 'Thiếu cột bắt buộc "Số lượng lũy kế" (so_luong_luy_ke).',
          value: null,
        },
      ]);
      expect(report.countsByCode).toEqual({ missing_column: 2 });
    });

    it('warns about an unknown column, ignores its cells and keeps the file valid', () => {
      const rows = circular35Rows().map((row) => [...row, 'Nguyễn Văn A']);
      const { report } = validate(circular35SummarySchema(), [...CIRCULAR_35_HEADERS, 'Người lập biểu'], rows);
      expect(report.valid).toBe(true);
      expect(report.warningCount).toBe(1);
      expect(report.rowsWithWarnings).toBe(0);
      expect(report.issues).toEqual([
        {
          row: 1,
          column: 'Người lập biểu',
          columnLetter: 'F',
          field: null,
          code: 'unknown_column',
          severity: 'warning',
          message: 'Cột "Người lập biểu" (cột thứ 6) không có trong biểu mẫu; dữ liệu của cột này được bỏ qua.',
          value: null,
        },
      ]);
    });

    it('reports a repeated column as an error and reads the first one', () => {
      const headers = [...CIRCULAR_35_HEADERS, 'Lũy kế'];
      const rows = circular35Rows().map((row) => [...row, 0]);
      const { report, typedRows } = validate(circular35SummarySchema(), headers, rows);
      expect(report.valid).toBe(false);
      expect(report.issues).toEqual([
        {
          row: 1,
          column: 'Lũy kế',
          columnLetter: 'F',
          field: 'so_luong_luy_ke',
          code: 'duplicate_column',
          severity: 'error',
          message: 'Cột "Số lượng lũy kế" (so_luong_luy_ke) xuất hiện nhiều lần (cột thứ 4, 6); chỉ đọc dữ liệu ở cột thứ 4.',
          value: null,
        },
      ]);
      expect(typedRows[0]?.so_luong_luy_ke).toBe(41);
    });

    it('reports missing_header when the file ended before any header row', () => {
      const report = new SubmissionValidator(circular35SummarySchema()).finish();
      expect(report).toEqual(
        expect.objectContaining({ valid: false, rowsRead: 0, columns: [], countsByCode: { missing_header: 1 } }),
      );
      expect(report.issues).toEqual([
        {
          row: null,
          column: null,
          field: null,
          code: 'missing_header',
          severity: 'error',
          message: 'Không tìm thấy dòng tiêu đề: tệp không có dữ liệu.',
          value: null,
        },
      ]);
    });

    it('refuses rows before the header and a second header', () => {
      const validator = new SubmissionValidator(circular35SummarySchema());
      expect(() => validator.acceptRow(['x'], 1)).toThrow('Rows cannot be accepted now (awaiting_header).');
      validator.acceptHeader(CIRCULAR_35_HEADERS, 1);
      expect(() => validator.acceptHeader(CIRCULAR_35_HEADERS, 2)).toThrow('The header row was already given.');
    });
  });

  describe('cell issues', () => {
    type Case = [code: string, schema: () => ReportSchemaDefinition, headers: string[], row: () => unknown[], header: string, raw: unknown, expected: Omit<ValidationIssue, 'row' | 'code' | 'severity' | 'column'>];

    const quarterly = (): unknown[] => quarterlyCsvRow();
    const cases: Case[] = [
      [
        'invalid_number',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Sản lượng bưu gửi',
        '16.30.1824',
        {
          field: 'san_luong_buu_gui',
          message:
            '"16.30.1824" không phải là số hợp lệ. Ghi số theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, ' +
            'dấu phẩy trước phần thập phân (ví dụ 1.234.567 hoặc 12,5).',
          value: '16.30.1824',
        },
      ],
      [
        'invalid_integer',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Tổng số hộ gia đình',
        '2.500.000,5',
        {
          field: 'tong_so_ho',
          message: '"2.500.000,5" không phải là số nguyên; cột này chỉ nhận số nguyên.',
          value: '2.500.000,5',
        },
      ],
      [
        'number_out_of_range',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Doanh thu dịch vụ bưu chính',
        1e20,
        {
          field: 'doanh_thu_buu_chinh',
          message: 'Số "100000000000000000000" vượt quá giới hạn tính toán chính xác (±9.007.199.254.740.991).',
          value: '100000000000000000000',
        },
      ],
      [
        'invalid_date',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Ngày chốt số liệu',
        '31/02/2024',
        {
          field: 'ngay_chot_so_lieu',
          message: '"31/02/2024" không phải là ngày hợp lệ; ghi ngày theo dạng ngày/tháng/năm, ví dụ 14/03/2024.',
          value: '31/02/2024',
        },
      ],
      [
        'invalid_boolean',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Đã ký số',
        'chưa',
        {
          field: 'da_ky_so',
          message: '"chưa" không phải là giá trị có/không; ghi "có" hoặc "không" (hoặc "x" để đánh dấu).',
          value: 'chưa',
        },
      ],
      [
        'formula_error',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Tỷ lệ hộ sử dụng cáp quang (%)',
        { error: '#DIV/0!' },
        {
          field: 'ty_le_ho_cap_quang',
          message: 'Ô chứa lỗi công thức #DIV/0!; hãy sửa công thức hoặc nhập giá trị.',
          value: '#DIV/0!',
        },
      ],
      [
        'below_min',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Sản lượng bưu gửi',
        '-1.000',
        { field: 'san_luong_buu_gui', message: 'Giá trị -1.000 nhỏ hơn mức tối thiểu 0.', value: '-1.000' },
      ],
      [
        'above_max',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Ngày chốt số liệu',
        new Date(Date.UTC(2024, 2, 15)),
        {
          field: 'ngay_chot_so_lieu',
          message: 'Ngày 15/03/2024 muộn hơn ngày muộn nhất được phép 14/03/2024.',
          value: '15/03/2024',
        },
      ],
      [
        'too_long',
        quarterlySectorSchema,
        QUARTERLY_HEADERS,
        quarterly,
        'Tỉnh, thành phố',
        'Thành phố '.repeat(11),
        {
          field: 'ten_tinh',
          message: 'Giá trị có 109 ký tự, nhiều hơn mức tối đa 100 ký tự.',
          value: 'Thành phố '.repeat(11),
        },
      ],
      [
        'not_in_enum',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Hình thức',
        'Gia hạn',
        {
          field: 'hinh_thuc',
          message: '"Gia hạn" không thuộc danh sách giá trị cho phép: "Cấp mới", "Sửa đổi, bổ sung", "Cấp lại", "Thu hồi".',
          value: 'Gia hạn',
        },
      ],
      [
        'invalid_text',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Tên doanh nghiệp',
        true,
        { field: 'ten_doanh_nghiep', message: 'Cần văn bản nhưng ô chứa giá trị có/không "true".', value: 'true' },
      ],
      [
        'invalid_value',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Địa chỉ trụ sở',
        { text: 'Số 5', hyperlink: 'https://maps.example/5' },
        {
          field: 'dia_chi',
          message: 'Không đọc được giá trị của ô (không phải số, văn bản, ngày hay giá trị có/không).',
          value: '{"text":"Số 5","hyperlink":"https://maps.example/5"}',
        },
      ],
      [
        'required',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Số văn bản',
        '  ',
        { field: 'so_van_ban', message: 'Thiếu giá trị bắt buộc.', value: '  ' },
      ],
      [
        'too_short',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Tên doanh nghiệp',
        'VN',
        { field: 'ten_doanh_nghiep', message: 'Giá trị có 2 ký tự, ít hơn mức tối thiểu 3 ký tự.', value: 'VN' },
      ],
      [
        'pattern_mismatch',
        circular35DetailSchema,
        DETAIL_HEADERS,
        detailRow,
        'Mã số thuế',
        101234567,
        {
          field: 'ma_so_thue',
          message: 'Giá trị "101234567" không đúng định dạng quy định của cột.',
          value: '101234567',
        },
      ],
    ];

    it.each(cases)('reports %s with row, column, field and the raw value', (code, schema, headers, baseRow, header, raw, expected) => {
      const { report, typedRows } = validate(schema(), headers, [withCell(headers, baseRow(), header, raw)]);
      expect(report.issues).toEqual([{ row: 2, column: header, columnLetter: letterOf(headers, header), code, severity: 'error', ...expected }]);
      expect(report).toEqual(
        expect.objectContaining({ valid: false, rowsRead: 1, rowsValid: 0, rowsWithErrors: 1, errorCount: 1, countsByCode: { [code]: 1 } }),
      );
      expect(typedRows[0]).not.toBeNull();
    });

    it('types a cell that could not be read as null and a cell that failed a check as its value', () => {
      const row = withCell(QUARTERLY_HEADERS, withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Sản lượng bưu gửi', 'nhiều'), 'Ngày chốt số liệu', '15/03/2024');
      const { typedRows } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [row]);
      expect(typedRows[0]).toEqual(expect.objectContaining({ san_luong_buu_gui: null, ngay_chot_so_lieu: '2024-03-15' }));
    });

    it('names the column as the header was written in the file', () => {
      const headers = ['CHỈ TIÊU', 'so luong trong nam (*)', 'Lũy kế'];
      const { report } = validate(circular35SummarySchema(), headers, [[CIRCULAR_35_INDICATORS[0], 'ba', 41]]);
      expect(report.issues.filter((issue) => issue.row === 2)).toEqual([
        expect.objectContaining({ column: 'so luong trong nam (*)', field: 'so_luong_trong_nam', code: 'invalid_number' }),
      ]);
    });

    it('treats cells missing at the end of a short row as empty', () => {
      const { report } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, [[1, CIRCULAR_35_INDICATORS[0], 3]]);
      expect(report.issues).toContainEqual({
        row: 2,
        column: 'Số lượng lũy kế',
        columnLetter: 'D',
        field: 'so_luong_luy_ke',
        code: 'required',
        severity: 'error',
        message: 'Thiếu giá trị bắt buộc.',
        value: null,
      });
    });

    it('cuts an offending value to 200 characters', () => {
      const raw = `${'1'.repeat(250)}x`;
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Sản lượng bưu gửi', raw)]);
      const value = report.issues[0].value ?? '';
      expect(Array.from(value)).toHaveLength(200);
      expect(value).toBe(`${'1'.repeat(199)}…`);
    });

    it('reports one issue per cell and every bad cell of a row, left to right', () => {
      const row = withCell(DETAIL_HEADERS, withCell(DETAIL_HEADERS, detailRow(), 'Ngày cấp', '14/13/2024'), 'Loại văn bản', 'Giấy phép');
      const { report } = validate(circular35DetailSchema(), DETAIL_HEADERS, [row]);
      expect(report.issues.map((issue) => [issue.column, issue.code])).toEqual([
        ['Loại văn bản', 'not_in_enum'],
        ['Ngày cấp', 'invalid_date'],
      ]);
      expect(report.rowsWithErrors).toBe(1);
      expect(report.errorCount).toBe(2);
    });
  });

  describe('row rules', () => {
    it('reports a failed rule with its id, the first field it reads as column, and the values compared', () => {
      const rows = circular35Rows();
      rows[2] = [3, CIRCULAR_35_INDICATORS[2], 5, 4, null];
      const { report } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, rows);
      expect(report.issues).toEqual([
        {
          row: 4,
          column: 'Số lượng lũy kế',
          columnLetter: 'D',
          field: 'so_luong_luy_ke',
          code: 'rule_failed',
          severity: 'error',
          message: 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm.',
          value: 'Số lượng lũy kế: 4; Số lượng trong năm: 5',
          rule: 'luy_ke_khong_nho_hon_trong_nam',
        },
      ]);
    });

    it('does not apply the cumulative rule to indicator row 4 (ceased operations)', () => {
      const rows = circular35Rows();
      rows[3] = [4, CIRCULAR_35_INDICATORS[3], 9, 2, null];
      expect(validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, rows).report.issues).toEqual([]);
    });

    it('keeps the file valid when only a warning rule fails, and counts the row as having warnings', () => {
      const row = withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Tỷ lệ hộ sử dụng cáp quang (%)', '80,5');
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [row]);
      expect(report).toEqual(
        expect.objectContaining({ valid: true, rowsValid: 1, rowsWithErrors: 0, rowsWithWarnings: 1, errorCount: 0, warningCount: 1 }),
      );
      expect(report.issues).toEqual([
        {
          row: 2,
          column: 'Tỷ lệ hộ sử dụng cáp quang (%)',
          columnLetter: 'G',
          field: 'ty_le_ho_cap_quang',
          code: 'rule_failed',
          severity: 'warning',
          message: 'Tỷ lệ hộ sử dụng cáp quang lệch quá 0,1 điểm so với số hộ đã khai.',
          value: 'Tỷ lệ hộ sử dụng cáp quang (%): 80,5; Số hộ sử dụng cáp quang: 2.125.000; Tổng số hộ gia đình: 2.500.000',
          rule: 'ty_le_khop_so_ho',
        },
      ]);
    });

    it('does not run a rule over a cell that could not be read, to avoid echoing its issue', () => {
      const row = withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Tổng số hộ gia đình', 'hai triệu');
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [row]);
      expect(report.issues.map((issue) => issue.code)).toEqual(['invalid_number']);
    });

    it('runs rules over values that failed a field check', () => {
      const row = withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Số hộ sử dụng cáp quang', '-1');
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [row]);
      expect(report.issues.map((issue) => [issue.code, issue.rule])).toEqual([
        ['below_min', undefined],
        ['rule_failed', 'ty_le_khop_so_ho'],
      ]);
    });

    it('applies the missing policy: zero counts an empty number of teams as 0', () => {
      const row = withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Số thành viên Tổ công nghệ số cộng đồng', '');
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, [row]);
      expect(report.issues).toEqual([
        expect.objectContaining({ code: 'rule_failed', rule: 'thanh_vien_khong_it_hon_so_to', value: 'Số thành viên Tổ công nghệ số cộng đồng: (trống); Số Tổ công nghệ số cộng đồng: 3.126' }),
      ]);
    });

    it('refuses a schema whose rule does not compile', () => {
      const schema = circular35SummarySchema();
      schema.rowRules = [{ id: 'sai', message: 'Sai.', assert: 'tong > 0' }];
      expect(() => new SubmissionValidator(schema)).toThrow('Row rule sai does not compile: Vị trí 1: không có cột "tong" trong biểu mẫu.');
    });
  });

  describe('file rules', () => {
    it('reports a repeated unique key, naming the first row that had it', () => {
      const rows = circular35Rows();
      rows[3] = [4, 'doanh nghiep duoc cap giay phep buu chinh', 1, 2, null];
      const { report } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, rows);
      expect(report.issues).toEqual([
        {
          row: 5,
          column: 'Chỉ tiêu',
          columnLetter: 'B',
          field: 'chi_tieu',
          code: 'duplicate_key',
          severity: 'error',
          message: 'Mỗi chỉ tiêu chỉ được khai một dòng (trùng với dòng 2).',
          value: 'doanh nghiep duoc cap giay phep buu chinh',
          rule: 'moi_chi_tieu_mot_dong',
        },
      ]);
    });

    it('treats key fields as unique, with a default message and no rule id', () => {
      const second = withCell(DETAIL_HEADERS, detailRow(), 'Hình thức', 'Cấp lại');
      const { report } = validate(circular35DetailSchema(), DETAIL_HEADERS, [detailRow(), detailRow(), second]);
      expect(report.issues).toEqual([
        {
          row: 3,
          column: 'Số văn bản',
          columnLetter: 'C',
          field: 'so_van_ban',
          code: 'duplicate_key',
          severity: 'error',
          message: 'Giá trị "Số văn bản" trùng với dòng 2.',
          value: '346/GP-BTTTT',
        },
        expect.objectContaining({ row: 4, code: 'duplicate_key', message: 'Giá trị "Số văn bản" trùng với dòng 2.' }),
      ]);
    });

    it('checks a unique rule over several fields, showing every value', () => {
      const schema = circular35DetailSchema();
      schema.keyFields = [];
      schema.fileRules = [{ id: 'mot_lan_moi_hinh_thuc', kind: 'unique', fields: ['so_van_ban', 'hinh_thuc'], severity: 'warning' }];
      const second = withCell(DETAIL_HEADERS, detailRow(), 'Hình thức', 'Thu hồi');
      const { report } = validate(schema, DETAIL_HEADERS, [detailRow(), second, detailRow()]);
      expect(report.issues).toEqual([
        {
          row: 4,
          column: 'Số văn bản',
          columnLetter: 'C',
          field: 'so_van_ban',
          code: 'duplicate_key',
          severity: 'warning',
          message: 'Giá trị "Số văn bản", "Hình thức" trùng với dòng 2.',
          value: 'Số văn bản: 346/GP-BTTTT; Hình thức: Cấp mới',
          rule: 'mot_lan_moi_hinh_thuc',
        },
      ]);
    });

    it('does not track rows whose key is empty or unreadable', () => {
      const empty = withCell(CIRCULAR_35_HEADERS, circular35Rows()[0], 'Chỉ tiêu', '');
      const { report } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, [empty, empty, ...circular35Rows()]);
      expect(report.countsByCode).toEqual({ required: 2, too_many_rows: 1 });
    });

    it('reports too few rows with the rule message, the count as value, and no row', () => {
      const { report } = validate(circular35SummarySchema(), CIRCULAR_35_HEADERS, circular35Rows().slice(0, 3));
      expect(report.issues).toEqual([
        {
          row: null,
          column: null,
          field: null,
          code: 'too_few_rows',
          severity: 'error',
          message: 'Biểu 01/BC-STTTT có đúng 4 chỉ tiêu.',
          value: '3',
          rule: 'du_bon_chi_tieu',
        },
      ]);
    });

    it('reports too many rows with a default message', () => {
      const rows = Array.from({ length: 64 }, (_, index) =>
        withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Mã tỉnh', String(index + 1).padStart(2, '0')),
      );
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, rows);
      expect(report.issues).toEqual([
        {
          row: null,
          column: null,
          field: null,
          code: 'too_many_rows',
          severity: 'error',
          message: 'Tệp có 64 dòng dữ liệu, nhiều hơn mức tối đa 63 dòng.',
          value: '64',
          rule: 'toi_da_63_tinh',
        },
      ]);
    });

    it('checks no file rule when the header was rejected', () => {
      const validator = new SubmissionValidator(circular35SummarySchema());
      validator.acceptHeader(['Ghi chú'], 1);
      expect(validator.finish().countsByCode).toEqual({ missing_column: 3 });
    });
  });

  describe('blank rows and maxRows', () => {
    it('skips fully blank rows without counting them', () => {
      const validator = new SubmissionValidator(circular35SummarySchema());
      validator.acceptHeader(CIRCULAR_35_HEADERS, 1);
      expect(validator.acceptRow([], 2)).toBeNull();
      expect(validator.acceptRow([null, undefined, '', '   ', '\u00a0'], 3)).toBeNull();
      circular35Rows().forEach((cells, index) => validator.acceptRow(cells, 4 + index));
      const report = validator.finish();
      expect(report).toEqual(expect.objectContaining({ valid: true, rowsRead: 4, rowsValid: 4 }));
    });

    it('counts a row with data only in an unknown column, and reports its empty required cells', () => {
      const { report } = validate(circular35SummarySchema(), [...CIRCULAR_35_HEADERS, 'Khác'], [[null, null, null, null, null, 'x']]);
      expect(report.rowsRead).toBe(1);
      expect(report.countsByCode).toEqual({ unknown_column: 1, required: 3, too_few_rows: 1 });
    });

    it('stops checking and returning rows beyond maxRows but keeps counting them', () => {
      const rows = Array.from({ length: 5 }, (_, index) =>
        withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Mã tỉnh', String(index + 1).padStart(2, '0')),
      );
      rows[4] = withCell(QUARTERLY_HEADERS, rows[4], 'Sản lượng bưu gửi', 'sai');
      const { report, typedRows } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, rows, { maxRows: 3 });
      expect(typedRows.map((row) => row?.ma_tinh ?? null)).toEqual(['01', '02', '03', null, null]);
      expect(report).toEqual(
        expect.objectContaining({ valid: false, rowsRead: 5, rowsValid: 3, rowsWithErrors: 0, errorCount: 1 }),
      );
      expect(report.issues).toEqual([
        {
          row: 5,
          column: null,
          field: null,
          code: 'too_many_rows',
          severity: 'error',
          message: 'Tệp vượt quá giới hạn 3 dòng dữ liệu; từ dòng 5 trở đi không được kiểm tra.',
          value: null,
        },
      ]);
    });
  });

  describe('the report', () => {
    function manyBadRows(count: number): string[][] {
      return Array.from({ length: count }, (_, index) => {
        const code = String(index + 1).padStart(2, '0');
        return withCell(QUARTERLY_HEADERS, withCell(QUARTERLY_HEADERS, quarterlyCsvRow(), 'Mã tỉnh', code), 'Sản lượng bưu gửi', 'x') as string[];
      });
    }

    it('keeps at most maxIssues issues but counts all of them', () => {
      const { report } = validate(quarterlySectorSchema(), [...QUARTERLY_HEADERS, 'Cột lạ'], manyBadRows(10), { maxIssues: 4 });
      expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
        [1, 'unknown_column'],
        [2, 'invalid_number'],
        [3, 'invalid_number'],
        [4, 'invalid_number'],
      ]);
      expect(report).toEqual(
        expect.objectContaining({
          truncated: true,
          errorCount: 10,
          warningCount: 1,
          rowsWithErrors: 10,
          countsByCode: { unknown_column: 1, invalid_number: 10 },
        }),
      );
    });

    it('puts file-level issues first and keeps them even when the cap is reached', () => {
      const rows = manyBadRows(3);
      const schema = quarterlySectorSchema();
      schema.fileRules = [{ id: 'du_5_tinh', kind: 'row_count', min: 5 }];
      const { report } = validate(schema, QUARTERLY_HEADERS, rows, { maxIssues: 2 });
      expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
        [null, 'too_few_rows'],
        [2, 'invalid_number'],
      ]);
      expect(report.truncated).toBe(true);
      expect(report.countsByCode).toEqual({ invalid_number: 3, too_few_rows: 1 });
    });

    it('orders issues by row', () => {
      const validator = new SubmissionValidator(quarterlySectorSchema());
      validator.acceptHeader(QUARTERLY_HEADERS, 1);
      const [first, second] = manyBadRows(2);
      validator.acceptRow(second, 7);
      validator.acceptRow(first, 3);
      expect(validator.finish().issues.map((issue) => issue.row)).toEqual([3, 7]);
    });

    it('is not truncated when every issue fits', () => {
      const { report } = validate(quarterlySectorSchema(), QUARTERLY_HEADERS, manyBadRows(3), { maxIssues: 3 });
      expect(report.truncated).toBe(false);
      expect(report.issues).toHaveLength(3);
    });

    it('keeps 1000 issues by default', () => {
      const schema = quarterlySectorSchema();
      schema.keyFields = [];
      schema.fileRules = [];
      const [badRow] = manyBadRows(1);
      const { report } = validate(schema, QUARTERLY_HEADERS, Array.from({ length: 1200 }, () => badRow));
      expect(report.issues).toHaveLength(1000);
      expect(report.issues[999].row).toBe(1001);
      expect(report.errorCount).toBe(1200);
    });

    it('can be produced once only', () => {
      const validator = new SubmissionValidator(circular35SummarySchema());
      validator.acceptHeader(CIRCULAR_35_HEADERS, 1);
      validator.finish();
      expect(() => validator.finish()).toThrow('The validation is already finished.');
      expect(() => validator.acceptRow(['1'], 2)).toThrow('Rows cannot be accepted now (finished).');
    });
  });
});
