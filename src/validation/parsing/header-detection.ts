import type { CellRange } from './cell-address';
import { keyMatchKey, labelMatchKey, normalizeHeaderText } from './header-text';
import type { UploadRow } from './upload-types';

export type HeaderSource = 'keys' | 'labels';

export interface HeaderDetectionOptions {
  /** Column labels and aliases the schema accepts (matched without diacritics, case-insensitively). */
  knownHeaders: readonly string[];
  /** Field keys (snake_case) the schema defines. */
  knownKeys: readonly string[];
  /** Merged ranges of the sheet (XLSX); cells under a merge take the master cell's value, for header purposes only. */
  merges?: readonly CellRange[];
  /** How many leading non-empty rows may hold the header (default 10). */
  scanRows?: number;
}

export interface DetectedHeader {
  /** Row holding the column labels (or the keys when the file only has a key row). */
  headerRowNumber: number;
  /** Row holding field keys right below the labels (the template's hidden row 2), if any. */
  keyRowNumber?: number;
  /** Column names: keys when headerSource is 'keys' (falling back to the label where a key cell is empty), else labels. */
  header: string[];
  /** Normalised text of the header row (labels). */
  labels: string[];
  headerSource: HeaderSource;
  /** False when no row qualified and the first non-empty row was taken as a fallback. */
  recognised: boolean;
  /** Rows above the header (title block) that were skipped. */
  skippedRowNumbers: number[];
  /** Index into the window of the first data row. */
  dataStartIndex: number;
}

export const HEADER_SCAN_ROWS = 10;

/**
 * Chooses the header among the first rows of a sheet (`window`, non-empty rows in file order):
 * the first of the first `scanRows` rows in which at least half of the non-empty cells (and at least
 * one) are known labels/aliases or keys. Earlier rows are a title block and are skipped. If the row
 * right after it consists only of known keys, it is the key row: the header then comes from the keys
 * (`headerSource: 'keys'`) and the key row is not data. A header row made only of keys is also
 * `'keys'`. When nothing qualifies, the first row is the header (`recognised: false`).
 * Returns undefined for an empty window.
 */
export function detectHeader(window: readonly UploadRow[], options: HeaderDetectionOptions): DetectedHeader | undefined {
  if (window.length === 0) return undefined;
  const labels = new Set(options.knownHeaders.map(labelMatchKey).filter((k) => k !== ''));
  const keys = new Set(options.knownKeys.map(keyMatchKey).filter((k) => k !== ''));
  const filled = fillMerges(window, options.merges ?? []);
  const limit = Math.min(window.length, options.scanRows ?? HEADER_SCAN_ROWS);

  let index = -1;
  for (let i = 0; i < limit && index < 0; i++) {
    const texts = headerTexts(filled[i]).filter((t) => t !== '');
    const matches = texts.filter((t) => labels.has(labelMatchKey(t)) || keys.has(keyMatchKey(t))).length;
    if (matches > 0 && matches * 2 >= texts.length) index = i;
  }
  const recognised = index >= 0;
  if (!recognised) index = 0;

  const headerLabels = trimTrailingEmpty(headerTexts(filled[index]));
  const isKeyRow = (cells: readonly unknown[]) => {
    const texts = headerTexts(cells).filter((t) => t !== '');
    return keys.size > 0 && texts.length > 0 && texts.every((t) => keys.has(keyMatchKey(t)));
  };
  const base = {
    headerRowNumber: window[index].rowNumber,
    labels: headerLabels,
    recognised,
    skippedRowNumbers: window.slice(0, index).map((row) => row.rowNumber),
  };

  const next = window[index + 1];
  if (recognised && next && !isKeyRow(window[index].cells) && isKeyRow(next.cells)) {
    const keyTexts = headerTexts(next.cells);
    const width = Math.max(headerLabels.length, trimTrailingEmpty(keyTexts).length);
    const header = Array.from({ length: width }, (_, i) => keyTexts[i] || headerLabels[i] || '');
    return { ...base, keyRowNumber: next.rowNumber, header, headerSource: 'keys', dataStartIndex: index + 2 };
  }
  return {
    ...base,
    header: headerLabels,
    headerSource: recognised && isKeyRow(window[index].cells) ? 'keys' : 'labels',
    dataStartIndex: index + 1,
  };
}

/** Copies of the rows' cells where every empty cell covered by a merge shows the merge's top-left value. */
function fillMerges(window: readonly UploadRow[], merges: readonly CellRange[]): unknown[][] {
  const rows = window.map((row) => [...row.cells]);
  if (merges.length === 0) return rows;
  const indexOfRow = new Map(window.map((row, i) => [row.rowNumber, i]));
  for (const merge of merges) {
    const master = indexOfRow.get(merge.top);
    const value = master === undefined ? undefined : window[master].cells[merge.left - 1];
    if (value === undefined || value === null || value === '') continue;
    for (let r = merge.top; r <= merge.bottom; r++) {
      const i = indexOfRow.get(r);
      if (i === undefined) continue;
      for (let c = merge.left; c <= merge.right; c++) {
        const current = rows[i][c - 1];
        if (current === undefined || current === null || current === '') rows[i][c - 1] = value;
      }
    }
  }
  return rows;
}

/** Normalised texts of a row, holes included (merge filling can leave sparse arrays). */
function headerTexts(cells: readonly unknown[]): string[] {
  return Array.from(cells, (cell) => normalizeHeaderText(cell));
}

function trimTrailingEmpty(texts: string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end);
}
