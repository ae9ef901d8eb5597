import { endOfVietnamDay, startOfVietnamDay, vietnamDateOf } from './vietnam-time';

describe('Vietnam time (UTC+7, no daylight saving)', () => {
  it('reads the Vietnamese date of an instant, which is ahead of UTC from 17:00 UTC', () => {
    expect(vietnamDateOf(new Date('2024-03-14T16:59:59.999Z'))).toBe('2024-03-14');
    expect(vietnamDateOf(new Date('2024-03-14T17:00:00.000Z'))).toBe('2024-03-15');
    expect(vietnamDateOf(new Date('2023-12-31T17:00:00.000Z'))).toBe('2024-01-01');
  });

  it('gives midnight and the last millisecond of a Vietnamese day as instants', () => {
    expect(startOfVietnamDay('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(endOfVietnamDay('2024-01-01').toISOString()).toBe('2024-01-01T16:59:59.999Z');
  });

  it('keeps the offset in northern summer too (no DST)', () => {
    expect(endOfVietnamDay('2024-07-31').toISOString()).toBe('2024-07-31T16:59:59.999Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => vietnamDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});
