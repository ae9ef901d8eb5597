import { sanitizeFileName } from './sanitize-file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['Báo cáo quý I.xlsx', 'Báo cáo quý I.xlsx'],
    ['C:\\Users\\vanthu\\Desktop\\bao cao.csv', 'bao cao.csv'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\r\nc.csv', 'abc.csv'],
    ['"quoted"<name>|x?.json', 'quotednamex.json'],
    ['...hidden.csv', 'hidden.csv'],
    ['', 'bao-cao'],
    [undefined, 'bao-cao'],
    ['  ', 'bao-cao'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('repairs a UTF-8 name that a multipart parser read as Latin-1, and leaves real Latin-1 alone', () => {
    expect(sanitizeFileName(Buffer.from('Báo cáo năm 2024.csv', 'utf8').toString('latin1'))).toBe('Báo cáo năm 2024.csv');
    expect(sanitizeFileName('Résumé.csv')).toBe('Résumé.csv');
  });

  it('normalises NFD names to NFC', () => {
    expect(sanitizeFileName('Ba\u0301o ca\u0301o.csv')).toBe('Báo cáo.csv');
  });

  it('shortens long names to 255 characters keeping the extension', () => {
    const result = sanitizeFileName(`${'x'.repeat(300)}.xlsx`);
    expect(result).toHaveLength(255);
    expect(result.endsWith('.xlsx')).toBe(true);
  });
});
