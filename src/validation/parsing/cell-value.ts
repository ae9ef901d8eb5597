import type { SheetPrescan } from './sheet-prescan';
import { cellError } from './upload-types';

export interface CellContext {
  /** A1-style address, to look up what the prescan learned about the cell. */
  address: string;
  numFmt?: string;
  date1904: boolean;
  prescan: SheetPrescan;
}

export interface UnwrappedCell {
  value: unknown;
  /** A formula cell without a cached result (file never recalculated/saved by Excel): value is null. */
  missingFormulaResult: boolean;
}

/**
 * Turns an exceljs cell value into plain data: strings (NFC), numbers, booleans, Dates, null, or a
 * CellErrorValue marker for Excel errors. Formulas give their cached result (never recalculated;
 * external links are therefore never followed); rich text and hyperlinks give their text.
 */
export function unwrapCell(raw: unknown, context: CellContext): UnwrappedCell {
  if (isObject(raw) && ('formula' in raw || 'sharedFormula' in raw)) return unwrapFormula(raw, context);
  return { value: plainValue(raw), missingFormulaResult: false };
}

function unwrapFormula(raw: Record<string, unknown>, context: CellContext): UnwrappedCell {
  const { address, prescan } = context;
  const errorCode = prescan.formulaErrors.get(address);
  if (errorCode !== undefined) return { value: cellError(errorCode), missingFormulaResult: false };
  const booleanResult = prescan.formulaBooleans.get(address);
  if (booleanResult !== undefined) return { value: booleanResult, missingFormulaResult: false };

  let result = raw.result;
  if (result === undefined || result === null) {
    // exceljs drops falsy cached results; the prescan tells which of the rare cases this is.
    if (prescan.formulasWithoutValue.has(address) || prescan.truncated) return { value: null, missingFormulaResult: true };
    if (prescan.formulaEmptyStrings.has(address)) return { value: '', missingFormulaResult: false };
    result = 0;
  }
  if (typeof result === 'number' && isDateFormat(context.numFmt)) {
    return { value: excelSerialToDate(result, context.date1904), missingFormulaResult: false };
  }
  return { value: plainValue(result), missingFormulaResult: false };
}

function plainValue(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.normalize('NFC');
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : cellError(null);
  if (typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (!isObject(raw)) return null;
  if (typeof raw.error === 'string') return cellError(raw.error);
  if (Array.isArray(raw.richText)) return richText(raw.richText);
  if ('text' in raw) return plainValue(raw.text);
  return null;
}

function richText(runs: unknown[]): string {
  return runs
    .map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
    .join('')
    .normalize('NFC');
}

/** Same rule as exceljs uses for plain cells: date/time tokens outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(stripped);
}

/** Excel serial day number → Date at UTC midnight (+ time fraction), as exceljs does for plain cells. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
