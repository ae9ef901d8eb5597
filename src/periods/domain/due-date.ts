import { CutoffWindow } from './cutoff-window';
import { DeadlineRule, validateDeadlineRule } from './deadline-rule';
import { addDays, clampedDate, IsoDate, parseIsoDate } from './iso-date';
import { Period } from './period';
import { endOfVietnamDay } from './vietnam-time';
import { shiftMonth } from './year-month';

/** The part of a working-day calendar a deadline needs (WorkingDayCalendar fits). */
export interface WorkingDays {
  nextWorkingDay(date: IsoDate): IsoDate;
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

/** The last date a report for the period may be sent. Throws RangeError for an invalid rule. */
export function computeDueDate(
  rule: DeadlineRule,
  period: Period,
  window: CutoffWindow,
  calendar: WorkingDays,
): IsoDate {
  const problems = validateDeadlineRule(rule);
  if (problems.length > 0) throw new RangeError(`Invalid deadline rule: ${problems.join('; ')}`);
  const unadjusted = unadjustedDueDate(rule, period, window, calendar);
  return (rule.adjust ?? 'next_working_day') === 'next_working_day'
    ? calendar.nextWorkingDay(unadjusted)
    : unadjusted;
}

/** The end of the due date in Vietnam: 23:59:59.999+07:00. */
export function dueInstant(dueDate: IsoDate): Date {
  return endOfVietnamDay(dueDate);
}

function unadjustedDueDate(
  rule: DeadlineRule,
  period: Period,
  window: CutoffWindow,
  calendar: WorkingDays,
): IsoDate {
  if (rule.kind === 'days_after_cutoff') {
    return rule.dayType === 'working'
      ? calendar.addWorkingDays(window.end, rule.days)
      : addDays(window.end, rule.days);
  }
  const { year, month } = shiftMonth(parseIsoDate(period.end), rule.monthOffset);
  return clampedDate(year, month, rule.day);
}
