import type { ReminderPolicy } from '../../obligations/reminder-policy';
import {
  addDays,
  type IsoDate,
  MAX_SUPPORTED_YEAR,
  MIN_SUPPORTED_YEAR,
  type Period,
  type PeriodType,
  periodsBetween,
  vietnamDateOf,
  type WorkingDays,
} from '../../periods/domain';
import { type ScheduleRule, scheduleOf } from '../../periods/period-schedule';
import { chaseFrom, chaseUntil } from './reminder-schedule';

export interface CampaignRule extends ScheduleRule {
  periodType: PeriodType;
  activeFrom: IsoDate;
  /** Periods due before it are history: never reminded. */
  trackedFrom: IsoDate;
  reminderPolicy: ReminderPolicy;
}

/** A period whose units may be reminded now: from the first stage before its due date to the horizon after it. */
export interface Campaign {
  period: Period;
  dueDate: IsoDate;
}

// Deadline rules reach at most 24 months past a period's end (or 365 working days past its cut-off),
// so periods further back than this cannot have a due date within the horizon.
const LOOK_BACK_DAYS = 800;
const LOOK_AHEAD_DAYS = 460;

const clampYear = (date: IsoDate) => {
  const year = Number(date.slice(0, 4));
  if (year < MIN_SUPPORTED_YEAR) return `${MIN_SUPPORTED_YEAR}-01-01`;
  if (year > MAX_SUPPORTED_YEAR) return `${MAX_SUPPORTED_YEAR}-12-31`;
  return date;
};

/** The obligation's tracked periods whose reminder campaign is running at `now` (its cut-off window has opened). */
export function campaignsAt(rule: CampaignRule, calendar: WorkingDays, now: Date, horizonDays: number): Campaign[] {
  const today = vietnamDateOf(now);
  const candidates = periodsBetween(rule.periodType, clampYear(addDays(today, -(horizonDays + LOOK_BACK_DAYS))), clampYear(addDays(today, LOOK_AHEAD_DAYS)));
  return candidates
    .filter((period) => period.end >= rule.activeFrom)
    .map((period) => ({ period, schedule: scheduleOf(rule, period, calendar, now) }))
    .filter(({ schedule }) => schedule.status !== 'upcoming' && schedule.dueDate >= rule.trackedFrom)
    .filter(({ schedule }) => chaseFrom(rule.reminderPolicy, schedule.dueDate) <= today && today <= chaseUntil(schedule.dueDate, horizonDays))
    .map(({ period, schedule }) => ({ period, dueDate: schedule.dueDate }));
}
