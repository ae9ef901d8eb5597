import ExcelJS from 'exceljs';
import type { ColumnKind, ExportDocument, ExportSheet, ExportValue } from './export-document';
import { vietnamWallClock } from './vietnam-date-time';

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** A cell's value as the workbook stores it (percent as a fraction, instants in Vietnam wall-clock time). */
export function xlsxValue(value: ExportValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? value / 100 : value;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
    case 'datetime':
      return value instanceof Date || typeof value === 'string' ? vietnamWallClock(value) : value;
    case 'boolean':
      return value === true ? 'Có' : value === false ? 'Không' : value;
    default:
      return value;
  }
}

function addSheet(workbook: ExcelJS.Workbook, sheet: ExportSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  for (const row of sheet.rows) {
    worksheet.addRow(Object.fromEntries(sheet.columns.map((column) => [column.key, xlsxValue(row[column.key] ?? null, column.kind)])));
  }
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

function addInfoSheet(workbook: ExcelJS.Workbook, document: ExportDocument, generatedAt: Date): void {
  const worksheet = workbook.addWorksheet('Thông tin');
  worksheet.columns = [{ width: 34 }, { width: 70 }];
  worksheet.addRow([document.title]).font = { bold: true, size: 13 };
  for (const [label, value] of document.info) worksheet.addRow([label, value]);
  worksheet.addRow(['Thời điểm xuất (giờ Việt Nam)', vietnamWallClock(generatedAt)]).getCell(2).numFmt = 'dd/mm/yyyy hh:mm';
  worksheet.getColumn(1).font = { bold: true };
}

/** The document as an XLSX workbook: one sheet per table (frozen header row, widths, number formats) and an information sheet. */
export async function toXlsx(document: ExportDocument, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'baocao';
  workbook.created = generatedAt;
  document.sheets.forEach((sheet) => addSheet(workbook, sheet));
  addInfoSheet(workbook, document, generatedAt);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
