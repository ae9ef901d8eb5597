import { crc32 } from 'node:zlib';
import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import { sniffFormat, sniffUpload } from './sniff';
import { writeStoredZip } from './testing/stored-zip-writer';
import { rejectionOf } from './testing/rejections';

async function storedZip(files: Record<string, string>): Promise<Buffer> {
  const entries = Object.entries(files).map(([name, text]) => {
    const data = Buffer.from(text, 'utf8');
    return {
      name,
      size: data.length,
      crc32: crc32(data),
      content: async function* () {
        yield data;
      },
    };
  });
  const chunks: Buffer[] = [];
  for await (const chunk of writeStoredZip(entries)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/xl/workbook.xml" ContentType="${main}"/></Types>`;
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

async function realXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('Dữ liệu').getCell('A1').value = 'Tỉnh';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sniffUpload', () => {
  it('recognises a real workbook as xlsx regardless of the declared name', async () => {
    const buffer = await realXlsx();
    expect((await sniffUpload(buffer, { fileName: 'bao-cao.xlsx' })).format).toBe('xlsx');
    expect((await sniffUpload(buffer, { fileName: 'bao-cao.csv', mediaType: 'text/csv' })).format).toBe('xlsx');
  });

  it('recognises CSV and JSON text, after BOM and whitespace', async () => {
    expect((await sniffUpload(Buffer.from('Tỉnh,Số lượng\n'), { fileName: 'a.csv' })).format).toBe('csv');
    expect((await sniffUpload(Buffer.from('\uFEFF  \n [{"a":1}]'), {})).format).toBe('json');
    expect((await sniffUpload(Buffer.from('{"rows":[]}'), { fileName: 'x.txt' })).format).toBe('json');
    expect((await sniffUpload(iconv.encode('[{"a":1}]', 'utf-16le', { addBOM: true }), {})).format).toBe('json');
    expect((await sniffUpload(iconv.encode('a\tb\r\n', 'utf-16le', { addBOM: true }), {})).format).toBe('csv');
  });

  it('accepts CSV sent as application/vnd.ms-excel (what Windows browsers send for .csv)', async () => {
    const result = await sniffUpload(Buffer.from('a,b\n'), { fileName: 'bc.csv', mediaType: 'application/vnd.ms-excel' });
    expect(result.format).toBe('csv');
  });

  it('refuses a PNG renamed to .xlsx with 415 not_a_spreadsheet', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const error = await rejectionOf(sniffUpload(png, { fileName: 'bao-cao.xlsx' }));
    expect(error.status).toBe(415);
    expect(error.code).toBe('not_a_spreadsheet');
    expect(error.message).toBe(error.message.normalize('NFC'));
  });

  it('refuses arbitrary text named .xlsx', async () => {
    expect((await rejectionOf(sniffUpload(Buffer.from('a,b\n1,2\n'), { fileName: 'Bao cao.XLSX' }))).code).toBe('not_a_spreadsheet');
  });

  it('refuses a PNG under its own name as unsupported_file_type', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await rejectionOf(sniffUpload(png, { fileName: 'anh.png' }))).code).toBe('unsupported_file_type');
  });

  it('refuses binary garbage (NUL bytes without a UTF-16 BOM)', async () => {
    const garbage = Buffer.from([0x41, 0x42, 0x00, 0x13, 0x99, 0x00, 0x00, 0x07, 0x41, 0x41, 0x41, 0x41]);
    const error = await rejectionOf(sniffUpload(garbage, { fileName: 'du-lieu.csv' }));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported_file_type');
  });

  it('refuses UTF-16 text without BOM as unsupported_encoding rather than binary', async () => {
    const error = await rejectionOf(sniffUpload(iconv.encode('Ma tinh,Ten tinh\n01,Ha Noi\n', 'utf-16le'), {}));
    expect(error.code).toBe('unsupported_encoding');
  });

  it('refuses a legacy .xls (OLE2) with instructions to save as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await rejectionOf(sniffUpload(ole, { fileName: 'bao-cao.xls' }));
    expect(error.status).toBe(415);
    expect(error.code).toBe('legacy_xls');
    expect(error.message).toContain('Sổ làm việc Excel (*.xlsx)');
    expect(error.message).toContain('LibreOffice Calc: Tập tin > Lưu mới (File > Save As), ở Kiểu tập tin (File type) chọn "Excel 2007–365"');
  });

  it('recognises a password-protected workbook (OLE2 with EncryptedPackage)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(100),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    expect((await rejectionOf(sniffUpload(ole, { fileName: 'bao-cao.xlsx' }))).code).toBe('encrypted_workbook');
  });

  it('refuses an .xlsm name, even with valid workbook content', async () => {
    const error = await rejectionOf(sniffUpload(await realXlsx(), { fileName: 'bao-cao.xlsm' }));
    expect(error.status).toBe(415);
    expect(error.code).toBe('macro_workbook');
  });

  it('refuses a workbook whose content types declare the macro-enabled main part', async () => {
    const zip = await storedZip({ '[Content_Types].xml': CONTENT_TYPES(XLSM_MAIN), 'xl/workbook.xml': '<workbook/>' });
    expect((await rejectionOf(sniffUpload(zip, { fileName: 'bao-cao.xlsx' }))).code).toBe('macro_workbook');
  });

  it('refuses a workbook containing xl/vbaProject.bin', async () => {
    const zip = await storedZip({
      '[Content_Types].xml': CONTENT_TYPES(XLSX_MAIN),
      'xl/workbook.xml': '<workbook/>',
      'xl/vbaProject.bin': 'macro',
    });
    expect((await rejectionOf(sniffUpload(zip, { fileName: 'bao-cao.xlsx' }))).code).toBe('macro_workbook');
  });

  it('accepts a minimal zip with [Content_Types].xml and xl/workbook.xml as xlsx', async () => {
    const zip = await storedZip({ '[Content_Types].xml': CONTENT_TYPES(XLSX_MAIN), 'xl/workbook.xml': '<workbook/>' });
    expect((await sniffUpload(zip, {})).format).toBe('xlsx');
  });

  it('refuses other zip files (docx, ods, xlsb) as not_a_spreadsheet', async () => {
    const docx = await storedZip({ '[Content_Types].xml': CONTENT_TYPES('x'), 'word/document.xml': '<w/>' });
    const ods = await storedZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<c/>' });
    const xlsb = await storedZip({ '[Content_Types].xml': CONTENT_TYPES('x'), 'xl/workbook.bin': 'b' });
    expect((await rejectionOf(sniffUpload(docx, { fileName: 'a.xlsx' }))).code).toBe('not_a_spreadsheet');
    const odsError = await rejectionOf(sniffUpload(ods, { fileName: 'a.ods' }));
    expect(odsError.code).toBe('not_a_spreadsheet');
    expect(odsError.message).toContain('.ods');
    expect(odsError.message).toContain('LibreOffice Calc');
    expect((await rejectionOf(sniffUpload(xlsb, { fileName: 'a.xlsb' }))).message).toContain('.xlsb');
  });

  it('refuses a truncated zip as corrupt_xlsx', async () => {
    const buffer = (await realXlsx()).subarray(0, 200);
    const error = await rejectionOf(sniffUpload(buffer, { fileName: 'a.xlsx' }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('corrupt_xlsx');
  });

  it('sniffFormat returns just the format', async () => {
    expect(await sniffFormat(await realXlsx(), { fileName: 'a.xlsx' })).toBe('xlsx');
    expect(await sniffFormat(Buffer.from('[]'))).toBe('json');
    expect(await sniffFormat(Buffer.from('a;b'))).toBe('csv');
  });

  it('refuses an empty upload', async () => {
    expect((await rejectionOf(sniffUpload(Buffer.alloc(0), {}))).code).toBe('empty_file');
  });
});
