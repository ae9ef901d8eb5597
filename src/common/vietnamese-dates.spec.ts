import { formatVietnameseDate, formatVietnameseDateTime, formatVietnameseDateTimeSeconds } from './vietnamese-dates';

describe('Vietnamese dates for people', () => {
  it('writes ISO dates as dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2025-02-04')).toBe('04/02/2025');
    expect(formatVietnameseDate('2024-12-31')).toBe('31/12/2024');
    expect(() => formatVietnameseDate('04/02/2025')).toThrow(RangeError);
  });

  it('writes instants in Vietnam time, whatever the process time zone', () => {
    // 17:00 UTC on 18 June is midnight of 19 June in Vietnam.
    expect(formatVietnameseDateTime(new Date('2024-06-18T17:00:00.000Z'))).toBe('19/06/2024 00:00');
    expect(formatVietnameseDateTimeSeconds('2025-02-10T03:04:05Z')).toBe('10/02/2025 10:04:05');
    expect(formatVietnameseDateTime('2024-12-31T18:00:00Z')).toBe('01/01/2025 01:00');
    expect(() => formatVietnameseDateTime('not a date')).toThrow(RangeError);
  });
});
