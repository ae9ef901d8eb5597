import { formatVietnameseDate, formatVietnameseDateTimeSeconds } from '../../common/vietnamese-dates';
import type { CsvDialect, ExportColumn, ExportSheet, ExportValue } from './export-document';

const BOM = '\uFEFF';
/** First characters that make a spreadsheet read a cell as a formula (or hide one behind a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * rfc4180: comma-separated, dot decimals (for programs). excel-vn: what Excel opens directly on
 * Vietnamese regional settings, where the list separator is `;` and the decimal mark `,`.
 */
const DIALECTS: Record<CsvDialect, { separator: string; decimalMark: string }> = {
  rfc4180: { separator: ',', decimalMark: '.' },
  'excel-vn': { separator: ';', decimalMark: ',' },
};

/** Prefixes an apostrophe to text a spreadsheet would run as a formula (CSV injection). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: fields with the separator, a quote or a line break are quoted, quotes doubled. */
export function quoteCsvField(text: string, separator = ','): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell as CSV text: numbers as numbers (no grouping, the dialect's decimal mark), dates dd/mm/yyyy
 * and instants dd/mm/yyyy hh:mm:ss in Vietnam time, text neutralised against formulas.
 */
export function csvCell(value: ExportValue, column: Pick<ExportColumn, 'kind'>, dialect: CsvDialect = 'rfc4180'): string {
  const { separator, decimalMark } = DIALECTS[dialect];
  const text = (raw: string) => quoteCsvField(neutraliseFormula(raw), separator);
  if (value === null || value === '') return '';
  switch (column.kind) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' ? String(value).replace('.', decimalMark) : text(String(value));
    case 'boolean':
      return value === true ? 'Có' : value === false ? 'Không' : text(String(value));
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatVietnameseDate(value) : text(String(value));
    case 'datetime':
      return value instanceof Date || typeof value === 'string' ? formatVietnameseDateTimeSeconds(value) : '';
    default:
      return text(value instanceof Date ? formatVietnameseDateTimeSeconds(value) : String(value));
  }
}

/** UTF-8 CSV with a byte order mark (so Excel reads Vietnamese right), CRLF line ends, a header row. */
export function toCsv(sheet: ExportSheet, dialect: CsvDialect = 'rfc4180'): Buffer {
  const { separator } = DIALECTS[dialect];
  const lines = [
    sheet.columns.map((column) => quoteCsvField(neutraliseFormula(column.header), separator)).join(separator),
    ...sheet.rows.map((row) => sheet.columns.map((column) => csvCell(row[column.key] ?? null, column, dialect)).join(separator)),
  ];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
