import type { TypedRow } from './cell-value';

/**
 * Remembers the first row of every key seen for one uniqueness constraint. This is the only
 * state of the validator that grows with the number of rows.
 */
export class UniqueKeyTracker {
  private readonly firstRowByKey = new Map<string | number | boolean, number>();

  constructor(readonly fields: readonly string[]) {}

  /**
   * Records the row's key and returns the first row that had it, or null when the key is new.
   * Rows with an empty key field are not tracked: the empty cell is its own issue.
   */
  track(row: TypedRow, rowNumber: number): number | null {
    const key = this.keyOf(row);
    if (key === null) return null;
    const firstRow = this.firstRowByKey.get(key);
    if (firstRow !== undefined) return firstRow;
    this.firstRowByKey.set(typeof key === 'string' ? detached(key) : key, rowNumber);
    return null;
  }

  /** One-column keys (the usual case) are used as they are; composite ones are serialised. */
  private keyOf(row: TypedRow): string | number | boolean | null {
    if (this.fields.length === 1) return row[this.fields[0]] ?? null;
    const values = this.fields.map((field) => row[field] ?? null);
    return values.includes(null) ? null : JSON.stringify(values);
  }
}

/**
 * A copy of `text` that shares no memory with a longer string. Cell values can be V8 slices of the
 * decoded file chunk they came from; kept as keys for the whole file, they would keep every chunk alive.
 */
function detached(text: string): string {
  // V8 copies substrings shorter than 13 characters anyway.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
