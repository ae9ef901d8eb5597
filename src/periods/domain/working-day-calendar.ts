import { CalendarOverride, CalendarOverrideError, validateCalendarOverrides } from './calendar-override';
import { Holiday } from './holiday';
import { publicHolidaysOf } from './holiday-calendar';
import { addDays, daysBetween, isWeekend, IsoDate, parseIsoDate } from './iso-date';

/**
 * Working days of state bodies: Monday to Friday, except public holidays, compensatory days and
 * announced days off; an override always wins, so a 'working_day' row makes even a Saturday or
 * a computed holiday a working day.
 */
export class WorkingDayCalendar {
  private readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;
  private readonly daysOffByYear = new Map<number, ReadonlyMap<IsoDate, Holiday>>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    const problems = validateCalendarOverrides(overrides);
    if (problems.length > 0) throw new CalendarOverrideError(problems);
    this.overrides = new Map(overrides.map((override) => [override.date, { ...override }]));
  }

  isWorkingDay(date: IsoDate): boolean {
    const override = this.overrides.get(date);
    if (override) return override.kind === 'working_day';
    return !isWeekend(date) && !this.daysOff(yearOf(date)).has(date);
  }

  /** The days off of a year other than ordinary weekends, sorted by date. */
  holidaysOf(year: number): Holiday[] {
    return [...this.daysOff(year).values()].map((holiday) => ({ ...holiday }));
  }

  /** The holiday or announced day off on a date, if any. */
  holidayOn(date: IsoDate): Holiday | undefined {
    const holiday = this.daysOff(yearOf(date)).get(date);
    return holiday && { ...holiday };
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The n-th working day after the date (n = 0 gives the date itself). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Working days to add must be a non-negative integer, got ${n}`);
    }
    let day = date;
    for (let remaining = n; remaining > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) remaining -= 1;
    }
    return day;
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * workingDaysBetween(d, addWorkingDays(d, n)) === n; negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const span = daysBetween(from, to);
    if (span < 0) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let offset = 1; offset <= span; offset += 1) {
      if (this.isWorkingDay(addDays(from, offset))) count += 1;
    }
    return count;
  }

  private daysOff(year: number): ReadonlyMap<IsoDate, Holiday> {
    let days = this.daysOffByYear.get(year);
    if (!days) {
      days = this.buildDaysOff(year);
      this.daysOffByYear.set(year, days);
    }
    return days;
  }

  private buildDaysOff(year: number): ReadonlyMap<IsoDate, Holiday> {
    const days = new Map<IsoDate, Holiday>(publicHolidaysOf(year).map((holiday) => [holiday.date, holiday]));
    for (const override of this.overrides.values()) {
      if (yearOf(override.date) !== year) continue;
      if (override.kind === 'working_day') {
        days.delete(override.date);
      } else if (!days.has(override.date)) {
        const name = override.reason.normalize('NFC');
        days.set(override.date, { date: override.date, kind: 'announced_day_off', name });
      }
    }
    return new Map([...days.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}
