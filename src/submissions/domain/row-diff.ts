export type RowData = Record<string, number | string | boolean | null>;

export interface KeyedRow {
  rowNumber: number;
  data: RowData;
}

export interface FieldChange {
  field: string;
  from: RowData[string];
  to: RowData[string];
}

export interface RowDifference {
  /** The row's key: its key-column values, or its position among data rows when the schema has no key. */
  key: string;
  kind: 'added' | 'removed' | 'changed';
  fromRow: number | null;
  toRow: number | null;
  changes: FieldChange[];
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface RowDiff {
  summary: DiffSummary;
  differences: RowDifference[];
  /** Some differences were counted but not listed. */
  truncated: boolean;
}

/** How rows are matched between versions: by the schema's key columns, else by position. */
export function rowKeyOf(keyFields: readonly string[]): (row: KeyedRow, position: number) => string {
  if (keyFields.length === 0) return (_row, position) => `#${position + 1}`;
  return (row) => keyFields.map((field) => String(row.data[field] ?? '')).join(' | ');
}

/**
 * Compares two versions row by row and field by field. Rows are matched by key; a key seen twice
 * keeps its first row (duplicates are the validator's business).
 */
export function diffRows(
  before: readonly KeyedRow[],
  after: readonly KeyedRow[],
  keyFields: readonly string[],
  fields: readonly string[],
  limit = 1000,
): RowDiff {
  const keyOf = rowKeyOf(keyFields);
  const index = (rows: readonly KeyedRow[]) => {
    const map = new Map<string, KeyedRow>();
    rows.forEach((row, position) => {
      const key = keyOf(row, position);
      if (!map.has(key)) map.set(key, row);
    });
    return map;
  };
  const old = index(before);
  const next = index(after);
  const summary: DiffSummary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const differences: RowDifference[] = [];
  const note = (difference: RowDifference) => {
    summary[difference.kind] += 1;
    if (differences.length < limit) differences.push(difference);
  };
  for (const [key, row] of next) {
    const previous = old.get(key);
    if (!previous) {
      note({ key, kind: 'added', fromRow: null, toRow: row.rowNumber, changes: [] });
      continue;
    }
    const changes = fields
      .filter((field) => !sameValue(previous.data[field] ?? null, row.data[field] ?? null))
      .map((field) => ({ field, from: previous.data[field] ?? null, to: row.data[field] ?? null }));
    if (changes.length === 0) summary.unchanged += 1;
    else note({ key, kind: 'changed', fromRow: previous.rowNumber, toRow: row.rowNumber, changes });
  }
  for (const [key, row] of old) {
    if (!next.has(key)) note({ key, kind: 'removed', fromRow: row.rowNumber, toRow: null, changes: [] });
  }
  return { summary, differences, truncated: summary.added + summary.removed + summary.changed > differences.length };
}

function sameValue(a: RowData[string], b: RowData[string]): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
