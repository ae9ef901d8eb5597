import { WorkingDayCalendar } from '../../periods/domain';
import { isSendingTime, vietnamHourOf } from './sending-window';

const calendar = new WorkingDayCalendar();
const hours = { fromHour: 8, untilHour: 17 };

describe('vietnamHourOf', () => {
  it('reads the hour in Vietnam (UTC+7) as a fraction', () => {
    expect(vietnamHourOf(new Date('2025-03-12T01:00:00Z'))).toBe(8);
    expect(vietnamHourOf(new Date('2025-03-12T01:30:00Z'))).toBe(8.5);
    expect(vietnamHourOf(new Date('2025-03-11T17:00:00Z'))).toBe(0);
  });
});

describe('isSendingTime (08:00-17:00, working days, Vietnam time)', () => {
  it.each([
    ['2025-03-12T00:59:59Z', false, 'Wednesday 07:59:59'],
    ['2025-03-12T01:00:00Z', true, 'Wednesday 08:00'],
    ['2025-03-12T09:59:59Z', true, 'Wednesday 16:59:59'],
    ['2025-03-12T10:00:00Z', false, 'Wednesday 17:00'],
    ['2025-03-11T20:00:00Z', false, 'Wednesday 03:00 (still Tuesday in UTC)'],
    ['2025-03-15T03:00:00Z', false, 'Saturday 10:00'],
    ['2025-03-16T03:00:00Z', false, 'Sunday 10:00'],
    ['2025-01-29T03:00:00Z', false, 'the first day of Tết 2025'],
    ['2025-09-02T03:00:00Z', false, 'National Day'],
  ])('%s: %s (%s)', (instant, expected) => {
    expect(isSendingTime(new Date(instant), calendar, hours)).toBe(expected);
  });

  it('follows an announced working Saturday and an announced day off', () => {
    const announced = new WorkingDayCalendar([
      { date: '2025-03-15', kind: 'working_day', reason: 'Làm bù' },
      { date: '2025-03-12', kind: 'day_off', reason: 'Nghỉ bù' },
    ]);
    expect(isSendingTime(new Date('2025-03-15T03:00:00Z'), announced, hours)).toBe(true);
    expect(isSendingTime(new Date('2025-03-12T03:00:00Z'), announced, hours)).toBe(false);
  });

  it('accepts a window to midnight', () => {
    expect(isSendingTime(new Date('2025-03-12T16:59:00Z'), calendar, { fromHour: 0, untilHour: 24 })).toBe(true);
  });
});
