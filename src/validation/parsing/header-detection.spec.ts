import { detectHeader } from './header-detection';
import { normalizeHeaderText } from './header-text';
import type { UploadRow } from './upload-types';

const knownHeaders = ['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm', 'Lũy kế', 'Ngày cấp'];
const knownKeys = ['ma_tinh', 'ten_tinh', 'so_luong_trong_nam', 'luy_ke', 'ngay_cap'];
const rows = (...cells: unknown[][]): UploadRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe('normalizeHeaderText', () => {
  it('collapses whitespace, trims, strips the required marker and normalises to NFC', () => {
    expect(normalizeHeaderText('  Số lượng\ntrong   năm (*) ')).toBe('Số lượng trong năm');
    expect(normalizeHeaderText('Mã tỉnh *')).toBe('Mã tỉnh');
    expect(normalizeHeaderText('Tên tỉnh'.normalize('NFD'))).toBe('Tên tỉnh');
    expect(normalizeHeaderText(null)).toBe('');
    expect(normalizeHeaderText(2024)).toBe('2024');
  });
});

describe('detectHeader', () => {
  it('takes the first row when it is the header', () => {
    const found = detectHeader(rows(['Mã tỉnh', 'Tên tỉnh'], ['01', 'Hà Nội']), { knownHeaders, knownKeys });
    expect(found).toMatchObject({
      headerRowNumber: 1,
      header: ['Mã tỉnh', 'Tên tỉnh'],
      headerSource: 'labels',
      recognised: true,
      skippedRowNumbers: [],
      dataStartIndex: 1,
    });
  });

  it('matches labels without diacritics or case, and aliases passed as known headers', () => {
    const found = detectHeader(rows(['MA TINH', 'ten tinh', 'Cột lạ']), { knownHeaders, knownKeys });
    expect(found?.recognised).toBe(true);
  });

  it('skips a title block: rows where fewer than half of the cells are known headers', () => {
    const found = detectHeader(
      rows(
        ['BÁO CÁO SỐ LƯỢNG GIẤY PHÉP'],
        ['Kỳ báo cáo: năm 2024', null, 'Đơn vị: tỉnh'],
        [],
        ['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm', 'Ghi chú'],
        ['01', 'Hà Nội', 5, ''],
      ),
      { knownHeaders, knownKeys },
    );
    expect(found).toMatchObject({ headerRowNumber: 4, skippedRowNumbers: [1, 2, 3], dataStartIndex: 4 });
    expect(found?.header).toEqual(['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm', 'Ghi chú']);
  });

  it('uses the key row under the labels (template row 2) as the header', () => {
    const found = detectHeader(
      rows(['Mã tỉnh (*)', 'Tên tỉnh', 'Cột thêm'], ['ma_tinh', 'ten_tinh', null], ['01', 'Hà Nội', 'x']),
      { knownHeaders, knownKeys },
    );
    expect(found).toMatchObject({
      headerRowNumber: 1,
      keyRowNumber: 2,
      header: ['ma_tinh', 'ten_tinh', 'Cột thêm'],
      labels: ['Mã tỉnh', 'Tên tỉnh', 'Cột thêm'],
      headerSource: 'keys',
      dataStartIndex: 2,
    });
  });

  it('treats a header made only of keys as keys', () => {
    const found = detectHeader(rows(['ma_tinh', 'so_luong_trong_nam'], ['01', 3]), { knownHeaders, knownKeys });
    expect(found).toMatchObject({ headerSource: 'keys', header: ['ma_tinh', 'so_luong_trong_nam'], dataStartIndex: 1 });
  });

  it('fills header cells covered by merges with the master value (header only)', () => {
    const window = rows(
      ['Tỉnh', 'Số lượng', null],
      [null, 'Số lượng trong năm', 'Lũy kế'],
      ['Hà Nội', 1, 2],
    );
    const merges = [
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ];
    const found = detectHeader(window, { knownHeaders: [...knownHeaders, 'Tỉnh'], knownKeys, merges });
    expect(found).toMatchObject({ headerRowNumber: 2, header: ['Tỉnh', 'Số lượng trong năm', 'Lũy kế'] });
    expect(window[1].cells).toEqual([null, 'Số lượng trong năm', 'Lũy kế']);
  });

  it('falls back to the first row when nothing looks like the header', () => {
    const found = detectHeader(rows(['a', 'b'], ['c', 'd']), { knownHeaders, knownKeys });
    expect(found).toMatchObject({ headerRowNumber: 1, recognised: false, headerSource: 'labels', dataStartIndex: 1 });
  });

  it('only looks at the first scanRows rows', () => {
    const window = rows(...Array.from({ length: 12 }, () => ['tiêu đề']), ['Mã tỉnh', 'Tên tỉnh']);
    expect(detectHeader(window, { knownHeaders, knownKeys })?.recognised).toBe(false);
    expect(detectHeader(window, { knownHeaders, knownKeys, scanRows: 13 })?.headerRowNumber).toBe(13);
  });

  it('trims trailing empty header cells and returns undefined for no rows', () => {
    expect(detectHeader(rows(['Mã tỉnh', '', null]), { knownHeaders, knownKeys })?.header).toEqual(['Mã tỉnh']);
    expect(detectHeader([], { knownHeaders, knownKeys })).toBeUndefined();
  });
});
