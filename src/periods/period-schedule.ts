import {
  computeDueDate,
  cutoffWindow,
  type CutoffWindowKind,
  daysUntil,
  type DeadlineRule,
  dueInstant,
  type Period,
  periodStatusAt,
  type PeriodStatus,
  type WorkingDays,
} from './domain';

/** The parts of an obligation that decide a period's dates. */
export interface ScheduleRule {
  cutoffKind: CutoffWindowKind;
  deadlineRule: DeadlineRule;
}

export interface PeriodSchedule {
  key: string;
  label: string;
  start: string;
  end: string;
  cutoffStart: string;
  cutoffEnd: string;
  dueDate: string;
  dueAt: string;
  status: PeriodStatus;
  daysUntilDue: number;
}

/** A period's cut-off window, due date and status at a moment: pure, for lists and single lookups. */
export function scheduleOf(rule: ScheduleRule, period: Period, calendar: WorkingDays, now: Date): PeriodSchedule {
  const window = cutoffWindow(period, rule.cutoffKind);
  const dueDate = computeDueDate(rule.deadlineRule, period, window, calendar);
  return {
    key: period.key,
    label: period.label,
    start: period.start,
    end: period.end,
    cutoffStart: window.start,
    cutoffEnd: window.end,
    dueDate,
    dueAt: dueInstant(dueDate).toISOString(),
    status: periodStatusAt(window, dueDate, now),
    daysUntilDue: daysUntil(dueDate, now),
  };
}
