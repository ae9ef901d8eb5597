import { cutoffWindow } from './cutoff-window';
import { parsePeriodKey } from './period-key';

const windowOf = (key: string, kind: 'decree09' | 'calendar') => {
  const { start, end } = cutoffWindow(parsePeriodKey(key), kind);
  return `${start}..${end}`;
};

describe('data cut-off windows', () => {
  describe('Decree 09/2019/NĐ-CP: from the 15th of the month before the period to the 14th of its last month', () => {
    it.each([
      ['2024-M03', '2024-02-15..2024-03-14'],
      ['2024-M01', '2023-12-15..2024-01-14'],
      ['2024-M12', '2024-11-15..2024-12-14'],
      ['2024-Q1', '2023-12-15..2024-03-14'],
      ['2024-Q2', '2024-03-15..2024-06-14'],
      ['2024-Q3', '2024-06-15..2024-09-14'],
      ['2024-Q4', '2024-09-15..2024-12-14'],
      ['2024-H1', '2023-12-15..2024-06-14'],
      ['2024-H2', '2024-06-15..2024-12-14'],
      ['2024-9M', '2023-12-15..2024-09-14'],
      ['2024-Y', '2023-12-15..2024-12-14'],
    ])('%s: %s', (key, expected) => {
      expect(windowOf(key, 'decree09')).toBe(expected);
    });

    it('lets consecutive windows meet without gap or overlap', () => {
      expect(windowOf('2024-Q1', 'decree09').endsWith('2024-03-14')).toBe(true);
      expect(windowOf('2024-Q2', 'decree09').startsWith('2024-03-15')).toBe(true);
      expect(windowOf('2024-H1', 'decree09').endsWith('2024-06-14')).toBe(true);
      expect(windowOf('2024-H2', 'decree09').startsWith('2024-06-15')).toBe(true);
      expect(windowOf('2024-Y', 'decree09').endsWith('2024-12-14')).toBe(true);
      expect(windowOf('2025-Y', 'decree09').startsWith('2024-12-15')).toBe(true);
    });
  });

  describe('calendar (Circular 35/2016/TT-BTTTT): the period’s own dates', () => {
    it.each([
      ['2024-M02', '2024-02-01..2024-02-29'],
      ['2023-M02', '2023-02-01..2023-02-28'],
      ['2024-Q1', '2024-01-01..2024-03-31'],
      ['2024-H1', '2024-01-01..2024-06-30'],
      ['2024-H2', '2024-07-01..2024-12-31'],
      ['2024-9M', '2024-01-01..2024-09-30'],
      ['2024-Y', '2024-01-01..2024-12-31'],
    ])('%s: %s', (key, expected) => {
      expect(windowOf(key, 'calendar')).toBe(expected);
    });
  });

  it('records its kind', () => {
    expect(cutoffWindow(parsePeriodKey('2024-Q1'), 'calendar').kind).toBe('calendar');
    expect(cutoffWindow(parsePeriodKey('2024-Q1'), 'decree09').kind).toBe('decree09');
  });
});
