import { diffRows, rowKeyOf } from './row-diff';

const fields = ['chi_tieu', 'trong_nam', 'luy_ke'];
const row = (rowNumber: number, chi_tieu: string, trong_nam: number | null, luy_ke: number) => ({ rowNumber, data: { chi_tieu, trong_nam, luy_ke } });

describe('diffRows', () => {
  it('matches rows by key columns and reports added, removed and changed fields', () => {
    const before = [row(2, 'A', 1, 10), row(3, 'B', 2, 20), row(4, 'C', 3, 30)];
    const after = [row(2, 'B', 2, 25), row(3, 'A', 1, 10), row(4, 'D', 4, 40)];
    const diff = diffRows(before, after, ['chi_tieu'], fields);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.differences).toEqual([
      { key: 'B', kind: 'changed', fromRow: 3, toRow: 2, changes: [{ field: 'luy_ke', from: 20, to: 25 }] },
      { key: 'D', kind: 'added', fromRow: null, toRow: 4, changes: [] },
      { key: 'C', kind: 'removed', fromRow: 4, toRow: null, changes: [] },
    ]);
    expect(diff.truncated).toBe(false);
  });

  it('matches by position when the schema has no key columns', () => {
    const diff = diffRows([row(2, 'A', 1, 10)], [row(5, 'A', null, 10), row(6, 'B', 1, 1)], [], fields);
    expect(diff.differences).toEqual([
      { key: '#1', kind: 'changed', fromRow: 2, toRow: 5, changes: [{ field: 'trong_nam', from: 1, to: null }] },
      { key: '#2', kind: 'added', fromRow: null, toRow: 6, changes: [] },
    ]);
  });

  it('treats numbers equal within rounding as unchanged', () => {
    expect(diffRows([row(2, 'A', 0.1 + 0.2, 1)], [row(2, 'A', 0.3, 1)], ['chi_tieu'], fields).summary.unchanged).toBe(1);
  });

  it('counts everything but lists at most the limit', () => {
    const after = Array.from({ length: 5 }, (_, i) => row(i + 2, `K${i}`, i, i));
    const diff = diffRows([], after, ['chi_tieu'], fields, 2);
    expect(diff.summary.added).toBe(5);
    expect(diff.differences).toHaveLength(2);
    expect(diff.truncated).toBe(true);
  });

  it('builds composite keys from several columns', () => {
    expect(rowKeyOf(['a', 'b'])({ rowNumber: 1, data: { a: 'x', b: 2 } }, 0)).toBe('x | 2');
  });
});
