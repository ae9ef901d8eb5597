import {
  addDays,
  clampedDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isWeekend,
  parseIsoDate,
  toDayNumber,
} from './iso-date';

describe('ISO calendar dates', () => {
  describe('isIsoDate', () => {
    it.each(['2024-02-29', '2000-02-29', '2023-12-31', '1900-01-01'])('accepts the real date %s', (date) => {
      expect(isIsoDate(date)).toBe(true);
    });

    it.each<[unknown, string]>([
      ['2023-02-29', 'February 29 of a common year'],
      ['1900-02-29', 'February 29 of a century year not divisible by 400'],
      ['2024-04-31', 'April 31'],
      ['2024-13-01', 'month 13'],
      ['2024-00-10', 'month 0'],
      ['2024-1-5', 'one-digit month and day'],
      ['24-01-05', 'a two-digit year'],
      ['2024-01-05T00:00:00Z', 'a timestamp'],
      [' 2024-01-05', 'surrounding spaces'],
      [20240105, 'a number'],
    ])('rejects %s (%s)', (value) => {
      expect(isIsoDate(value)).toBe(false);
    });
  });

  it('parses a date into its parts and refuses an invalid one', () => {
    expect(parseIsoDate('2024-03-09')).toEqual({ year: 2024, month: 3, day: 9 });
    expect(() => parseIsoDate('2024-02-30')).toThrow(RangeError);
  });

  it('formats parts with zero padding and refuses a non-existent date', () => {
    expect(formatIsoDate(2024, 3, 9)).toBe('2024-03-09');
    expect(() => formatIsoDate(2023, 2, 29)).toThrow(RangeError);
  });

  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('knows whether %i is a leap year', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('gives %i-%i %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    [2024, 2, 31, '2024-02-29'],
    [2023, 2, 31, '2023-02-28'],
    [2024, 2, 30, '2024-02-29'],
    [2024, 6, 31, '2024-06-30'],
    [2024, 7, 31, '2024-07-31'],
    [2024, 6, 10, '2024-06-10'],
  ])('clamps day %i-%i-%i to the month, giving %s', (year, month, day, expected) => {
    expect(clampedDate(year, month, day)).toBe(expected);
  });

  it('counts day numbers from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('counts calendar days between dates, negative backwards', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it.each([
    ['2024-01-01', 1, false],
    ['2024-02-10', 6, true],
    ['2024-02-11', 0, true],
    ['2024-09-02', 1, false],
    ['2023-09-02', 6, true],
  ])('knows %s is weekday %i (weekend: %s)', (date, weekday, weekend) => {
    expect(dayOfWeek(date)).toBe(weekday);
    expect(isWeekend(date)).toBe(weekend);
  });
});
