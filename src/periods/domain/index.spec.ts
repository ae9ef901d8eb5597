import {
  computeDueDate,
  cutoffWindow,
  daysLate,
  dueInstant,
  parsePeriodKeyFor,
  periodStatusAt,
  samePeriodLastYear,
  WorkingDayCalendar,
} from './index';

describe('the public API, end to end', () => {
  const calendar = new WorkingDayCalendar();

  it('takes the Circular 35/2016 annual licensing report for 2023 from key to status', () => {
    const period = parsePeriodKeyFor('yearly', '2023-Y');
    const window = cutoffWindow(period, 'calendar');
    const due = computeDueDate({ kind: 'day_of_month', monthOffset: 1, day: 31 }, period, window, calendar);

    expect(period.label).toBe('Năm 2023');
    expect(window).toEqual({ kind: 'calendar', start: '2023-01-01', end: '2023-12-31' });
    expect(due).toBe('2024-01-31');
    expect(dueInstant(due).toISOString()).toBe('2024-01-31T16:59:59.999Z');
    expect(periodStatusAt(window, due, new Date('2024-01-15T02:00:00Z'))).toBe('due');
    expect(daysLate(due, new Date('2024-02-05T02:00:00Z'))).toBe(5);
    expect(samePeriodLastYear(period).key).toBe('2022-Y');
  });

  it('takes a quarterly Decree 09 report due 5 working days after the cut-off', () => {
    const period = parsePeriodKeyFor('quarterly', '2024-Q1');
    const window = cutoffWindow(period, 'decree09');
    const due = computeDueDate({ kind: 'days_after_cutoff', days: 5, dayType: 'working' }, period, window, calendar);

    expect(window).toEqual({ kind: 'decree09', start: '2023-12-15', end: '2024-03-14' });
    expect(due).toBe('2024-03-21');
    expect(periodStatusAt(window, due, new Date('2024-02-01T02:00:00Z'))).toBe('open');
  });
});
