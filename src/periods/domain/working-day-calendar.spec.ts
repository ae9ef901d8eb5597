import { CalendarOverride, CalendarOverrideError } from './calendar-override';
import { publicHolidaysOf } from './holiday-calendar';
import { WorkingDayCalendar } from './working-day-calendar';

jest.mock('./holiday-calendar', () => {
  const actual = jest.requireActual<typeof import('./holiday-calendar')>('./holiday-calendar');
  return { publicHolidaysOf: jest.fn(actual.publicHolidaysOf) };
});

/** A 2025 Tết announcement: Monday 27/1 off, made up on Saturday 8/2. */
const tet2025Swap: CalendarOverride[] = [
  { date: '2025-01-27', kind: 'day_off', reason: 'Nghỉ hoán đổi dịp Tết Nguyên Đán' },
  { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù cho thứ Hai 27/01/2025' },
];

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  describe('isWorkingDay', () => {
    it.each([
      ['2024-03-11', 'a Monday', true],
      ['2024-03-15', 'a Friday', true],
      ['2024-03-16', 'a Saturday', false],
      ['2024-03-17', 'a Sunday', false],
      ['2024-02-12', 'a Tết day', false],
      ['2024-02-15', 'a compensatory day', false],
      ['2024-02-16', 'the Friday after Tết 2024', true],
      ['2025-09-01', 'the second National Day', false],
      ['2024-02-29', 'a leap day on a Thursday', true],
    ])('%s (%s): %s', (date, _what, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('refuses an invalid date', () => {
      expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError);
    });
  });

  describe('nextWorkingDay', () => {
    it.each([
      ['2024-03-13', '2024-03-13', 'a working day is its own next working day'],
      ['2024-03-16', '2024-03-18', 'Saturday moves to Monday'],
      ['2024-02-09', '2024-02-16', 'the eve of Tết 2024 moves past Tết and its compensatory days'],
      ['2025-01-29', '2025-02-04', 'Tết 2025 moves past the compensatory Monday 3/2'],
      ['2024-08-31', '2024-09-04', 'a Saturday before National Day 2024 moves past 2/9 and 3/9'],
      ['2023-12-30', '2024-01-02', 'a weekend before New Year moves past 1/1'],
    ])('%s -> %s: %s', (date, expected) => {
      expect(calendar.nextWorkingDay(date)).toBe(expected);
    });
  });

  describe('addWorkingDays', () => {
    it('counts working days after the date, skipping weekends', () => {
      expect(calendar.addWorkingDays('2024-03-15', 1)).toBe('2024-03-18');
      expect(calendar.addWorkingDays('2024-03-16', 1)).toBe('2024-03-18');
      expect(calendar.addWorkingDays('2024-03-11', 5)).toBe('2024-03-18');
    });

    it('returns the date itself for n = 0, even on a holiday', () => {
      expect(calendar.addWorkingDays('2024-02-10', 0)).toBe('2024-02-10');
    });

    it('counts across Tết 2024: the 5th working day after Thursday 8/2 is Thursday 22/2', () => {
      expect(calendar.addWorkingDays('2024-02-08', 1)).toBe('2024-02-16');
      expect(calendar.addWorkingDays('2024-02-08', 5)).toBe('2024-02-22');
    });

    it('counts across the year boundary', () => {
      expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    });

    it.each([-1, 1.5, Number.NaN])('refuses n = %p', (n) => {
      expect(() => calendar.addWorkingDays('2024-03-11', n)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after `from` up to and including `to`', () => {
      expect(calendar.workingDaysBetween('2024-03-11', '2024-03-11')).toBe(0);
      expect(calendar.workingDaysBetween('2024-03-11', '2024-03-15')).toBe(4);
      expect(calendar.workingDaysBetween('2024-03-15', '2024-03-18')).toBe(1);
    });

    it('is the inverse of addWorkingDays, across Tết too', () => {
      for (const n of [1, 3, 5, 10, 30]) {
        expect(calendar.workingDaysBetween('2024-02-05', calendar.addWorkingDays('2024-02-05', n))).toBe(n);
      }
    });

    it('is negative when `to` is before `from`', () => {
      expect(calendar.workingDaysBetween('2024-03-15', '2024-03-11')).toBe(-4);
    });

    it('gives 251 working days in 2024 and 250 in 2025', () => {
      expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
      expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
    });
  });

  describe('holidaysOf and holidayOn', () => {
    it('lists the public holidays and compensatory days of a year', () => {
      expect(calendar.holidaysOf(2025)).toEqual(publicHolidaysOf(2025));
    });

    it('tells which holiday falls on a date', () => {
      expect(calendar.holidayOn('2025-04-07')?.name).toBe('Giỗ Tổ Hùng Vương');
      expect(calendar.holidayOn('2025-04-08')).toBeUndefined();
    });

    it('computes each year once', () => {
      const fresh = new WorkingDayCalendar();
      const computeYear = jest.mocked(publicHolidaysOf);
      computeYear.mockClear();
      fresh.holidaysOf(2026);
      fresh.isWorkingDay('2026-02-17');
      fresh.addWorkingDays('2026-02-10', 20);
      expect(computeYear.mock.calls).toEqual([[2026]]);
    });
  });

  describe('with the government announcements table', () => {
    const announced = new WorkingDayCalendar(tet2025Swap);

    it('counts a make-up Saturday as a working day', () => {
      expect(calendar.isWorkingDay('2025-02-08')).toBe(false);
      expect(announced.isWorkingDay('2025-02-08')).toBe(true);
    });

    it('does not count an announced day off', () => {
      expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
      expect(announced.isWorkingDay('2025-01-27')).toBe(false);
    });

    it('lists the announced day off under its reason', () => {
      expect(announced.holidayOn('2025-01-27')).toEqual({
        date: '2025-01-27',
        kind: 'announced_day_off',
        name: 'Nghỉ hoán đổi dịp Tết Nguyên Đán',
      });
      expect(announced.holidaysOf(2025).map((holiday) => holiday.date).slice(0, 3)).toEqual([
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
      ]);
    });

    it('names an announced day off in NFC even when the reason was typed in NFD', () => {
      const nfd = new WorkingDayCalendar([{ date: '2025-01-27', kind: 'day_off', reason: 'Nghỉ hoán đổi'.normalize('NFD') }]);
      expect(nfd.holidayOn('2025-01-27')?.name).toBe('Nghỉ hoán đổi'.normalize('NFC'));
    });

    it('uses the announcements when counting working days', () => {
      expect(announced.nextWorkingDay('2025-01-25')).toBe('2025-02-04');
      expect(announced.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
      expect(announced.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
    });

    it('lets a working_day row override a computed holiday', () => {
      const noCompensation = new WorkingDayCalendar([
        { date: '2025-02-03', kind: 'working_day', reason: 'Đi làm lại sau Tết theo thông báo' },
      ]);
      expect(noCompensation.isWorkingDay('2025-02-03')).toBe(true);
      expect(noCompensation.holidayOn('2025-02-03')).toBeUndefined();
    });

    it('keeps the public holiday when a day_off row repeats it', () => {
      const repeated = new WorkingDayCalendar([{ date: '2025-04-30', kind: 'day_off', reason: 'Lễ 30/4' }]);
      expect(repeated.holidayOn('2025-04-30')?.name).toBe('Ngày Chiến thắng');
    });

    it('refuses an invalid table, listing the problems', () => {
      const build = () => new WorkingDayCalendar([...tet2025Swap, { ...tet2025Swap[0], reason: '' }]);
      expect(build).toThrow(CalendarOverrideError);
      expect(build).toThrow(/overrides\[2\]\.date: ngày 2025-01-27 bị trùng/);
    });
  });
});
