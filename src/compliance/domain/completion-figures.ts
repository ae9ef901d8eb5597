import type { ComplianceStatus } from '../../obligations/obligation.entity';
import { daysLate } from '../../periods/domain';
import { roundTo } from './change';
import type { SubmissionStatus } from '../../submissions/domain/submission-status';

/** How many expected units stand in each status (a unit with no submission row is not started). */
export interface StatusCounts {
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

/** What the database counts for one obligation and period. */
export interface CompletionTally {
  expected: number;
  counts: StatusCounts;
  /** First submission by the due date. */
  onTime: number;
  /** First submission after the due date. */
  late: number;
}

export interface CompletionFigures extends CompletionTally {
  /** False for a period due before the obligation is tracked: history, with no percentage and nobody late or overdue. */
  tracked: boolean;
  complied: number;
  /** Expected units not complied while the due instant has passed. */
  overdue: number;
  /** complied / expected in percent, two decimals; null when no unit is expected. */
  completionPercent: number | null;
  /** "61/63", or NOT_TRACKED_HEADLINE. */
  headline: string;
}

export const NOT_TRACKED_HEADLINE = 'không theo dõi';

export function emptyTally(): CompletionTally {
  return { expected: 0, counts: { notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 0 }, onTime: 0, late: 0 };
}

/** The tally of a list of expected units' standings (what the SQL tally counts, over rows). */
export function tallyOf(units: ReadonlyArray<{ status: SubmissionStatus; onTime: boolean | null }>): CompletionTally {
  const tally = emptyTally();
  tally.expected = units.length;
  for (const unit of units) {
    tally.counts[countKey(unit.status)] += 1;
    if (unit.onTime === true) tally.onTime += 1;
    if (unit.onTime === false) tally.late += 1;
  }
  return tally;
}

/** The statuses that count as complied under the obligation's rule. */
export function compliedStatuses(compliesWhen: ComplianceStatus): SubmissionStatus[] {
  return compliesWhen === 'submitted' ? ['submitted', 'approved'] : ['approved'];
}

export function isComplied(status: SubmissionStatus, compliesWhen: ComplianceStatus): boolean {
  return compliedStatuses(compliesWhen).includes(status);
}

/** Past the end of the due date (Vietnam time) and not complied. */
export function isOverdue(complied: boolean, dueAt: string, now: Date): boolean {
  return !complied && now.getTime() > Date.parse(dueAt);
}

/** Whole days past the due date for a unit still owing once the due instant has passed; null otherwise. */
export function daysOverdue(complied: boolean, dueDate: string, dueAt: string, now: Date): number | null {
  return isOverdue(complied, dueAt, now) ? daysLate(dueDate, now) : null;
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo((part / whole) * 100, 2);
}

/**
 * Completion by the obligation's own rule, and how many still owing are overdue at `now`. A period
 * that is not tracked keeps its counts (what was loaded) but has no percentage, and nobody in it is
 * on time, late or overdue.
 */
export function completionFigures(tally: CompletionTally, compliesWhen: ComplianceStatus, dueAt: string, now: Date, tracked = true): CompletionFigures {
  const complied = compliedStatuses(compliesWhen).reduce((sum, status) => sum + tally.counts[countKey(status)], 0);
  if (!tracked) return { ...tally, onTime: 0, late: 0, tracked, complied, overdue: 0, completionPercent: null, headline: NOT_TRACKED_HEADLINE };
  const pastDue = now.getTime() > Date.parse(dueAt);
  return {
    ...tally,
    tracked,
    complied,
    overdue: pastDue ? tally.expected - complied : 0,
    completionPercent: percentOf(complied, tally.expected),
    headline: `${complied}/${tally.expected}`,
  };
}

function countKey(status: SubmissionStatus): keyof StatusCounts {
  return status === 'not_started' ? 'notStarted' : status;
}
