/** A table to export, independent of the file format. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime' | 'boolean';

export interface ExportColumn {
  key: string;
  /** Vietnamese header. */
  header: string;
  /**
   * integer/decimal: numbers; percent: percent points (96.83); date: `yyyy-mm-dd`, shown dd/mm/yyyy;
   * datetime: an instant (Date or ISO string), shown in Vietnam time; boolean: Có/Không.
   */
  kind: ColumnKind;
  /** Column width in characters (XLSX). */
  width: number;
}

export type ExportValue = string | number | boolean | Date | null;

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Array<Record<string, ExportValue>>;
}

export interface ExportDocument {
  /** File name without extension, e.g. `tien-do-TT35-BUU-CHINH-2024-Y`. */
  baseName: string;
  /** What the workbook holds, shown on its information sheet. */
  title: string;
  /** Label/value lines of the information sheet. */
  info: Array<[string, string | number]>;
  sheets: ExportSheet[];
  /** The sheet a CSV file carries (a CSV holds one table). */
  csvSheet: number;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** CSV flavours: `rfc4180` (comma, dot decimals) and `excel-vn` (semicolon, comma decimals: Excel on Vietnamese settings). */
export const CSV_DIALECTS = ['rfc4180', 'excel-vn'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** What a caller asks of an export: the format and, for CSV, the dialect. */
export interface ExportRequest {
  format: ExportFormat;
  dialect?: CsvDialect;
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
