import { vietnamDateTime } from './vietnam-date-time';
import type { ExportColumn, ExportSheet, ExportValue } from './export-document';

const BOM = '\uFEFF';
/** First characters that make a spreadsheet read a cell as a formula (or hide one behind a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to text a spreadsheet would run as a formula (CSV injection). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as CSV text: numbers as numbers (dot decimals), text neutralised against formulas. */
export function csvCell(value: ExportValue, column: Pick<ExportColumn, 'kind'>): string {
  if (value === null || value === '') return '';
  switch (column.kind) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' ? String(value) : quoteCsvField(neutraliseFormula(String(value)));
    case 'boolean':
      return value === true ? 'Có' : value === false ? 'Không' : quoteCsvField(neutraliseFormula(String(value)));
    case 'datetime':
      return value instanceof Date || typeof value === 'string' ? vietnamDateTime(value) : '';
    default:
      return quoteCsvField(neutraliseFormula(value instanceof Date ? value.toISOString() : String(value)));
  }
}

/** UTF-8 CSV with a byte order mark (so Excel reads Vietnamese right), CRLF line ends, a header row. */
export function toCsv(sheet: ExportSheet): Buffer {
  const lines = [
    sheet.columns.map((column) => quoteCsvField(neutraliseFormula(column.header))).join(','),
    ...sheet.rows.map((row) => sheet.columns.map((column) => csvCell(row[column.key] ?? null, column)).join(',')),
  ];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
