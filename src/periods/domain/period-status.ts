import { CutoffWindow } from './cutoff-window';
import { daysBetween, IsoDate } from './iso-date';
import { dueInstant } from './due-date';
import { vietnamDateOf } from './vietnam-time';

/**
 * upcoming: before the cut-off window starts; open: inside it; due: the window has ended and the
 * due instant has not passed; overdue: past the due instant (checked first, so a deadline set
 * before the window ends still reads overdue). Dates are taken in Vietnam time.
 */
export type PeriodStatus = 'upcoming' | 'open' | 'due' | 'overdue';

export function periodStatusAt(window: CutoffWindow, dueDate: IsoDate, now: Date): PeriodStatus {
  if (now.getTime() > dueInstant(dueDate).getTime()) return 'overdue';
  const today = vietnamDateOf(now);
  if (today < window.start) return 'upcoming';
  if (today <= window.end) return 'open';
  return 'due';
}

/** Calendar days (Vietnam time) from `at` to the due date: 0 on it, negative once it has passed. */
export function daysUntil(dueDate: IsoDate, at: Date): number {
  return daysBetween(vietnamDateOf(at), dueDate);
}

/** Whole calendar days (Vietnam time) past the due date: 0 until the day after it. */
export function daysLate(dueDate: IsoDate, at: Date): number {
  return Math.max(0, -daysUntil(dueDate, at));
}
