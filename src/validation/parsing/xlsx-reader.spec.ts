import { stream as excelStream, Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveLimits } from './upload-limits';
import { isCellError, type UploadRow } from './upload-types';
import { readXlsx, type XlsxSource } from './xlsx-reader';
import { inspectZip } from './zip-inspector';
import { flatten } from './testing/flatten';

const limits = resolveLimits();

async function open(workbook: Workbook, preferredSheetName?: string): Promise<XlsxSource> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return readXlsx(await inspectZip(buffer, limits), { preferredSheetName, limits });
}

async function collect(source: XlsxSource): Promise<UploadRow[]> {
  const rows: UploadRow[] = [];
  for await (const row of flatten(source.batches)) rows.push(row);
  return rows;
}

/** A report sheet with a merged title block, a merged header cell and every kind of cell value. */
function reportWorkbook(): Workbook {
  const workbook = new Workbook();
  const cover = workbook.addWorksheet('Bìa');
  cover.getCell('A1').value = 'Trang bìa';
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.getCell('A1').value = 'BÁO CÁO SỐ LIỆU NĂM 2024';
  sheet.mergeCells('A1:F1');
  sheet.getRow(3).values = ['Tỉnh', 'Số lượng', null, 'Ngày cấp', 'Ghi chú', 'Trang web'];
  sheet.mergeCells('B3:C3');
  sheet.getRow(4).values = [
    { richText: [{ text: 'Hà ', font: { bold: true } }, { text: 'Nội' }] },
    { formula: 'C4*2', result: 24 },
    12,
    new Date(Date.UTC(2024, 2, 15)),
    'Đủ hồ sơ',
    { text: 'Cổng thông tin', hyperlink: 'https://hanoi.gov.vn' },
  ];
  sheet.getCell('D4').numFmt = 'dd/mm/yyyy';
  sheet.getRow(5).values = [
    'Huế',
    { formula: 'C5/0', result: { error: '#DIV/0!' } },
    0,
    { formula: 'DATE(2024,1,31)', result: 45322 },
    { formula: 'C5>1', result: false },
    { error: '#N/A' },
  ];
  sheet.getCell('D5').numFmt = 'dd/mm/yyyy';
  sheet.getRow(7).values = ['Đà Nẵng', { formula: 'C7*2' }, 3, null, { formula: '"a"&"b"', result: 'ab' }];
  sheet.getRow(8).values = ['Cần Thơ', { formula: 'C8*2', result: 0 }, 0, null, { formula: 'C8>=0', result: true }];
  return workbook;
}

describe('readXlsx', () => {
  it('reads the preferred sheet with Excel row numbers and unwrapped cell values', async () => {
    const source = await open(reportWorkbook(), 'Dữ liệu');
    expect(source.sheetName).toBe('Dữ liệu');
    expect(source.matchedPreferredSheet).toBe(true);
    const rows = await collect(source);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5, 7, 8]);

    const [, header, hanoi, hue, danang, cantho] = rows;
    expect(header.cells).toEqual(['Tỉnh', 'Số lượng', null, 'Ngày cấp', 'Ghi chú', 'Trang web']);
    expect(hanoi.cells).toEqual(['Hà Nội', 24, 12, new Date(Date.UTC(2024, 2, 15)), 'Đủ hồ sơ', 'Cổng thông tin']);
    expect(hanoi.flags).toBeUndefined();

    expect(hue.cells[0]).toBe('Huế');
    expect(hue.cells[1]).toEqual({ kind: 'cell_error', error: '#DIV/0!' });
    expect(hue.cells[3]).toEqual(new Date(Date.UTC(2024, 0, 31)));
    expect(hue.cells[4]).toBe(false);
    expect(isCellError(hue.cells[5])).toBe(true);
    expect(hue.cells[5]).toEqual({ kind: 'cell_error', error: '#N/A' });

    expect(danang.cells).toEqual(['Đà Nẵng', null, 3, null, 'ab']);
    expect(danang.flags).toEqual([{ columnIndex: 1, kind: 'formula_without_cached_value' }]);

    // exceljs drops falsy cached results; a cached 0 must stay 0 and not look like a missing value.
    expect(cantho.cells).toEqual(['Cần Thơ', 0, 0, null, true]);
    expect(cantho.flags).toBeUndefined();
  });

  it('reports merged ranges of the header area (exceljs streaming does not)', async () => {
    const source = await open(reportWorkbook(), 'Dữ liệu');
    expect(source.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 6 },
        { top: 3, left: 2, bottom: 3, right: 3 },
      ]),
    );
    await collect(source);
  });

  it('falls back to the first visible worksheet when the preferred one is missing', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'hidden';
    workbook.addWorksheet('Sheet1').getCell('A1').value = 'visible';
    const source = await open(workbook, 'Dữ liệu');
    expect(source.sheetName).toBe('Sheet1');
    expect(source.matchedPreferredSheet).toBe(false);
    expect((await collect(source))[0].cells).toEqual(['visible']);
  });

  it('matches the preferred sheet name ignoring case and surrounding spaces', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Bìa').getCell('A1').value = 'x';
    workbook.addWorksheet(' DỮ LIỆU ').getCell('A1').value = 'y';
    const source = await open(workbook, 'Dữ liệu');
    expect(source.sheetName).toBe(' DỮ LIỆU ');
    await collect(source);
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const workbook = new Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.getCell('A1').value = new Date(Date.UTC(2024, 5, 1));
    sheet.getCell('A1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B1').value = { formula: 'A1', result: 45444 - 1462 };
    sheet.getCell('B1').numFmt = 'dd/mm/yyyy';
    const rows = await collect(await open(workbook));
    expect(rows[0].cells).toEqual([new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 5, 1))]);
  });

  it('ignores external links and uses cached formula values', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Dữ liệu').getCell('A1').value = { formula: "'[Nguon.xlsx]Sheet1'!A1", result: 42 };
    const source = await open(workbook);
    expect((await collect(source))[0].cells).toEqual([42]);
  });

  it('normalises NFD strings to NFC', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Dữ liệu').getCell('A1').value = 'Khánh Hòa'.normalize('NFD');
    const rows = await collect(await open(workbook));
    expect(rows[0].cells[0]).toBe('Khánh Hòa'.normalize('NFC'));
  });

  it('streams 50k rows in constant memory', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const writer = new excelStream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = writer.addWorksheet('Dữ liệu');
    for (let i = 1; i <= 50_000; i++) sheet.addRow([`Tỉnh ${i % 63}`, i, `Ghi chú dòng ${i}`]).commit();
    sheet.commit();
    await writer.commit();
    const buffer = Buffer.concat(parts);

    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let growth = 0;
    let count = 0;
    for await (const row of flatten((await readXlsx(await inspectZip(buffer, limits), { limits })).batches)) {
      count++;
      if (count % 5000 === 0) {
        collectGarbage();
        growth = Math.max(growth, process.memoryUsage().heapUsed - baseline);
      }
      void row;
    }
    expect(count).toBe(50_000);
    expect(growth).toBeLessThan(30 * 1024 * 1024);
  }, 60_000);

  it('streams many rows', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    for (let i = 1; i <= 5000; i++) sheet.addRow([`Đơn vị ${i}`, i]);
    let count = 0;
    let last: UploadRow | undefined;
    for await (const row of flatten((await open(workbook)).batches)) {
      count++;
      last = row;
    }
    expect(count).toBe(5000);
    expect(last).toEqual({ rowNumber: 5000, cells: ['Đơn vị 5000', 5000] });
  });
});
