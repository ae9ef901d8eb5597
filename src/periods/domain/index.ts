export type { DateParts, IsoDate } from './iso-date';
export { addDays, daysBetween, dayOfWeek, isIsoDate, isWeekend, parseIsoDate } from './iso-date';
export { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from './supported-years';
export {
  endOfVietnamDay,
  startOfVietnamDay,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET_HOURS,
  vietnamDateOf,
} from './vietnam-time';

export type { LunarDate } from './lunar-calendar';
export { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';

export type { Holiday, HolidayKind } from './holiday';
export { HOLIDAY_NAMES } from './holiday';
export { statutoryHolidaysOf } from './statutory-holidays';
export { publicHolidaysOf } from './holiday-calendar';
export type { CalendarOverride, CalendarOverrideKind } from './calendar-override';
export { CALENDAR_OVERRIDE_KINDS, CalendarOverrideError, validateCalendarOverrides } from './calendar-override';
export { WorkingDayCalendar } from './working-day-calendar';

export type { PeriodType } from './period-type';
export { isPeriodType, PERIOD_TYPE_NAMES, PERIOD_TYPES } from './period-type';
export type { Period } from './period';
export { formatPeriodKey, periodOf } from './period';
export { EXAMPLE_PERIOD_KEYS, parsePeriodKey, parsePeriodKeyFor, PeriodKeyError } from './period-key';
export {
  nextPeriod,
  periodContaining,
  periodsBetween,
  periodsBetweenKeys,
  previousPeriod,
  samePeriodLastYear,
} from './period-navigation';

export type { CutoffWindow, CutoffWindowKind } from './cutoff-window';
export { CUTOFF_WINDOW_KINDS, cutoffWindow } from './cutoff-window';
export type { DayOfMonthRule, DaysAfterCutoffRule, DayType, DeadlineRule, DueDateAdjustment } from './deadline-rule';
export { DEADLINE_RULE_LIMITS, validateDeadlineRule } from './deadline-rule';
export type { WorkingDays } from './due-date';
export { computeDueDate, dueInstant } from './due-date';
export type { PeriodStatus } from './period-status';
export { daysLate, daysUntil, periodStatusAt } from './period-status';
