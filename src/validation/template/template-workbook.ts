import { Workbook, type DataValidation, type Worksheet } from 'exceljs';
import type { FieldDefinition, ReportSchemaDefinition } from '../domain/schema-definition';
import { columnLetters } from '../parsing/cell-address';
import { dataValidationFor, inlineListFormula, numberFormatFor } from './field-validation';
import { addInstructionsSheet } from './instructions-sheet';
import { LISTS_SHEET_NAME, META_SHEET_NAME, safeSheetName, type TemplateMeta } from './template-meta';

export interface TemplateOptions {
  /** Data rows (from row 3) covered by Excel data validation; default 5 000. The server validates all rows anyway. */
  validatedRows?: number;
}

/** exceljs supports range validations (one `<dataValidation sqref="B3:B5002">`) but does not type them. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

const HEADER_FILL = 'FFDDEBF7';
const REQUIRED_FONT = 'FFC00000';
const KEY_FONT = 'FF808080';

/**
 * The Excel template provinces fill in: data sheet (schema.sheetName or "Dữ liệu") with row 1 =
 * Vietnamese labels (bold, frozen, required ones marked "(*)"), hidden row 2 = field keys for exact
 * column mapping, per-column number formats and data validations; an instructions sheet
 * "Hướng dẫn"; a hidden "_meta" sheet (obligation code, schema version); and, only when an enum list
 * does not fit inline, a hidden "_danh_muc" sheet holding the list values.
 */
export async function buildTemplateWorkbook(
  schema: ReportSchemaDefinition,
  meta: TemplateMeta,
  options: TemplateOptions = {},
): Promise<Buffer> {
  const validatedRows = options.validatedRows ?? 5000;
  const workbook = new Workbook();
  workbook.creator = 'Hệ thống báo cáo định kỳ';
  const dataSheetName = safeSheetName(schema.sheetName);
  const sheet = workbook.addWorksheet(dataSheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });

  schema.fields.forEach((field, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = columnWidth(field);
    const format = numberFormatFor(field);
    if (format) column.numFmt = format;
  });

  const labels = sheet.getRow(1);
  labels.values = schema.fields.map((field) => (field.required ? `${field.label} (*)` : field.label));
  labels.height = 36;
  labels.eachCell((cell, columnNumber) => {
    const field = schema.fields[columnNumber - 1];
    cell.font = { bold: true, ...(field.required ? { color: { argb: REQUIRED_FONT } } : {}) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });

  const keys = sheet.getRow(2);
  keys.values = schema.fields.map((field) => field.key);
  keys.hidden = true;
  keys.font = { italic: true, size: 9, color: { argb: KEY_FONT } };
  keys.eachCell((cell) => {
    cell.numFmt = '@';
  });

  addInstructionsSheet(workbook, schema, meta, dataSheetName);
  const lists = enumListRanges(workbook, schema.fields);
  schema.fields.forEach((field, index) => {
    const validation = dataValidationFor(field, lists.get(field.key));
    if (!validation) return;
    const letters = columnLetters(index + 1);
    (sheet as Worksheet & RangeValidations).dataValidations.add(`${letters}3:${letters}${validatedRows + 2}`, validation);
  });

  addMetaSheet(workbook, meta, dataSheetName);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Enum lists too long (or with commas) for an inline formula go to a hidden sheet; returns key → absolute range. */
function enumListRanges(workbook: Workbook, fields: readonly FieldDefinition[]): Map<string, string> {
  const ranges = new Map<string, string>();
  const needed = fields.filter((f) => f.type === 'enum' && (f.enumValues ?? []).length > 0 && !inlineListFormula(f.enumValues ?? []));
  if (needed.length === 0) return ranges;
  const sheet = workbook.addWorksheet(LISTS_SHEET_NAME, { state: 'hidden' });
  needed.forEach((field, index) => {
    const letters = columnLetters(index + 1);
    const values = field.enumValues ?? [];
    sheet.getCell(`${letters}1`).value = field.key;
    values.forEach((value, row) => {
      const cell = sheet.getCell(`${letters}${row + 2}`);
      cell.value = value;
      cell.numFmt = '@';
    });
    ranges.set(field.key, `'${LISTS_SHEET_NAME}'!$${letters}$2:$${letters}$${values.length + 1}`);
  });
  return ranges;
}

function addMetaSheet(workbook: Workbook, meta: TemplateMeta, dataSheetName: string): void {
  const sheet = workbook.addWorksheet(META_SHEET_NAME, { state: 'hidden' });
  sheet.addRows([
    ['obligationCode', meta.obligationCode],
    ['schemaVersion', String(meta.schemaVersion)],
    ['dataSheet', dataSheetName],
    ...(meta.periodLabel ? [['periodLabel', meta.periodLabel]] : []),
  ]);
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 30;
}

function columnWidth(field: FieldDefinition): number {
  const label = field.label.length + (field.required ? 4 : 0);
  const minimum = field.type === 'date' ? 14 : 12;
  return Math.min(Math.max(label + 2, minimum), 45);
}
