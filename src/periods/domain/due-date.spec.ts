import { CutoffWindowKind, cutoffWindow } from './cutoff-window';
import { DeadlineRule } from './deadline-rule';
import { computeDueDate, dueInstant } from './due-date';
import { parsePeriodKey } from './period-key';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

const dueDate = (rule: DeadlineRule, key: string, windowKind: CutoffWindowKind = 'decree09', days = calendar) => {
  const period = parsePeriodKey(key);
  return computeDueDate(rule, period, cutoffWindow(period, windowKind), days);
};

describe('computeDueDate', () => {
  describe('day_of_month rules', () => {
    const circular35HalfYear: DeadlineRule = { kind: 'day_of_month', monthOffset: 1, day: 31 };
    const circular04Quarterly: DeadlineRule = { kind: 'day_of_month', monthOffset: 1, day: 10 };

    it.each([
      ['2024-H1', '2024-07-31', 'a Wednesday, kept'],
      ['2022-H1', '2022-08-01', '31/07/2022 is a Sunday, moved to Monday'],
      ['2027-H1', '2027-08-02', '31/07/2027 is a Saturday, moved to Monday'],
    ])('Circular 35/2016 half-year report %s is due %s (%s)', (key, expected) => {
      expect(dueDate(circular35HalfYear, key, 'calendar')).toBe(expected);
    });

    it('Circular 35/2016 annual report 2023 is due 31/01/2024', () => {
      expect(dueDate(circular35HalfYear, '2023-Y', 'calendar')).toBe('2024-01-31');
    });

    it('Circular 35/2016 annual report 2024 is due 31/01/2025, a Tết day, so 04/02/2025', () => {
      expect(dueDate(circular35HalfYear, '2024-Y', 'calendar')).toBe('2025-02-04');
    });

    it.each([
      ['2024-Q1', '2024-04-10'],
      ['2024-Q4', '2025-01-10'],
      ['2027-Q1', '2027-04-12'],
    ])('Circular 04/2022 quarterly report %s is due %s', (key, expected) => {
      expect(dueDate(circular04Quarterly, key)).toBe(expected);
    });

    it('Circular 04/2022 annual report by 15/3: 2024 is due Monday 17/03/2025', () => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 3, day: 15 }, '2024-Y')).toBe('2025-03-17');
    });

    it('Circular 02/2023 deadlines inside the period: quarterly by the 6th of the last month, annual by 25/11', () => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 0, day: 6 }, '2024-Q2')).toBe('2024-06-06');
      expect(dueDate({ kind: 'day_of_month', monthOffset: -1, day: 25 }, '2024-Y')).toBe('2024-11-25');
    });

    it('moves a due date of 29/01/2025 past Tết and the compensatory Monday', () => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 1, day: 29 }, '2024-M12')).toBe('2025-02-04');
    });

    it.each([
      ['2024-M01', 31, '2024-02-29'],
      ['2024-M01', 30, '2024-02-29'],
      ['2023-M01', 31, '2023-02-28'],
      ['2023-M01', 29, '2023-02-28'],
      ['2024-M03', 31, '2024-04-30'],
    ])('clamps: %s with day %i of the next month is due %s', (key, day, expected) => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 1, day, adjust: 'none' }, key)).toBe(expected);
    });

    it('adjusts after clamping: day 31 of June 2024 is Sunday 30/06, moved to 01/07', () => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 1, day: 31 }, '2024-M05')).toBe('2024-07-01');
    });
  });

  describe('days_after_cutoff rules', () => {
    // Decree 09 window of Q1/2024 ends Thursday 14/03/2024.
    it.each<[DeadlineRule, string]>([
      [{ kind: 'days_after_cutoff', days: 1, dayType: 'working' }, '2024-03-15'],
      [{ kind: 'days_after_cutoff', days: 2, dayType: 'working' }, '2024-03-18'],
      [{ kind: 'days_after_cutoff', days: 5, dayType: 'calendar' }, '2024-03-19'],
      [{ kind: 'days_after_cutoff', days: 2, dayType: 'calendar' }, '2024-03-18'],
      [{ kind: 'days_after_cutoff', days: 2, dayType: 'calendar', adjust: 'none' }, '2024-03-16'],
    ])('for 2024-Q1, %o gives %s', (rule, expected) => {
      expect(dueDate(rule, '2024-Q1')).toBe(expected);
    });

    it('counts working days across Tết 2024 (window of 2024-M02 ends on compensatory day 14/02)', () => {
      expect(dueDate({ kind: 'days_after_cutoff', days: 1, dayType: 'working' }, '2024-M02')).toBe('2024-02-16');
      expect(dueDate({ kind: 'days_after_cutoff', days: 3, dayType: 'working' }, '2024-M02')).toBe('2024-02-20');
      expect(dueDate({ kind: 'days_after_cutoff', days: 1, dayType: 'calendar' }, '2024-M02')).toBe('2024-02-16');
    });

    it('counts from the window of the obligation: 31 calendar days after 31/12/2024 lands in Tết 2025', () => {
      const rule: DeadlineRule = { kind: 'days_after_cutoff', days: 31, dayType: 'calendar' };
      expect(dueDate(rule, '2024-Y', 'calendar')).toBe('2025-02-04');
      expect(dueDate({ ...rule, adjust: 'none' }, '2024-Y', 'calendar')).toBe('2025-01-31');
      expect(dueDate(rule, '2024-Y', 'decree09')).toBe('2025-01-14');
    });
  });

  describe('with the government announcements table', () => {
    const announced = new WorkingDayCalendar([
      { date: '2025-02-08', kind: 'working_day', reason: 'Làm bù cho thứ Hai 27/01/2025' },
      { date: '2025-04-11', kind: 'day_off', reason: 'Nghỉ theo thông báo' },
    ]);

    it('keeps a due date on a make-up Saturday', () => {
      const rule: DeadlineRule = { kind: 'day_of_month', monthOffset: 1, day: 8 };
      expect(dueDate(rule, '2025-M01', 'decree09', calendar)).toBe('2025-02-10');
      expect(dueDate(rule, '2025-M01', 'decree09', announced)).toBe('2025-02-08');
    });

    it('moves a due date off an announced day off', () => {
      expect(dueDate({ kind: 'day_of_month', monthOffset: 1, day: 11 }, '2025-Q1', 'decree09', announced)).toBe('2025-04-14');
    });
  });

  it('refuses an invalid rule', () => {
    const invalid = { kind: 'day_of_month', monthOffset: 1, day: 32 } as DeadlineRule;
    expect(() => dueDate(invalid, '2024-Q1')).toThrow('Invalid deadline rule: day: phải là số nguyên từ 1 đến 31');
  });
});

describe('dueInstant', () => {
  it('is the last millisecond of the due date in Vietnam (UTC+7)', () => {
    expect(dueInstant('2024-03-15').toISOString()).toBe('2024-03-15T16:59:59.999Z');
    expect(dueInstant('2025-01-01').toISOString()).toBe('2025-01-01T16:59:59.999Z');
  });
});
