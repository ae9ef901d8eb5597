import { mapHeaders } from './header-mapping';
import { CIRCULAR_35_HEADERS, circular35SummarySchema } from './testing/report-schema.fixtures';

describe('mapHeaders', () => {
  const schema = circular35SummarySchema();

  it('maps the template headers to their fields, column by column', () => {
    const mapping = mapHeaders(CIRCULAR_35_HEADERS, schema);
    expect(mapping.columns).toEqual([
      { index: 0, header: 'STT', fieldKey: 'stt' },
      { index: 1, header: 'Chỉ tiêu', fieldKey: 'chi_tieu' },
      { index: 2, header: 'Số lượng trong năm', fieldKey: 'so_luong_trong_nam' },
      { index: 3, header: 'Số lượng lũy kế', fieldKey: 'so_luong_luy_ke' },
      { index: 4, header: 'Ghi chú', fieldKey: 'ghi_chu' },
    ]);
    expect(mapping).toEqual(
      expect.objectContaining({ missingRequired: [], missingOptional: [], unknown: [], duplicates: [], issues: [] }),
    );
  });

  it('matches labels regardless of case, diacritics, spacing, punctuation and Unicode form', () => {
    const headers = ['stt.', 'CHỈ TIÊU', 'so luong  trong nam (*)', 'Số lượng lũy kế:'.normalize('NFD'), ' Ghi chú '];
    expect(mapHeaders(headers, schema).columns.map((column) => column.fieldKey)).toEqual([
      'stt',
      'chi_tieu',
      'so_luong_trong_nam',
      'so_luong_luy_ke',
      'ghi_chu',
    ]);
  });

  it('matches aliases, such as the column numbers (1) (2) (3) of the legal form', () => {
    const headers = ['Tên chỉ tiêu', '(1)', '(2)', '(3)'];
    expect(mapHeaders(headers, schema).columns.map((column) => column.fieldKey)).toEqual([
      'chi_tieu',
      'so_luong_trong_nam',
      'so_luong_luy_ke',
      'ghi_chu',
    ]);
  });

  it('matches field keys, as in the hidden key row of the template', () => {
    const headers = ['chi_tieu', 'so_luong_trong_nam', 'so_luong_luy_ke'];
    const mapping = mapHeaders(headers, schema);
    expect(mapping.columns.map((column) => column.fieldKey)).toEqual(headers);
    expect(mapping.missingOptional.map((field) => field.key)).toEqual(['stt', 'ghi_chu']);
    expect(mapping.issues).toEqual([]);
  });

  it('keeps the header as written in the file', () => {
    expect(mapHeaders(['  CHỈ TIÊU (*) '], schema).columns[0].header).toBe('  CHỈ TIÊU (*) ');
  });

  it('ignores empty trailing headers', () => {
    const mapping = mapHeaders([...CIRCULAR_35_HEADERS, '', '  ', ''], schema);
    expect(mapping.columns).toHaveLength(5);
    expect(mapping.issues).toEqual([]);
  });

  it('reports each missing required column with missing_column, naming label and key', () => {
    const mapping = mapHeaders(['STT', 'Chỉ tiêu', 'Ghi chú'], schema);
    expect(mapping.missingRequired.map((field) => field.key)).toEqual(['so_luong_trong_nam', 'so_luong_luy_ke']);
    expect(mapping.issues).toEqual([
      {
        row: null,
        column: null,
        field: 'so_luong_trong_nam',
        code: 'missing_column',
        severity: 'error',
        message: 'Thiếu cột bắt buộc "Số lượng trong năm" (so_luong_trong_nam).',
        value: null,
      },
      {
        row: null,
        column: null,
        field: 'so_luong_luy_ke',
        code: 'missing_column',
        severity: 'error',
        message: 'Thiếu cột bắt buộc "Số lượng lũy kế" (so_luong_luy_ke).',
        value: null,
      },
    ]);
  });

  it('lists missing optional columns without an issue', () => {
    const mapping = mapHeaders(['Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế'], schema);
    expect(mapping.missingOptional.map((field) => field.key)).toEqual(['stt', 'ghi_chu']);
    expect(mapping.issues).toEqual([]);
  });

  it('warns about unknown columns with unknown_column and ignores them', () => {
    const mapping = mapHeaders([...CIRCULAR_35_HEADERS, 'Người lập biểu'], schema);
    expect(mapping.unknown).toEqual([{ index: 5, header: 'Người lập biểu' }]);
    expect(mapping.columns[5]).toEqual({ index: 5, header: 'Người lập biểu', fieldKey: null });
    expect(mapping.issues).toEqual([
      {
        row: null,
        column: 'Người lập biểu',
        field: null,
        code: 'unknown_column',
        severity: 'warning',
        message: 'Cột "Người lập biểu" (cột thứ 6) không có trong biểu mẫu; dữ liệu của cột này được bỏ qua.',
        value: null,
      },
    ]);
  });

  it('warns about a blank header between columns', () => {
    const mapping = mapHeaders(['Chỉ tiêu', '', 'Số lượng trong năm', 'Số lượng lũy kế'], schema);
    expect(mapping.unknown).toEqual([{ index: 1, header: '' }]);
    expect(mapping.issues).toEqual([
      expect.objectContaining({
        column: '',
        code: 'unknown_column',
        severity: 'warning',
        message: 'Cột thứ 2 không có tiêu đề; dữ liệu của cột này được bỏ qua.',
      }),
    ]);
  });

  it('reports a column given twice with duplicate_column and reads only the first', () => {
    const headers = ['Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế', 'Trong năm', 'so_luong_trong_nam'];
    const mapping = mapHeaders(headers, schema);
    expect(mapping.duplicates).toEqual([{ fieldKey: 'so_luong_trong_nam', indexes: [1, 3, 4] }]);
    expect(mapping.columns.map((column) => column.fieldKey)).toEqual([
      'chi_tieu',
      'so_luong_trong_nam',
      'so_luong_luy_ke',
      null,
      null,
    ]);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.issues).toEqual([
      {
        row: null,
        column: 'Trong năm',
        field: 'so_luong_trong_nam',
        code: 'duplicate_column',
        severity: 'error',
        message:
          'Cột "Số lượng trong năm" (so_luong_trong_nam) xuất hiện nhiều lần (cột thứ 2, 4, 5); chỉ đọc dữ liệu ở cột thứ 2.',
        value: null,
      },
    ]);
  });

  it('orders issues: missing columns, then repeated columns, then unknown ones', () => {
    const mapping = mapHeaders(['Chỉ tiêu', 'Chỉ tiêu', 'Cột lạ', 'Số lượng lũy kế'], schema);
    expect(mapping.issues.map((issue) => issue.code)).toEqual(['missing_column', 'duplicate_column', 'unknown_column']);
  });

  it('reports every required column missing for an empty header row', () => {
    const mapping = mapHeaders([], schema);
    expect(mapping.columns).toEqual([]);
    expect(mapping.missingRequired.map((field) => field.key)).toEqual(['chi_tieu', 'so_luong_trong_nam', 'so_luong_luy_ke']);
  });
});
