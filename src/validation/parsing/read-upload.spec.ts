import { Workbook } from 'exceljs';
import { openUpload, type OpenedUpload, type OpenUploadOptions } from './read-upload';
import type { UploadRow } from './upload-types';
import { rejectionOf } from './testing/rejections';
import { flatten } from './testing/flatten';

const schemaOptions: OpenUploadOptions = {
  preferredSheetName: 'Dữ liệu',
  knownHeaders: ['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm', 'Lũy kế', 'Tỉnh'],
  knownKeys: ['ma_tinh', 'ten_tinh', 'so_luong_trong_nam', 'luy_ke'],
};

async function rowsOf(upload: OpenedUpload): Promise<UploadRow[]> {
  const rows: UploadRow[] = [];
  for await (const row of flatten(upload.batches)) rows.push(row);
  return rows;
}

const xlsxBuffer = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

describe('openUpload: CSV', () => {
  it('finds the header, streams data rows padded to the header width and skips empty rows', async () => {
    const csv = 'Mã tỉnh;Tên tỉnh;Số lượng trong năm\r\n01;Hà Nội;12\r\n;;\r\n79;TP. Hồ Chí Minh\r\n';
    const upload = await openUpload(Buffer.from(csv, 'utf8'), { ...schemaOptions, fileName: 'bc.csv' });
    expect(upload).toMatchObject({
      format: 'csv',
      headerRowNumber: 1,
      header: ['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm'],
      headerSource: 'labels',
      headerRecognised: true,
      notes: [],
    });
    expect(await rowsOf(upload)).toEqual([
      { rowNumber: 2, cells: ['01', 'Hà Nội', '12'] },
      { rowNumber: 4, cells: ['79', 'TP. Hồ Chí Minh', ''] },
    ]);
  });

  it('skips a title block above the header and says so', async () => {
    const csv = 'BÁO CÁO NĂM 2024,,\nĐơn vị: Sở Công Thương,,\n\nMã tỉnh,Tên tỉnh,Số lượng trong năm\n01,Hà Nội,3\n';
    const upload = await openUpload(Buffer.from(csv, 'utf8'), schemaOptions);
    expect(upload.headerRowNumber).toBe(4);
    expect(upload.notes).toEqual([{ code: 'title_rows_skipped', message: 'Đã bỏ qua 2 dòng phía trên dòng tiêu đề (dòng 4).' }]);
    expect(await rowsOf(upload)).toEqual([{ rowNumber: 5, cells: ['01', 'Hà Nội', '3'] }]);
  });

  it('maps by the key row when the CSV was saved from the template (hidden row 2 is exported)', async () => {
    const csv = '\uFEFFMã tỉnh (*),Tên tỉnh,Số lượng trong năm (*)\nma_tinh,ten_tinh,so_luong_trong_nam\n01,Hà Nội,7\n';
    const upload = await openUpload(Buffer.from(csv, 'utf8'), schemaOptions);
    expect(upload).toMatchObject({
      headerRowNumber: 1,
      keyRowNumber: 2,
      header: ['ma_tinh', 'ten_tinh', 'so_luong_trong_nam'],
      headerLabels: ['Mã tỉnh', 'Tên tỉnh', 'Số lượng trong năm'],
      headerSource: 'keys',
    });
    expect(await rowsOf(upload)).toEqual([{ rowNumber: 3, cells: ['01', 'Hà Nội', '7'] }]);
  });

  it('notes when the header was not recognised', async () => {
    const upload = await openUpload(Buffer.from('a,b\n1,2\n'), schemaOptions);
    expect(upload.headerRecognised).toBe(false);
    expect(upload.notes[0]).toEqual({ code: 'header_not_recognised', message: expect.stringContaining('Không nhận ra dòng tiêu đề') });
  });

  it('refuses a file without any row', async () => {
    const error = await rejectionOf(openUpload(Buffer.from('\n\n  \n'), schemaOptions));
    expect(error).toMatchObject({ status: 422, code: 'empty_file' });
  });

  it('streams a 100k-row CSV through openUpload', async () => {
    const lines = ['ma_tinh,so_luong_trong_nam'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},${i * 2}`);
    const upload = await openUpload(Buffer.from(lines.join('\n')), schemaOptions);
    let count = 0;
    for await (const row of flatten(upload.batches)) if (row.cells.length === 2) count++;
    expect(count).toBe(100_000);
  });
});

describe('openUpload: limits', () => {
  it('refuses a file above maxFileBytes with 413 file_too_large', async () => {
    const error = await rejectionOf(openUpload(Buffer.alloc(2048, 0x41), { limits: { maxFileBytes: 1024 } }));
    expect(error).toMatchObject({ status: 413, code: 'file_too_large', detail: { fileBytes: 2048, limitBytes: 1024 } });
    expect(error.message).toContain('1 KB');
  });

  it('throws 413 too_many_rows while iterating once maxRows data rows are exceeded', async () => {
    const csv = `Mã tỉnh\n${Array.from({ length: 10 }, (_, i) => `${i}\n`).join('')}`;
    const upload = await openUpload(Buffer.from(csv), { ...schemaOptions, limits: { maxRows: 5 } });
    const seen: number[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const row of flatten(upload.batches)) seen.push(row.rowNumber);
      })(),
    );
    expect(error).toMatchObject({ status: 413, code: 'too_many_rows', detail: { limitRows: 5, rowNumber: 7 } });
    expect(error.message).toContain('tối đa 5 dòng');
    expect(seen).toEqual([2, 3, 4, 5, 6]);
  });

  it('allows exactly maxRows rows', async () => {
    const upload = await openUpload(Buffer.from('Mã tỉnh\n1\n2\n'), { ...schemaOptions, limits: { maxRows: 2 } });
    expect(await rowsOf(upload)).toHaveLength(2);
  });

  it('rows can be iterated only once, and close() releases an unread upload', async () => {
    const upload = await openUpload(Buffer.from('Mã tỉnh\n1\n2\n'), schemaOptions);
    await rowsOf(upload);
    expect(() => upload.batches[Symbol.asyncIterator]()).toThrow('only be iterated once');
    const other = await openUpload(Buffer.from('Mã tỉnh\n1\n2\n'), schemaOptions);
    await expect(other.close()).resolves.toBeUndefined();
  });
});

describe('openUpload: JSON', () => {
  it('uses the object keys as the header and recognises field keys', async () => {
    const json = JSON.stringify({ rows: [{ ma_tinh: '01', so_luong_trong_nam: 4 }, { ma_tinh: '02' }] });
    const upload = await openUpload(Buffer.from(json), schemaOptions);
    expect(upload).toMatchObject({ format: 'json', headerRowNumber: 0, header: ['ma_tinh', 'so_luong_trong_nam'], headerSource: 'keys' });
    expect(await rowsOf(upload)).toEqual([
      { rowNumber: 1, cells: ['01', 4] },
      { rowNumber: 2, cells: ['02', null] },
    ]);
  });

  it('uses labels when the keys are not field keys', async () => {
    const upload = await openUpload(Buffer.from(JSON.stringify([{ 'Mã tỉnh': '01' }])), schemaOptions);
    expect(upload.headerSource).toBe('labels');
  });
});

describe('openUpload: XLSX', () => {
  it('reads a two-level merged header: title skipped, merged cells filled, data with Excel row numbers', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Bìa').getCell('A1').value = 'Trang bìa';
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.getCell('A1').value = 'BÁO CÁO GIẤY PHÉP NĂM 2024';
    sheet.mergeCells('A1:C1');
    sheet.getCell('A3').value = 'Tỉnh';
    sheet.mergeCells('A3:A4');
    sheet.getCell('B3').value = 'Số lượng';
    sheet.mergeCells('B3:C3');
    sheet.getCell('B4').value = 'Số lượng trong năm';
    sheet.getCell('C4').value = 'Lũy kế';
    sheet.getRow(5).values = ['Hà Nội', { formula: 'C5-10', result: 5 }, 15];
    sheet.getRow(6).values = ['Huế', { formula: 'C6-1' }, 2];

    const upload = await openUpload(await xlsxBuffer(workbook), { ...schemaOptions, fileName: 'bc.xlsx' });
    expect(upload).toMatchObject({
      format: 'xlsx',
      sheetName: 'Dữ liệu',
      headerRowNumber: 4,
      header: ['Tỉnh', 'Số lượng trong năm', 'Lũy kế'],
      headerSource: 'labels',
    });
    expect(upload.notes).toEqual([{ code: 'title_rows_skipped', message: 'Đã bỏ qua 2 dòng phía trên dòng tiêu đề (dòng 4).' }]);
    const rows = await rowsOf(upload);
    expect(rows).toEqual([
      { rowNumber: 5, cells: ['Hà Nội', 5, 15] },
      { rowNumber: 6, cells: ['Huế', null, 2], flags: [{ columnIndex: 1, kind: 'formula_without_cached_value' }] },
    ]);
    expect(upload.notes[1]).toEqual({ code: 'formula_not_calculated', message: expect.stringContaining('LibreOffice Calc') });
  });

  it('notes when the preferred sheet is missing, naming the sheet read and the others', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Mã tỉnh', 'Tên tỉnh']);
    workbook.addWorksheet('Số liệu').addRow(['Mã tỉnh', 'Tên tỉnh']);
    const upload = await openUpload(await xlsxBuffer(workbook), schemaOptions);
    expect(upload.sheetName).toBe('Sheet1');
    expect(upload.notes).toContainEqual({
      code: 'sheet_substituted',
      message:
        'Không có trang tính "Dữ liệu"; đã đọc trang "Sheet1", trang đầu tiên của tệp (các trang khác: "Số liệu"). ' +
        'Nếu số liệu nằm ở trang khác, hãy đổi tên trang đó thành "Dữ liệu" rồi tải lên lại.',
    });
    expect(await rowsOf(upload)).toEqual([]);
  });

  it('refuses a legacy .xls and an .xlsm before reading', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await rejectionOf(openUpload(ole, { fileName: 'a.xls' }))).code).toBe('legacy_xls');
    const workbook = new Workbook();
    workbook.addWorksheet('Dữ liệu').addRow(['x']);
    expect((await rejectionOf(openUpload(await xlsxBuffer(workbook), { fileName: 'a.xlsm' }))).code).toBe('macro_workbook');
  });
});
