import type { CellValue } from './cell-value';

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
  track(values: readonly CellValue[], rowNumber: number): number | null {
    if (values.some((value) => value === null)) return null;
    // One-column keys (the usual case) are used as they are; composite ones are serialised.
    const key = values.length === 1 ? (values[0] as string | number | boolean) : JSON.stringify(values);
    const firstRow = this.firstRowByKey.get(key);
    if (firstRow !== undefined) return firstRow;
    this.firstRowByKey.set(key, rowNumber);
    return null;
  }
}
