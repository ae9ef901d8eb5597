export type UploadFormat = 'csv' | 'xlsx' | 'json';

/** What the client said about the file; advisory only, content wins (see sniff.ts). */
export interface DeclaredFile {
  fileName?: string;
  mediaType?: string;
}

/**
 * What the reader knows about a cell beyond its value: a formula whose value could not be used as data,
 * or a percent number format (the cell holds 0.125 where the officer typed 12,5%).
 */
export interface CellFlag {
  /** 0-based index into `cells`. */
  columnIndex: number;
  kind: 'formula_without_cached_value' | 'percent_format';
}

/** Something the reader did or found that the officer should know (reported as an information issue). */
export interface ReaderNote {
  code: 'sheet_substituted' | 'title_rows_skipped' | 'header_not_recognised' | 'external_links' | 'formula_not_calculated';
  /** Vietnamese. */
  message: string;
}

/**
 * One physical row of the upload. `rowNumber` is what the officer sees: the 1-based line where the
 * record starts (CSV), the Excel row number (XLSX) or the 1-based position in the array (JSON).
 */
export interface UploadRow {
  rowNumber: number;
  cells: unknown[];
  flags?: CellFlag[];
}

/** Stand-in when a cell is known to hold an error but Excel's code could not be recovered. */
export const UNKNOWN_CELL_ERROR = '#ERROR!';

/**
 * Marker for an Excel error value (`#DIV/0!`, `#N/A`…). It keeps exceljs's `{ error: '#DIV/0!' }`
 * shape, so code that recognises exceljs error values (domain/excel-error.ts) recognises it too.
 */
export interface CellErrorValue {
  readonly kind: 'cell_error';
  readonly error: string;
}

export function cellError(code: string | null | undefined): CellErrorValue {
  return Object.freeze({ kind: 'cell_error', error: code || UNKNOWN_CELL_ERROR });
}

export function isCellError(value: unknown): value is CellErrorValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'cell_error';
}
