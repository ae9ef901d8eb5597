import { parsePeriodKey, PeriodKeyError } from './period-key';
import {
  nextPeriod,
  periodContaining,
  periodsBetween,
  periodsBetweenKeys,
  previousPeriod,
  samePeriodLastYear,
} from './period-navigation';

const keys = (periods: { key: string }[]) => periods.map((period) => period.key);

describe('moving between periods', () => {
  it.each([
    ['2024-M03', '2024-M02', '2024-M04'],
    ['2024-M01', '2023-M12', '2024-M02'],
    ['2024-M12', '2024-M11', '2025-M01'],
    ['2024-Q1', '2023-Q4', '2024-Q2'],
    ['2024-Q4', '2024-Q3', '2025-Q1'],
    ['2024-H1', '2023-H2', '2024-H2'],
    ['2024-H2', '2024-H1', '2025-H1'],
    ['2024-9M', '2023-9M', '2025-9M'],
    ['2024-Y', '2023-Y', '2025-Y'],
  ])('%s comes after %s and before %s', (key, previous, next) => {
    expect(previousPeriod(parsePeriodKey(key)).key).toBe(previous);
    expect(nextPeriod(parsePeriodKey(key)).key).toBe(next);
  });

  it.each([
    ['2024-M02', '2023-M02'],
    ['2024-Q1', '2023-Q1'],
    ['2024-H2', '2023-H2'],
    ['2024-9M', '2023-9M'],
    ['2024-Y', '2023-Y'],
  ])('compares %s with %s of the year before', (key, lastYear) => {
    expect(samePeriodLastYear(parsePeriodKey(key)).key).toBe(lastYear);
  });

  describe('periodContaining', () => {
    it.each([
      ['monthly', '2024-02-29', '2024-M02'],
      ['quarterly', '2024-03-31', '2024-Q1'],
      ['quarterly', '2024-04-01', '2024-Q2'],
      ['quarterly', '2024-12-31', '2024-Q4'],
      ['half_yearly', '2024-06-30', '2024-H1'],
      ['half_yearly', '2024-07-01', '2024-H2'],
      ['nine_monthly', '2024-09-30', '2024-9M'],
      ['yearly', '2024-12-31', '2024-Y'],
    ] as const)('finds the %s period of %s: %s', (type, date, key) => {
      expect(periodContaining(type, date)?.key).toBe(key);
    });

    it('finds no nine-month period for October to December', () => {
      expect(periodContaining('nine_monthly', '2024-10-01')).toBeUndefined();
    });

    it('refuses an invalid date', () => {
      expect(() => periodContaining('monthly', '2024-02-30')).toThrow(RangeError);
    });
  });

  describe('periodsBetween', () => {
    it('lists the periods overlapping the dates, across a year boundary', () => {
      expect(keys(periodsBetween('quarterly', '2023-11-15', '2024-04-01'))).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
      expect(keys(periodsBetween('monthly', '2023-12-31', '2024-01-01'))).toEqual(['2023-M12', '2024-M01']);
    });

    it('lists one period when both dates fall in it', () => {
      expect(keys(periodsBetween('yearly', '2024-03-01', '2024-03-02'))).toEqual(['2024-Y']);
    });

    it('skips the months no nine-month period covers', () => {
      expect(keys(periodsBetween('nine_monthly', '2023-10-01', '2024-12-31'))).toEqual(['2024-9M']);
      expect(periodsBetween('nine_monthly', '2024-10-01', '2024-12-31')).toEqual([]);
    });

    it('is empty when from is after to', () => {
      expect(periodsBetween('monthly', '2024-05-01', '2024-04-30')).toEqual([]);
    });
  });

  describe('periodsBetweenKeys', () => {
    it('lists both ends and everything in between', () => {
      expect(keys(periodsBetweenKeys('2023-H2', '2025-H1'))).toEqual(['2023-H2', '2024-H1', '2024-H2', '2025-H1']);
      expect(keys(periodsBetweenKeys('2024-M11', '2025-M02'))).toEqual(['2024-M11', '2024-M12', '2025-M01', '2025-M02']);
      expect(keys(periodsBetweenKeys('2024-Q2', '2024-Q2'))).toEqual(['2024-Q2']);
    });

    it('refuses keys of different types', () => {
      expect(() => periodsBetweenKeys('2024-Q1', '2024-M06')).toThrow(PeriodKeyError);
    });
  });
});
