import ExcelJS from 'exceljs';
import type { ExportDocument } from './export-document';
import { toXlsx, xlsxValue } from './xlsx-writer';

describe('XLSX writer', () => {
  it('stores percent points as fractions, dates as dates and instants in Vietnam wall-clock time', () => {
    expect(xlsxValue(96.83, 'percent')).toBeCloseTo(0.9683, 10);
    expect(xlsxValue('2025-02-04', 'date')).toEqual(new Date('2025-02-04T00:00:00Z'));
    expect(xlsxValue('2025-01-20T03:00:00Z', 'datetime')).toEqual(new Date('2025-01-20T10:00:00Z'));
    expect(xlsxValue(true, 'boolean')).toBe('Có');
    expect(xlsxValue(null, 'integer')).toBeNull();
  });

  it('writes a sheet per table with a frozen, filtered header row, widths and number formats, then the information sheet', async () => {
    const document: ExportDocument = {
      baseName: 'x',
      title: 'Tiến độ nộp báo cáo',
      info: [['Kỳ báo cáo', 'Năm 2024']],
      csvSheet: 0,
      sheets: [
        {
          name: 'Đơn vị',
          columns: [
            { key: 'name', header: 'Tên đơn vị', kind: 'text', width: 30 },
            { key: 'n', header: 'Số lượng', kind: 'integer', width: 12 },
            { key: 'p', header: 'Tỷ lệ', kind: 'percent', width: 10 },
          ],
          rows: [{ name: '=1+1', n: 1234, p: 50 }],
        },
      ],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(document, new Date('2025-03-01T01:00:00Z'))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Đơn vị', 'Thông tin']);
    const sheet = workbook.getWorksheet('Đơn vị') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tên đơn vị', 'Số lượng', 'Tỷ lệ']);
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('C2').value).toBe(0.5);
    expect(sheet.getCell('C2').numFmt).toBe('0.00%');
    expect(sheet.getColumn(1).width).toBe(30);
    const info = workbook.getWorksheet('Thông tin') as ExcelJS.Worksheet;
    expect(info.getCell('A1').value).toBe('Tiến độ nộp báo cáo');
    expect(info.getCell('B2').value).toBe('Năm 2024');
  });
});
