import { DeadlineRule, validateDeadlineRule } from './deadline-rule';

describe('validateDeadlineRule', () => {
  it.each<[string, DeadlineRule]>([
    ['5 working days after the cut-off', { kind: 'days_after_cutoff', days: 5, dayType: 'working' }],
    ['10 calendar days, kept on weekends', { kind: 'days_after_cutoff', days: 10, dayType: 'calendar', adjust: 'none' }],
    ['Circular 35/2016 half-year report by 31/07', { kind: 'day_of_month', monthOffset: 1, day: 31 }],
    ['Circular 04/2022 quarterly by the 10th of the next month', { kind: 'day_of_month', monthOffset: 1, day: 10, adjust: 'next_working_day' }],
    ['Circular 04/2022 annual by 15/3', { kind: 'day_of_month', monthOffset: 3, day: 15 }],
    ['Circular 02/2023 quarterly by the 6th of the last month', { kind: 'day_of_month', monthOffset: 0, day: 6 }],
    ['Circular 02/2023 annual by 25/11', { kind: 'day_of_month', monthOffset: -1, day: 25 }],
  ])('accepts %s', (_name, rule) => {
    expect(validateDeadlineRule(rule)).toEqual([]);
  });

  it('accepts a rule that went through JSON', () => {
    const rule: DeadlineRule = { kind: 'day_of_month', monthOffset: 1, day: 31, adjust: 'none' };
    expect(validateDeadlineRule(JSON.parse(JSON.stringify(rule)))).toEqual([]);
  });

  it.each([null, [], 'days_after_cutoff', 5])('rejects %p as not an object', (rule) => {
    expect(validateDeadlineRule(rule)).toEqual(['Quy tắc hạn nộp phải là một đối tượng (deadline rule must be an object)']);
  });

  it('rejects an unknown kind', () => {
    expect(validateDeadlineRule({ kind: 'fixed_date', date: '2024-07-31' })).toEqual([
      "kind: phải là 'days_after_cutoff' hoặc 'day_of_month' (must be 'days_after_cutoff' or 'day_of_month')",
    ]);
  });

  it.each([
    [{ dayType: 'working' }, 'days: phải là số nguyên từ 1 đến 365 (must be an integer from 1 to 365)'],
    [{ days: 0, dayType: 'working' }, 'days: phải là số nguyên từ 1 đến 365 (must be an integer from 1 to 365)'],
    [{ days: 2.5, dayType: 'working' }, 'days: phải là số nguyên từ 1 đến 365 (must be an integer from 1 to 365)'],
    [{ days: '5', dayType: 'working' }, 'days: phải là số nguyên từ 1 đến 365 (must be an integer from 1 to 365)'],
    [{ days: 366, dayType: 'working' }, 'days: phải là số nguyên từ 1 đến 365 (must be an integer from 1 to 365)'],
    [{ days: 5, dayType: 'business' }, "dayType: phải là 'calendar' hoặc 'working' (must be 'calendar' or 'working')"],
    [{ days: 5 }, "dayType: phải là 'calendar' hoặc 'working' (must be 'calendar' or 'working')"],
  ])('rejects days_after_cutoff with %o', (fields, problem) => {
    expect(validateDeadlineRule({ kind: 'days_after_cutoff', ...fields })).toEqual([problem]);
  });

  it.each([
    [{ monthOffset: 25, day: 10 }, 'monthOffset: phải là số nguyên từ -11 đến 24 (must be an integer from -11 to 24)'],
    [{ monthOffset: -12, day: 10 }, 'monthOffset: phải là số nguyên từ -11 đến 24 (must be an integer from -11 to 24)'],
    [{ day: 10 }, 'monthOffset: phải là số nguyên từ -11 đến 24 (must be an integer from -11 to 24)'],
    [{ monthOffset: 1, day: 0 }, 'day: phải là số nguyên từ 1 đến 31 (must be an integer from 1 to 31)'],
    [{ monthOffset: 1, day: 32 }, 'day: phải là số nguyên từ 1 đến 31 (must be an integer from 1 to 31)'],
  ])('rejects day_of_month with %o', (fields, problem) => {
    expect(validateDeadlineRule({ kind: 'day_of_month', ...fields })).toEqual([problem]);
  });

  it('rejects an unknown adjustment', () => {
    expect(validateDeadlineRule({ kind: 'day_of_month', monthOffset: 1, day: 10, adjust: 'previous_working_day' })).toEqual([
      "adjust: phải là 'next_working_day' hoặc 'none' (must be 'next_working_day' or 'none')",
    ]);
  });

  it('rejects properties of the other kind or unknown ones', () => {
    expect(validateDeadlineRule({ kind: 'day_of_month', monthOffset: 1, day: 10, days: 5, dayType: 'working' })).toEqual([
      'days: thuộc tính không được hỗ trợ (unknown property)',
      'dayType: thuộc tính không được hỗ trợ (unknown property)',
    ]);
  });

  it('lists every problem at once', () => {
    expect(validateDeadlineRule({ kind: 'day_of_month', monthOffset: 30, day: 40, adjust: 'later' })).toHaveLength(3);
  });
});
