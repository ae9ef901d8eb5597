import { formatPeriodKey, periodOf } from './period';
import { isPeriodType, PERIOD_TYPES } from './period-type';

describe('periodOf', () => {
  it.each([
    ['monthly', 2024, 3, '2024-M03', '2024-03-01', '2024-03-31', 'Tháng 3/2024'],
    ['monthly', 2024, 2, '2024-M02', '2024-02-01', '2024-02-29', 'Tháng 2/2024'],
    ['monthly', 2023, 2, '2023-M02', '2023-02-01', '2023-02-28', 'Tháng 2/2023'],
    ['monthly', 2024, 12, '2024-M12', '2024-12-01', '2024-12-31', 'Tháng 12/2024'],
    ['quarterly', 2024, 1, '2024-Q1', '2024-01-01', '2024-03-31', 'Quý I/2024'],
    ['quarterly', 2024, 2, '2024-Q2', '2024-04-01', '2024-06-30', 'Quý II/2024'],
    ['quarterly', 2024, 3, '2024-Q3', '2024-07-01', '2024-09-30', 'Quý III/2024'],
    ['quarterly', 2024, 4, '2024-Q4', '2024-10-01', '2024-12-31', 'Quý IV/2024'],
    ['half_yearly', 2024, 1, '2024-H1', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    ['half_yearly', 2024, 2, '2024-H2', '2024-07-01', '2024-12-31', '6 tháng cuối năm 2024'],
    ['nine_monthly', 2024, 1, '2024-9M', '2024-01-01', '2024-09-30', '9 tháng năm 2024'],
    ['yearly', 2024, 1, '2024-Y', '2024-01-01', '2024-12-31', 'Năm 2024'],
  ] as const)('builds %s %i #%i as %s, %s..%s, "%s"', (type, year, index, key, start, end, label) => {
    expect(periodOf(type, year, index)).toEqual({ key, type, year, index, start, end, label });
  });

  it('writes labels in NFC', () => {
    for (const type of PERIOD_TYPES) {
      const { label } = periodOf(type, 2024, 1);
      expect(label).toBe(label.normalize('NFC'));
    }
  });

  it('returns a frozen value', () => {
    expect(Object.isFrozen(periodOf('quarterly', 2024, 1))).toBe(true);
  });

  it.each([
    ['monthly', 13],
    ['monthly', 0],
    ['quarterly', 5],
    ['half_yearly', 3],
    ['nine_monthly', 2],
    ['yearly', 2],
    ['quarterly', 1.5],
  ] as const)('refuses a %s index of %p', (type, index) => {
    expect(() => periodOf(type, 2024, index)).toThrow(RangeError);
  });

  it('refuses a year outside 1900-2199', () => {
    expect(() => periodOf('yearly', 1899, 1)).toThrow(RangeError);
    expect(() => periodOf('yearly', 2200, 1)).toThrow(RangeError);
  });

  it('formats keys from type, year and index', () => {
    expect(formatPeriodKey({ type: 'monthly', year: 2024, index: 1 })).toBe('2024-M01');
    expect(formatPeriodKey({ type: 'nine_monthly', year: 2030, index: 1 })).toBe('2030-9M');
  });

  it('recognises the five period types', () => {
    expect(PERIOD_TYPES).toEqual(['monthly', 'quarterly', 'half_yearly', 'nine_monthly', 'yearly']);
    expect(isPeriodType('quarterly')).toBe(true);
    expect(isPeriodType('weekly')).toBe(false);
  });
});
