import { parsePeriodKey } from '../../periods/domain';
import { latestStartedPeriod, MAX_RANGE_LENGTH, periodRange, PeriodRangeError } from './period-range';

const keys = (periods: Array<{ key: string }>) => periods.map((p) => p.key);

describe('period ranges for trends and matrices', () => {
  it('ends by default at the latest period that has started', () => {
    expect(latestStartedPeriod('quarterly', '2025-05-10').key).toBe('2025-Q2');
    expect(latestStartedPeriod('yearly', '2025-05-10').key).toBe('2025-Y');
    expect(latestStartedPeriod('monthly', '2025-05-10').key).toBe('2025-M05');
    expect(latestStartedPeriod('nine_monthly', '2025-11-10').key).toBe('2025-9M');
  });

  it('covers eight periods by default, across years', () => {
    expect(keys(periodRange('quarterly', '2025-05-10', undefined, undefined))).toEqual([
      '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2',
    ]);
  });

  it('takes the given bounds, both included', () => {
    expect(keys(periodRange('monthly', '2025-05-10', parsePeriodKey('2024-M11'), parsePeriodKey('2025-M02')))).toEqual(['2024-M11', '2024-M12', '2025-M01', '2025-M02']);
    expect(keys(periodRange('yearly', '2025-05-10', parsePeriodKey('2024-Y'), parsePeriodKey('2024-Y')))).toEqual(['2024-Y']);
    expect(keys(periodRange('yearly', '2025-05-10', undefined, parsePeriodKey('2024-Y')))).toHaveLength(8);
  });

  it('refuses a reversed range and one longer than the limit', () => {
    expect(() => periodRange('quarterly', '2025-05-10', parsePeriodKey('2025-Q2'), parsePeriodKey('2025-Q1'))).toThrow(PeriodRangeError);
    expect(() => periodRange('monthly', '2025-05-10', parsePeriodKey('2020-M01'), parsePeriodKey('2025-M12'))).toThrow(/Tối đa 60 kỳ/);
    expect(periodRange('monthly', '2025-05-10', parsePeriodKey('2021-M01'), parsePeriodKey('2025-M12'))).toHaveLength(MAX_RANGE_LENGTH);
  });
});
