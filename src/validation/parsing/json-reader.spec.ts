import iconv from 'iconv-lite';
import { findJsonSyntaxError } from './json-error-position';
import { readJson } from './json-reader';
import { rejection } from './testing/rejections';

describe('readJson', () => {
  it('reads an array of objects: header = keys of all rows in first-seen order, cells aligned', () => {
    const json = JSON.stringify([
      { ma_tinh: '01', so_luong: 12 },
      { ma_tinh: '79', ghi_chu: 'Thành phố Hồ Chí Minh', so_luong: 3.5 },
      { so_luong: null, dang_hoat_dong: true },
    ]);
    expect(readJson(Buffer.from(json, 'utf8'))).toEqual({
      header: ['ma_tinh', 'so_luong', 'ghi_chu', 'dang_hoat_dong'],
      rows: [
        { rowNumber: 1, cells: ['01', 12, null, null] },
        { rowNumber: 2, cells: ['79', 3.5, 'Thành phố Hồ Chí Minh', null] },
        { rowNumber: 3, cells: [null, null, null, true] },
      ],
    });
  });

  it('reads { "rows": [...] } and labels as keys', () => {
    const json = JSON.stringify({ obligation: 'BC-01', rows: [{ 'Tên tỉnh': 'Huế', 'Số lượng': 4 }] });
    expect(readJson(Buffer.from(json, 'utf8'))).toEqual({
      header: ['Tên tỉnh', 'Số lượng'],
      rows: [{ rowNumber: 1, cells: ['Huế', 4] }],
    });
  });

  it('accepts a BOM, UTF-16 with BOM, and normalises NFD strings and keys to NFC', () => {
    const text = JSON.stringify([{ ['Tên tỉnh'.normalize('NFD')]: 'Hà Nội'.normalize('NFD') }]);
    const fromUtf8 = readJson(Buffer.from(`\uFEFF${text}`, 'utf8'));
    expect(fromUtf8.header).toEqual(['Tên tỉnh']);
    expect(fromUtf8.rows[0].cells).toEqual(['Hà Nội']);
    expect(readJson(iconv.encode(text, 'utf-16le', { addBOM: true })).rows[0].cells).toEqual(['Hà Nội']);
  });

  it('accepts an empty array', () => {
    expect(readJson(Buffer.from('[]'))).toEqual({ header: [], rows: [] });
  });

  it('refuses invalid JSON with 422 invalid_json and the line and column', () => {
    const error = rejection(() => readJson(Buffer.from('[\n  {"a": 1},\n  {"a": }\n]', 'utf8')));
    expect(error.status).toBe(422);
    expect(error.code).toBe('invalid_json');
    expect(error.detail).toEqual({ line: 3, column: 9, position: 22 });
    expect(error.message).toBe('Tệp JSON không hợp lệ ở dòng 3, cột 9.');
  });

  it('reports truncated JSON', () => {
    const error = rejection(() => readJson(Buffer.from('[{"a": 1}', 'utf8')));
    expect(error.code).toBe('invalid_json');
    expect(error.message).toContain('kết thúc đột ngột');
  });

  it('refuses other shapes with invalid_json_shape', () => {
    expect(rejection(() => readJson(Buffer.from('{"data": []}'))).code).toBe('invalid_json_shape');
    expect(rejection(() => readJson(Buffer.from('42'))).code).toBe('invalid_json_shape');
    const error = rejection(() => readJson(Buffer.from('[{"a":1}, [1,2]]')));
    expect(error.code).toBe('invalid_json_shape');
    expect(error.detail).toEqual({ row: 2 });
  });

  it('refuses non-UTF-8 JSON with unsupported_encoding', () => {
    expect(rejection(() => readJson(iconv.encode('[{"tỉnh":"Hà Nội"}]', 'windows1258'))).code).toBe('unsupported_encoding');
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', -1],
    ['[1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"]', -1],
    ['{"a":}', 5],
    ['[1,]', 3],
    ['[01]', 2],
    ['{"a" 1}', 5],
    ['"tab\there"', 4],
    ['[1] x', 4],
    ['', 0],
    ['tru', 3],
  ])('%j → %i', (text, offset) => {
    expect(findJsonSyntaxError(text)).toBe(offset);
    if (offset === -1) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});
