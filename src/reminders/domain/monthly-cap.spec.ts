import { underMonthlyCap, vietnamMonthOf } from './monthly-cap';

describe('vietnamMonthOf', () => {
  it('is the calendar month in Vietnam, from its midnight (17:00 UTC the day before)', () => {
    expect(vietnamMonthOf(new Date('2025-02-10T03:00:00Z'))).toEqual({
      start: new Date('2025-01-31T17:00:00Z'),
      end: new Date('2025-02-28T17:00:00Z'),
    });
  });

  it('puts the evening of the last UTC day of a month in the next month when it is already that month in Vietnam', () => {
    expect(vietnamMonthOf(new Date('2025-01-31T17:30:00Z')).start).toEqual(new Date('2025-01-31T17:00:00Z'));
    expect(vietnamMonthOf(new Date('2025-01-31T16:59:59Z')).start).toEqual(new Date('2024-12-31T17:00:00Z'));
  });

  it('rolls December over into January', () => {
    expect(vietnamMonthOf(new Date('2024-12-15T03:00:00Z'))).toEqual({
      start: new Date('2024-11-30T17:00:00Z'),
      end: new Date('2024-12-31T17:00:00Z'),
    });
  });
});

describe('underMonthlyCap', () => {
  it('allows reminders below the cap and refuses at it', () => {
    expect(underMonthlyCap(0, 2)).toBe(true);
    expect(underMonthlyCap(1, 2)).toBe(true);
    expect(underMonthlyCap(2, 2)).toBe(false);
    expect(underMonthlyCap(5, 2)).toBe(false);
  });

  it('treats a cap of 0 as no cap', () => {
    expect(underMonthlyCap(1000, 0)).toBe(true);
  });
});
