import { csvCell, neutraliseFormula, quoteCsvField, toCsv } from './csv-writer';
import type { ExportSheet } from './export-document';

describe('CSV writer', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseFormula('+1+2')).toBe(`'+1+2`);
    expect(neutraliseFormula('-2+3')).toBe(`'-2+3`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('\t=1')).toBe(`'\t=1`);
    expect(neutraliseFormula('\r=1')).toBe(`'\r=1`);
    expect(neutraliseFormula('Hà Nội')).toBe('Hà Nội');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(quoteCsvField('Chi nhánh, văn phòng')).toBe('"Chi nhánh, văn phòng"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('a\nb')).toBe('"a\nb"');
    expect(quoteCsvField('plain')).toBe('plain');
  });

  it('writes numbers as numbers, negative ones included, and neutralises numbers given as text', () => {
    expect(csvCell(-20, { kind: 'decimal' })).toBe('-20');
    expect(csvCell(1234.5, { kind: 'integer' })).toBe('1234.5');
    expect(csvCell('-1+1', { kind: 'integer' })).toBe(`'-1+1`);
    expect(csvCell(null, { kind: 'integer' })).toBe('');
  });

  it('writes booleans in Vietnamese, dates as dd/mm/yyyy and instants in Vietnam time', () => {
    expect(csvCell(true, { kind: 'boolean' })).toBe('Có');
    expect(csvCell(false, { kind: 'boolean' })).toBe('Không');
    expect(csvCell(new Date('2025-01-20T03:00:00Z'), { kind: 'datetime' })).toBe('20/01/2025 10:00:00');
    expect(csvCell('2025-01-31T17:30:00.000Z', { kind: 'datetime' })).toBe('01/02/2025 00:30:00');
    expect(csvCell('2025-02-04', { kind: 'date' })).toBe('04/02/2025');
  });

  it('writes the excel-vn dialect: semicolons, comma decimals, quoting fields with a semicolon', () => {
    expect(csvCell(1234567.5, { kind: 'decimal' }, 'excel-vn')).toBe('1234567,5');
    expect(csvCell(-2.25, { kind: 'percent' }, 'excel-vn')).toBe('-2,25');
    expect(csvCell('a; b', { kind: 'text' }, 'excel-vn')).toBe('"a; b"');
    expect(csvCell('Chi nhánh, văn phòng', { kind: 'text' }, 'excel-vn')).toBe('Chi nhánh, văn phòng');
    const sheet: ExportSheet = {
      name: 'x',
      columns: [
        { key: 'name', header: 'Tên đơn vị', kind: 'text', width: 20 },
        { key: 'rate', header: 'Tỷ lệ (%)', kind: 'percent', width: 6 },
        { key: 'due', header: 'Hạn nộp', kind: 'date', width: 6 },
      ],
      rows: [{ name: 'Thành phố Hà Nội', rate: 37.19, due: '2025-02-04' }],
    };
    expect(toCsv(sheet, 'excel-vn').toString('utf8').slice(1)).toBe('Tên đơn vị;Tỷ lệ (%);Hạn nộp\r\nThành phố Hà Nội;37,19;04/02/2025\r\n');
    expect(toCsv(sheet).toString('utf8').slice(1)).toBe('Tên đơn vị,Tỷ lệ (%),Hạn nộp\r\nThành phố Hà Nội,37.19,04/02/2025\r\n');
  });

  it('starts with a UTF-8 byte order mark and ends every line with CRLF', () => {
    const sheet: ExportSheet = {
      name: 'x',
      columns: [
        { key: 'code', header: 'Mã', kind: 'text', width: 6 },
        { key: 'name', header: 'Tên đơn vị', kind: 'text', width: 20 },
        { key: 'n', header: 'Số', kind: 'integer', width: 6 },
      ],
      rows: [
        { code: '01', name: 'Thành phố Hà Nội', n: 3 },
        { code: '02', name: '=1+1', n: null },
      ],
    };
    const bytes = toCsv(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(`Mã,Tên đơn vị,Số\r\n01,Thành phố Hà Nội,3\r\n02,'=1+1,\r\n`);
  });
});
