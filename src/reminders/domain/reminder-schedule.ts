import type { ReminderPolicy } from '../../obligations/reminder-policy';
import { addDays, daysBetween, type IsoDate } from '../../periods/domain';
import { beforeStage, DUE_STAGE, ESCALATION_STAGE, overdueStage } from './reminder-stage';

/** A stage of the policy with the calendar day (Vietnam) from which it is due. */
export interface ScheduledStage {
  stage: string;
  date: IsoDate;
}

/**
 * The stage whose turn it is on `today`: the latest stage dated on or before it. A stage that fell on
 * a day without sending (weekend, holiday, night) thus still goes out on the next sending day, unless
 * a later stage has come due meanwhile, which replaces it (a unit never gets a backlog of old stages).
 * Stages before the due date only count while the due date is still ahead.
 */
export function currentStage(policy: ReminderPolicy, dueDate: IsoDate, today: IsoDate): ScheduledStage | null {
  const daysOverdue = daysBetween(dueDate, today);
  if (daysOverdue < 0) {
    const daysLeft = -daysOverdue;
    const reached = policy.daysBefore.filter((days) => days >= daysLeft);
    if (reached.length === 0) return null;
    const days = Math.min(...reached);
    return { stage: beforeStage(days), date: addDays(dueDate, -days) };
  }
  const every = policy.overdueEveryDays;
  if (every > 0 && daysOverdue >= every) {
    const occurrence = Math.floor(daysOverdue / every);
    return { stage: overdueStage(occurrence), date: addDays(dueDate, occurrence * every) };
  }
  const escalateAfter = policy.escalateAfterDays;
  if (every === 0 && escalateAfter > 0 && daysOverdue >= escalateAfter) {
    return { stage: ESCALATION_STAGE, date: addDays(dueDate, escalateAfter) };
  }
  return policy.onDueDate ? { stage: DUE_STAGE, date: dueDate } : null;
}

/** Whether a reminder sent `today` copies the unit's leadership: overdue by at least escalateAfterDays. */
export function escalates(policy: ReminderPolicy, dueDate: IsoDate, today: IsoDate): boolean {
  return policy.escalateAfterDays > 0 && daysBetween(dueDate, today) >= policy.escalateAfterDays;
}

/** The last day a unit is still chased for a period: past it, the period is left to the compliance reports. */
export function chaseUntil(dueDate: IsoDate, horizonDays: number): IsoDate {
  return addDays(dueDate, horizonDays);
}

/** The first day a reminder may be due for a period under the policy. */
export function chaseFrom(policy: ReminderPolicy, dueDate: IsoDate): IsoDate {
  return addDays(dueDate, -Math.max(0, ...policy.daysBefore));
}
