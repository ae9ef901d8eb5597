import type { ReminderPolicy } from '../../obligations/reminder-policy';
import { daysBetween, type IsoDate, vietnamDateOf } from '../../periods/domain';
import { underMonthlyCap } from './monthly-cap';
import { currentStage, escalates } from './reminder-schedule';
import { manualStage } from './reminder-stage';
import { isSendingTime, type SendingHours, type WorkingDayCheck } from './sending-window';

export interface UnitReminderState {
  policy: ReminderPolicy;
  dueDate: IsoDate;
  now: Date;
  /** Stages already recorded for this unit and period, whatever came of them. */
  recordedStages: ReadonlySet<string>;
}

export interface ScheduledReminderInput extends UnitReminderState {
  calendar: WorkingDayCheck;
  hours: SendingHours;
  /** Reminders the unit has queued or received this calendar month, across obligations. */
  remindersThisMonth: number;
}

export type WaitReason = 'outside_sending_hours' | 'no_stage_due' | 'already_recorded';

export type ReminderDecision =
  | { action: 'wait'; reason: WaitReason }
  /** `skip_cap`: the stage's turn came but the unit's monthly cap is reached; recorded so it is not tried again. */
  | { action: 'remind' | 'skip_cap'; stage: string; escalate: boolean; daysUntilDue: number };

/** What the scheduler does for one unit that still owes a report, at `now`. */
export function planScheduledReminder(input: ScheduledReminderInput): ReminderDecision {
  if (!isSendingTime(input.now, input.calendar, input.hours)) return { action: 'wait', reason: 'outside_sending_hours' };
  const today = vietnamDateOf(input.now);
  const stage = currentStage(input.policy, input.dueDate, today);
  if (!stage) return { action: 'wait', reason: 'no_stage_due' };
  if (input.recordedStages.has(stage.stage)) return { action: 'wait', reason: 'already_recorded' };
  const action = underMonthlyCap(input.remindersThisMonth, input.policy.monthlyCapPerUnit) ? 'remind' : 'skip_cap';
  return { action, stage: stage.stage, escalate: escalates(input.policy, input.dueDate, today), daysUntilDue: daysBetween(today, input.dueDate) };
}

/**
 * A "remind now" asked for by a compliance officer: one per unit and Vietnam day, at any hour and
 * whatever the monthly cap (a person decided it), escalated like a scheduled one.
 */
export function planManualReminder(input: UnitReminderState): ReminderDecision {
  const today = vietnamDateOf(input.now);
  const stage = manualStage(today);
  if (input.recordedStages.has(stage)) return { action: 'wait', reason: 'already_recorded' };
  return { action: 'remind', stage, escalate: escalates(input.policy, input.dueDate, today), daysUntilDue: daysBetween(today, input.dueDate) };
}
